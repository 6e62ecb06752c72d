package com.loyalty.media;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreScope;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.security.access.AccessDeniedException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Uploads, re-encoded ({@link UploadedImages}), kept in the {@link MediaStore} under a random key,
 * recorded (media_object) and answered with the URL this server serves them from. Members' avatars:
 * rate-limited per member, recorded as the member's; updateProfile accepts only such URLs of the same
 * member ({@link IssuedAvatarUrls}). Staff's pictures of goods and events: by role and store,
 * rate-limited per staff member, audited; goods and events take them as {@link PictureUrls} says.
 */
@Service
class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);
    static final String AVATAR = "AVATAR";
    static final String UPLOAD_PICTURE = "UPLOAD_PICTURE";
    private static final Set<Role> PICTURE_ROLES = Set.of(Role.STORE_MANAGER, Role.MARKETER, Role.ADMIN);

    private final UploadedImages images;
    private final MediaStore store;
    private final MediaRepository media;
    private final RateLimits rateLimits;
    private final MemberService members;
    private final StoreScope scope;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final String urlPrefix;

    MediaService(UploadedImages images, MediaStore store, MediaRepository media, RateLimits rateLimits,
                 MemberService members, StoreScope scope, StaffAuditLog audit, Clock clock, MediaProperties properties) {
        this.members = members;
        this.scope = scope;
        this.audit = audit;
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
                .then(Mono.fromCallable(() -> images.reencode(file, UploadedImages.Kind.AVATAR)).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(image -> {
                    String key = MediaKeys.newKey(image.format());
                    return store.put(key, image.bytes(), image.format().contentType())
                            .then(media.insert(key, memberId, AVATAR, image.format(), image, clock.instant()))
                            .thenReturn(urlPrefix + key);
                });
    }

    /** A picture stored for goods or an event: its URL and the stored size. */
    record Picture(String url, int width, int height) {
    }

    /**
     * Stores a picture {@code staff} uploads for goods (marketers, admins) or an event (a store manager
     * for their own store, which it gets when {@code storeId} is left out; marketers and admins for the
     * store named, or for the brand when none is), and answers its URL. The file is read only after
     * the role and the store passed. Another role, a manager naming
     * another store or goods pictures by a manager: AccessDeniedException; STORE_NOT_FOUND,
     * RATE_LIMITED, UPLOAD_TYPE_UNSUPPORTED or UPLOAD_TOO_LARGE otherwise. Audited (UPLOAD_PICTURE).
     */
    Mono<Picture> uploadPicture(Viewer staff, PictureUse use, Long storeId, Mono<byte[]> file) {
        return storeOf(staff, use, storeId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(storeOrBrand -> rateLimits.acquire(RateLimitedAction.PICTURE_UPLOAD, staff.rateSubject())
                        .then(file)
                        .flatMap(bytes -> Mono.fromCallable(() -> images.reencode(bytes, UploadedImages.Kind.PICTURE))
                                .subscribeOn(Schedulers.boundedElastic()))
                        .flatMap(image -> {
                            String key = MediaKeys.newKey(image.format());
                            Long at = storeOrBrand.orElse(null);
                            return store.put(key, image.bytes(), image.format().contentType())
                                    .then(media.insertPicture(key, staff.brandId(), staff.id(), at, use, image,
                                            clock.instant()))
                                    .then(audit.record(staff, at, UPLOAD_PICTURE, null, use + " " + key + " "
                                            + image.width() + "x" + image.height() + " " + image.bytes().length + " bytes"))
                                    .thenReturn(new Picture(urlPrefix + key, image.width(), image.height()));
                        }));
    }

    /** The store an upload is for (empty: none, or the brand's), after the role and store checks. */
    private Mono<Long> storeOf(Viewer staff, PictureUse use, Long storeId) {
        if (!PICTURE_ROLES.contains(staff.role()) || use == PictureUse.GOODS && !staff.role().isBrandWide()) {
            return Mono.error(new AccessDeniedException(use == PictureUse.GOODS
                    ? "only marketers and admins upload pictures of goods"
                    : "only store managers, marketers and admins upload pictures of events"));
        }
        if (use == PictureUse.GOODS) {
            return storeId == null ? Mono.empty()
                    : Mono.error(BusinessException.invalid("storeId", "商品图片属于全品牌，不指定门店"));
        }
        if (staff.role().isBrandWide() && storeId == null) {
            return Mono.empty();
        }
        return scope.storeFor(staff, storeId);
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
