package com.loyalty.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.tier.TierService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderHistoryImportTest extends BulkTesting {

    private static final String MEMBERS = "手机号,姓名,会员编号\n";
    private static final String ORDERS = "手机号,会员编号,门店,订单号,下单时间,金额,商品\n";

    @Autowired
    TierService tiers;

    @Test
    void orderHistoryIsRecordedOnceWithoutPointsAndFeedsTheTierReview() {
        String token = adminToken();
        String store = unique("历史店");
        long storeId = storeNamed(1, store);
        String phone = freshPhone();
        String number = unique("OLD");
        runCsv(token, "MEMBERS", MEMBERS + phone + ",历史会员," + number + "\n", false);
        long member = memberWithPhone(phone);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        StringBuilder orders = new StringBuilder(ORDERS);
        for (int month = 1; month <= 3; month++) {
            LocalDate day = today.withDayOfMonth(10).minusMonths(month);
            // by phone one month, by the old system's member number the others
            orders.append(month == 1 ? phone : "").append(',').append(month == 1 ? "" : number).append(',')
                    .append('"').append(store).append('"').append(",OLD-").append(month).append('-').append(number)
                    .append(',').append(day).append(" 12:30,5000.00,拿铁*2*25;可颂*1*18\n");
        }
        orders.append(freshPhone()).append(",,\"").append(store).append("\",OLD-X-").append(number)
                .append(',').append(today.minusDays(3)).append(",10.00,\n");          // nobody has this phone
        orders.append(phone).append(",,\"").append(store).append("\",OLD-1-").append(number)
                .append(',').append(today.minusDays(3)).append(",10.00,\n");          // the same order number again
        String fileId = uploaded(token, "ORDERS", "orders.csv", csv(orders.toString()));

        Job dryRun = run(token, fileId, true);
        assertThat(dryRun.status()).as("%s", dryRun.error()).isEqualTo("DONE");
        assertThat(dryRun.imported()).isEqualTo(3);
        assertThat(dryRun.failed()).isEqualTo(2);
        assertThat(dryRun.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).startsWith("没有手机号为"))
                .anySatisfy(m -> assertThat(m).startsWith("同一门店的订单号在文件中重复"));
        assertThat(count("select count(*) from purchase where member_id = :m", member)).isZero();

        Job imported = run(token, fileId, false);
        Job again = run(token, fileId, false);

        assertThat(imported.imported()).isEqualTo(3);
        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).as("orders the store has already").isEqualTo(3);
        assertThat(count("select count(*) from purchase where member_id = :m and imported and points_earned = 0 and store_id = "
                + storeId, member)).isEqualTo(3);
        assertThat(count("select count(*) from purchase_item i join purchase p on p.id = i.purchase_id where p.member_id = :m",
                member)).isEqualTo(6);
        assertThat(pointsOf(member)).as("imported orders earn no points").isZero();

        tiers.review(member, YearMonth.from(today)).block();

        assertThat(count("select coalesce((select level from member_tier where member_id = :m), 0)", member))
                .as("5000 yuan a month for three months reaches a higher tier").isGreaterThan(0);
    }
}
