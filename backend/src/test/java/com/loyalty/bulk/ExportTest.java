package com.loyalty.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportTest extends BulkTesting {

    private String get(String token, String path, int status) {
        byte[] body = http().get().uri(path).headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                }).exchange().expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private String token(String username) {
        return anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", username, "password", STAFF_PASSWORD))
                .execute().path("staffLogin.accessToken").entity(String.class).get();
    }

    @Test
    void anAdminExportsTheBrandsMembersWithPhonesMaskedUnlessAskedAndFormulasDefused() {
        String token = adminToken();
        String phone = freshPhone();
        runCsv(token, "MEMBERS", "手机号,姓名,积分\n" + phone + ",\"=HYPERLINK(\"\"http://evil\"\")\",300\n", false);
        long member = memberWithPhone(phone);

        String masked = get(token, "/bulk/exports/members.csv", 200);
        String full = get(token, "/bulk/exports/members.csv?phones=full", 200);

        assertThat(masked).startsWith("\uFEFF会员ID,手机号,姓名,性别,生日,等级,积分余额,储值余额（元）,注册门店,注册渠道,注册时间\r\n");
        String row = masked.lines().filter(l -> l.startsWith(member + ",")).findFirst().orElseThrow();
        assertThat(row).contains(phone.substring(0, 3) + "****" + phone.substring(7))
                .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").contains(",300,").doesNotContain(phone);
        assertThat(full).contains(member + "," + phone + ",");
        assertThat(auditDetails(token)).anySatisfy(d -> assertThat(d).contains("完整手机号"))
                .anySatisfy(d -> assertThat(d).contains("手机号已打码"));
    }

    @Test
    void aStoreManagerExportsOnlyTheirStoresMembersAndOrdersMasked() {
        String token = adminToken();
        String storeA = createStore("导出甲店");
        String storeB = createStore("导出乙店");
        String manager = token(createStaff(storeA, "STORE_MANAGER"));
        String clerk = token(createStaff(storeA, "CLERK"));
        var ours = memberOf(storeA, unique("ours"));
        String ourId = idOf(ours);
        var theirs = memberOf(storeB, unique("theirs"));
        String theirId = idOf(theirs);

        String members = get(manager, "/bulk/exports/members.csv", 200);

        assertThat(members.lines().map(l -> l.split(",")[0])).contains(ourId).doesNotContain(theirId);
        get(manager, "/bulk/exports/members.csv?phones=full", 403);
        get(clerk, "/bulk/exports/members.csv", 403);
        get(null, "/bulk/exports/members.csv", 401);
        get(manager, "/bulk/exports/orders.csv?from=2024-13-01", 400);
        assertThat(get(manager, "/bulk/exports/orders.csv?from=2020-01-01&to=2030-01-01", 200))
                .startsWith("\uFEFF订单ID,门店,订单号");
        assertThat(get(token, "/bulk/exports/points-ledger.csv", 200)).startsWith("\uFEFF流水ID,会员ID,手机号,类型");
    }

    @Test
    void anExportIsStreamedNotSentAsOneBlock() {
        http().get().uri("/bulk/exports/members.csv").headers(h -> h.setBearerAuth(adminToken())).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Content-Length")
                .expectHeader().valueMatches("Content-Disposition", "attachment;.*members-brand.csv.*");
    }

    private java.util.List<String> auditDetails(String token) {
        String staffId = withToken(token).document("{ currentStaff { id } }").execute().path("currentStaff.id")
                .entity(String.class).get();
        return auditOf(staffId, "BULK_EXPORT").stream().map(AuditEntry::detail).toList();
    }
}
