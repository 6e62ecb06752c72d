package com.loyalty.tag;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import java.util.ArrayList;
import java.util.List;

/** Checks a manager's rule and keeps of each condition only the numbers its kind uses. */
final class TagRuleCheck {

    static final int MAX_CONDITIONS = 5;
    static final int MAX_DAYS = 3660;
    static final int MAX_NAME = 32;
    static final int MAX_CATEGORY = 64;

    private TagRuleCheck() {
    }

    /** The tag name stripped, or INVALID_INPUT on {@code name}. */
    static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
            throw BusinessException.invalid("name", "标签名称需为 1 到 " + MAX_NAME + " 个字符");
        }
        return stripped;
    }

    /** The rule with only the used numbers of each condition, or INVALID_INPUT on the field at fault. */
    static TagRule normalized(TagRule rule) {
        if (rule.conditions() == null || rule.conditions().isEmpty() || rule.conditions().size() > MAX_CONDITIONS) {
            throw invalid(List.of("input", "rule", "conditions"), "规则需有 1 到 " + MAX_CONDITIONS + " 个条件");
        }
        List<TagCondition> checked = new ArrayList<>();
        for (int i = 0; i < rule.conditions().size(); i++) {
            checked.add(condition(rule.conditions().get(i), i));
        }
        return new TagRule(List.copyOf(checked));
    }

    private static TagCondition condition(TagCondition c, int index) {
        if (c.kind() == null) {
            throw invalid(at(index, "kind"), "请选择条件类型");
        }
        return switch (c.kind()) {
            case CATEGORY_PURCHASES -> {
                String category = c.category() == null ? "" : c.category().strip();
                if (category.isEmpty() || category.length() > MAX_CATEGORY) {
                    throw invalid(at(index, "category"), "请填写商品类目（1 到 " + MAX_CATEGORY + " 个字符）");
                }
                yield new TagCondition(c.kind(), category, count(c, index), null, window(c, index), null);
            }
            case AVERAGE_ORDER_VALUE, TOTAL_SPEND -> {
                if (c.minCents() == null || c.minCents() <= 0) {
                    throw invalid(at(index, "minCents"), "金额需大于 0（单位：分）");
                }
                yield new TagCondition(c.kind(), null, null, c.minCents(), window(c, index), null);
            }
            case PURCHASE_COUNT -> new TagCondition(c.kind(), null, count(c, index), null, window(c, index), null);
            case BIRTHDAY_THIS_MONTH -> new TagCondition(c.kind(), null, null, null, null, null);
            case NO_PURCHASE_FOR -> new TagCondition(c.kind(), null, null, null, null, days(c.days(), at(index, "days")));
        };
    }

    private static int count(TagCondition c, int index) {
        if (c.minCount() == null || c.minCount() < 1 || c.minCount() > 10_000) {
            throw invalid(at(index, "minCount"), "次数需为 1 到 10000");
        }
        return c.minCount();
    }

    private static int window(TagCondition c, int index) {
        return days(c.withinDays(), at(index, "withinDays"));
    }

    private static int days(Integer days, List<String> field) {
        if (days == null || days < 1 || days > MAX_DAYS) {
            throw invalid(field, "天数需为 1 到 " + MAX_DAYS);
        }
        return days;
    }

    private static List<String> at(int index, String field) {
        return List.of("input", "rule", "conditions", String.valueOf(index), field);
    }

    private static BusinessException invalid(List<String> field, String message) {
        return new BusinessException(new UserError(field, message, ErrorCode.INVALID_INPUT));
    }
}
