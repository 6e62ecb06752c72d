package com.loyalty.bulk;

import com.loyalty.member.MemberImports;
import com.loyalty.purchase.ImportedOrder;
import com.loyalty.purchase.PurchaseImports;
import com.loyalty.shared.crypto.PhoneCipher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One batch of checked order rows: each order's member found by phone (any member of the brand) or
 * by the 会员编号 a member import recorded; an order whose member is not found is a problem. The
 * import records the orders through the purchase module (no points earned), skipping orders the
 * store has already, in one transaction with the job's progress.
 */
@Component
class OrderImportRun {

    private final MemberImports members;
    private final PurchaseImports purchases;
    private final PhoneCipher phones;
    private final BulkRepository bulk;
    private final TransactionalOperator tx;

    OrderImportRun(MemberImports members, PurchaseImports purchases, PhoneCipher phones, BulkRepository bulk,
                   TransactionalOperator tx) {
        this.members = members;
        this.purchases = purchases;
        this.phones = phones;
        this.bulk = bulk;
        this.tx = tx;
    }

    Mono<Progress> run(BulkJob job, List<OrderRow> rows, Progress progress, Instant now) {
        Set<byte[]> hashes = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (OrderRow row : rows) {
            if (row.phone() != null) {
                hashes.add(phones.lookupHash(row.phone()));
            } else {
                numbers.add(row.memberNo());
            }
        }
        Mono<Progress> work = members.existingPhones(job.brandId(), hashes)
                .zipWith(numbers.isEmpty() ? Mono.just(Map.<String, Long>of()) : bulk.membersByNumber(job.brandId(), numbers))
                .flatMap(found -> {
                    Map<String, Long> byPhone = new HashMap<>();
                    found.getT1().forEach((k, id) -> byPhone.put(BulkRepository.hex(k.bytes()), id));
                    List<ImportedOrder> orders = new ArrayList<>();
                    List<BulkProblem> problems = new ArrayList<>(progress.problems());
                    long failed = 0;
                    long cents = 0;
                    for (OrderRow row : rows) {
                        Long memberId = row.phone() != null ? byPhone.get(BulkRepository.hex(phones.lookupHash(row.phone())))
                                : found.getT2().get(row.memberNo());
                        if (memberId == null) {
                            failed++;
                            problems.add(new BulkProblem(row.rowNo(), row.phone() != null ? "手机号" : "会员编号",
                                    row.phone() != null ? "没有手机号为 " + PhoneCipher.mask(row.phone()) + " 的会员，请先导入会员"
                                            : "没有会员编号为 " + row.memberNo() + " 的导入会员"));
                            continue;
                        }
                        orders.add(new ImportedOrder(memberId, row.storeId(), row.orderNo(), row.orderedAt(),
                                row.amountCents(), row.items()));
                        cents += row.amountCents();
                    }
                    Progress withMembers = new Progress(progress.rowsRead(), 0, 0, 0, progress.failed() + failed, 0,
                            0, problems);
                    if (job.dryRun()) {
                        return Mono.just(withMembers.plus(orders.size(), 0, 0, 0, cents));
                    }
                    long total = cents;
                    return purchases.importAll(job.brandId(), job.startedBy(), orders)
                            .map(added -> withMembers.plus(added, 0, orders.size() - added, 0, total));
                })
                .flatMap(done -> bulk.insertProblems(job.id(), done.problems())
                        .then(bulk.addProgress(job.id(), done, now)).thenReturn(done));
        return job.dryRun() ? work : work.as(tx::transactional);
    }
}
