package com.loyalty.member;

import reactor.core.publisher.Mono;

/**
 * Which avatar URLs a member may save with updateProfile: only those this platform issued to
 * them when they uploaded the image (the media module's {@code POST /media/avatar}), never an
 * address of anyone's choosing, since avatars are shown to every member on the leaderboards.
 */
public interface IssuedAvatars {

    /** Whether the URL is one issued to this member for an avatar. */
    Mono<Boolean> issuedTo(long memberId, String url);
}
