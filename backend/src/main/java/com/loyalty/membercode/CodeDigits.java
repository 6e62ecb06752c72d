package com.loyalty.membercode;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The member code as 18 digits, like WeChat Pay's payment code, for POS barcode scanners and for
 * typing at the till: the prefix {@value #PREFIX}, 15 random digits and a Luhn check digit (a
 * mistyped digit or two swapped neighbours are refused without a look-up). The digits mean
 * nothing by themselves: Redis binds them to one signed code for its lifetime ({@link MemberCodes}).
 */
final class CodeDigits {

    /** Tells our codes from payment codes (WeChat Pay starts 10-15, Alipay 25-30, UnionPay 62). */
    static final String PREFIX = "88";
    static final int LENGTH = 18;
    private static final long RANDOM_BOUND = 1_000_000_000_000_000L; // 15 digits

    private CodeDigits() {
    }

    /** Fresh digits: the prefix, 15 digits drawn from {@code random} and the check digit. */
    static String random(RandomGenerator random) {
        String body = PREFIX + String.format("%015d", random.nextLong(RANDOM_BOUND));
        return body + checkDigit(body);
    }

    /** Whether the text is meant as digits (only digits and spaces), rather than the QR code's token. */
    static boolean looksNumeric(String text) {
        return text != null && !text.isBlank() && text.chars().allMatch(c -> Character.isWhitespace(c) || (c >= '0' && c <= '9'));
    }

    /** The digits in the text with spaces taken out, when they are well-formed member-code digits. */
    static Optional<String> parse(String text) {
        if (!looksNumeric(text)) {
            return Optional.empty();
        }
        String digits = text.replaceAll("\\s+", "");
        boolean wellFormed = digits.length() == LENGTH && digits.startsWith(PREFIX)
                && checkDigit(digits.substring(0, LENGTH - 1)) == digits.charAt(LENGTH - 1);
        return wellFormed ? Optional.of(digits) : Optional.empty();
    }

    /** The Luhn check digit of {@code body} (the digit that makes body + digit pass the Luhn test). */
    static char checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) { // doubled: every second digit from the right, starting next to the check digit
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
