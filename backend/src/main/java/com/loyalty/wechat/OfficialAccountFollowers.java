package com.loyalty.wechat;

import java.time.Clock;
import java.time.Instant;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Who follows the brand's official account, kept from its event pushes: a follow (subscribe)
 * looks the follower up (user/info gives the unionid), an unfollow marks them gone. Members are
 * matched by unionid, which the mini-program's sign-in records.
 */
@Service
public class OfficialAccountFollowers {

    private static final Logger log = LoggerFactory.getLogger(OfficialAccountFollowers.class);

    private final FollowerRepository followers;
    private final OfficialAccountClient client;
    private final Clock clock;

    OfficialAccountFollowers(FollowerRepository followers, OfficialAccountClient client, Clock clock) {
        this.followers = followers;
        this.client = client;
        this.clock = clock;
    }

    /** The openid to send a member with this unionid template messages to; empty when they do not follow. */
    public Mono<String> followingOpenid(String unionid) {
        return unionid == null || unionid.isBlank() ? Mono.empty() : followers.followingOpenid(unionid);
    }

    /** A follower's messages cannot be delivered: they unfollowed since (WeChat errcode 43004). */
    public Mono<Void> unfollowed(String openid) {
        return followers.record(openid, null, false, clock.instant());
    }

    /** Acts on an event push (its XML); other messages than follow and unfollow are ignored. */
    Mono<Void> event(String xml) {
        WxMpXmlMessage message = WxMpXmlMessage.fromXml(xml);
        String openid = message.getFromUser();
        String event = message.getEvent() == null ? "" : message.getEvent().toLowerCase();
        Instant at = message.getCreateTime() == null ? clock.instant() : Instant.ofEpochSecond(message.getCreateTime());
        if (openid == null || openid.isBlank()) {
            return Mono.empty();
        }
        return switch (event) {
            case "subscribe" -> client.follower(openid)
                    .flatMap(follower -> followers.record(openid, follower.unionid(), true, at))
                    .onErrorResume(e -> {
                        log.warn("Official account follower {} could not be looked up; recorded without unionid", openid, e);
                        return followers.record(openid, null, true, at);
                    });
            case "unsubscribe" -> followers.record(openid, null, false, at);
            default -> Mono.empty();
        };
    }
}
