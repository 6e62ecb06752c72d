package com.loyalty.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;

/**
 * Who may call each root field, from {@code security/who-may-call.txt}: a line {@code field: WORD...}
 * where a word is ANYONE, SIGNED_IN (members and staff), STAFF (clerk, manager, admin) or one
 * caller's name. The callers are the test's own enum, with constants MEMBER, CLERK, STORE_MANAGER,
 * MARKETER and ADMIN in that order. A word {@code CLIENT(scope)} admits machine clients (API clients)
 * whose token holds that scope: {@link #clientScopes} reads those; {@link #rules} leaves them out.
 */
public final class WhoMayCall {

    private WhoMayCall() {
    }

    public static <E extends Enum<E>> Map<String, Set<E>> rules(Class<E> callers) throws IOException {
        Map<String, Set<E>> rules = new LinkedHashMap<>();
        String text = new ClassPathResource("security/who-may-call.txt").getContentAsString(StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 2);
            Set<E> allowed = EnumSet.noneOf(callers);
            for (String word : parts[1].trim().split("\\s+")) {
                if (word.startsWith("CLIENT(")) {
                    continue;
                }
                switch (word) {
                    case "ANYONE" -> allowed.addAll(EnumSet.allOf(callers));
                    case "SIGNED_IN" -> allowed.addAll(EnumSet.range(Enum.valueOf(callers, "MEMBER"), Enum.valueOf(callers, "ADMIN")));
                    case "STAFF" -> allowed.addAll(EnumSet.of(Enum.valueOf(callers, "CLERK"), Enum.valueOf(callers, "STORE_MANAGER"),
                            Enum.valueOf(callers, "ADMIN")));
                    default -> allowed.add(Enum.valueOf(callers, word));
                }
            }
            rules.put(parts[0].trim(), allowed);
        }
        return rules;
    }

    /** The fields open to machine clients, each with the scope a client's token needs for it. */
    public static Map<String, String> clientScopes() throws IOException {
        Map<String, String> scopes = new LinkedHashMap<>();
        String text = new ClassPathResource("security/who-may-call.txt").getContentAsString(StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 2);
            for (String word : parts[1].trim().split("\\s+")) {
                if (word.startsWith("CLIENT(") && word.endsWith(")")) {
                    scopes.put(parts[0].trim(), word.substring("CLIENT(".length(), word.length() - 1));
                }
            }
        }
        return scopes;
    }
}
