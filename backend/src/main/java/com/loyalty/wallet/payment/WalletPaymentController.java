package com.loyalty.wallet.payment;

import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.Refund;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** What the stored-value card paid of a purchase, and what a refund gave back to it. */
@Controller
class WalletPaymentController {

    private final WalletPaymentRepository payments;

    WalletPaymentController(WalletPaymentRepository payments) {
        this.payments = payments;
    }

    @BatchMapping(typeName = "Purchase")
    public Mono<Map<Purchase, WalletPayment>> walletPayment(List<Purchase> purchases) {
        return payments.payments(purchases.stream().map(Purchase::id).toList())
                .map(byId -> purchases.stream().filter(p -> byId.containsKey(p.id()))
                        .collect(Collectors.toMap(Function.identity(), p -> byId.get(p.id()), (a, b) -> a)));
    }

    @SchemaMapping(typeName = "Refund")
    public Mono<Long> walletReturnedCents(Refund refund) {
        return payments.returnedBy(refund.id());
    }
}
