/**
 * WeChat Pay: JSAPI orders, their notifications and refunds, published to the modules that take
 * payments (the wallet's recharges) as the named interface {@code wechat::pay}.
 */
@NamedInterface("pay")
package com.loyalty.wechat.pay;

import org.springframework.modulith.NamedInterface;
