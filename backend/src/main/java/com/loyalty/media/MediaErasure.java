package com.loyalty.media;

import com.loyalty.privacy.AccountErasure;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** An erased account's uploads (its avatars, current and past) are deleted with it. */
@Component
class MediaErasure implements AccountErasure {

    private final MediaService media;

    MediaErasure(MediaService media) {
        this.media = media;
    }

    @Override
    public Mono<Void> memberErased(long memberId) {
        return media.deleteAllOf(memberId);
    }
}
