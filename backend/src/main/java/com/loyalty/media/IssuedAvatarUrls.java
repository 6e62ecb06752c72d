package com.loyalty.media;

import com.loyalty.member.IssuedAvatars;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The member module's check of an avatar URL: it must be {@code <public-url>/media/<key>} exactly,
 * with a key that this member uploaded as an avatar.
 */
@Component
class IssuedAvatarUrls implements IssuedAvatars {

    private final MediaRepository media;
    private final String prefix;

    IssuedAvatarUrls(MediaRepository media, MediaProperties properties) {
        this.media = media;
        this.prefix = prefix(properties);
    }

    /** What every URL handed out starts with. */
    static String prefix(MediaProperties properties) {
        return properties.publicUrl() + "/media/";
    }

    @Override
    public Mono<Boolean> issuedTo(long memberId, String url) {
        if (url == null || !url.startsWith(prefix)) {
            return Mono.just(false);
        }
        String key = url.substring(prefix.length());
        return MediaKeys.formatOf(key).isEmpty() ? Mono.just(false) : media.uploadedBy(key, memberId, MediaService.AVATAR);
    }
}
