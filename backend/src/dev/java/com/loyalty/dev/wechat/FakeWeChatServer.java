package com.loyalty.dev.wechat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A fake of WeChat's server API for the dev profile and tests, on 127.0.0.1. It answers the
 * calls the SDK makes: access token, code2session, phone number and subscribe messages.
 * <ul>
 *   <li>Login code {@code dev-<name>} signs in user {@code <name>} and may be reused;
 *       {@code dev-<name>.<nonce>} works once, like a real code; anything else is invalid.</li>
 *   <li>Phone code {@code phone-<digits>} yields that number; anything else is invalid.</li>
 *   <li>Access tokens are numbered ({@link #tokensIssued()}); after {@link #revokeAccessTokens()} the
 *       ones issued so far get errcode 40001, as WeChat answers for an invalid token.</li>
 *   <li>Subscribe messages are delivered ({@link #sentMessages()}) unless a test programmed the next
 *       answers for the openid with {@link #failNext(String, int...)}.</li>
 *   <li>Mini-program codes (wxacode.getUnlimited) are real PNG images of a QR code that holds
 *       {@code <page>?scene=<scene>} ({@link FakeMiniProgramCode}), so tests can read what a code
 *       opens; {@link #codesGenerated()} counts them.</li>
 * </ul>
 */
public final class FakeWeChatServer {

    /** The key under which programmed sign-in failures are kept, next to the member's name. */
    private static final String SIGN_IN = "code2session";
    /** The key under which programmed mini-program code failures are kept. */
    private static final String MINI_PROGRAM_CODE = "getwxacodeunlimit";
    private static final Pattern LOGIN_CODE = Pattern.compile("dev-([A-Za-z0-9_-]{1,64})(\\.[A-Za-z0-9_-]+)?");
    private static final Pattern PHONE_CODE = Pattern.compile("phone-(\\d{5,15})");

    /** A subscribe message the backend sent, as WeChat received it. */
    public record SentMessage(String toUser, String templateId, String body) {
    }

    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final List<SentMessage> sentMessages = new CopyOnWriteArrayList<>();
    private final FakeWeChatState state = new FakeWeChatState();
    private final AtomicInteger codesGenerated = new AtomicInteger();
    private DisposableServer server;
    /** Its own event loop, so that it lives and dies with this fake and not with another app's. */
    private final LoopResources loops = LoopResources.create("fake-wechat", 1, true);

    private FakeWeChatServer() {
    }

    /** Starts the fake on 127.0.0.1 at the port (0 picks a free one). */
    public static FakeWeChatServer start(int port) {
        FakeWeChatServer fake = new FakeWeChatServer();
        fake.server = HttpServer.create()
                .runOn(fake.loops)
                .host("127.0.0.1")
                .port(port)
                .route(routes -> routes
                        .get("/cgi-bin/token", (req, res) -> json(res, fake.newAccessToken()))
                        .get("/sns/jscode2session", (req, res) -> json(res, fake.codeToSession(req.uri())))
                        .post("/wxa/business/getuserphonenumber", (req, res) -> req.receive().aggregate().asString()
                                .defaultIfEmpty("{}")
                                .flatMap(body -> Mono.from(json(res, fake.tokenValid(req.uri())
                                        ? phoneNumber(body) : error(40001, "invalid credential")))))
                        .post("/cgi-bin/message/subscribe/send", (req, res) -> req.receive().aggregate().asString()
                                .defaultIfEmpty("{}")
                                .flatMap(body -> Mono.from(json(res, fake.subscribeMessage(req.uri(), body)))))
                        .post("/wxa/getwxacodeunlimit", (req, res) -> req.receive().aggregate().asString()
                                .defaultIfEmpty("{}")
                                .flatMap(body -> Mono.from(fake.miniProgramCode(req.uri(), body, res)))))
                .bindNow();
        return fake;
    }

    /** Where the SDK should send its calls, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Subscribe messages WeChat accepted, oldest first. */
    public List<SentMessage> sentMessages() {
        return List.copyOf(sentMessages);
    }

    /** Subscribe messages WeChat accepted for one openid, oldest first. */
    public List<SentMessage> sentTo(String openid) {
        return sentMessages.stream().filter(m -> m.toUser().equals(openid)).toList();
    }

    /** The next sign-ins (code2session) of member {@code name} get these errcodes, in order. */
    public void failNextSignIns(String name, int... errcodes) {
        state.program(name + "|" + SIGN_IN, errcodes);
    }

    /** The next subscribe messages to the openid (any template) get these errcodes, in order. */
    public void failNext(String openid, int... errcodes) {
        state.program(openid, errcodes);
    }

    /** The next subscribe messages of the template to the openid get these errcodes, in order. */
    public void failNext(String openid, String templateId, int... errcodes) {
        state.program(openid + "|" + templateId, errcodes);
    }

    /** How many access tokens the fake has handed out (a refresh after 40001 adds one). */
    public int tokensIssued() {
        return state.tokensIssued();
    }

    /** The next mini-program codes asked for get these errcodes (e.g. 45009, over the rate limit), in order. */
    public void failNextCodes(int... errcodes) {
        state.program(MINI_PROGRAM_CODE, errcodes);
    }

    /** How many mini-program codes the fake has generated. */
    public int codesGenerated() {
        return codesGenerated.get();
    }

    /** Makes every access token issued so far invalid, as when another server fetched a new one. */
    public void revokeAccessTokens() {
        state.revokeTokens();
    }

    public void stop() {
        server.disposeNow();
        loops.dispose();
    }

    /** The openid the fake gives user {@code name}. */
    public static String openidOf(String name) {
        return "o-fake-" + name;
    }

    private String codeToSession(String uri) {
        List<String> codes = new QueryStringDecoder(uri).parameters().get("js_code");
        String code = codes == null || codes.isEmpty() ? "" : codes.get(0);
        Matcher m = LOGIN_CODE.matcher(code);
        if (!m.matches()) {
            return error(40029, "invalid code");
        }
        boolean singleUse = m.group(2) != null;
        String name = m.group(1);
        int programmed = state.nextAnswer(name, SIGN_IN);
        if (programmed != 0) {
            return error(programmed, "fake error " + programmed);
        }
        if (singleUse && !usedCodes.add(code)) {
            return error(40163, "code been used");
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("openid", openidOf(name));
        answer.addProperty("unionid", "u-fake-" + name);
        answer.addProperty("session_key", UUID.randomUUID().toString());
        return answer.toString();
    }

    private static String phoneNumber(String body) {
        String code = stringField(body, "code");
        Matcher m = PHONE_CODE.matcher(code);
        if (!m.matches()) {
            return error(40029, "invalid code");
        }
        JsonObject info = new JsonObject();
        info.addProperty("phoneNumber", m.group(1));
        info.addProperty("purePhoneNumber", m.group(1));
        info.addProperty("countryCode", "86");
        JsonObject answer = new JsonObject();
        answer.addProperty("errcode", 0);
        answer.addProperty("errmsg", "ok");
        answer.add("phone_info", info);
        return answer.toString();
    }

    private String newAccessToken() {
        JsonObject answer = new JsonObject();
        answer.addProperty("access_token", state.issueToken());
        answer.addProperty("expires_in", 7200);
        return answer.toString();
    }

    private boolean tokenValid(String uri) {
        List<String> tokens = new QueryStringDecoder(uri).parameters().get("access_token");
        return tokens != null && !tokens.isEmpty() && state.tokenValid(tokens.get(0));
    }

    private String subscribeMessage(String uri, String body) {
        if (!tokenValid(uri)) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        String openid = stringField(body, "touser");
        String templateId = stringField(body, "template_id");
        int answer = state.nextAnswer(openid, templateId);
        if (answer != 0) {
            return error(answer, "fake error " + answer);
        }
        sentMessages.add(new SentMessage(openid, templateId, body));
        return error(0, "ok");
    }

    /**
     * A PNG of the code, or WeChat's errors: 40001 for a stale token, 41030 for a bad page, 40169 for
     * a bad scene, or what a test programmed ({@link #failNextCodes}).
     */
    private Publisher<Void> miniProgramCode(String uri, String body, HttpServerResponse res) {
        if (!tokenValid(uri)) {
            return json(res, error(40001, "invalid credential, access_token is invalid or not latest"));
        }
        String scene = stringField(body, "scene");
        String page = stringField(body, "page");
        if (scene.isEmpty() || scene.length() > 32) {
            return json(res, error(40169, "invalid length for scene"));
        }
        if (page.startsWith("/") || page.contains("?")) {
            return json(res, error(41030, "invalid page"));
        }
        int programmed = state.nextAnswer(MINI_PROGRAM_CODE, "");
        if (programmed != 0) {
            return json(res, error(programmed, "fake error " + programmed));
        }
        codesGenerated.incrementAndGet();
        byte[] png = FakeMiniProgramCode.png(page + "?scene=" + scene);
        return res.header("Content-Type", "image/png").sendByteArray(Mono.just(png));
    }

    private static String stringField(String body, String field) {
        try {
            JsonObject object = JsonParser.parseString(body).getAsJsonObject();
            return object.has(field) ? object.get(field).getAsString() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    static String error(int code, String message) {
        JsonObject answer = new JsonObject();
        answer.addProperty("errcode", code);
        answer.addProperty("errmsg", message);
        return answer.toString();
    }

    static Publisher<Void> json(HttpServerResponse res, String body) {
        return res.header("Content-Type", "application/json; charset=utf-8")
                .sendString(Mono.just(body), StandardCharsets.UTF_8);
    }
}
