package com.loyalty.wallet.report;

import java.util.List;

/** The stored-value report of a range: flows per period and in total, and the liability now. */
public record WalletReport(Long storeId, List<WalletNumbers> periods, WalletNumbers total, Liability liability) {
}
