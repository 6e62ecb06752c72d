package com.loyalty.notify;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Members' one-time consents to subscribe messages: the mini-program asks with
 * wx.requestSubscribeMessage for the configured templates and reports the accepted ones here;
 * each accepted template allows one message. Only SERVICE purposes ({@link MessageKind}) are
 * offered: marketing is never a one-time subscription.
 */
@Service
class SubscribeConsentService {

    /** More ids than WeChat lets one request ask for (3), with room to spare. */
    private static final int MAX_IDS = 10;

    private final ConsentRepository consents;
    private final NotifyProperties settings;
    private final Clock clock;

    SubscribeConsentService(ConsentRepository consents, NotifyProperties settings, Clock clock) {
        this.consents = consents;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records one consent per accepted template id; each must be one of the configured subscribe
     * templates (INVALID_INPUT otherwise, and for a marketing purpose's template, with why).
     */
    public Mono<List<SubscribeTemplate>> grant(Viewer member, List<String> templateIds) {
        List<String> ids = templateIds == null ? List.of() : templateIds.stream().distinct().toList();
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            return Mono.error(BusinessException.invalid("templateIds", "请提供 1 到 " + MAX_IDS + " 个订阅消息模板"));
        }
        List<String> marketing = settings.templates().entrySet().stream()
                .filter(e -> MessageKind.of(e.getKey()) == MessageKind.MARKETING && e.getValue().configured()
                        && ids.contains(e.getValue().templateId()))
                .map(Map.Entry::getKey).sorted().toList();
        if (!marketing.isEmpty()) {
            return Mono.error(BusinessException.invalid("templateIds", "一次性订阅消息只用于积分、优惠券到期等服务通知，"
                    + "营销消息不能订阅（" + String.join("、", marketing) + "），只会在会员同意接收营销信息后以短信发送"));
        }
        Set<String> known = configured().stream().map(SubscribeTemplate::templateId).collect(Collectors.toSet());
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            return Mono.error(BusinessException.invalid("templateIds", "未知的订阅消息模板：" + String.join("、", unknown)));
        }
        return consents.grant(member.id(), ids, clock.instant()).then(templates(member));
    }

    /** The configured subscribe templates of SERVICE purposes, with the member's consents left for each. */
    public Mono<List<SubscribeTemplate>> templates(Viewer member) {
        return consents.remaining(member.id()).map(left -> configured().stream()
                .map(t -> new SubscribeTemplate(t.purpose(), t.templateId(), left.getOrDefault(t.templateId(), 0)))
                .toList());
    }

    /** As {@link #templates}, for several members at once (one query). */
    public Mono<Map<Long, List<SubscribeTemplate>>> templatesOf(List<Long> memberIds) {
        return consents.remainingOf(memberIds).map(left -> memberIds.stream().collect(Collectors.toMap(id -> id,
                id -> configured().stream().map(t -> new SubscribeTemplate(t.purpose(), t.templateId(),
                        left.getOrDefault(id, Map.of()).getOrDefault(t.templateId(), 0))).toList(), (a, b) -> a)));
    }

    private List<SubscribeTemplate> configured() {
        return settings.templates().entrySet().stream()
                .filter(e -> MessageKind.of(e.getKey()) == MessageKind.SERVICE
                        && e.getValue().channel() == Channel.WECHAT_SUBSCRIBE && e.getValue().configured())
                .map(e -> new SubscribeTemplate(e.getKey(), e.getValue().templateId(), 0))
                .sorted(Comparator.comparing(SubscribeTemplate::purpose))
                .toList();
    }
}
