package com.loyalty.media;

import com.loyalty.member.MemberService;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Members' avatar uploads: rate-limited per member, re-encoded ({@link AvatarImages}), kept in the
 * {@link MediaStore} under a random key, recorded as the member's (media_object), and answered with
 * the URL this server serves them from; updateProfile accepts only such URLs of the same member
 * ({@link IssuedAvatarUrls}).
 */
@Service
class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);
    static final String AVATAR = "AVATAR";

    private final AvatarImages images;
    private final MediaStore store;
    private final MediaRepository media;
    private final RateLimits rateLimits;
    private final MemberService members;
    private final Clock clock;
    private final String urlPrefix;

    MediaService(AvatarImages images, MediaStore store, MediaRepository media, RateLimits rateLimits,
                 MemberService members, Clock clock, MediaProperties properties) {
        this.members = members;
        this.images = images;
        this.store = store;
        this.media = media;
        this.rateLimits = rateLimits;
        this.clock = clock;
        this.urlPrefix = IssuedAvatarUrls.prefix(properties);
    }

    /**
     * Stores the member's new avatar and answers its URL; PRIVACY_NOTICE_NOT_ACCEPTED (nothing
     * personal is kept before that), RATE_LIMITED, UPLOAD_TYPE_UNSUPPORTED or UPLOAD_TOO_LARGE otherwise.
     */
    Mono<String> uploadAvatar(long memberId, byte[] file) {
        return members.requirePrivacyNotice(memberId)
                .then(rateLimits.acquire(RateLimitedAction.MEDIA_UPLOAD, memberId))
                .then(Mono.fromCallable(() -> images.reencode(file)).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(image -> {
                    String key = MediaKeys.newKey(image.format());
                    return store.put(key, image.bytes(), image.format().contentType())
                            .then(media.insert(key, memberId, AVATAR, image.format(), image, clock.instant()))
                            .thenReturn(urlPrefix + key);
                });
    }

    /** A stored object and its content type, for GET /media/{key}; empty for an unknown or malformed key. */
    Mono<Served> serve(String key) {
        return Mono.justOrEmpty(MediaKeys.formatOf(key))
                .flatMap(format -> store.get(key).map(bytes -> new Served(bytes, format.contentType())));
    }

    record Served(byte[] bytes, String contentType) {
    }

    /** Deletes everything the member uploaded: the rows, then the objects (a failed object delete is logged). */
    Mono<Void> deleteAllOf(long memberId) {
        return media.deleteOfMember(memberId)
                .concatMap(key -> store.delete(key).onErrorResume(e -> {
                    log.warn("could not delete media {} of erased member {}: {}", key, memberId, e.toString());
                    return Mono.empty();
                }))
                .then();
    }
}
