package com.loyalty.automation;

import com.loyalty.audit.AuditedChange;
import com.loyalty.coupon.CouponPackService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Staff read their brand's automation rules, marketers and admins tune them; every change is audited with before and after. */
@Service
class AutomationAdminService {

    private static final int MAX_MESSAGE = 200;
    /** The audit trail's name for a rule (its subject id is the rule's id). */
    static final String SUBJECT = "AUTOMATION_RULE";

    private final AutomationRepository automation;
    private final CouponPackService packs;
    private final StaffAuditLog audit;
    private final TransactionalOperator tx;

    AutomationAdminService(AutomationRepository automation, CouponPackService packs, StaffAuditLog audit,
                                  TransactionalOperator tx) {
        this.automation = automation;
        this.packs = packs;
        this.audit = audit;
        this.tx = tx;
    }

    /** The brand's rules, only enabled or only disabled ones if asked. */
    public Mono<List<AutomationRule>> rules(Viewer staff, Boolean enabled) {
        return automation.rules(staff.brandId()).filter(r -> enabled == null || r.enabled() == enabled).collectList();
    }

    /** The brand's rule of this name, or empty when it is not set up. */
    public Mono<AutomationRule> rule(Viewer staff, RuleName name) {
        return automation.rules(staff.brandId()).filter(r -> r.rule() == name).next();
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
                    Mono<Void> packIssuable = packId == null || packId.equals(current.packId()) ? Mono.empty()
                            : packs.requireIssuable(staff.brandId(), packId, "packId").then();
                    return packIssuable
                            .then(automation.update(staff.brandId(), in.rule(), enabled, threshold, packId, message))
                            .flatMap(saved -> audit.recordChange(staff, staff.storeId(), "UPDATE_AUTOMATION_RULE",
                                    AuditedChange.changed(SUBJECT, saved.id(), current, saved), saved.rule().name())
                                    .thenReturn(saved))
                            .as(tx::transactional);
                });
    }
}
