package com.loyalty.live;

import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsEvents;
import com.loyalty.shared.config.AfterCommit;
import java.time.Duration;
import java.time.Instant;
import org.redisson.api.RTopic;
import org.redisson.api.RTopicReactive;
import org.redisson.api.RedissonClient;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans live events out to every backend instance through one Redis pub/sub topic: each instance
 * listens once and hands events to its own subscribers, filtered by member. Events are
 * published after the change they report is committed.
 */
@Service
public class LiveUpdates implements PointsEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final String TOPIC = "live:events";

    private final RTopicReactive topic;
    private final JsonMapper json;
    private final Sinks.Many<LiveEvent> local = Sinks.many().multicast().directBestEffort();

    public LiveUpdates(RedissonClient redis, RedissonReactiveClient reactive, JsonMapper json) {
        this.json = json;
        this.topic = reactive.getTopic(TOPIC, StringCodec.INSTANCE);
        RTopic listening = redis.getTopic(TOPIC, StringCodec.INSTANCE);
        listening.addListener(String.class, (channel, message) -> receive(message));
    }

    @Override
    public Mono<Void> pointsChanged(NewEntry entry, long delta, long balance) {
        return publish(new LiveEvent(LiveEvent.Type.POINTS_CHANGED, entry.memberId(), entry.at(),
                new LiveEvent.PointsChange(balance, delta, entry.kind().name(), entry.reason(), entry.at()), null));
    }

    public Mono<Void> codeScanned(long memberId, Long storeId, String storeName, Instant at) {
        return publish(new LiveEvent(LiveEvent.Type.MEMBER_CODE_SCANNED, memberId, at, null,
                new LiveEvent.CodeScan(storeId, storeName, at)));
    }

    /** This member's events of one type, from whichever instance produced them. */
    public Flux<LiveEvent> eventsFor(long memberId, LiveEvent.Type type) {
        return local.asFlux().filter(e -> e.memberId() == memberId && e.type() == type);
    }

    private Mono<Void> publish(LiveEvent event) {
        return AfterCommit.run(Mono.defer(() -> topic.publish(json.writeValueAsString(event))).then());
    }

    private void receive(String message) {
        if (local.currentSubscriberCount() == 0) {
            return; // nobody on this instance is listening
        }
        try {
            local.emitNext(json.readValue(message, LiveEvent.class), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        } catch (RuntimeException e) {
            log.warn("Dropped a live event that could not be read: {}", message, e);
        }
    }
}
