package com.loyalty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the examples of a chapter of a guide in docs/ so that a test can run them as written: every
 * fenced block in a runnable language ({@code graphql}, {@code http}, {@code shell}) whose first
 * lines say who runs it ({@code # as admin}) and, when it should fail, which code it answers
 * ({@code # answers NOT_ALLOWED}). Blocks in other languages (json, text) are read, not run.
 * Also remembers the answers' ids for later examples ({@link #remember}).
 */
final class DocExamples {

    /** One runnable block: its place in the chapter, language, caller, expected code (null: none) and text. */
    record Example(int number, String language, String caller, String answers, String source) {
    }

    private static final Pattern BLOCK = Pattern.compile("```(graphql|http|shell)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern AS = Pattern.compile("^# as ([a-z-]+)\\s*$", Pattern.MULTILINE);
    private static final Pattern ANSWERS = Pattern.compile("^# answers ([A-Z_0-9]+)\\s*$", Pattern.MULTILINE);

    private DocExamples() {
    }

    /** The text of the chapter headed {@code heading} (e.g. "## Webhooks"), up to the next chapter of its level. */
    static String chapter(String doc, String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        assertThat(start).as("the guide has a chapter '%s'", heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = doc.indexOf("\n" + level, start + heading.length() + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    /** The chapter's runnable examples, in order; each must say who runs it. */
    static List<Example> examples(String doc, String heading) {
        String chapter = chapter(doc, heading);
        List<Example> examples = new ArrayList<>();
        Matcher block = BLOCK.matcher(chapter);
        while (block.find()) {
            String source = block.group(2);
            Matcher as = AS.matcher(source);
            assertThat(as.find()).as("example %d of '%s' starts with '# as <who>':%n%s", examples.size() + 1,
                    heading, source).isTrue();
            Matcher answers = ANSWERS.matcher(source);
            examples.add(new Example(examples.size() + 1, block.group(1), as.group(1),
                    answers.find() ? answers.group(1) : null, source));
        }
        assertThat(examples).as("runnable examples in '%s'", heading).isNotEmpty();
        return examples;
    }

    /**
     * Remembers each scalar of each object in the answer under the singular name of the field that
     * holds the object plus the scalar's name: {@code createCampaign { campaign { id } }} gives
     * {@code campaignId}; a connection's nodes count as the connection's field.
     */
    static void remember(Map<?, ?> object, String holder, Map<String, Object> known) {
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String field = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> child) {
                remember(child, field.equals("node") || field.equals("edges") ? holder : field, known);
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> child) {
                        remember(child, field.equals("edges") ? holder : field, known);
                    }
                }
            } else if (holder != null && value != null) {
                known.put(singular(holder) + Character.toUpperCase(field.charAt(0)) + field.substring(1), value);
            }
        }
    }

    static String singular(String name) {
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        return name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1) : name;
    }

    /** Every error code in a GraphQL answer: user errors' codes, and GraphQL errors' code or classification. */
    @SuppressWarnings("unchecked")
    static List<String> errorCodes(Map<String, Object> response) {
        List<String> codes = new ArrayList<>();
        if (response.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                Map<String, Object> extensions = (Map<String, Object>) ((Map<String, Object>) error)
                        .getOrDefault("extensions", Map.of());
                Object code = extensions.getOrDefault("code", extensions.getOrDefault("classification", "ERROR"));
                codes.add(String.valueOf(code));
            }
        }
        collectUserErrors(response.get("data"), codes);
        return codes;
    }

    private static void collectUserErrors(Object value, List<String> codes) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                if ("userErrors".equals(key) && child instanceof List<?> errors) {
                    errors.forEach(error -> codes.add(String.valueOf(((Map<?, ?>) error).get("code"))));
                } else {
                    collectUserErrors(child, codes);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(child -> collectUserErrors(child, codes));
        }
    }
}
