package com.loyalty.wechat.pay;

import com.github.binarywang.wxpay.bean.notify.SignatureHeader;
import com.github.binarywang.wxpay.bean.notify.WxPayNotifyV3Result;
import com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderV3Request;
import com.github.binarywang.wxpay.bean.result.WxPayUnifiedOrderV3Result;
import com.github.binarywang.wxpay.bean.result.enums.TradeTypeEnum;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reactive facade over the blocking weixin-java-pay SDK: JSAPI orders, refunds, verified notifications. */
@Component
public class WeChatPayClient {

    private static final Logger log = LoggerFactory.getLogger(WeChatPayClient.class);
    /** How far a notification's timestamp may be from our clock (replays of old ones are refused). */
    static final Duration MAX_NOTIFICATION_AGE = Duration.ofMinutes(5);

    private final WxPayService pay;
    private final WeChatPayProperties properties;
    private final Environment environment;
    private final Clock clock;

    public WeChatPayClient(WxPayService pay, WeChatPayProperties properties, Environment environment, Clock clock) {
        this.pay = pay;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /** Places a JSAPI order (unified order) and returns the signed arguments of wx.requestPayment. */
    public Mono<JsapiPayParams> jsapiOrder(String outTradeNo, String description, long amountCents, String openid) {
        return call(() -> {
            WxPayUnifiedOrderV3Request request = new WxPayUnifiedOrderV3Request();
            request.setOutTradeNo(outTradeNo);
            request.setDescription(description);
            request.setNotifyUrl(notifyUrl());
            request.setAmount(new WxPayUnifiedOrderV3Request.Amount().setTotal(Math.toIntExact(amountCents))
                    .setCurrency("CNY"));
            request.setPayer(new WxPayUnifiedOrderV3Request.Payer().setOpenid(openid));
            WxPayUnifiedOrderV3Result result = pay.unifiedOrderV3(TradeTypeEnum.JSAPI, request);
            return payParams(result.getPrepayId());
        });
    }

    /** The arguments of wx.requestPayment for an order placed before. */
    public JsapiPayParams payParams(String prepayId) {
        pay.getConfig().getVerifier(); // loads the merchant key on first use
        WxPayUnifiedOrderV3Result.JsapiResult r = WxPayUnifiedOrderV3Result.getJsapiPayInfo(prepayId,
                pay.getConfig().getAppId(), pay.getConfig().getPrivateKey());
        return new JsapiPayParams(r.getAppId(), r.getTimeStamp(), r.getNonceStr(), r.getPackageValue(),
                r.getSignType(), r.getPaySign());
    }

    /** Refunds part or all of a paid order through WeChat Pay; repeating {@code outRefundNo} refunds once. */
    public Mono<Void> refund(String outTradeNo, String outRefundNo, long refundCents, long totalCents, String reason) {
        return call(() -> {
            WxPayRefundV3Request request = new WxPayRefundV3Request();
            request.setOutTradeNo(outTradeNo);
            request.setOutRefundNo(outRefundNo);
            request.setReason(reason);
            request.setAmount(new WxPayRefundV3Request.Amount().setRefund(Math.toIntExact(refundCents))
                    .setTotal(Math.toIntExact(totalCents)).setCurrency("CNY"));
            pay.refundV3(request);
            return Boolean.TRUE;
        }).then();
    }

    /**
     * Verifies a payment notification (WeChat Pay public key id, RSA signature over timestamp, nonce
     * and body, age) and decrypts its resource with the APIv3 key; {@link NotificationRejected} otherwise.
     */
    public Mono<PaidTransaction> verify(PayNotification n) {
        return Mono.fromCallable(() -> {
            if (n.serial() == null || n.signature() == null || n.timestamp() == null || n.nonce() == null) {
                throw new NotificationRejected("missing signature headers");
            }
            if (!n.serial().equals(pay.getConfig().getPublicKeyId())) {
                throw new NotificationRejected("unknown key id " + n.serial());
            }
            Instant sent;
            try {
                sent = Instant.ofEpochSecond(Long.parseLong(n.timestamp()));
            } catch (NumberFormatException e) {
                throw new NotificationRejected("bad timestamp");
            }
            if (Duration.between(sent, clock.instant()).abs().compareTo(MAX_NOTIFICATION_AGE) > 0) {
                throw new NotificationRejected("timestamp too old or in the future");
            }
            SignatureHeader header = SignatureHeader.builder().serial(n.serial()).signature(n.signature())
                    .timeStamp(n.timestamp()).nonce(n.nonce()).build();
            WxPayNotifyV3Result.DecryptNotifyResult r;
            try {
                r = pay.parseOrderNotifyV3Result(n.body(), header).getResult();
            } catch (WxPayException | RuntimeException e) {
                throw new NotificationRejected("signature or resource invalid: " + e.getMessage());
            }
            return new PaidTransaction(r.getOutTradeNo(), r.getTransactionId(), r.getTradeState(),
                    r.getAmount() == null || r.getAmount().getTotal() == null ? -1 : r.getAmount().getTotal(),
                    r.getMchid(), r.getAppid(), r.getPayer() == null ? null : r.getPayer().getOpenid());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    public String mchId() {
        return pay.getConfig().getMchId();
    }

    public String appId() {
        return pay.getConfig().getAppId();
    }

    /** Where WeChat Pay posts notifications: loyalty.wechat-pay.notify-url, or (development, no URL set) this server's own endpoint. */
    private String notifyUrl() {
        if (properties.notifyUrl() != null && !properties.notifyUrl().isBlank()) {
            return properties.notifyUrl();
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/wechat-pay/notify";
    }

    private <T> Mono<T> call(Callable<T> blocking) {
        return Mono.fromCallable(blocking)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> !(e instanceof BusinessException), e -> {
                    log.warn("WeChat Pay call failed", e);
                    return new BusinessException(ErrorCode.WECHAT_PAY_UNAVAILABLE, "微信支付暂时不可用，请稍后再试");
                });
    }
}
