package com.loyalty.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The brand's stored-value rules (docs/rules.md explains them to store owners).
 *
 * @param spendOrder how a payment splits between principal and bonus (how often a member may use
 *                   the card at tills: {@code loyalty.rate-limits.limits.WALLET_OPERATION})
 */
@ConfigurationProperties("loyalty.wallet")
public record WalletProperties(
        @DefaultValue("PROPORTIONAL") SpendOrder spendOrder) {
}
