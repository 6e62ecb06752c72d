package com.loyalty.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns a message's JSON data into the name-value pairs of a template, as strings. */
@Component
class MessageData {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json;

    MessageData(JsonMapper json) {
        this.json = json;
    }

    /**
     * The template's values: each keyword of {@code fields} takes the data field it names, or,
     * without fields, every top-level data field as it is. Non-object data becomes {@code value}.
     */
    public Map<String, String> values(String data, Map<String, String> fields) {
        Map<String, Object> parsed = parse(data);
        Map<String, String> values = new LinkedHashMap<>();
        if (fields.isEmpty()) {
            parsed.forEach((name, value) -> values.put(name, text(value)));
        } else {
            fields.forEach((keyword, field) -> values.put(keyword, text(parsed.get(field))));
        }
        return values;
    }

    private Map<String, Object> parse(String data) {
        String trimmed = data == null ? "" : data.strip();
        if (trimmed.startsWith("{")) {
            return json.readValue(trimmed, MAP);
        }
        Map<String, Object> single = new LinkedHashMap<>();
        if (!trimmed.isEmpty() && !"null".equals(trimmed)) {
            single.put("value", json.readValue(trimmed, Object.class));
        }
        return single;
    }

    private String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? String.valueOf(value) : json.writeValueAsString(value);
    }
}
