package com.loyalty.mall;

public record ShipMallRedemptionInput(Long redemptionId, String trackingNumber) {
}
