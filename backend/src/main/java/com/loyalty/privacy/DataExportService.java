package com.loyalty.privacy;

import com.loyalty.member.MemberService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * exportMyData: every record held about the member, one section per kind, as one JSON document:
 * the profile, then the sections the features contribute ({@link PersonalData}), in the order
 * {@link #SECTIONS} lists them.
 */
@Service
class DataExportService {

    /**
     * The sections of the document after the profile, in order, and the features contributing them:
     * privacy (consents), notify (subscribeMessageConsents, notifications), tier (tier, tierHistory, tierReviews),
     * benefit (tierBenefits), points (pointsBalance, pointsLedger, pointsBuckets), coupon, wallet
     * (storedValueRecharges, storedValueHistory, storedValueOrders), purchase (orders), checkin,
     * stamp (stampCards), mall (mallRedemptions), memberevent (eventSignUps), lottery (lotteryDraws),
     * referral (invitations, shares), campaign, tag, segment (segment, lifecycleHistory), automation
     * (automatedActions, staffFollowUps). A section not listed comes after these, by name.
     */
    static final List<String> SECTIONS = List.of("consents", "subscribeMessageConsents", "tier", "tierHistory",
            "tierReviews", "tierBenefits", "pointsBalance", "pointsLedger", "pointsBuckets", "coupons", "storedValueRecharges",
            "storedValueHistory", "storedValueOrders", "orders", "checkIns", "stampCards", "mallRedemptions",
            "eventSignUps", "lotteryDraws", "invitations", "shares", "campaigns", "tags", "segment", "lifecycleHistory",
            "automatedActions", "staffFollowUps", "notifications");

    private static final Comparator<ExportSection> IN_ORDER =
            Comparator.comparingInt(DataExportService::position).thenComparing(ExportSection::name);

    private final List<PersonalData> personalData;
    private final MemberService members;
    private final ConsentService consents;
    private final JsonMapper json;
    private final Clock clock;

    DataExportService(List<PersonalData> personalData, MemberService members, ConsentService consents,
                      JsonMapper json, Clock clock) {
        this.personalData = personalData;
        this.members = members;
        this.consents = consents;
        this.json = json;
        this.clock = clock;
    }

    public Mono<MyDataExport> export(long memberId) {
        Instant now = clock.instant();
        Mono<ObjectNode> profile = Mono.zip(members.get(memberId), consents.consents(memberId), (m, consent) -> {
            ObjectNode node = json.createObjectNode();
            node.put("id", String.valueOf(m.id()));
            node.put("nickname", m.nickname());
            node.put("avatarUrl", m.avatarUrl());
            node.put("phone", members.maskedPhone(m));
            node.put("birthday", m.birthday() == null ? null : m.birthday().toString());
            node.put("gender", m.gender().name());
            node.put("registeredAt", m.registeredAt().toString());
            node.put("registrationChannel", m.registrationChannel().name());
            node.put("registrationStoreId", m.registrationStoreId() == null ? null : m.registrationStoreId().toString());
            node.put("inviteCode", m.inviteCode());
            node.put("wechatOpenid", m.openid());
            node.put("privacyNoticeVersion", consent.acceptedNoticeVersion());
            node.put("marketingConsent", consent.marketing());
            node.put("closesAt", consent.closesAt() == null ? null : consent.closesAt().toString());
            return node;
        });
        Mono<List<ExportSection>> sections = Flux.fromIterable(personalData)
                .concatMap(data -> data.sections(memberId))
                .collectSortedList(IN_ORDER);
        return Mono.zip(profile, sections, (profileNode, inOrder) -> {
            ObjectNode doc = json.createObjectNode();
            doc.put("generatedAt", now.toString());
            doc.set("profile", profileNode);
            List<MyDataExport.Section> counts = new ArrayList<>();
            counts.add(new MyDataExport.Section("profile", 1));
            for (ExportSection section : inOrder) {
                if (doc.has(section.name())) {
                    throw new IllegalStateException("two parts of the data export are named " + section.name());
                }
                JsonNode records = json.readTree(section.json());
                doc.set(section.name(), records);
                counts.add(new MyDataExport.Section(section.name(), records.size()));
            }
            return new MyDataExport(now, json.writeValueAsString(doc), counts);
        });
    }

    private static int position(ExportSection section) {
        int listed = SECTIONS.indexOf(section.name());
        return listed < 0 ? SECTIONS.size() : listed;
    }
}
