package com.loyalty.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** What the bulk tests share: an admin's token, uploads, starting a job and waiting for it. */
abstract class BulkTesting extends IntegrationTest {

    static final String JOB_FIELDS = """
            id kind dryRun status rowsRead imported matched skipped failed pointsTotal storedValueCents error
            problemCount problems(first: 200) { row field message } file { id filename format kind }""";

    /** A job as the API shows it. */
    record Job(String id, String kind, boolean dryRun, String status, long rowsRead, long imported, long matched,
               long skipped, long failed, long pointsTotal, long storedValueCents, String error, int problemCount,
               List<Problem> problems) {
    }

    record Problem(long row, String field, String message) {
    }

    String adminToken() {
        return anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", "root-admin", "password", "root-admin-password"))
                .execute().path("staffLogin.accessToken").entity(String.class).get();
    }

    HttpGraphQlTester adminApi(String token) {
        return withToken(token);
    }

    static String freshPhone() {
        return "13" + ThreadLocalRandom.current().nextInt(5, 10) + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    WebTestClient.ResponseSpec upload(String token, String kind, String filename, byte[] bytes) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return http().post().uri("/bulk/uploads?kind=" + kind)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    /** Uploads the file and returns its id. */
    String uploaded(String token, String kind, String filename, byte[] bytes) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = upload(token, kind, filename, bytes).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("fileId");
    }

    /** Starts a job on the file and waits for it to finish. */
    Job run(String token, String fileId, boolean dryRun) {
        String id = adminApi(token).document("""
                        mutation($input: StartBulkJobInput!) { startBulkJob(input: $input) {
                          job { id status } userErrors { code message } } }""")
                .variable("input", Map.of("fileId", fileId, "dryRun", dryRun)).execute()
                .path("startBulkJob.userErrors").entityList(Object.class).hasSize(0)
                .path("startBulkJob.job.id").entity(String.class).get();
        return waitFor(token, id);
    }

    Job waitFor(String token, String jobId) {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(120));
        while (true) {
            Job job = job(token, jobId);
            if (!"RUNNING".equals(job.status())) {
                return job;
            }
            assertThat(clock.instant()).as("job " + jobId + " still running").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    Job job(String token, String jobId) {
        return adminApi(token).document("query($id: ID!) { bulkJob(id: $id) { " + JOB_FIELDS + " } }")
                .variable("id", jobId).execute().path("bulkJob").entity(Job.class).get();
    }

    /** Uploads the text as a CSV file and runs a job on it. */
    Job runCsv(String token, String kind, String text, boolean dryRun) {
        return run(token, uploaded(token, kind, "import.csv", csv(text)), dryRun);
    }

    /** The member of brand 1 with this phone (by the keyed hash), or null. */
    Long memberWithPhone(String phone) {
        return db.sql("select id from member where brand_id = 1 and phone_hash = :h")
                .bind("h", phoneHash(phone)).map(row -> row.get("id", Long.class)).one().block();
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.loyalty.shared.crypto.PhoneCipher phones;

    byte[] phoneHash(String phone) {
        return phones.lookupHash(phone);
    }

    long pointsOf(long memberId) {
        return db.sql("select coalesce((select balance from member_points where member_id = :m), 0) as b")
                .bind("m", memberId).map(row -> row.get("b", Long.class)).one().block();
    }

    long storedValueOf(long memberId) {
        return db.sql("select coalesce((select principal_cents + bonus_cents from member_wallet where member_id = :m), 0) as c")
                .bind("m", memberId).map(row -> row.get("c", Long.class)).one().block();
    }

    long count(String sql, long memberId) {
        return db.sql(sql).bind("m", memberId).map(row -> row.get(0, Long.class)).one().block();
    }
}
