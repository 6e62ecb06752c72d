package com.loyalty.wallet.online;

import com.loyalty.wechat.pay.PayNotification;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * WeChat Pay's notify URL. 204 tells WeChat Pay the notification was handled (booked, or a
 * duplicate); anything else makes it send again later, as it should for a rejected one.
 */
@RestController
class PaymentNotifyController {

    private final PaymentNotifications notifications;

    PaymentNotifyController(PaymentNotifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/wechat-pay/notify")
    public Mono<ResponseEntity<Map<String, String>>> notify(
            @RequestBody(required = false) String body,
            @RequestHeader(name = "Wechatpay-Serial", required = false) String serial,
            @RequestHeader(name = "Wechatpay-Signature", required = false) String signature,
            @RequestHeader(name = "Wechatpay-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "Wechatpay-Nonce", required = false) String nonce) {
        return notifications.receive(new PayNotification(body == null ? "" : body, serial, signature, timestamp, nonce))
                .map(outcome -> outcome == NotifyOutcome.REJECTED
                        ? ResponseEntity.status(HttpStatus.BAD_REQUEST)
                                .body(Map.of("code", "FAIL", "message", "验签或订单校验失败"))
                        : ResponseEntity.noContent().<Map<String, String>>build());
    }
}
