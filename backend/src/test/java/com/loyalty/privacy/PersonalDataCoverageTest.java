package com.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every table that holds rows about a member (a foreign key to {@code member}, or a column named
 * {@code member_id}) is accounted for, in the database the migrations build: either the member's
 * data export carries it (the section named) or it says why not, and either account erasure
 * handles it (the {@link AccountErasure} bean named) or it says why it is kept. A new table of
 * members' data fails here until its module contributes a {@link PersonalData} section (and, when it
 * holds personal text, an {@link AccountErasure}) and it is listed below; docs/privacy.md lists the
 * same tables for members.
 */
class PersonalDataCoverageTest extends IntegrationTest {

    /** What the export and the erasure do with one table's rows about a member. */
    record Handling(String section, String notExportedBecause, String erasure, String keptBecause) {
    }

    static Handling exported(String section, String keptBecause) {
        return new Handling(section, null, null, keptBecause);
    }

    static Handling exportedAndErased(String section, String erasure) {
        return new Handling(section, null, erasure, null);
    }

    static Handling notExported(String because, String keptBecause) {
        return new Handling(null, because, null, keptBecause);
    }

    static final String BOOKS = "the books: points, money and rewards, tied to the anonymous member id only";
    static final String NO_TEXT = "no personal text: ids, times, counts";
    static final String ROLLUP = "analytics rollup: counts derived from records exported in their own sections";

    static final Map<String, Handling> TABLES = Map.ofEntries(
            // the profile's fields are erased by the closure itself (AccountClosureService, PrivacyRepository.erase)
            Map.entry("member", new Handling("profile", null, "AccountClosureService", null)),
            Map.entry("consent_event", exported("consents", "proof of consent (PIPL art. 14, 15)")),
            Map.entry("subscribe_consent", exportedAndErased("subscribeMessageConsents", "MessagesErasure")),
            Map.entry("notification_outbox", exportedAndErased("notifications", "MessagesErasure")),
            Map.entry("sms_daily_count", notExported("a per-day counter for the SMS limit; the messages are in notifications",
                    NO_TEXT)),
            Map.entry("member_tier", exported("tier", NO_TEXT)),
            Map.entry("tier_change", exported("tierHistory", NO_TEXT)),
            Map.entry("tier_review", exported("tierReviews", NO_TEXT)),
            Map.entry("tier_benefit_grant", exported("tierBenefits", BOOKS)),
            Map.entry("member_points", exported("pointsBalance", BOOKS)),
            Map.entry("points_ledger", exported("pointsLedger", BOOKS)),
            Map.entry("points_grant", exported("pointsBuckets", BOOKS)),
            Map.entry("points_approval", notExported("staff requests to grant points above their cap, for an admin;"
                    + " an approved one is an entry of pointsLedger", BOOKS)),
            Map.entry("member_coupon", exported("coupons", BOOKS)),
            Map.entry("member_coupon_count", notExported("a counter of coupons held per template, for the per-member"
                    + " limit; the coupons are in coupons", NO_TEXT)),
            Map.entry("member_wallet", exported("storedValueRecharges", BOOKS)),
            Map.entry("wallet_recharge", exported("storedValueRecharges", BOOKS)),
            Map.entry("wallet_txn", exported("storedValueHistory", BOOKS)),
            Map.entry("wallet_entry", exported("storedValueHistory", BOOKS)),
            Map.entry("wallet_recharge_order", exported("storedValueOrders", BOOKS)),
            Map.entry("purchase", exported("orders", BOOKS)),
            Map.entry("checkin", exported("checkIns", NO_TEXT)),
            Map.entry("member_stamp_card", exported("stampCards", BOOKS)),
            Map.entry("mall_redemption", exportedAndErased("mallRedemptions", "MallErasure")),
            Map.entry("member_event_signup", exportedAndErased("eventSignUps", "EventErasure")),
            Map.entry("lottery_draw", exported("lotteryDraws", BOOKS)),
            Map.entry("referral_reward", exported("invitations", BOOKS)),
            Map.entry("share_event", exported("shares", NO_TEXT)),
            Map.entry("campaign_member", exported("campaigns", NO_TEXT)),
            Map.entry("campaign_grant", notExported("which campaign periods gave the member points: the points are in"
                    + " pointsLedger, the campaigns in campaigns", BOOKS)),
            Map.entry("member_tag", exported("tags", NO_TEXT)),
            Map.entry("member_tag_event", notExported("staff's record of who put a tag on or off and why (the tags"
                    + " are in tags), read by staff like the audit trail", "the staff log of tag changes")),
            Map.entry("member_segment", exported("segment", NO_TEXT)),
            Map.entry("lifecycle_change", exported("lifecycleHistory", NO_TEXT)),
            Map.entry("automation_action", exported("automatedActions", NO_TEXT)),
            Map.entry("follow_up_task", exportedAndErased("staffFollowUps", "FollowUpErasure")),
            Map.entry("member_welcome", notExported("when the welcome pack was given and seen; what it gave is in"
                    + " coupons and pointsLedger", NO_TEXT)),
            Map.entry("media_object", new Handling(null, "the stored avatar uploads; the profile gives the avatar's"
                    + " address", "MediaErasure", null)),
            Map.entry("staff_audit", notExported("the staff's accountability trail (who did what to whom), read by"
                    + " admins", "kept for loyalty.privacy.retention.audit, then deleted by PRIVACY_RETENTION")),
            Map.entry("bulk_member_row", notExported("the import's bookkeeping: which member an imported phone became",
                    "keeps a re-run import of the old file from bringing a closed member back")),
            Map.entry("analytics_member_day", notExported(ROLLUP, NO_TEXT)),
            Map.entry("analytics_member_month", notExported(ROLLUP, NO_TEXT)),
            Map.entry("analytics_member_spell", notExported(ROLLUP, NO_TEXT)),
            Map.entry("analytics_points_month", notExported(ROLLUP, NO_TEXT)));

    @Autowired
    ApplicationContext context;

    @Test
    void everyTableThatHoldsMembersRowsIsExportedOrSaysWhyNot() {
        Set<String> holdingMembers = new TreeSet<>(db.sql("""
                        select c.conrelid::regclass::text as t from pg_constraint c
                        where c.contype = 'f' and c.confrelid = 'member'::regclass
                        union
                        select table_name from information_schema.columns
                        where table_schema = current_schema() and column_name like '%member_id'
                        """)
                .map(row -> row.get("t", String.class)).all().collectList().block());

        assertThat(new TreeSet<>(TABLES.keySet()))
                .as("tables holding members' rows (a new one: contribute a PersonalData section, erase its personal"
                        + " text with an AccountErasure, and list it here and in docs/privacy.md)")
                .isEqualTo(holdingMembers);
    }

    @Test
    void docsPrivacyListsEveryTableForMembers() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/privacy.md"));
        assertThat(TABLES.keySet().stream().filter(t -> !t.startsWith("analytics_") && !page.contains("`" + t + "`"))
                .sorted().toList()).as("tables docs/privacy.md does not name").isEmpty();
        assertThat(page).contains("`analytics_*`");
    }

    @Test
    void eachNamedSectionIsInTheExportAndEachNamedErasureRuns() {
        Set<String> erasures = context.getBeansOfType(AccountErasure.class).values().stream()
                .map(bean -> org.springframework.aop.support.AopUtils.getTargetClass(bean).getSimpleName())
                .collect(Collectors.toSet());
        TABLES.forEach((table, h) -> {
            assertThat(h.section() != null || h.notExportedBecause() != null).as(table + ": exported or why not").isTrue();
            if (h.section() != null && !h.section().equals("profile")) {
                assertThat(DataExportService.SECTIONS).as(table + "'s section").contains(h.section());
            }
            assertThat(h.erasure() != null || h.keptBecause() != null).as(table + ": erased or why kept").isTrue();
            if (h.erasure() != null && !table.equals("member")) {
                assertThat(erasures).as(table + "'s erasure").contains(h.erasure());
            }
        });
        // and every section the document lists is some table's
        Set<String> sections = TABLES.values().stream().map(Handling::section).filter(s -> s != null)
                .collect(Collectors.toSet());
        assertThat(DataExportService.SECTIONS.stream().filter(s -> !sections.contains(s)).toList())
                .as("sections drawn from tables not listed here").isEmpty();
    }
}
