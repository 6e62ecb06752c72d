package com.loyalty.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberImportTest extends BulkTesting {

    private static final String HEADER = "手机号,姓名,生日,性别,等级,积分,积分到期日,储值余额,标签,注册门店,注册日期,会员编号\n";

    @Test
    void aDryRunReportsEveryRowsProblemsInChineseAndWritesNothing() {
        String token = adminToken();
        String store = unique("徐汇店");
        storeNamed(1, store);
        String good = freshPhone();
        String dup = freshPhone();
        String file = HEADER
                + good + ",张三,1990-05-01,男,金卡,1200,2099-12-31,88.50,老客,\"" + store + "\",2019-03-15,A1\n"   // row 2
                + "1234,李四,,,,,,,,,,\n"                                                                      // row 3
                + dup + ",王五,,,,,,,,没有这家店,,\n"                                                            // row 4
                + dup + ",王五,,,钻石王者,,,,,,,\n"                                                              // row 5
                + freshPhone() + ",赵六,,,,-5,,,,,,\n"                                                          // row 6
                + freshPhone() + ",钱七,,,,300,2020-01-31,,,,,\n"                                               // row 7
                + freshPhone() + ",孙八,,,,,,100,,,,\n";                                                       // row 8

        Job job = runCsv(token, "MEMBERS", file, true);

        assertThat(job.status()).as("%s", job.error()).isEqualTo("DONE");
        assertThat(job.dryRun()).isTrue();
        assertThat(job.rowsRead()).isEqualTo(7);
        assertThat(job.imported()).as("rows that would become members").isEqualTo(1);
        assertThat(job.failed()).isEqualTo(6);
        assertThat(job.pointsTotal()).isEqualTo(1200);
        assertThat(job.storedValueCents()).isEqualTo(8850);
        assertThat(job.problems()).extracting(Problem::row, Problem::message).contains(
                org.assertj.core.groups.Tuple.tuple(3L, "手机号格式不正确：「1234」"),
                org.assertj.core.groups.Tuple.tuple(4L, "未知门店「没有这家店」"),
                org.assertj.core.groups.Tuple.tuple(5L, "手机号与第 4 行重复"),
                org.assertj.core.groups.Tuple.tuple(6L, "积分不能为负数：-5"),
                org.assertj.core.groups.Tuple.tuple(8L, "有储值余额的会员须填写注册门店（储值记在该门店）"));
        assertThat(job.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(5);
            assertThat(p.message()).startsWith("未知等级「钻石王者」");
        });
        assertThat(job.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(7);
            assertThat(p.message()).startsWith("积分已过期（到期日 2020-01-31）");
        });
        assertThat(memberWithPhone(good)).as("a dry run writes no member").isNull();
    }

    @Test
    void anImportEntersOpeningBalancesAndRunningItAgainChangesNothing() {
        String token = adminToken();
        String store = unique("静安店");
        long storeId = storeNamed(1, store);
        String a = freshPhone();
        String b = freshPhone();
        String tag = unique("老客");
        String file = HEADER
                + a + ",张三,1990-05-01,男,金卡,1200,2099-12-31,88.50,\"" + tag + ";咖啡\",\"" + store + "\",2019-03-15,A1\n"
                + b + ",李四,,女,,0,,0,,,2021-07-01,\n";
        String fileId = uploaded(token, "MEMBERS", "members.csv", csv(file));

        Job first = run(token, fileId, false);

        assertThat(first.status()).as("%s", first.error()).isEqualTo("DONE");
        assertThat(first.imported()).isEqualTo(2);
        assertThat(first.failed()).isZero();
        long memberA = memberWithPhone(a);
        assertThat(pointsOf(memberA)).isEqualTo(1200);
        assertThat(storedValueOf(memberA)).isEqualTo(8850);
        assertThat(count("select count(*) from points_ledger where member_id = :m and kind = 'OPENING'", memberA)).isEqualTo(1);
        assertThat(count("select count(*) from wallet_recharge where member_id = :m and channel = 'OPENING' and store_id = "
                + storeId, memberA)).isEqualTo(1);
        assertThat(count("select level from member_tier where member_id = :m", memberA)).as("金卡").isEqualTo(2);
        assertThat(db.sql("select reason from tier_change where member_id = :m").bind("m", memberA)
                .map(row -> row.get("reason", String.class)).all().collectList().block()).containsExactly("原系统导入");
        assertThat(db.sql("select t.name from member_tag mt join tag t on t.id = mt.tag_id where mt.member_id = :m")
                .bind("m", memberA).map(row -> row.get("name", String.class)).all().collectList().block())
                .containsExactlyInAnyOrder(tag, "咖啡");
        Map<String, Object> profile = db.sql("""
                        select nickname, birthday::text as birthday, gender, registration_channel, registration_store_id,
                               (registered_at at time zone 'Asia/Shanghai')::date::text as registered from member where id = :m""")
                .bind("m", memberA).fetch().one().block();
        assertThat(profile).containsEntry("nickname", "张三").containsEntry("birthday", "1990-05-01")
                .containsEntry("gender", "MALE").containsEntry("registration_channel", "IMPORT")
                .containsEntry("registration_store_id", storeId).containsEntry("registered", "2019-03-15");

        Job again = run(token, fileId, false);

        assertThat(again.status()).isEqualTo("DONE");
        assertThat(again.imported()).isZero();
        assertThat(again.matched()).isZero();
        assertThat(again.skipped()).as("rows imported before").isEqualTo(2);
        assertThat(pointsOf(memberA)).isEqualTo(1200);
        assertThat(storedValueOf(memberA)).isEqualTo(8850);
        assertThat(count("select count(*) from member where phone_hash = (select phone_hash from member where id = :m)",
                memberA)).isEqualTo(1);
    }

    @Test
    void aMemberWhoAlreadyHasThePhoneIsMatchedNotDuplicated() {
        String token = adminToken();
        var member = member(unique("existing"));
        String phone = bindFreshPhone(member);
        long memberId = Long.parseLong(idOf(member));

        Job job = runCsv(token, "MEMBERS", HEADER + phone + ",老会员,1988-02-02,女,,500,,,,,,\n", false);

        assertThat(job.matched()).isEqualTo(1);
        assertThat(job.imported()).isZero();
        assertThat(memberWithPhone(phone)).isEqualTo(memberId);
        assertThat(pointsOf(memberId)).isEqualTo(500);
        assertThat(member.document("{ me { birthday gender } }").execute().path("me.birthday").entity(String.class).get())
                .as("empty profile fields are filled").isEqualTo("1988-02-02");
    }

    @Test
    void anImportedMemberWhoSignsInWithWeChatAndBindsThePhoneBecomesTheImportedMember() {
        String token = adminToken();
        String phone = freshPhone();
        runCsv(token, "MEMBERS", HEADER + phone + ",王芳,,,银卡,800,2099-06-30,,,,,\n", false);
        long imported = memberWithPhone(phone);
        String name = unique("wechat");
        var fresh = member(name);
        String shellId = idOf(fresh);

        Map<String, Object> bound = fresh.document("""
                        mutation($code: String!) { bindPhone(input: { code: $code }) {
                          member { id phone } signInAgain userErrors { code message } } }""")
                .variable("code", "phone-" + phone).execute()
                .path("bindPhone.userErrors").entityList(Object.class).hasSize(0)
                .path("bindPhone").entity(Map.class).get();

        assertThat(bound.get("signInAgain")).isEqualTo(true);
        assertThat(((Map<?, ?>) bound.get("member")).get("id")).isEqualTo(String.valueOf(imported));
        var again = member(name);
        assertThat(idOf(again)).as("the same WeChat account now signs in as the imported member")
                .isEqualTo(String.valueOf(imported));
        assertThat(again.document("{ me { phone } }").execute().path("me.phone").entity(String.class).get())
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(pointsOf(imported)).isEqualTo(800);
        assertThat(count("select count(*) from member where brand_id = 1 and phone_hash = "
                + "(select phone_hash from member where id = :m)", imported)).isEqualTo(1);
        assertThat(count("select count(*) from member where id = :m and closed_at is not null", Long.parseLong(shellId)))
                .as("the empty account the sign-in made is closed").isEqualTo(1);
    }

    @Test
    void anXlsxFileImportsLikeItsCsv() throws Exception {
        String token = adminToken();
        String phone = freshPhone();
        byte[] xlsx;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("会员");
            var header = sheet.createRow(0);
            String[] names = {"手机号", "姓名", "生日", "积分", "积分到期日"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(Double.parseDouble(phone));
            row.createCell(1).setCellValue("表格会员");
            var dateStyle = book.createCellStyle();
            dateStyle.setDataFormat((short) 14);
            var birthday = row.createCell(2);
            birthday.setCellValue(java.time.LocalDate.of(1992, 3, 4));
            birthday.setCellStyle(dateStyle);
            row.createCell(3).setCellValue(250);
            var expiry = row.createCell(4);
            expiry.setCellValue(java.time.LocalDate.of(2099, 1, 31));
            expiry.setCellStyle(dateStyle);
            book.write(out);
            xlsx = out.toByteArray();
        }

        Job job = run(token, uploaded(token, "MEMBERS", "会员.xlsx", xlsx), false);

        assertThat(job.problems()).isEmpty();
        assertThat(job.imported()).isEqualTo(1);
        long member = memberWithPhone(phone);
        assertThat(pointsOf(member)).isEqualTo(250);
        assertThat(db.sql("select birthday::text as b from member where id = :m").bind("m", member)
                .map(r -> r.get("b", String.class)).one().block()).isEqualTo("1992-03-04");
    }

    @Test
    void aFileThatIsNotATableFailsWithAReasonAndImportsNothing() {
        String token = adminToken();
        byte[] garbage = new byte[200_000];
        new java.util.Random(7).nextBytes(garbage);

        Job job = run(token, uploaded(token, "MEMBERS", "garbage.csv", garbage), true);

        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.error()).isNotBlank();
        assertThat(job.imported()).isZero();
    }

    @Test
    void aFileWithoutThePhoneColumnFailsSayingWhichColumnIsMissing() {
        Job job = runCsv(adminToken(), "MEMBERS", "姓名,积分\n张三,10\n", true);

        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.error()).contains("「手机号」");
    }

    @Test
    void uploadsAreForAdminsAndLimitedInSize() {
        String token = adminToken();
        upload(null, "MEMBERS", "a.csv", csv("手机号\n")).expectStatus().isUnauthorized();
        String clerk = anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", createStaff(createStore("上传店"), "STORE_MANAGER"),
                        "password", STAFF_PASSWORD))
                .execute().path("staffLogin.accessToken").entity(String.class).get();
        upload(clerk, "MEMBERS", "a.csv", csv("手机号\n")).expectStatus().isForbidden();
        upload(token, "MEMBERS", "big.csv", new byte[3 * 1024 * 1024]).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UPLOAD_TOO_LARGE");
        assertThat(auditOf(idOfStaff(token), "BULK_UPLOAD")).isNotEmpty();
    }

    @Test
    void oneJobRunsAtATimePerBrandAndAStoppedOneGivesWay() {
        String token = adminToken();
        String fileId = uploaded(token, "MEMBERS", "one.csv", csv(HEADER + freshPhone() + ",一,,,,,,,,,,\n"));
        Long running = db.sql("""
                        insert into bulk_job (brand_id, file_id, kind, dry_run, status, started_by, started_at, heartbeat_at)
                        select 1, :file, 'MEMBERS', true, 'RUNNING', uploaded_by, :now, :now from bulk_file where id = :file
                        returning id""")
                .bind("file", Long.parseLong(fileId)).bind("now", clock.instant()).map(r -> r.get("id", Long.class)).one().block();

        adminApi(token).document("""
                        mutation($input: StartBulkJobInput!) { startBulkJob(input: $input) { job { id } userErrors { code message } } }""")
                .variable("input", Map.of("fileId", fileId, "dryRun", true)).execute()
                .path("startBulkJob.userErrors[0].code").entity(String.class).isEqualTo("BULK_JOB_RUNNING")
                .path("startBulkJob.userErrors[0].message").entity(String.class).isEqualTo("已有导入任务在进行中，请等它结束后再开始");

        // its instance stopped: no progress for longer than loyalty.bulk.stale-after-seconds
        db.sql("update bulk_job set heartbeat_at = :now - interval '10 minutes' where id = :id").bind("id", running)
                .bind("now", clock.instant())
                .then().block();
        Job next = run(token, fileId, true);

        assertThat(next.status()).isEqualTo("DONE");
        assertThat(job(token, String.valueOf(running)).status()).isEqualTo("FAILED");
    }

    private String idOfStaff(String token) {
        return withToken(token).document("{ currentStaff { id } }").execute().path("currentStaff.id")
                .entity(String.class).get();
    }

}
