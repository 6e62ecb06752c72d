package com.loyalty.membercode;

import com.loyalty.live.LiveEvent;
import java.time.Duration;
import org.redisson.api.RBucketReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers where each member code was scanned, so the member's card can poll for it when the
 * live subscription is unavailable. Kept in Redis for as long as a code can be shown.
 */
@Component
class CodeScans {

    private static final Duration KEEP = MemberCodes.VALIDITY.plusSeconds(60);

    private final MemberCodes codes;
    private final RedissonReactiveClient redis;
    private final JsonMapper json;

    CodeScans(MemberCodes codes, RedissonReactiveClient redis, JsonMapper json) {
        this.codes = codes;
        this.redis = redis;
        this.json = json;
    }

    /** Remembers where the code (its token or digits) was scanned. */
    public Mono<Void> record(String code, LiveEvent.CodeScan scan) {
        return codes.find(code).flatMap(signed -> bucket(signed.nonce()).set(json.writeValueAsString(scan), KEEP));
    }

    /** Where the member's own code (its token or digits) was scanned; empty until it was, or when the code is not theirs. */
    public Mono<LiveEvent.CodeScan> find(long memberId, String code) {
        return codes.find(code)
                .filter(signed -> signed.memberId() == memberId)
                .flatMap(signed -> bucket(signed.nonce()).get().map(text -> json.readValue(text, LiveEvent.CodeScan.class)));
    }

    private RBucketReactive<String> bucket(String nonce) {
        return redis.getBucket("membercode:scan:" + nonce, StringCodec.INSTANCE);
    }
}
