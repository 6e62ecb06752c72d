package com.loyalty.privacy;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The member's privacy-notice acceptance and marketing consent; every change is kept in consent_event. */
@Service
public class ConsentService {

    private final PrivacyRepository privacy;
    private final PrivacyProperties properties;
    private final Clock clock;
    private final TransactionalOperator tx;

    public ConsentService(PrivacyRepository privacy, PrivacyProperties properties, Clock clock,
                          TransactionalOperator tx) {
        this.privacy = privacy;
        this.properties = properties;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<Consents> consents(long memberId) {
        return privacy.consents(memberId, properties.noticeVersion())
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.MEMBER_NOT_FOUND, "会员不存在")));
    }

    /** The consents of these members by id, read in one query; a closed account has none. */
    public Mono<java.util.Map<Long, MemberConsents>> consentsOf(java.util.Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Mono.just(java.util.Map.of());
        }
        return privacy.consentsOf(memberIds, properties.noticeVersion()).collectMap(MemberConsents::memberId);
    }

    /** Accepts the current notice and/or sets marketing; repeating a choice changes nothing. */
    public Mono<Consents> update(long memberId, UpdateConsentsInput input) {
        Integer version = input.acceptNoticeVersion();
        if (version == null && input.marketing() == null) {
            return Mono.error(BusinessException.invalid("marketing", "请选择要更新的授权"));
        }
        if (version != null && version != properties.noticeVersion()) {
            return Mono.error(BusinessException.invalid("acceptNoticeVersion",
                    "隐私政策已更新（当前版本 " + properties.noticeVersion() + "），请阅读最新版本后再同意"));
        }
        Instant now = clock.instant();
        Mono<Void> notice = version == null ? Mono.empty() : privacy.acceptNotice(memberId, version, now)
                .flatMap(changed -> changed ? privacy.recordEvent(memberId, "PRIVACY_NOTICE", true, version, now)
                        : Mono.empty());
        Mono<Void> marketing = input.marketing() == null ? Mono.empty()
                : privacy.setMarketing(memberId, input.marketing(), now)
                        .flatMap(changed -> changed ? privacy.recordEvent(memberId, "MARKETING", input.marketing(),
                                null, now) : Mono.empty());
        return notice.then(marketing).as(tx::transactional).then(consents(memberId));
    }

    /** Marks a member the platform registers itself (demo data) as having accepted the notice and marketing. */
    public Mono<Consents> acceptAll(long memberId) {
        return update(memberId, new UpdateConsentsInput(properties.noticeVersion(), true));
    }
}
