package com.loyalty.dev.wechat.pay;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.loyalty.wechat.pay.PayNotification;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A fake of WeChat Pay APIv3 for the dev profile and tests, on 127.0.0.1. It checks the merchant
 * signature of our requests, answers JSAPI unified orders (prepay id) and refunds with answers
 * signed by its platform key, and sends signed, encrypted payment notifications to the notify
 * URL of an order when told to ({@link #pay}); tests can also build forged ones.
 */
public final class FakeWeChatPayServer {

    private static final Pattern AUTH = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** An order as WeChat Pay knows it. */
    public record Order(String appId, String mchId, String outTradeNo, long totalCents, String notifyUrl,
                        String openid, String prepayId, String transactionId) {
    }

    private final FakePayKeys keys = new FakePayKeys();
    private final String mchId;
    private final String apiV3Key;
    private final Clock clock;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final List<String> refunds = new CopyOnWriteArrayList<>();
    private final LoopResources loops = LoopResources.create("fake-wechat-pay", 1, true);
    private DisposableServer server;

    private FakeWeChatPayServer(String mchId, String apiV3Key, Clock clock) {
        this.mchId = mchId;
        this.apiV3Key = apiV3Key;
        this.clock = clock;
    }

    /** Starts the fake on 127.0.0.1 at the port (0 picks a free one) for the merchant. */
    public static FakeWeChatPayServer start(int port, String mchId, String apiV3Key, Clock clock) {
        FakeWeChatPayServer fake = new FakeWeChatPayServer(mchId, apiV3Key, clock);
        fake.server = HttpServer.create().runOn(fake.loops).host("127.0.0.1").port(port)
                .route(routes -> routes
                        .post("/v3/pay/transactions/jsapi", (req, res) -> fake.signedCall(req, res, fake::jsapiOrder))
                        .post("/v3/refund/domestic/refunds", (req, res) -> fake.signedCall(req, res, fake::refund)))
                .bindNow();
        return fake;
    }

    /**
     * Where the SDK should send its calls. The SDK signs requests and checks the signature of
     * answers only for hosts under .mch.weixin.qq.com, so the fake goes by such a name, which
     * {@link #RESOLVER} maps to 127.0.0.1.
     */
    public String baseUrl() {
        return "http://" + HOST + ":" + server.port();
    }

    /** The fake's host name; the SDK's HTTP client resolves it with {@link #RESOLVER}. */
    public static final String HOST = "fake-api.mch.weixin.qq.com";

    /** Resolves the fake's host name to 127.0.0.1 and every other name as usual. */
    public static final org.apache.http.conn.DnsResolver RESOLVER = host -> HOST.equals(host)
            ? new java.net.InetAddress[] {java.net.InetAddress.getLoopbackAddress()}
            : org.apache.http.impl.conn.SystemDefaultDnsResolver.INSTANCE.resolve(host);

    public FakePayKeys keys() {
        return keys;
    }

    public Optional<Order> order(String outTradeNo) {
        return Optional.ofNullable(orders.get(outTradeNo));
    }

    /** The out_refund_no of every refund asked for, oldest first. */
    public List<String> refunds() {
        return List.copyOf(refunds);
    }

    /** The member paid: sends the order's success notification to its notify URL; returns our HTTP status. */
    public int pay(String outTradeNo) {
        if (!orders.containsKey(outTradeNo)) {
            throw new IllegalArgumentException("no order " + outTradeNo);
        }
        return deliver(outTradeNo, paymentNotification(outTradeNo));
    }

    /** Posts a notification to the notify URL of the order; returns the HTTP status our server answered. */
    public int deliver(String outTradeNo, PayNotification n) {
        Order order = orders.get(outTradeNo);
        if (order == null) {
            throw new IllegalArgumentException("no order " + outTradeNo);
        }
        return HttpClient.create().runOn(loops)
                .headers(h -> h.set("Content-Type", "application/json").set("Wechatpay-Serial", n.serial())
                        .set("Wechatpay-Signature", n.signature()).set("Wechatpay-Timestamp", n.timestamp())
                        .set("Wechatpay-Nonce", n.nonce()))
                .post().uri(order.notifyUrl())
                .send((req, out) -> out.sendString(Mono.just(n.body()), StandardCharsets.UTF_8))
                .response((res, body) -> body.then(Mono.just(res.status().code())))
                .single().block();
    }

    /** The success notification WeChat Pay sends for the order, signed with the platform key. */
    public PayNotification paymentNotification(String outTradeNo) {
        Order order = orders.get(outTradeNo);
        return notification(order, order.totalCents(), keys.platform, FakePayKeys.PUBLIC_KEY_ID);
    }

    /** A correctly signed notification that claims another amount (what a bug or a breach would look like). */
    public PayNotification paymentNotification(String outTradeNo, long totalCents) {
        return notification(orders.get(outTradeNo), totalCents, keys.platform, FakePayKeys.PUBLIC_KEY_ID);
    }

    /** A notification for the order signed by someone else's key: a forgery. */
    public PayNotification forgedNotification(String outTradeNo) {
        return notification(orders.get(outTradeNo), orders.get(outTradeNo).totalCents(), FakePayKeys.generate(),
                FakePayKeys.PUBLIC_KEY_ID);
    }

    public void stop() {
        server.disposeNow();
        loops.dispose();
    }

    private PayNotification notification(Order order, long totalCents, KeyPair signer, String serial) {
        JsonObject tx = new JsonObject();
        tx.addProperty("appid", order.appId());
        tx.addProperty("mchid", order.mchId());
        tx.addProperty("out_trade_no", order.outTradeNo());
        tx.addProperty("transaction_id", order.transactionId());
        tx.addProperty("trade_type", "JSAPI");
        tx.addProperty("trade_state", "SUCCESS");
        tx.addProperty("trade_state_desc", "支付成功");
        tx.addProperty("success_time", now());
        JsonObject payer = new JsonObject();
        payer.addProperty("openid", order.openid());
        tx.add("payer", payer);
        JsonObject amount = new JsonObject();
        amount.addProperty("total", totalCents);
        amount.addProperty("payer_total", totalCents);
        amount.addProperty("currency", "CNY");
        amount.addProperty("payer_currency", "CNY");
        tx.add("amount", amount);
        String resourceNonce = FakePayKeys.nonce(12);
        JsonObject resource = new JsonObject();
        resource.addProperty("original_type", "transaction");
        resource.addProperty("algorithm", "AEAD_AES_256_GCM");
        resource.addProperty("ciphertext", FakePayKeys.encrypt(apiV3Key, resourceNonce, "transaction", tx.toString()));
        resource.addProperty("associated_data", "transaction");
        resource.addProperty("nonce", resourceNonce);
        JsonObject body = new JsonObject();
        body.addProperty("id", "EV-" + FakePayKeys.nonce(16));
        body.addProperty("create_time", now());
        body.addProperty("resource_type", "encrypt-resource");
        body.addProperty("event_type", "TRANSACTION.SUCCESS");
        body.addProperty("summary", "支付成功");
        body.add("resource", resource);
        String text = body.toString();
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = FakePayKeys.nonce(32);
        return new PayNotification(text, serial,
                FakePayKeys.sign(signer.getPrivate(), timestamp + "\n" + nonce + "\n" + text + "\n"), timestamp, nonce);
    }

    private String jsapiOrder(JsonObject in) {
        String outTradeNo = in.get("out_trade_no").getAsString();
        Order order = orders.computeIfAbsent(outTradeNo, k -> new Order(in.get("appid").getAsString(),
                in.get("mchid").getAsString(), outTradeNo,
                in.getAsJsonObject("amount").get("total").getAsLong(), in.get("notify_url").getAsString(),
                in.getAsJsonObject("payer").get("openid").getAsString(), "wx" + FakePayKeys.nonce(30),
                "4200" + FakePayKeys.nonce(24)));
        JsonObject out = new JsonObject();
        out.addProperty("prepay_id", order.prepayId());
        return out.toString();
    }

    private String refund(JsonObject in) {
        String outRefundNo = in.get("out_refund_no").getAsString();
        if (!refunds.contains(outRefundNo)) {
            refunds.add(outRefundNo);
        }
        JsonObject out = new JsonObject();
        out.addProperty("refund_id", "5030" + FakePayKeys.nonce(24));
        out.addProperty("out_refund_no", outRefundNo);
        out.addProperty("out_trade_no", in.get("out_trade_no").getAsString());
        out.addProperty("status", "SUCCESS");
        out.add("amount", in.get("amount"));
        return out.toString();
    }

    /** Checks the merchant's signature of the request, then answers signed with the platform key. */
    private Publisher<Void> signedCall(HttpServerRequest req, HttpServerResponse res,
                                       java.util.function.Function<JsonObject, String> handler) {
        return req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
            if (!signedByMerchant(req, body)) {
                return Mono.from(answer(res, 401, "{\"code\":\"SIGN_ERROR\",\"message\":\"签名错误\"}"));
            }
            JsonObject json = JsonParser.parseString(body).getAsJsonObject();
            if (json.has("mchid") && !mchId.equals(json.get("mchid").getAsString())) {
                return Mono.from(answer(res, 400, "{\"code\":\"MCH_NOT_EXISTS\",\"message\":\"商户号不存在\"}"));
            }
            return Mono.from(answer(res, 200, handler.apply(json)));
        });
    }

    private boolean signedByMerchant(HttpServerRequest req, String body) {
        String auth = req.requestHeaders().get("Authorization", "");
        if (!auth.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
            return false;
        }
        Map<String, String> fields = new java.util.HashMap<>();
        Matcher m = AUTH.matcher(auth);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        String message = req.method().name() + "\n" + req.uri() + "\n" + fields.get("timestamp") + "\n"
                + fields.get("nonce_str") + "\n" + body + "\n";
        return mchId.equals(fields.get("mchid")) && FakePayKeys.MERCHANT_SERIAL.equals(fields.get("serial_no"))
                && fields.get("signature") != null
                && FakePayKeys.verify(keys.merchant.getPublic(), message, fields.get("signature"));
    }

    private Publisher<Void> answer(HttpServerResponse res, int status, String body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = FakePayKeys.nonce(32);
        return res.status(status)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Wechatpay-Serial", FakePayKeys.PUBLIC_KEY_ID)
                .header("Wechatpay-Timestamp", timestamp)
                .header("Wechatpay-Nonce", nonce)
                .header("Wechatpay-Signature",
                        FakePayKeys.sign(keys.platform.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n"))
                .sendString(Mono.just(body), StandardCharsets.UTF_8);
    }

    private String now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(8)).toString();
    }
}
