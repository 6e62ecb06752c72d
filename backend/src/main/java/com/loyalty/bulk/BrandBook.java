package com.loyalty.bulk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a file's rows are checked against, read once per job: the brand's stores (by name or id)
 * and tiers (by name or level), the time the job started, the business zone, and when points with
 * no expiry of their own expire.
 */
record BrandBook(Map<String, Long> stores, Map<String, Integer> tiers, Instant now, ZoneId zone,
                 Instant defaultPointsExpiry) {

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    Long store(String text) {
        Long byName = stores.get(key(text));
        if (byName != null) {
            return byName;
        }
        try {
            long id = Long.parseLong(text.strip());
            return stores.containsValue(id) ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Integer tier(String text) {
        Integer byName = tiers.get(key(text));
        if (byName != null) {
            return byName;
        }
        try {
            int level = Integer.parseInt(text.strip());
            return tiers.containsValue(level) ? level : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Map<String, Long> storesOf(Iterable<com.loyalty.store.Store> all) {
        Map<String, Long> byName = new HashMap<>();
        all.forEach(s -> byName.put(key(s.name()), s.id()));
        return byName;
    }
}
