package com.loyalty.membercode;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The member code's digits: prefix, 15 random digits and a Luhn check digit; spaces ignored when typed. */
class CodeDigitsTest {

    @Test
    void theCheckDigitIsLuhnsAsInItsTextbookExamples() {
        assertThat(CodeDigits.checkDigit("7992739871")).isEqualTo('3');
        assertThat(CodeDigits.checkDigit("4539578763621486".substring(0, 15))).isEqualTo('6');
        assertThat(CodeDigits.checkDigit("0")).isEqualTo('0');
    }

    @Test
    void freshDigitsAreEighteenWithThePrefixAndPassTheirOwnCheck() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            String digits = CodeDigits.random(random);
            assertThat(digits).hasSize(18).startsWith("88").containsOnlyDigits();
            assertThat(CodeDigits.parse(digits)).contains(digits);
        }
    }

    @Test
    void typedDigitsMayBeGroupedWithSpaces() {
        String body = "88123456789012345";
        String digits = body + CodeDigits.checkDigit(body);

        assertThat(CodeDigits.parse(" 8812 3456 7890 1234 5" + digits.charAt(17) + " ")).contains(digits);
        assertThat(CodeDigits.looksNumeric("8812 3456")).isTrue();
    }

    @Test
    void aWrongDigitSwappedNeighboursAWrongPrefixOrLengthAreRefused() {
        String body = "88123456789012345";
        String digits = body + CodeDigits.checkDigit(body);
        String wrongDigit = digits.substring(0, 10) + (char) ('0' + (digits.charAt(10) - '0' + 3) % 10) + digits.substring(11);
        String swapped = digits.substring(0, 4) + digits.charAt(5) + digits.charAt(4) + digits.substring(6);
        String payPrefix = "13" + digits.substring(2, 17);

        assertThat(CodeDigits.parse(wrongDigit)).isEmpty();
        assertThat(CodeDigits.parse(swapped)).isEmpty();
        assertThat(CodeDigits.parse(payPrefix + CodeDigits.checkDigit(payPrefix))).isEmpty();
        assertThat(CodeDigits.parse(digits.substring(1))).isEmpty();
        assertThat(CodeDigits.parse(digits + "1")).isEmpty();
    }

    @Test
    void theQrCodesTokenIsNotTakenForDigits() {
        assertThat(CodeDigits.looksNumeric("7.1765000000.abc.def")).isFalse();
        assertThat(CodeDigits.looksNumeric("   ")).isFalse();
        assertThat(CodeDigits.looksNumeric(null)).isFalse();
        assertThat(CodeDigits.parse("88１２３")).isEmpty();
    }
}
