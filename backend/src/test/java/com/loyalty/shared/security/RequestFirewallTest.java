package com.loyalty.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's loops accept and refuse exactly what Spring Security's regular expressions do. */
class RequestFirewallTest {

    // the patterns of StrictServerWebExchangeFirewall (spring-security-web 7.1)
    private static final Pattern ASSIGNED_NOT_CONTROL = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCharacterIsJudgedAsSpringSecurityJudgesIt() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String s = "Bearer eyJ" + new String(Character.toChars(c)) + "x";
            assertThat(RequestFirewall.HEADER_VALUE.test(s)).as("header value U+%04X", c)
                    .isEqualTo(HEADER_VALUE.matcher(s).matches());
            assertThat(RequestFirewall.ASSIGNED_NOT_CONTROL.test(s)).as("name or parameter U+%04X", c)
                    .isEqualTo(ASSIGNED_NOT_CONTROL.matcher(s).matches());
        }
    }

    @Test
    void tokensPassAndControlCharactersAndLoneSurrogatesAreJudgedLikeSpringSecurity() {
        String[] samples = {"", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-_", "a\tb", "a\u0085b", "a\u007fb",
                "a\rb", "a\nb", "\uD800", "x\uDC00y", "中文 值", "\uD83D\uDE00"};
        for (String s : samples) {
            assertThat(RequestFirewall.HEADER_VALUE.test(s)).as(s).isEqualTo(HEADER_VALUE.matcher(s).matches());
            assertThat(RequestFirewall.ASSIGNED_NOT_CONTROL.test(s)).as(s)
                    .isEqualTo(ASSIGNED_NOT_CONTROL.matcher(s).matches());
        }
        assertThat(RequestFirewall.HEADER_VALUE.test("a\tb")).isTrue();
        assertThat(RequestFirewall.HEADER_VALUE.test("a\u0085b")).isFalse();
        assertThat(RequestFirewall.HEADER_VALUE.test(null)).isTrue();
    }
}
