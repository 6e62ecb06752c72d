package com.loyalty.privacy;

import com.loyalty.member.MemberService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * exportMyData: every record held about the member, one section per kind, as one JSON document.
 * Each section selects by the member's own id only ({@link DataExportRepository}); other members
 * appear neither by id nor by name (an invitation says whether the member invited or was invited,
 * not who).
 */
@Service
public class DataExportService {

    private final DataExportRepository sections;
    private final MemberService members;
    private final ConsentService consents;
    private final JsonMapper json;
    private final Clock clock;

    public DataExportService(DataExportRepository sections, MemberService members, ConsentService consents,
                             JsonMapper json, Clock clock) {
        this.sections = sections;
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
        Mono<List<Map.Entry<String, JsonNode>>> sectionNodes = sections.sections(memberId)
                .map(section -> Map.entry(section.name(), json.readTree(section.json())))
                .collectList();
        return Mono.zip(profile, sectionNodes, (profileNode, nodes) -> {
            ObjectNode doc = json.createObjectNode();
            doc.put("generatedAt", now.toString());
            doc.set("profile", profileNode);
            List<MyDataExport.Section> counts = new ArrayList<>();
            counts.add(new MyDataExport.Section("profile", 1));
            for (Map.Entry<String, JsonNode> section : nodes) {
                doc.set(section.getKey(), section.getValue());
                counts.add(new MyDataExport.Section(section.getKey(), section.getValue().size()));
            }
            return new MyDataExport(now, json.writeValueAsString(doc), counts);
        });
    }
}
