package com.loyalty.shared.graphql;

/**
 * The {@code search} argument of list filters: part of a name, matched with SQL {@code ilike}
 * against the pattern this returns ({@code %}, {@code _} and {@code \} taken literally).
 */
public final class SearchText {

    /** The longest search text. */
    public static final int MAX_LENGTH = 64;

    private SearchText() {
    }

    /**
     * The ilike pattern for {@code text} (escape character {@code \}), or null when there is nothing
     * to search for; BAD_REQUEST (INVALID_INPUT) when it is longer than {@link #MAX_LENGTH}.
     */
    public static String pattern(String text, String argument) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new BadArgumentException(argument + " is at most " + MAX_LENGTH + " characters (搜索内容最多 "
                    + MAX_LENGTH + " 个字)");
        }
        return containing(stripped);
    }

    /** The ilike pattern (escape character {@code \}) of text containing {@code text} as it is. */
    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }

    /** {@code text} with {@code \}, {@code %} and {@code _} escaped for like/ilike (escape character {@code \}). */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
