package com.loyalty.wallet.recharge;

import com.loyalty.coupon.CouponPackService;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.wallet.ledger.Account;
import com.loyalty.wallet.ledger.LotMove;
import com.loyalty.wallet.ledger.NewTxn;
import com.loyalty.wallet.ledger.Posting;
import com.loyalty.wallet.ledger.TxnKind;
import com.loyalty.wallet.ledger.WalletBooks;
import com.loyalty.wallet.packages.RechargePackage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Books a paid recharge, wherever it was paid: a new lot with the principal and the bonus (valid
 * until the end of the business day {@code bonusValidDays} after), the package's points and
 * coupon pack. Runs in the caller's transaction; empty when the reference was booked before.
 */
@Component
public class Recharger {

    private final RechargeRepository recharges;
    private final WalletBooks books;
    private final PointsService points;
    private final CouponPackService couponPacks;
    private final BrandProperties brand;

    public Recharger(RechargeRepository recharges, WalletBooks books, PointsService points,
                     CouponPackService couponPacks, BrandProperties brand) {
        this.recharges = recharges;
        this.books = books;
        this.points = points;
        this.couponPacks = couponPacks;
        this.brand = brand;
    }

    public Mono<Recharge> book(long memberId, long storeId, RechargePackage p, RechargeChannel channel,
                               String reference, Long staffId, Instant now) {
        // points before the wallet: every wallet change takes the two locks in this order
        Mono<Long> pointsLock = p.bonusPoints() > 0 ? points.lock(memberId) : Mono.just(0L);
        return pointsLock.then(books.lock(brand.id(), memberId, now))
                .then(recharges.insertIfAbsent(brand.id(), memberId, storeId, p, channel, reference,
                        bonusExpiry(p, now), staffId, now))
                .flatMap(r -> books.post(new NewTxn(brand.id(), memberId, TxnKind.RECHARGE, storeId, r.id(), null, null,
                                        staffId, reference, now),
                                List.of(new LotMove(r.id(), storeId, p.payCents(), p.bonusCents())),
                                List.of(new Posting(channel.account(), storeId, -p.payCents()),
                                        new Posting(Account.BONUS_EXPENSE, storeId, -p.bonusCents())))
                        .then(p.bonusPoints() > 0 ? points.credit(new NewEntry(brand.id(), memberId, EntryKind.RECHARGE,
                                null, null, storeId, staffId, "充值套餐 " + p.name(), "recharge:" + r.id(), now),
                                p.bonusPoints(), points.expiryFor(now)).then() : Mono.empty())
                        .then(p.couponPackId() != null ? couponPacks.issueAutomatically(brand.id(), memberId,
                                p.couponPackId(), "recharge:" + r.id()).then()
                                // an archived pack (or coupon in it) is not given; the recharge itself goes through
                                .onErrorResume(BusinessException.class, e -> e.error().code() == ErrorCode.COUPON_ARCHIVED
                                        ? Mono.empty() : Mono.error(e)) : Mono.empty())
                        .then(recharges.find(brand.id(), r.id())));
    }

    /** The last second of the business day {@code bonusValidDays} after now; null when the bonus does not expire. */
    private Instant bonusExpiry(RechargePackage p, Instant now) {
        if (p.bonusValidDays() == null || p.bonusCents() == 0) {
            return null;
        }
        LocalDate last = now.atZone(brand.zone()).toLocalDate().plusDays(p.bonusValidDays());
        return last.plusDays(1).atStartOfDay(brand.zone()).minusSeconds(1).toInstant();
    }
}
