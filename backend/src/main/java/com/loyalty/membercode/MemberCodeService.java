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
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Issues member codes to members and turns a scanned code into the member's card for staff. */
@Service
public class MemberCodeService {

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

    public MemberCode issue(Viewer member) {
        return codes.issue(member.id());
    }

    /**
     * Redeems the code and returns the member, who must belong to the staff member's brand. A
     * retry with the same non-null {@code purpose} (e.g. the same order) may redeem it again.
     */
    public Mono<Member> redeem(Viewer staff, String token, String purpose) {
        return codes.redeem(token, purpose)
                .flatMap(members::get)
                .filter(member -> member.brandId() == staff.brandId())
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.CODE_INVALID, "会员码无效")));
    }

    /**
     * The id of the member a valid, unexpired code names, without using the code up (a search at
     * the till or in the console; the member's brand is the searcher's business). CODE_INVALID or
     * CODE_EXPIRED otherwise.
     */
    public Mono<Long> memberNamedBy(String token) {
        return Mono.justOrEmpty(codes.read(token))
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.CODE_INVALID, "会员码无效")))
                .flatMap(signed -> clock.instant().isBefore(signed.expiresAt()) ? Mono.just(signed.memberId())
                        : Mono.error(new BusinessException(ErrorCode.CODE_EXPIRED, "会员码已过期，请会员刷新后重试")));
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
    public Mono<ScanMemberCodePayload> scan(Viewer staff, String token) {
        return rateLimits.acquire(RateLimitedAction.MEMBER_CODE_SCAN, staff.id())
                .then(Mono.defer(() -> redeem(staff, token, null)))
                .flatMap(member -> audit.record(staff, staff.storeId(), StaffAuditLog.SCAN_MEMBER_CODE, member.id(), null)
                        .then(storeName(staff))
                        .flatMap(name -> announce(member.id(), token,
                                new LiveEvent.CodeScan(staff.storeId(), name.isEmpty() ? null : name, clock.instant())))
                        .then(proofs.issue(staff, member.id()))
                        .map(proof -> ScanMemberCodePayload.of(new MemberCard(member, List.of()), proof)));
    }

    /** Where the member's own code was scanned; empty until it was. */
    public Mono<LiveEvent.CodeScan> scanOf(Viewer member, String token) {
        return scans.find(member.id(), token);
    }

    /** Tells the member's open card at once (live) and keeps the scan for a card that polls. */
    private Mono<Void> announce(long memberId, String token, LiveEvent.CodeScan scan) {
        return scans.record(token, scan)
                .then(live.codeScanned(memberId, scan.storeId(), scan.storeName(), scan.at()));
    }

    /** The name of the staff member's store; empty for an admin. */
    private Mono<String> storeName(Viewer staff) {
        return staff.storeId() == null ? Mono.just("")
                : stores.find(staff.brandId(), staff.storeId()).map(Store::name).defaultIfEmpty("");
    }
}
