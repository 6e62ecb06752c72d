package com.loyalty.wallet.card;

import com.loyalty.member.Member;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.wallet.recharge.Recharge;
import com.loyalty.wallet.recharge.RechargeRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The member's stored-value card: Member.wallet, its history and its recharges. */
@Controller
class WalletFieldsController {

    private final WalletCardRepository cards;
    private final RechargeRepository recharges;
    private final Clock clock;

    WalletFieldsController(WalletCardRepository cards, RechargeRepository recharges, Clock clock) {
        this.cards = cards;
        this.recharges = recharges;
        this.clock = clock;
    }

    /** The member's card: to the member themself, and to staff of the brand serving them. */
    @SchemaMapping(typeName = "Member")
    public Mono<Wallet> wallet(Member member, @AuthenticationPrincipal Viewer viewer) {
        boolean self = viewer.role() == Role.MEMBER && viewer.id() == member.id();
        if (!self && !(viewer.role().isStaff() && viewer.brandId() == member.brandId())) {
            return Mono.error(new AccessDeniedException("only the member and their brand's staff see the card"));
        }
        return cards.balance(member.id(), clock.instant());
    }

    /** What the member can spend, on an API client's member summary (its backing object is the Member). */
    @SchemaMapping(typeName = "MemberSummary", field = "walletBalanceCents")
    public Mono<Long> summaryWalletBalance(Member member) {
        return cards.balance(member.id(), clock.instant()).map(Wallet::balanceCents);
    }

    @SchemaMapping(typeName = "Wallet")
    public Mono<Pages.Page<WalletEntry>> history(Wallet wallet, @Argument Integer first, @Argument String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, "wallet");
        return cards.history(wallet.memberId(), before, size + 1).collectList()
                .zipWith(cards.countHistory(wallet.memberId()),
                        (entries, total) -> Pages.of(entries, size, WalletEntry::id, "wallet", before != null, total));
    }

    @SchemaMapping(typeName = "Wallet")
    public Mono<List<Recharge>> recharges(Wallet wallet, @Argument Integer first) {
        return recharges.ofMember(wallet.memberId(), Pages.size(first)).collectList();
    }
}
