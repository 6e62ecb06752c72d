package com.loyalty.mall;

public record CancelMallRedemptionInput(Long redemptionId, String reason) {
}
