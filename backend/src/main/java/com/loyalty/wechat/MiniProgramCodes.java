package com.loyalty.wechat;

import com.loyalty.shared.crypto.RandomTokens;
import com.loyalty.shared.graphql.BusinessException;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Mini-program codes, fetched from WeChat once per scene and page and then served from our own
 * table: WeChat rate-limits wxacode.getUnlimited, and an invite page or a store poster asks for the
 * same code again and again. Each code gets a random key for its image address.
 */
@Service
public class MiniProgramCodes {

    /**
     * What WeChat accepts in a scene: at most 32 visible characters of these (anything else must be
     * encoded by the caller).
     */
    private static final Pattern SCENE = Pattern.compile("[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}");
    /** A page path as WeChat wants it: no leading slash, no query. */
    private static final Pattern PAGE = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*");

    private final MiniProgramCodeRepository codes;
    private final WeChatClient weChat;
    private final Clock clock;

    MiniProgramCodes(MiniProgramCodeRepository codes, WeChatClient weChat, Clock clock) {
        this.codes = codes;
        this.weChat = weChat;
        this.clock = clock;
    }

    /**
     * The code that opens {@code page} with {@code scene}: the kept one, or a new one from WeChat
     * (kept from then on). Two first requests at once may both ask WeChat; one image is kept and
     * both answer with it.
     */
    public Mono<MiniProgramCode> codeFor(String scene, String page) {
        if (scene == null || !SCENE.matcher(scene).matches() || page == null || !PAGE.matcher(page).matches()) {
            return Mono.error(BusinessException.invalid("scene", "小程序码参数无效"));
        }
        return codes.keyOf(scene, page)
                .switchIfEmpty(Mono.defer(() -> weChat.miniProgramCode(scene, page)
                        .flatMap(png -> codes.insertIfAbsent(scene, page, newKey(), png, clock.instant()))
                        .switchIfEmpty(Mono.defer(() -> codes.keyOf(scene, page)))))
                .map(key -> new MiniProgramCode(scene, page, MiniProgramCode.pathOf(key)));
    }

    /** The PNG kept under the key; empty when there is none. */
    Mono<byte[]> image(String imageKey) {
        return codes.png(imageKey);
    }

    /** 32 random bytes, base64url: 43 characters nobody can guess. */
    private static String newKey() {
        return RandomTokens.urlSafe(32);
    }
}
