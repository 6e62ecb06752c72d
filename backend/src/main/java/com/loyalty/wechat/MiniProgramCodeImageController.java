package com.loyalty.wechat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Serves kept mini-program codes as PNG without a sign-in, so that the mini-program's
 * {@code <image>} and canvas can load them: the random key in the address is the permission. A
 * code never changes, so clients may cache it for long.
 */
@RestController
class MiniProgramCodeImageController {

    static final String PREFIX = "/wxacode/";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final MiniProgramCodes codes;

    MiniProgramCodeImageController(MiniProgramCodes codes) {
        this.codes = codes;
    }

    @GetMapping(PREFIX + "{file:.+}")
    public Mono<ResponseEntity<byte[]>> image(@PathVariable String file) {
        String key = file.endsWith(".png") ? file.substring(0, file.length() - 4) : "";
        if (!KEY.matcher(key).matches()) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        return codes.image(key)
                .map(png -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic().immutable())
                        .body(png))
                .defaultIfEmpty(ResponseEntity.notFound().build());
    }
}
