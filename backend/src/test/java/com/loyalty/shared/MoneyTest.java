package com.loyalty.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void centsReadAsYuanWithTwoDecimalsAndTheirSign() {
        assertThat(Money.yuan(5_000)).isEqualTo("¥50.00");
        assertThat(Money.yuan(12_345)).isEqualTo("¥123.45");
        assertThat(Money.yuan(7)).isEqualTo("¥0.07");
        assertThat(Money.yuan(0)).isEqualTo("¥0.00");
        assertThat(Money.yuan(-150)).isEqualTo("¥-1.50");
        assertThat(Money.yuan(-50)).isEqualTo("¥-0.50");
        assertThat(Money.yuan(Long.MAX_VALUE)).isEqualTo("¥92233720368547758.07");
    }
}
