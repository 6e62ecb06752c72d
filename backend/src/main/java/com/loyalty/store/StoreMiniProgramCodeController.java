package com.loyalty.store;

import com.loyalty.shared.security.Viewer;
import com.loyalty.wechat.MiniProgramCode;
import com.loyalty.wechat.MiniProgramCodes;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A store's mini-program code, for its counter and posters: scanning it opens the member card
 * with scene {@code s=<storeId>}, and a member who registers from it registers at the store.
 */
@Controller
class StoreMiniProgramCodeController {

    /** The page a store's code opens. */
    static final String PAGE = "pages/card/index";

    private final StoreScope scope;
    private final MiniProgramCodes codes;

    StoreMiniProgramCodeController(StoreScope scope, MiniProgramCodes codes) {
        this.scope = scope;
        this.codes = codes;
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<MiniProgramCode> storeMiniProgramCode(@Argument Long storeId, @AuthenticationPrincipal Viewer viewer) {
        return scope.openStoreFor(viewer, storeId).flatMap(store -> codes.codeFor(sceneOf(store), PAGE));
    }

    /** {@code s=<storeId>}: what the mini-program reads from the code to register the member there. */
    static String sceneOf(long storeId) {
        return "s=" + storeId;
    }
}
