package com.loyalty.notify;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.loyalty.shared.crypto.PhoneCipher;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends SMS through Alibaba Cloud SMS (Dysmsapi 2017-05-25, SendSms) with its Java SDK: the
 * configured signature, the purpose's template code and its named parameters as TemplateParam
 * JSON, the outbox id as OutId (it comes back in the delivery receipt). The SDK blocks, so each call
 * runs on the bounded-elastic pool.
 *
 * <p>Refusals that a later attempt may get past are retryable: the provider's own errors (isp.*),
 * throttling, the per-number frequency control (isv.BUSINESS_LIMIT_CONTROL), an account out of
 * credit, an unreachable or failing (5xx) service. Anything else (a bad number, template,
 * signature or parameters, a refused key) is final.
 */
class AliyunSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(AliyunSmsSender.class);
    static final String OK = "OK";
    private static final Set<String> RETRYABLE = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.AMOUNT_NOT_ENOUGH",
            "isv.OUT_OF_SERVICE", "ServiceUnavailable", "InternalError");

    private final Client client;
    private final String signName;
    private final JsonMapper json;

    AliyunSmsSender(AliyunSmsProperties properties, String endpoint, JsonMapper json) {
        String[] hostAndProtocol = AliyunSmsProperties.hostAndProtocol(endpoint);
        Config config = new Config()
                .setAccessKeyId(properties.accessKeyId())
                .setAccessKeySecret(properties.accessKeySecret())
                .setEndpoint(hostAndProtocol[0])
                .setProtocol(hostAndProtocol[1])
                .setConnectTimeout(properties.timeoutMillis())
                .setReadTimeout(properties.timeoutMillis());
        try {
            this.client = new Client(config);
        } catch (Exception e) {
            throw new IllegalStateException("Alibaba Cloud SMS client could not be created: " + e.getMessage(), e);
        }
        this.signName = properties.signName();
        this.json = json;
    }

    @Override
    public Mono<String> send(String phone, String template, Map<String, String> params, String reference) {
        return Mono.fromCallable(() -> {
                    SendSmsRequest request = new SendSmsRequest()
                            .setPhoneNumbers(phone)
                            .setSignName(signName)
                            .setTemplateCode(template)
                            .setTemplateParam(json.writeValueAsString(params))
                            .setOutId(reference);
                    SendSmsResponseBody body = client.sendSms(request).getBody();
                    if (body == null || !OK.equalsIgnoreCase(body.getCode())) {
                        String code = body == null ? "EmptyAnswer" : body.getCode();
                        throw new SmsException(code + ": " + (body == null ? "" : body.getMessage()), retryable(code));
                    }
                    return body.getBizId();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> !(e instanceof SmsException), e -> {
                    if (e instanceof TeaException tea) {
                        boolean serverSide = tea.getStatusCode() != null && tea.getStatusCode() >= 500;
                        return new SmsException(tea.getCode() + ": " + tea.getMessage(),
                                serverSide || retryable(tea.getCode()));
                    }
                    log.warn("Alibaba Cloud SMS to {} could not be sent", PhoneCipher.mask(phone), e);
                    return new SmsException("unreachable: " + e.getMessage(), true);
                });
    }

    static boolean retryable(String code) {
        return code != null && (code.startsWith("isp.") || code.startsWith("Throttling") || RETRYABLE.contains(code));
    }
}
