package com.loyalty.points;

import com.loyalty.member.Member;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.staff.StaffCapsProperties;
import com.loyalty.store.StoreScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Manual points adjustments by managers, marketers and admins: with a reason, audited with the
 * balance before and after, idempotent. A manager adjusts only members of their store. A grant
 * above the caller's cap (per grant, or their day's total; {@code loyalty.staff-caps}) does not
 * happen: it waits as a {@link PointsApproval} until an admin other than the requester approves
 * it, which applies it through the ledger exactly once, or rejects it.
 */
@Service
public class PointsAdjustmentService {

    private static final String CURSOR_KIND = "points-approval";

    private final PointsService points;
    private final PointsApprovalRepository approvals;
    private final StaffCapsProperties caps;
    private final StoreScope scope;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    public PointsAdjustmentService(PointsService points, PointsApprovalRepository approvals,
                                   StaffCapsProperties caps, StoreScope scope, StaffAuditLog audit, Clock clock,
                                   TransactionalOperator tx) {
        this.points = points;
        this.approvals = approvals;
        this.caps = caps;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<AdjustPointsPayload> adjust(Viewer staff, AdjustPointsInput in) {
        if (in.delta() == null || in.delta() == 0) {
            return Mono.error(BusinessException.invalid("delta", "调整积分不能为 0"));
        }
        if (in.delta() > caps.maxAdjustment() || in.delta() < -caps.maxAdjustment()) {
            return Mono.error(BusinessException.invalid("delta",
                    "单次调整需在 ±" + caps.maxAdjustment() + " 积分以内"));
        }
        if (in.reason() == null || in.reason().isBlank() || in.reason().length() > 200) {
            return Mono.error(BusinessException.invalid("reason", "请填写 1 到 200 字的调整原因"));
        }
        if (in.idempotencyKey() == null || in.idempotencyKey().isBlank() || in.idempotencyKey().length() > 100) {
            return Mono.error(BusinessException.invalid("idempotencyKey", "需要 1 到 100 个字符的幂等键"));
        }
        String key = "adjust:" + in.idempotencyKey();
        String reason = in.reason().strip();
        Instant now = clock.instant();
        return scope.requireMemberInScope(staff, in.memberId(), "memberId")
                .flatMap(member -> points.lock(member.id())
                        .flatMap(before -> points.findByIdempotencyKey(member.id(), key)
                                .map(existing -> AdjustPointsPayload.of(member, true))
                                .switchIfEmpty(approvals.findByKey(member.id(), in.idempotencyKey())
                                        .map(pending -> AdjustPointsPayload.pending(member, pending, true)))
                                .switchIfEmpty(Mono.defer(() -> overCap(staff, in.delta(), now)
                                        .flatMap(over -> over.isPresent()
                                                ? request(staff, member, in, reason, over.get(), now)
                                                : apply(staff, member, in.delta(), reason, key, before, now)))))
                        .as(tx::transactional));
    }

    /** Why the grant needs an approval (over the per-grant or the daily cap); empty when within. Taking is not capped. */
    private Mono<Optional<String>> overCap(Viewer staff, long delta, Instant now) {
        if (delta < 0) {
            return Mono.just(Optional.empty());
        }
        StaffCapsProperties.Cap cap = caps.of(staff.role());
        if (delta > cap.pointsPerGrant()) {
            return Mono.just(Optional.of("单次超过 " + cap.pointsPerGrant() + " 积分"));
        }
        Instant dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        return approvals.lockAndSumGrantedSince(staff.id(), dayStart)
                .map(granted -> granted + delta > cap.pointsPerDay()
                        ? Optional.of("今日累计将超过 " + cap.pointsPerDay() + " 积分（已发 " + granted + "）")
                        : Optional.<String>empty());
    }

    private Mono<AdjustPointsPayload> apply(Viewer staff, Member member, long delta, String reason, String key,
                                            long before, Instant now) {
        NewEntry entry = new NewEntry(member.brandId(), member.id(), EntryKind.ADJUST, null, null,
                staff.storeId(), staff.id(), reason, key, now);
        return change(entry, delta, now)
                .then(audit.record(staff, staff.storeId(), "ADJUST_POINTS", member.id(),
                        delta + " " + reason + " (" + before + " → " + (before + delta) + ")"))
                .thenReturn(AdjustPointsPayload.of(member, false));
    }

    private Mono<AdjustPointsPayload> request(Viewer staff, Member member, AdjustPointsInput in, String reason,
                                              String capReason, Instant now) {
        return approvals.insertIfAbsent(member.brandId(), member.id(), in.delta(), reason, in.idempotencyKey(),
                        staff.id(), staff.storeId(), now, capReason)
                .flatMap(filed -> audit.record(staff, staff.storeId(), "REQUEST_POINTS_APPROVAL", member.id(),
                                "#" + filed.id() + " " + in.delta() + " " + reason + " (" + capReason + ")")
                        .thenReturn(AdjustPointsPayload.pending(member, filed, false)));
    }

    /** Puts the change through the ledger; taking never goes below zero (INSUFFICIENT_POINTS). */
    private Mono<Long> change(NewEntry entry, long delta, Instant now) {
        return delta > 0 ? points.credit(entry, delta, points.expiryFor(now)) : points.debit(entry, -delta, null, false);
    }

    /** The brand's approval requests, newest first, of one status if given (admin). */
    public Mono<Pages.Page<PointsApproval>> list(Viewer admin, PointsApproval.Status status, Integer first,
                                                 String after) {
        int size = Pages.size(first);
        return approvals.page(admin.brandId(), status, Pages.after(after, CURSOR_KIND), size + 1).collectList()
                .zipWith(approvals.count(admin.brandId(), status),
                        (rows, total) -> Pages.of(rows, size, PointsApproval::id, CURSOR_KIND, after != null, total));
    }

    /**
     * Approves a pending request (an admin who did not ask for it) and applies it through the
     * ledger once: parallel approvals wait on the member's lock and then find it decided.
     */
    public Mono<PointsApproval> approve(Viewer admin, Long approvalId, String note) {
        Instant now = clock.instant();
        return decidable(admin, approvalId, note)
                .flatMap(request -> points.lock(request.memberId()).flatMap(before -> approvals
                        .decide(request.id(), PointsApproval.Status.APPROVED, admin.id(), now, note(note), before,
                                before + request.delta())
                        .switchIfEmpty(Mono.error(PointsAdjustmentService::alreadyDecided))
                        .flatMap(decided -> change(new NewEntry(request.brandId(), request.memberId(), EntryKind.ADJUST,
                                        null, null, request.requestedStoreId(), admin.id(),
                                        request.reason() + "（审批 #" + request.id() + "）",
                                        "approval:" + request.id(), now), request.delta(), now)
                                .then(audit.record(admin, request.requestedStoreId(), "APPROVE_POINTS",
                                        request.memberId(), "#" + request.id() + " " + request.delta() + " "
                                                + request.reason() + " requested by staff " + request.requestedBy()
                                                + " (" + before + " → " + (before + request.delta()) + ")"))
                                .thenReturn(decided))))
                .as(tx::transactional);
    }

    /** Rejects a pending request (an admin who did not ask for it); nothing moves. */
    public Mono<PointsApproval> reject(Viewer admin, Long approvalId, String note) {
        Instant now = clock.instant();
        return decidable(admin, approvalId, note)
                .flatMap(request -> approvals.decide(request.id(), PointsApproval.Status.REJECTED, admin.id(), now,
                                note(note), null, null)
                        .switchIfEmpty(Mono.error(PointsAdjustmentService::alreadyDecided))
                        .flatMap(decided -> audit.record(admin, request.requestedStoreId(), "REJECT_POINTS",
                                request.memberId(), "#" + request.id() + " " + request.delta() + " " + request.reason()
                                        + " requested by staff " + request.requestedBy()
                                        + (decided.decisionNote() == null ? "" : ": " + decided.decisionNote()))
                                .thenReturn(decided)))
                .as(tx::transactional);
    }

    private Mono<PointsApproval> decidable(Viewer admin, Long approvalId, String note) {
        if (approvalId == null) {
            return Mono.error(notFound());
        }
        if (note != null && note.length() > 200) {
            return Mono.error(BusinessException.invalid("note", "备注最多 200 字"));
        }
        return approvals.find(admin.brandId(), approvalId)
                .switchIfEmpty(Mono.error(PointsAdjustmentService::notFound))
                .flatMap(request -> request.requestedBy() == admin.id()
                        ? Mono.error(new BusinessException(UserError.onInput("approvalId", ErrorCode.APPROVAL_BY_REQUESTER,
                                "不能审批自己提交的积分调整，需由另一位管理员处理")))
                        : request.status() != PointsApproval.Status.PENDING ? Mono.error(alreadyDecided())
                        : Mono.just(request));
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    private static BusinessException notFound() {
        return new BusinessException(UserError.onInput("approvalId", ErrorCode.APPROVAL_NOT_FOUND, "审批单不存在"));
    }

    private static BusinessException alreadyDecided() {
        return new BusinessException(UserError.onInput("approvalId", ErrorCode.APPROVAL_ALREADY_DECIDED,
                "该审批单已处理"));
    }
}
