package com.loyalty.member;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where members' avatars may live: https addresses on these hosts only (WeChat's avatar hosts by
 * default; add the brand's own upload CDN). Anything else (plain http, an internal address, a
 * port) is refused, since avatars are shown to every member on the leaderboards.
 */
@ConfigurationProperties("loyalty.member")
record MemberProperties(@DefaultValue({"thirdwx.qlogo.cn", "wx.qlogo.cn"}) List<String> avatarHosts) {
}
