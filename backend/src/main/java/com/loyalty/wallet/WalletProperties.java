package com.loyalty.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The brand's stored-value rules (docs/rules.md explains them to store owners).
 *
 * @param spendOrder             how a payment splits between principal and bonus
 * @param tillOperationsPerMinute stored-value payments and recharges one member may make at tills per minute
 */
@ConfigurationProperties("loyalty.wallet")
public record WalletProperties(
        @DefaultValue("PROPORTIONAL") SpendOrder spendOrder,
        @DefaultValue("10") int tillOperationsPerMinute) {
}
