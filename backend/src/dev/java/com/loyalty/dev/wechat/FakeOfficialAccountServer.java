package com.loyalty.dev.wechat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A fake of WeChat's official account API (公众号) for the dev profile and tests, on 127.0.0.1:
 * access token, user info and template messages, as weixin-java-mp calls them.
 * <ul>
 *   <li>User {@code <name>} has openid {@code oa-fake-<name>} here and unionid {@code u-fake-<name>},
 *       the unionid the fake mini-program's sign-in gives the same name; they follow the account
 *       unless {@link #unfollow} said otherwise.</li>
 *   <li>Template messages are delivered ({@link #sentTo}) to followers; to anyone else WeChat's 43004;
 *       {@link #failNext} programs other errcodes.</li>
 *   <li>{@link #followEvent} and {@link #signature} write the signed event pushes WeChat sends to the
 *       account's server URL.</li>
 * </ul>
 */
public final class FakeOfficialAccountServer {

    /** A template message the backend sent, as WeChat received it. */
    public record SentMessage(String toUser, String templateId, String body) {
    }

    private final List<SentMessage> sent = new CopyOnWriteArrayList<>();
    private final Set<String> unfollowed = ConcurrentHashMap.newKeySet();
    private final FakeWeChatState state = new FakeWeChatState();
    private final LoopResources loops = LoopResources.create("fake-official-account", 1, true);
    private DisposableServer server;

    private FakeOfficialAccountServer() {
    }

    /** Starts the fake on 127.0.0.1 at the port (0 picks a free one). */
    public static FakeOfficialAccountServer start(int port) {
        FakeOfficialAccountServer fake = new FakeOfficialAccountServer();
        fake.server = HttpServer.create()
                .runOn(fake.loops)
                .host("127.0.0.1")
                .port(port)
                .route(routes -> routes
                        .get("/cgi-bin/token", (req, res) -> json(res, fake.token()))
                        .post("/cgi-bin/stable_token", (req, res) -> json(res, fake.token()))
                        .get("/cgi-bin/user/info", (req, res) -> json(res, fake.userInfo(req.uri())))
                        .post("/cgi-bin/message/template/send", (req, res) -> req.receive().aggregate()
                                .asString(StandardCharsets.UTF_8).defaultIfEmpty("{}")
                                .flatMap(body -> Mono.from(json(res, fake.templateMessage(req.uri(), body))))))
                .bindNow();
        return fake;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The official account's openid of user {@code name}. */
    public static String openidOf(String name) {
        return "oa-fake-" + name;
    }

    /** Template messages WeChat accepted for the openid, oldest first. */
    public List<SentMessage> sentTo(String openid) {
        return sent.stream().filter(m -> m.toUser().equals(openid)).toList();
    }

    /** The user stops following the account: user/info says so and template messages get 43004. */
    public void unfollow(String openid) {
        unfollowed.add(openid);
    }

    /** The next template messages to the openid get these errcodes, in order. */
    public void failNext(String openid, int... errcodes) {
        state.program(openid, errcodes);
    }

    /** The XML WeChat pushes when the user follows ({@code subscribe}) or unfollows the account. */
    public static String followEvent(String openid, boolean follow, long createTime) {
        return "<xml><ToUserName><![CDATA[gh_fake]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + (follow ? "subscribe" : "unsubscribe") + "]]></Event></xml>";
    }

    /** WeChat's signature of a push: sha1 of the token, timestamp and nonce, sorted and joined. */
    public static String signature(String token, String timestamp, String nonce) {
        String joined = Stream.of(token, timestamp, nonce).sorted().collect(Collectors.joining());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        server.disposeNow();
        loops.dispose();
    }

    private String token() {
        JsonObject answer = new JsonObject();
        answer.addProperty("access_token", state.issueToken());
        answer.addProperty("expires_in", 7200);
        return answer.toString();
    }

    private boolean tokenValid(String uri) {
        List<String> tokens = new QueryStringDecoder(uri).parameters().get("access_token");
        return tokens != null && !tokens.isEmpty() && state.tokenValid(tokens.get(0));
    }

    private String userInfo(String uri) {
        if (!tokenValid(uri)) {
            return error(40001, "invalid credential");
        }
        List<String> openids = new QueryStringDecoder(uri).parameters().get("openid");
        String openid = openids == null || openids.isEmpty() ? "" : openids.get(0);
        if (!openid.startsWith("oa-fake-")) {
            return error(40003, "invalid openid");
        }
        JsonObject user = new JsonObject();
        boolean following = !unfollowed.contains(openid);
        user.addProperty("subscribe", following ? 1 : 0);
        user.addProperty("openid", openid);
        if (following) {
            user.addProperty("unionid", "u-fake-" + openid.substring("oa-fake-".length()));
            user.addProperty("subscribe_time", System.currentTimeMillis() / 1000);
        }
        return user.toString();
    }

    private String templateMessage(String uri, String body) {
        if (!tokenValid(uri)) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        JsonObject message = JsonParser.parseString(body).getAsJsonObject();
        String openid = message.has("touser") ? message.get("touser").getAsString() : "";
        String templateId = message.has("template_id") ? message.get("template_id").getAsString() : "";
        int programmed = state.nextAnswer(openid, templateId);
        if (programmed != 0) {
            return error(programmed, "fake error " + programmed);
        }
        if (unfollowed.contains(openid) || !openid.startsWith("oa-fake-")) {
            return error(43004, "require subscribe");
        }
        sent.add(new SentMessage(openid, templateId, body));
        JsonObject answer = new JsonObject();
        answer.addProperty("errcode", 0);
        answer.addProperty("errmsg", "ok");
        answer.addProperty("msgid", sent.size());
        return answer.toString();
    }

    private static String error(int code, String message) {
        return FakeWeChatServer.error(code, message);
    }

    private static Publisher<Void> json(HttpServerResponse res, String body) {
        return FakeWeChatServer.json(res, body);
    }
}
