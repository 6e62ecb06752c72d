package com.loyalty.dev.sms;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A fake of Alibaba Cloud SMS's API (Dysmsapi 2017-05-25) for the dev profile and tests, on
 * 127.0.0.1: it answers SendSms as the service does ({@code {"Code":"OK","BizId":...}}), keeps
 * what was sent ({@link #sentTo}), answers programmed refusals ({@link #failNext}), and writes the
 * delivery receipts and member replies the service would push to the backend
 * ({@link #deliveryReport}, {@link #reply}), in the service's JSON.
 * <ul>
 *   <li>A refusal code such as {@code isv.MOBILE_NUMBER_ILLEGAL} comes back as the service sends
 *       it: HTTP 200 with that Code; {@code HTTP500} makes the service fail with a 500.</li>
 *   <li>A call with another AccessKeyId than {@link #ACCESS_KEY_ID} is refused with 404
 *       InvalidAccessKeyId.NotFound, as the service does.</li>
 * </ul>
 */
public final class FakeSmsServer {

    /** The access key id the fake accepts (dev and test configuration use it). */
    public static final String ACCESS_KEY_ID = "fake-sms-access-key";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^,\\s]+)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A message the backend sent, as the service received it. */
    public record Sent(String phone, String signName, String template, Map<String, String> params, String outId,
                       String bizId) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<String>> failures = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(880000000);
    private final Deque<String> nextBizIds = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final LoopResources loops = LoopResources.create("fake-sms", 1, true);
    private DisposableServer server;

    private FakeSmsServer() {
    }

    /** Starts the fake on 127.0.0.1 at the port (0 picks a free one). */
    public static FakeSmsServer start(int port) {
        FakeSmsServer fake = new FakeSmsServer();
        fake.server = HttpServer.create()
                .runOn(fake.loops)
                .host("127.0.0.1")
                .port(port)
                .route(routes -> routes.route(req -> true, (req, res) -> req.receive().aggregate()
                        .asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> Mono.from(fake.answer(req.uri(), body, req.requestHeaders(), res)))))
                .bindNow();
        return fake;
    }

    /** Where the SDK should send its calls, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Messages the service accepted, oldest first. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Messages the service accepted for the number, oldest first. */
    public List<Sent> sentTo(String phone) {
        return sent.stream().filter(s -> s.phone().equals(phone)).toList();
    }

    /** The next messages accepted get these BizIds (a guide's examples name theirs), in order. */
    public void nextBizIds(String... bizIds) {
        nextBizIds.addAll(List.of(bizIds));
    }

    /** The next messages to the number get these refusals (e.g. isv.BUSINESS_LIMIT_CONTROL, HTTP500), in order. */
    public void failNext(String phone, String... codes) {
        failures.computeIfAbsent(phone, p -> new ArrayDeque<>()).addAll(List.of(codes));
    }

    /**
     * The delivery receipt (SmsReport) the service pushes for the last message to the number: a JSON
     * array of one report, delivered or not with the operator's code (DELIVERED, MK:0001...).
     */
    public String deliveryReport(String phone, boolean success, String errCode, String errMsg) {
        List<Sent> to = sentTo(phone);
        if (to.isEmpty()) {
            throw new IllegalStateException("nothing was sent to " + phone);
        }
        Sent last = to.get(to.size() - 1);
        JsonObject report = new JsonObject();
        report.addProperty("phone_number", phone);
        report.addProperty("send_time", LocalDateTime.now().format(TIME));
        report.addProperty("report_time", LocalDateTime.now().format(TIME));
        report.addProperty("success", success);
        report.addProperty("err_code", errCode);
        report.addProperty("err_msg", errMsg);
        report.addProperty("sms_size", "1");
        report.addProperty("biz_id", last.bizId());
        report.addProperty("out_id", last.outId());
        JsonArray reports = new JsonArray();
        reports.add(report);
        return reports.toString();
    }

    /** The member reply (SmsUp) the service pushes when the number answers {@code content}. */
    public static String reply(String phone, String content, String signName) {
        JsonObject up = new JsonObject();
        up.addProperty("phone_number", phone);
        up.addProperty("send_time", LocalDateTime.now().format(TIME));
        up.addProperty("content", content);
        up.addProperty("sign_name", signName);
        up.addProperty("dest_code", "");
        up.addProperty("sequence_id", System.nanoTime());
        JsonArray ups = new JsonArray();
        ups.add(up);
        return ups.toString();
    }

    public void stop() {
        server.disposeNow();
        loops.dispose();
    }

    private org.reactivestreams.Publisher<Void> answer(String uri, String body, HttpHeaders headers,
                                                      HttpServerResponse res) {
        Map<String, String> params = params(uri, body);
        // the SDK signs with ACS3-HMAC-SHA256: the action and the key id come in headers
        if (headers.get("x-acs-action") != null) {
            params.putIfAbsent("Action", headers.get("x-acs-action"));
        }
        Matcher credential = CREDENTIAL.matcher(String.valueOf(headers.get("Authorization")));
        if (credential.find()) {
            params.putIfAbsent("AccessKeyId", credential.group(1));
        }
        String requestId = "fake-" + ids.incrementAndGet();
        if (!ACCESS_KEY_ID.equals(params.get("AccessKeyId"))) {
            return json(res, HttpResponseStatus.NOT_FOUND, answer("InvalidAccessKeyId.NotFound",
                    "Specified access key is not found.", requestId, null));
        }
        if (!"SendSms".equals(params.get("Action"))) {
            return json(res, HttpResponseStatus.BAD_REQUEST, answer("InvalidAction.NotFound",
                    "Specified api is not found, please check your url and method.", requestId, null));
        }
        String phone = params.getOrDefault("PhoneNumbers", "");
        Deque<String> programmed = failures.get(phone);
        String failure = programmed == null ? null : programmed.poll();
        if ("HTTP500".equals(failure)) {
            return json(res, HttpResponseStatus.INTERNAL_SERVER_ERROR, answer("InternalError",
                    "The request processing has failed due to some unknown error.", requestId, null));
        }
        if (failure != null) {
            return json(res, HttpResponseStatus.OK, answer(failure, "fake refusal " + failure, requestId, null));
        }
        if (!phone.matches("1\\d{10}")) {
            return json(res, HttpResponseStatus.OK, answer("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", requestId, null));
        }
        Map<String, String> templateParams = new LinkedHashMap<>();
        String templateParam = params.get("TemplateParam");
        if (templateParam != null && !templateParam.isBlank()) {
            try {
                JsonParser.parseString(templateParam).getAsJsonObject().entrySet()
                        .forEach(e -> templateParams.put(e.getKey(), e.getValue().getAsString()));
            } catch (RuntimeException e) {
                return json(res, HttpResponseStatus.OK, answer("isv.INVALID_JSON_PARAM", "JSON参数不合法", requestId, null));
            }
        }
        String programmedId = nextBizIds.poll();
        String bizId = programmedId != null ? programmedId : ids.incrementAndGet() + "^0";
        sent.add(new Sent(phone, params.get("SignName"), params.get("TemplateCode"), Map.copyOf(templateParams),
                params.get("OutId"), bizId));
        return json(res, HttpResponseStatus.OK, answer("OK", "OK", requestId, bizId));
    }

    /** The call's parameters: the query string's, and a form body's (the SDK sends RPC calls either way). */
    private static Map<String, String> params(String uri, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        new QueryStringDecoder(uri).parameters().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        if (!body.isBlank() && !body.strip().startsWith("{")) {
            new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters()
                    .forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        }
        return params;
    }

    private static String answer(String code, String message, String requestId, String bizId) {
        JsonObject answer = new JsonObject();
        answer.addProperty("Code", code);
        answer.addProperty("Message", message);
        answer.addProperty("RequestId", requestId);
        if (bizId != null) {
            answer.addProperty("BizId", bizId);
        }
        return answer.toString();
    }

    private static org.reactivestreams.Publisher<Void> json(HttpServerResponse res, HttpResponseStatus status,
                                                          String body) {
        return res.status(status).header("Content-Type", "application/json;charset=utf-8")
                .sendString(Mono.just(body), StandardCharsets.UTF_8);
    }
}
