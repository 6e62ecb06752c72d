package com.loyalty.membercode;

import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.live.LiveEvent;
import com.loyalty.live.LiveUpdates;
import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.Store;
import com.loyalty.store.StoreService;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Issues member codes to members and turns a scanned code into the member's card for staff. */
@Service
public class MemberCodeService {

    /** The audited action of a member code refused at the till or in a search. */
    public static final String REFUSED_MEMBER_CODE = "REFUSED_MEMBER_CODE";
    private static final Set<ErrorCode> CODE_REFUSALS = Set.of(ErrorCode.CODE_INVALID, ErrorCode.CODE_EXPIRED,
            ErrorCode.CODE_USED);

    private final MemberCodes codes;
    private final MemberService members;
    private final StaffAuditLog audit;
    private final LiveUpdates live;
    private final CodeScans scans;
    private final StoreService stores;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final TillProofs proofs;

    public MemberCodeService(MemberCodes codes, MemberService members, StaffAuditLog audit, LiveUpdates live,
                             CodeScans scans, StoreService stores, Clock clock,
                             RateLimits rateLimits, TillProofs proofs) {
        this.rateLimits = rateLimits;
        this.proofs = proofs;
        this.codes = codes;
        this.members = members;
        this.audit = audit;
        this.live = live;
        this.scans = scans;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * A fresh code for the member's card. Each binds its digits in Redis for minutes, so a member
     * gets at most MEMBER_CODE_ISSUE codes a minute (RATE_LIMITED past that; a card asks about once a minute).
     */
    public Mono<MemberCode> issue(Viewer member) {
        return rateLimits.acquire(RateLimitedAction.MEMBER_CODE_ISSUE, member.id())
                .then(Mono.defer(() -> codes.issue(member.id())));
    }

    /**
     * Redeems the code (the QR's token or its digits) and returns the member, who must belong to
     * the staff member's brand. A retry with the same non-null {@code purpose} (e.g. the same order)
     * may redeem it again. Typed digits are rate-limited like scans; refusals are audited.
     */
    public Mono<Member> redeem(Viewer staff, String code, String purpose) {
        return limitDigits(staff, code).then(Mono.defer(() -> redeemAudited(staff, code, purpose)));
    }

    private Mono<Member> redeemAudited(Viewer staff, String code, String purpose) {
        return codes.redeem(code, purpose)
                .flatMap(members::get)
                .filter(member -> member.brandId() == staff.brandId())
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.CODE_INVALID, "会员码无效")))
                .onErrorResume(e -> auditRefusal(staff, code, e));
    }

    /**
     * Whether typed or scanned text is shaped like a member code (18 well-formed digits, or a token
     * of four dot-separated parts) rather than, say, an order number: searches that accept either
     * ask {@link #memberNamedBy} only for these, so an order number is neither audited as a refused
     * code nor counted against the scan limit.
     */
    public static boolean looksLikeMemberCode(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return CodeDigits.looksNumeric(text) ? CodeDigits.parse(text).isPresent() : text.strip().split("\\.").length == 4;
    }

    /**
     * The id of the member a valid, unexpired code (token or digits) names, without using the code
     * up (a search at the till or in the console; the member's brand is the searcher's business).
     * CODE_INVALID or CODE_EXPIRED otherwise, audited; typed digits are rate-limited like scans.
     */
    public Mono<Long> memberNamedBy(Viewer staff, String code) {
        return limitDigits(staff, code)
                .then(Mono.defer(() -> codes.find(code)))
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.CODE_INVALID, "会员码无效")))
                .flatMap(signed -> clock.instant().isBefore(signed.expiresAt()) ? Mono.just(signed.memberId())
                        : Mono.error(new BusinessException(ErrorCode.CODE_EXPIRED, "会员码已过期，请会员刷新后重试")))
                .onErrorResume(e -> auditRefusal(staff, code, e));
    }

    /**
     * The member a till proof from {@link #scan} stands for, when this staff member got it at this
     * store within its validity; it is bound to {@code order}, so only retries of that order reuse it.
     */
    public Mono<Member> proven(Viewer staff, long storeId, String tillProof, String order) {
        return proofs.use(staff, storeId, tillProof, order)
                .flatMap(members::get)
                .filter(member -> member.brandId() == staff.brandId())
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.CODE_INVALID, "会员码无效")));
    }

    /**
     * Scans the code at the staff member's store, audited; the member's phone hears about it. The
     * till gets the member's card and a proof that the member is there, for spending on one order.
     */
    public Mono<ScanMemberCodePayload> scan(Viewer staff, String code) {
        return rateLimits.acquire(RateLimitedAction.MEMBER_CODE_SCAN, staff.rateSubject())
                .then(Mono.defer(() -> redeemAudited(staff, code, null)))
                .flatMap(member -> audit.record(staff, staff.storeId(), StaffAuditLog.SCAN_MEMBER_CODE, member.id(), null)
                        .then(storeName(staff))
                        .flatMap(name -> announce(member.id(), code,
                                new LiveEvent.CodeScan(staff.storeId(), name.isEmpty() ? null : name, clock.instant())))
                        .then(proofs.issue(staff, member.id()))
                        .map(proof -> ScanMemberCodePayload.of(new MemberCard(member, List.of()), proof)));
    }

    /** Where the member's own code (token or digits) was scanned; empty until it was. */
    public Mono<LiveEvent.CodeScan> scanOf(Viewer member, String code) {
        return scans.find(member.id(), code);
    }

    /**
     * Digits are a space of 10^15 to guess in, unlike the signed token: wherever they are typed or
     * sent, they take a permit of the staff member's scan limit (a scan takes one for any code).
     */
    private Mono<Void> limitDigits(Viewer staff, String code) {
        return CodeDigits.looksNumeric(code) ? rateLimits.acquire(RateLimitedAction.MEMBER_CODE_SCAN, staff.rateSubject())
                : Mono.empty();
    }

    /**
     * Audits a refused code (invalid, expired or used; a run of them is someone guessing), saying
     * how it came (digits or the QR's token) but not the code, then passes the refusal on.
     */
    private <T> Mono<T> auditRefusal(Viewer staff, String code, Throwable refusal) {
        if (!(refusal instanceof BusinessException e) || !CODE_REFUSALS.contains(e.error().code())) {
            return Mono.error(refusal);
        }
        String form = CodeDigits.looksNumeric(code) ? "digits" : "token";
        return audit.record(staff, staff.storeId(), REFUSED_MEMBER_CODE, null, e.error().code() + " (" + form + ")")
                .then(Mono.error(refusal));
    }

    /** Tells the member's open card at once (live) and keeps the scan for a card that polls. */
    private Mono<Void> announce(long memberId, String code, LiveEvent.CodeScan scan) {
        return scans.record(code, scan)
                .then(live.codeScanned(memberId, scan.storeId(), scan.storeName(), scan.at()));
    }

    /** The name of the staff member's store; empty for an admin. */
    private Mono<String> storeName(Viewer staff) {
        return staff.storeId() == null ? Mono.just("")
                : stores.find(staff.brandId(), staff.storeId()).map(Store::name).defaultIfEmpty("");
    }
}
