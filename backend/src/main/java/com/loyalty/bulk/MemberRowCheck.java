package com.loyalty.bulk;

import com.loyalty.member.Gender;
import com.loyalty.shared.crypto.PhoneCipher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Checks one row of a member file against the brand ({@link BrandBook}) and the rows before it (a
 * phone seen twice), collecting every problem of the row in Chinese; a row with none becomes a
 * {@link MemberRow}.
 */
final class MemberRowCheck {

    static final int NAME_MAX = 32;
    static final int TAG_MAX = 20;
    static final int TAGS_MAX = 10;
    static final long POINTS_MAX = 100_000_000L;
    static final long STORED_VALUE_MAX_CENTS = 100_000_000L;

    private final Columns<MemberField> columns;
    private final BrandBook brand;
    private final PhoneSeen seen = new PhoneSeen();

    MemberRowCheck(Columns<MemberField> columns, BrandBook brand) {
        this.columns = columns;
        this.brand = brand;
    }

    /** The checked row, or null with its problems added to {@code problems}. */
    MemberRow check(long rowNo, List<String> cells, List<BulkProblem> problems) {
        int before = problems.size();
        String phone = text(cells, MemberField.PHONE, rowNo, problems);
        String digits = phone == null ? null : PhoneCipher.normalize(phone);
        if (phone == null) {
            problems.add(new BulkProblem(rowNo, "手机号", "缺少手机号"));
        } else if (digits == null || !digits.matches("1[3-9]\\d{9}")) {
            problems.add(new BulkProblem(rowNo, "手机号", "手机号格式不正确：「" + shown(phone) + "」"));
        } else {
            long first = seen.firstRow(Long.parseLong(digits), rowNo);
            if (first != rowNo) {
                problems.add(new BulkProblem(rowNo, "手机号", "手机号与第 " + first + " 行重复"));
            }
        }
        String name = text(cells, MemberField.NAME, rowNo, problems);
        if (name != null && name.codePointCount(0, name.length()) > NAME_MAX) {
            problems.add(new BulkProblem(rowNo, "姓名", "姓名超过 " + NAME_MAX + " 个字"));
        }
        LocalDate birthday = null;
        String birthdayText = text(cells, MemberField.BIRTHDAY, rowNo, problems);
        if (birthdayText != null) {
            LocalDateTime at = Cells.dateTime(birthdayText);
            LocalDate today = LocalDate.ofInstant(brand.now(), brand.zone());
            if (at == null) {
                problems.add(new BulkProblem(rowNo, "生日", "生日不是日期：「" + shown(birthdayText) + "」"));
            } else if (at.getYear() < 1900 || at.toLocalDate().isAfter(today)) {
                problems.add(new BulkProblem(rowNo, "生日", "生日不在合理范围：" + at.toLocalDate()));
            } else {
                birthday = at.toLocalDate();
            }
        }
        Gender gender = null;
        String genderText = text(cells, MemberField.GENDER, rowNo, problems);
        if (genderText != null) {
            gender = gender(genderText);
            if (gender == null) {
                problems.add(new BulkProblem(rowNo, "性别", "性别应为 男、女 或 未知：「" + shown(genderText) + "」"));
            }
        }
        Integer tier = null;
        String tierText = text(cells, MemberField.TIER, rowNo, problems);
        if (tierText != null) {
            tier = brand.tier(tierText);
            if (tier == null) {
                problems.add(new BulkProblem(rowNo, "等级", "未知等级「" + shown(tierText) + "」，可用：" + String.join("、",
                        brand.tiers().keySet())));
            }
        }
        long points = 0;
        String pointsText = text(cells, MemberField.POINTS, rowNo, problems);
        if (pointsText != null) {
            Long n = Cells.whole(pointsText);
            if (n == null) {
                problems.add(new BulkProblem(rowNo, "积分", "积分应为整数：「" + shown(pointsText) + "」"));
            } else if (n < 0) {
                problems.add(new BulkProblem(rowNo, "积分", "积分不能为负数：" + n));
            } else if (n > POINTS_MAX) {
                problems.add(new BulkProblem(rowNo, "积分", "积分超过 " + POINTS_MAX));
            } else {
                points = n;
            }
        }
        Instant expiry = brand.defaultPointsExpiry();
        String expiryText = text(cells, MemberField.POINTS_EXPIRY, rowNo, problems);
        if (expiryText != null) {
            LocalDateTime at = Cells.dateTime(expiryText);
            if (at == null) {
                problems.add(new BulkProblem(rowNo, "积分到期日", "积分到期日不是日期：「" + shown(expiryText) + "」"));
            } else {
                // a date alone means the end of that day
                expiry = (at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.plusDays(1).minusSeconds(1) : at)
                        .atZone(brand.zone()).toInstant();
                if (points > 0 && !expiry.isAfter(brand.now())) {
                    problems.add(new BulkProblem(rowNo, "积分到期日", "积分已过期（到期日 " + at.toLocalDate()
                            + "），请把积分改为 0 或更正到期日"));
                }
            }
        }
        long cents = 0;
        String centsText = text(cells, MemberField.STORED_VALUE, rowNo, problems);
        if (centsText != null) {
            Long c = Cells.cents(centsText);
            if (c == null) {
                problems.add(new BulkProblem(rowNo, "储值余额", "储值余额应为金额（元，最多两位小数）：「" + shown(centsText) + "」"));
            } else if (c < 0) {
                problems.add(new BulkProblem(rowNo, "储值余额", "储值余额不能为负数：" + centsText));
            } else if (c > STORED_VALUE_MAX_CENTS) {
                problems.add(new BulkProblem(rowNo, "储值余额", "储值余额超过 100 万元"));
            } else {
                cents = c;
            }
        }
        List<String> tags = List.of();
        String tagsText = text(cells, MemberField.TAGS, rowNo, problems);
        if (tagsText != null) {
            tags = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(tagsText.split("[,，;；、|/]"))
                    .map(String::strip).filter(t -> !t.isEmpty()).toList()));
            if (tags.size() > TAGS_MAX) {
                problems.add(new BulkProblem(rowNo, "标签", "标签最多 " + TAGS_MAX + " 个"));
            } else if (tags.stream().anyMatch(t -> t.codePointCount(0, t.length()) > TAG_MAX)) {
                problems.add(new BulkProblem(rowNo, "标签", "每个标签最多 " + TAG_MAX + " 个字"));
            }
        }
        Long storeId = null;
        String storeText = text(cells, MemberField.STORE, rowNo, problems);
        if (storeText != null) {
            storeId = brand.store(storeText);
            if (storeId == null) {
                problems.add(new BulkProblem(rowNo, "注册门店", "未知门店「" + shown(storeText) + "」"));
            }
        } else if (cents > 0) {
            problems.add(new BulkProblem(rowNo, "注册门店", "有储值余额的会员须填写注册门店（储值记在该门店）"));
        }
        Instant registeredAt = brand.now();
        String registeredText = text(cells, MemberField.REGISTERED_AT, rowNo, problems);
        if (registeredText != null) {
            LocalDateTime at = Cells.dateTime(registeredText);
            if (at == null) {
                problems.add(new BulkProblem(rowNo, "注册日期", "注册日期不是日期：「" + shown(registeredText) + "」"));
            } else if (at.getYear() < 1990 || at.atZone(brand.zone()).toInstant().isAfter(brand.now())) {
                problems.add(new BulkProblem(rowNo, "注册日期", "注册日期不在合理范围：" + at.toLocalDate()));
            } else {
                registeredAt = at.atZone(brand.zone()).toInstant();
            }
        }
        String memberNo = text(cells, MemberField.MEMBER_NO, rowNo, problems);
        if (memberNo != null && memberNo.length() > 64) {
            problems.add(new BulkProblem(rowNo, "会员编号", "会员编号超过 64 个字符"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new MemberRow(rowNo, digits, name, birthday, gender, tier, points, points > 0 ? expiry : null, cents,
                tags, storeId, registeredAt, memberNo);
    }

    /** The cell, or null; a control character in it is a problem (and the cell is taken as absent). */
    private String text(List<String> cells, MemberField field, long rowNo, List<BulkProblem> problems) {
        String value = columns.get(cells, field);
        if (value != null && Cells.hasControl(value)) {
            problems.add(new BulkProblem(rowNo, field.headers().get(0), field.headers().get(0) + "含有控制字符"));
            return null;
        }
        return value;
    }

    static Gender gender(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "男", "M", "MALE", "1", "先生" -> Gender.MALE;
            case "女", "F", "FEMALE", "2", "女士" -> Gender.FEMALE;
            case "未知", "保密", "U", "UNKNOWN", "0" -> Gender.UNKNOWN;
            default -> null;
        };
    }

    /** A cell as a message quotes it: at most 20 characters. */
    static String shown(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
