package com.loyalty.mall;

public record MallAddressInput(String recipient, String phone, String region, String detail) {
}
