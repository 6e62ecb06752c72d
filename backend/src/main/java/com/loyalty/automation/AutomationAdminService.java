package com.loyalty.automation;

import com.loyalty.coupon.CouponPackService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Managers read and tune their brand's automation rules; every change is audited. */
@Service
public class AutomationAdminService {

    private static final int MAX_MESSAGE = 200;

    private final AutomationRepository automation;
    private final CouponPackService packs;
    private final StaffAuditLog audit;
    private final TransactionalOperator tx;

    public AutomationAdminService(AutomationRepository automation, CouponPackService packs, StaffAuditLog audit,
                                  TransactionalOperator tx) {
        this.automation = automation;
        this.packs = packs;
        this.audit = audit;
        this.tx = tx;
    }

    public Mono<List<AutomationRule>> rules(Viewer staff) {
        return automation.rules(staff.brandId()).collectList();
    }

    /** Each rule's five latest runs. */
    public Mono<Map<RuleName, List<AutomationRepository.Run>>> latestRuns(long brandId) {
        return automation.latestRuns(brandId, 5).collectMultimap(AutomationRepository.Run::rule)
                .map(runs -> runs.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> List.copyOf(e.getValue()))));
    }

    public Mono<AutomationRule> update(Viewer staff, UpdateAutomationRuleInput in) {
        return automation.rules(staff.brandId()).filter(r -> r.rule() == in.rule()).next()
                .switchIfEmpty(Mono.error(() -> BusinessException.invalid("rule", "该规则未配置")))
                .flatMap(current -> {
                    int threshold = in.threshold() != null ? in.threshold() : current.threshold();
                    if (threshold < 0 || threshold > 3650) {
                        return Mono.error(BusinessException.invalid("threshold", "阈值需在 0 到 3650 之间"));
                    }
                    String message = in.message() != null ? in.message().strip() : current.message();
                    if (message.isEmpty() || message.length() > MAX_MESSAGE) {
                        return Mono.error(BusinessException.invalid("message", "消息需为 1 到 200 个字"));
                    }
                    Long packId = Boolean.TRUE.equals(in.clearPack()) ? null
                            : in.packId() != null ? in.packId() : current.packId();
                    boolean enabled = in.enabled() != null ? in.enabled() : current.enabled();
                    Mono<Void> packExists = packId == null || packId.equals(current.packId()) ? Mono.empty()
                            : packs.find(staff.brandId(), packId).switchIfEmpty(Mono.error(() -> new BusinessException(
                                    UserError.onInput("packId", ErrorCode.COUPON_NOT_FOUND, "券包不存在")))).then();
                    return packExists
                            .then(automation.update(staff.brandId(), in.rule(), enabled, threshold, packId, message))
                            .flatMap(saved -> audit.record(staff, staff.storeId(), "UPDATE_AUTOMATION_RULE", null,
                                    saved.rule() + " enabled=" + enabled + " threshold=" + threshold + " pack=" + packId)
                                    .thenReturn(saved))
                            .as(tx::transactional);
                });
    }
}
