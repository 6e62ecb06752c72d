package com.loyalty.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The privacy notice texts, one file per version at {@code loyalty.privacy.notice-location}
 * ({@code notice-v1.txt}, {@code notice-v2.txt}...; first line the title, then the text). All are
 * read at start-up, and the start fails when the version in force has no text: members must be
 * able to read what they accept.
 */
@Component
class PrivacyNotices {

    private final Map<Integer, PrivacyNotice> notices = new TreeMap<>();
    private final int current;

    PrivacyNotices(PrivacyProperties properties, ResourceLoader resources) {
        this.current = properties.noticeVersion();
        for (int version = 1; version <= current; version++) {
            Resource file = resources.getResource(properties.noticeLocation() + "notice-v" + version + ".txt");
            if (file.exists()) notices.put(version, read(file, version));
        }
        if (!notices.containsKey(current)) {
            throw new IllegalStateException("No text for the privacy notice in force (version " + current + "): add "
                    + properties.noticeLocation() + "notice-v" + current + ".txt or change loyalty.privacy.notice-version");
        }
    }

    /** The version in force. */
    public PrivacyNotice current() {
        return notices.get(current);
    }

    /** An earlier or the current version; empty when there is no such text. */
    public Optional<PrivacyNotice> version(int version) {
        return Optional.ofNullable(notices.get(version));
    }

    private PrivacyNotice read(Resource file, int version) {
        try {
            String content = file.getContentAsString(StandardCharsets.UTF_8).strip();
            int end = content.indexOf('\n');
            String title = end < 0 ? content : content.substring(0, end).strip();
            String text = end < 0 ? "" : content.substring(end + 1).strip();
            return new PrivacyNotice(version, title, text, version == current);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the privacy notice " + file, e);
        }
    }
}
