package com.loyalty.points;

import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffAuditLog;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Manual points adjustments by managers and admins: with a reason, audited, idempotent. */
@Service
public class PointsAdjustmentService {

    private final PointsService points;
    private final MemberService members;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    public PointsAdjustmentService(PointsService points, MemberService members, StaffAuditLog audit, Clock clock,
                                   TransactionalOperator tx) {
        this.points = points;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<AdjustPointsPayload> adjust(Viewer staff, AdjustPointsInput in) {
        if (in.delta() == null || in.delta() == 0) {
            return Mono.error(BusinessException.invalid("delta", "调整积分不能为 0"));
        }
        if (in.reason() == null || in.reason().isBlank() || in.reason().length() > 200) {
            return Mono.error(BusinessException.invalid("reason", "请填写 1 到 200 字的调整原因"));
        }
        if (in.idempotencyKey() == null || in.idempotencyKey().isBlank() || in.idempotencyKey().length() > 100) {
            return Mono.error(BusinessException.invalid("idempotencyKey", "需要 1 到 100 个字符的幂等键"));
        }
        String key = "adjust:" + in.idempotencyKey();
        Instant now = clock.instant();
        return members.requireInBrand(staff.brandId(), in.memberId(), "memberId")
                .flatMap(member -> points.lock(member.id())
                        .then(points.findByIdempotencyKey(member.id(), key))
                        .map(existing -> AdjustPointsPayload.of(member, true))
                        .switchIfEmpty(Mono.defer(() -> {
                            NewEntry entry = new NewEntry(member.brandId(), member.id(), EntryKind.ADJUST, null, null,
                                    staff.storeId(), staff.id(), in.reason().strip(), key, now);
                            Mono<Long> change = in.delta() > 0
                                    ? points.credit(entry, in.delta(), points.expiryFor(now))
                                    : points.debit(entry, -in.delta(), null, false);
                            return change.then(audit.record(staff, staff.storeId(), "ADJUST_POINTS", member.id(),
                                            in.delta() + " " + in.reason().strip()))
                                    .thenReturn(AdjustPointsPayload.of(member, false));
                        }))
                        .as(tx::transactional));
    }

}
