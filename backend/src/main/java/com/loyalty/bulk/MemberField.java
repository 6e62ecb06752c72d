package com.loyalty.bulk;

import java.util.List;

/** The columns of a member file, as the template names them (docs/integration.md "Importing members"). */
enum MemberField implements Columns.Field {
    PHONE(true, "手机号", "手机", "手机号码", "phone", "mobile"),
    NAME(false, "姓名", "会员姓名", "名字", "name"),
    BIRTHDAY(false, "生日", "出生日期", "birthday"),
    GENDER(false, "性别", "gender"),
    TIER(false, "等级", "会员等级", "tier"),
    POINTS(false, "积分", "积分余额", "points"),
    POINTS_EXPIRY(false, "积分到期日", "积分有效期", "积分过期日", "pointsExpiry", "points_expire_at"),
    STORED_VALUE(false, "储值余额", "储值", "余额", "storedValue", "stored_value"),
    TAGS(false, "标签", "tags"),
    STORE(false, "注册门店", "门店", "store"),
    REGISTERED_AT(false, "注册日期", "注册时间", "入会日期", "registeredAt", "registered_at"),
    MEMBER_NO(false, "会员编号", "会员号", "卡号", "memberNo", "member_no");

    private final boolean required;
    private final List<String> headers;

    MemberField(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public boolean required() {
        return required;
    }
}
