package com.loyalty.wechat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The official account's server URL (服务器配置, plain-text mode): WeChat checks it with a signed GET
 * (answered with its echostr) and pushes follow and unfollow events as signed POSTs (answered
 * "success"). A push without WeChat's signature (sha1 of the token, timestamp and nonce) is 403.
 */
@RestController
class OfficialAccountEventController {

    private final OfficialAccountClient client;
    private final OfficialAccountFollowers followers;

    OfficialAccountEventController(OfficialAccountClient client, OfficialAccountFollowers followers) {
        this.client = client;
        this.followers = followers;
    }

    @GetMapping(value = "/wechat/official-account", produces = "text/plain")
    public ResponseEntity<String> verify(@RequestParam(required = false) String signature,
                                         @RequestParam(required = false) String timestamp,
                                         @RequestParam(required = false) String nonce,
                                         @RequestParam(required = false) String echostr) {
        return client.signed(timestamp, nonce, signature) && echostr != null
                ? ResponseEntity.ok(echostr) : ResponseEntity.status(HttpStatus.FORBIDDEN).body("bad signature");
    }

    @PostMapping(value = "/wechat/official-account", produces = "text/plain")
    public Mono<ResponseEntity<String>> event(@RequestParam(required = false) String signature,
                                              @RequestParam(required = false) String timestamp,
                                              @RequestParam(required = false) String nonce,
                                              @RequestBody(required = false) String body) {
        if (!client.signed(timestamp, nonce, signature)) {
            return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).body("bad signature"));
        }
        return Mono.defer(() -> followers.event(body == null ? "" : body))
                .thenReturn(ResponseEntity.ok("success"))
                .onErrorResume(RuntimeException.class, e -> Mono.just(ResponseEntity.badRequest().body("bad event")));
    }
}
