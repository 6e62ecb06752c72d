package com.loyalty.wallet.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The brand's stored-value rules (docs/rules.md explains them to store owners).
 *
 * @param spendOrder how a payment splits between principal and bonus (how often a member may use
 *                   the card at tills: {@code loyalty.rate-limits.limits.WALLET_OPERATION})
 * @param rejectedNotificationsKeptPerHour how many rejected WeChat Pay notifications are stored for
 *                   review in any hour; beyond that they are only logged (anyone can post them)
 */
@ConfigurationProperties("loyalty.wallet")
public record WalletProperties(
        @DefaultValue("PROPORTIONAL") SpendOrder spendOrder,
        @DefaultValue("100") int rejectedNotificationsKeptPerHour) {
}
