package com.loyalty.notify;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The URLs given to Alibaba Cloud SMS's console for its HTTP pushes: delivery receipts
 * ({@code /sms/aliyun/{token}/report}) and members' replies ({@code /sms/aliyun/{token}/up}).
 * {@code {"code":0}} tells the provider the push was taken (it pushes again otherwise); an unknown
 * token is 404, a body that is not the provider's JSON 400.
 */
@RestController
class SmsCallbackController {

    private static final Map<String, Object> TAKEN = Map.of("code", 0, "msg", "成功");

    private final SmsCallbacks callbacks;

    SmsCallbackController(SmsCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping("/sms/aliyun/{token}/report")
    public Mono<ResponseEntity<Map<String, Object>>> report(@PathVariable String token,
                                                            @RequestBody(required = false) String body) {
        return handle(token, () -> callbacks.receipts(body));
    }

    @PostMapping("/sms/aliyun/{token}/up")
    public Mono<ResponseEntity<Map<String, Object>>> up(@PathVariable String token,
                                                        @RequestBody(required = false) String body) {
        return handle(token, () -> callbacks.replies(body));
    }

    private Mono<ResponseEntity<Map<String, Object>>> handle(String token, java.util.function.Supplier<Mono<Long>> work) {
        if (!callbacks.trusted(token)) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", 404, "msg", "not found")));
        }
        return work.get()
                .map(count -> ResponseEntity.ok(TAKEN))
                .onErrorResume(IllegalArgumentException.class, e -> Mono.just(ResponseEntity.badRequest()
                        .body(Map.of("code", 400, "msg", e.getMessage()))));
    }
}
