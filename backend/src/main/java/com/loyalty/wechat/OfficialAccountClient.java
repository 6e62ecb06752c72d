package com.loyalty.wechat;

import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reactive facade over weixin-java-mp for the brand's official account: template messages (模板消息)
 * to followers, opening a mini-program page, and who a follower is. Blocking calls run on the
 * bounded-elastic pool.
 */
@Component
public class OfficialAccountClient {

    private static final Logger log = LoggerFactory.getLogger(OfficialAccountClient.class);
    /** WeChat's errcode for a user who does not follow the account (any more). */
    public static final int NOT_FOLLOWING = 43004;

    private final WxMpService wx;
    private final OfficialAccountProperties properties;
    private final String miniProgramAppId;

    public OfficialAccountClient(WxMpService wx, OfficialAccountProperties properties, WeChatProperties miniProgram) {
        this.wx = wx;
        this.properties = properties;
        this.miniProgramAppId = miniProgram.appId();
    }

    /** Whether an official account is configured. */
    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Sends a template message to a follower; {@code page} (may be null) is the mini-program page it
     * opens. Fails with {@link SubscribeSendException} carrying WeChat's errcode (-1 when unreachable).
     */
    public Mono<Void> sendTemplateMessage(String openid, String templateId, String page, Map<String, String> data) {
        return Mono.<Void>fromRunnable(() -> {
                    WxMpTemplateMessage message = new WxMpTemplateMessage();
                    message.setToUser(openid);
                    message.setTemplateId(templateId);
                    if (page != null && !page.isBlank()) {
                        message.setMiniProgram(new WxMpTemplateMessage.MiniProgram(miniProgramAppId, page, false));
                    }
                    data.forEach((name, value) -> message.addData(new WxMpTemplateData(name, value)));
                    try {
                        wx.getTemplateMsgService().sendTemplateMsg(message);
                    } catch (WxErrorException e) {
                        int errcode = e.getError() == null ? -1 : e.getError().getErrorCode();
                        throw new SubscribeSendException(errcode, e.getError() == null ? e.getMessage()
                                : e.getError().getErrorMsg());
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> !(e instanceof SubscribeSendException), e -> {
                    log.warn("Official account template message failed", e);
                    return new SubscribeSendException(-1, "WeChat unreachable: " + e.getMessage());
                });
    }

    /** The follower's openid and unionid (user/info); empty when they do not follow the account. */
    public Mono<WeChatSession> follower(String openid) {
        return Mono.fromCallable(() -> {
                    WxMpUser user = wx.getUserService().userInfo(openid);
                    return user != null && Boolean.TRUE.equals(user.getSubscribe())
                            ? new WeChatSession(user.getOpenId(), user.getUnionId()) : null;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Whether an event push carries WeChat's signature made with the configured token. */
    public boolean signed(String timestamp, String nonce, String signature) {
        return enabled() && timestamp != null && nonce != null && signature != null
                && wx.checkSignature(timestamp, nonce, signature);
    }
}
