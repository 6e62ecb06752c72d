package com.loyalty.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import com.loyalty.shared.graphql.ErrorCode;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reactive facade over the blocking WeChat SDK: each call runs on the bounded-elastic pool. */
@Component
public class WeChatClient {

    private static final Logger log = LoggerFactory.getLogger(WeChatClient.class);
    /** WeChat's errcode for a code that was already used once. */
    private static final int CODE_USED = 40163;
    /** WeChat's errcode for an invalid code. */
    private static final int CODE_INVALID = 40029;
    /** What a wx.login() or getPhoneNumber code looks like (letters, digits, "-", "_" and "."). */
    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** Width in pixels of generated mini-program codes (WeChat allows 280 to 1280). */
    private static final int CODE_WIDTH = 430;

    private final WxMaService wx;
    private final String appId;
    private final String codeEnvVersion;

    public WeChatClient(WxMaService wx, WeChatProperties properties) {
        this.wx = wx;
        this.appId = properties.appId();
        this.codeEnvVersion = properties.codeEnvVersion();
    }

    /** The app id members' openids belong to. */
    public String appId() {
        return appId;
    }

    /** Exchanges a wx.login() code for the user's openid and unionid (code2session). */
    public Mono<WeChatSession> codeToSession(String code) {
        return call(code, () -> {
            WxMaJscode2SessionResult result = wx.getUserService().getSessionInfo(code);
            return new WeChatSession(result.getOpenid(), result.getUnionid());
        }, ErrorCode.WECHAT_CODE_INVALID, "登录凭证无效，请重新登录");
    }

    /** Exchanges a getPhoneNumber button code for the user's phone number (without country code). */
    public Mono<String> phoneNumber(String code) {
        return call(code, () -> {
            WxMaPhoneNumberInfo info = wx.getUserService().getPhoneNumber(code);
            return info.getPurePhoneNumber();
        }, ErrorCode.PHONE_CODE_INVALID, "手机号授权无效，请重新授权");
    }

    /**
     * A mini-program code (wxacode.getUnlimited) as PNG bytes: scanning it opens {@code page} with
     * {@code scene} in the page's {@code options.scene}. The page need not be published yet
     * (check_path off). WeChat limits how many codes may be generated: keep them
     * ({@link MiniProgramCodes}). WECHAT_UNAVAILABLE when WeChat refuses or cannot be reached.
     */
    public Mono<byte[]> miniProgramCode(String scene, String page) {
        return Mono.fromCallable(() -> wx.getQrcodeService()
                        .createWxaCodeUnlimitBytes(scene, page, false, codeEnvVersion, CODE_WIDTH, false, null, false))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> {
                    log.warn("WeChat mini-program code for scene {} failed", scene, e);
                    return new WeChatException(ErrorCode.WECHAT_UNAVAILABLE, "微信服务暂时不可用，请稍后再试");
                });
    }

    /**
     * Sends a subscribe message (one consent of the member). On an invalid access token the SDK
     * fetches a new one and tries once more; failures come as {@link SubscribeSendException}.
     */
    public Mono<Void> sendSubscribeMessage(String openid, String templateId, String page, Map<String, String> data) {
        return Mono.<Void>fromRunnable(() -> {
                    WxMaSubscribeMessage message = new WxMaSubscribeMessage();
                    message.setToUser(openid);
                    message.setTemplateId(templateId);
                    message.setPage(page);
                    data.forEach((name, value) -> message.addData(new WxMaSubscribeMessage.MsgData(name, value)));
                    try {
                        wx.getMsgService().sendSubscribeMsg(message);
                    } catch (WxErrorException e) {
                        int errcode = e.getError() == null ? -1 : e.getError().getErrorCode();
                        String errmsg = e.getError() == null ? e.getMessage() : e.getError().getErrorMsg();
                        throw new SubscribeSendException(errcode, errmsg);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> !(e instanceof SubscribeSendException), e -> {
                    log.warn("WeChat subscribe message failed", e);
                    return new SubscribeSendException(-1, "WeChat unreachable: " + e.getMessage());
                });
    }

    private <T> Mono<T> call(String code, Callable<T> blocking, ErrorCode invalidCode, String invalidMessage) {
        if (code == null || !CODE_SHAPE.matcher(code).matches()) {
            // never sent: WeChat's codes are short tokens, and a blank or odd one would not even make a URL
            return Mono.error(new WeChatException(invalidCode, invalidMessage));
        }
        return Mono.fromCallable(blocking)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(WxErrorException.class, e -> translate(e, invalidCode, invalidMessage))
                .onErrorMap(e -> !(e instanceof WeChatException), e -> {
                    log.warn("WeChat call failed", e);
                    return new WeChatException(ErrorCode.WECHAT_UNAVAILABLE, "微信服务暂时不可用，请稍后再试");
                });
    }

    private static WeChatException translate(WxErrorException e, ErrorCode invalidCode, String invalidMessage) {
        int errcode = e.getError() == null ? -1 : e.getError().getErrorCode();
        if (errcode == CODE_USED) {
            return new WeChatException(ErrorCode.WECHAT_CODE_USED, "登录凭证已使用，请重新登录");
        }
        if (errcode == CODE_INVALID) {
            return new WeChatException(invalidCode, invalidMessage);
        }
        log.warn("WeChat answered errcode {}: {}", errcode, e.getMessage());
        return new WeChatException(ErrorCode.WECHAT_UNAVAILABLE, "微信服务暂时不可用，请稍后再试");
    }
}
