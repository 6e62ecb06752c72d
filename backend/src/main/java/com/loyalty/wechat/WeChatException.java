package com.loyalty.wechat;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;

/** WeChat refused a code or could not be reached, as a business failure with a stable code. */
public class WeChatException extends BusinessException {

    public WeChatException(ErrorCode code, String message) {
        super(code, message);
    }
}
