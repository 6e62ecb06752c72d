package com.loyalty.mall;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Mall goods as prizes of another module (the lottery): which goods may be one, and handing one unit
 * to a member inside the caller's transaction as a redemption at 0 points, with the goods' own stock.
 * A prize is collected with its pickup code at any store of the brand, like any redemption, so only
 * brand-wide stock goods collected at a store qualify (delivery needs an address the draw does not have).
 */
@Service
public class MallPrizes {

    private final MallRepository goods;
    private final MallRedemptionService redemptions;

    MallPrizes(MallRepository goods, MallRedemptionService redemptions) {
        this.goods = goods;
        this.redemptions = redemptions;
    }

    /**
     * The goods' name when the brand has them, not archived, collected at a store from one brand-wide
     * stock; MALL_GOODS_NOT_FOUND, MALL_NOT_ON_SALE (archived) or MALL_GOODS_NOT_A_PRIZE on {@code field}.
     */
    public Mono<String> requirePrize(long brandId, Long goodsId, String field) {
        return (goodsId == null ? Mono.<MallGoods>empty() : goods.find(brandId, goodsId))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput(field, ErrorCode.MALL_GOODS_NOT_FOUND,
                        "商品不存在：" + goodsId))))
                .flatMap(g -> {
                    if (g.status() == MallGoods.Status.ARCHIVED) {
                        return Mono.error(new BusinessException(UserError.onInput(field, ErrorCode.MALL_NOT_ON_SALE,
                                "商品「" + g.name() + "」已归档，不能作为奖品")));
                    }
                    String problem = MallRedemptionService.prizeProblem(g);
                    return problem != null
                            ? Mono.error(new BusinessException(UserError.onInput(field, ErrorCode.MALL_GOODS_NOT_A_PRIZE, problem)))
                            : Mono.just(g.name());
                });
    }

    /**
     * Gives the member one unit of the goods as a prize, once per key: the redemption's id (its pickup
     * code is in the member's redemptions). A refusal (paused, archived, sold out) is a BusinessException
     * and takes nothing.
     */
    public Mono<Long> issuePrize(long brandId, long memberId, long goodsId, String key) {
        return redemptions.givePrize(brandId, memberId, goodsId, key);
    }

    /** Of these goods, those a prize could be given of now: on sale with units left (one query). */
    public Mono<Set<Long>> available(long brandId, Collection<Long> goodsIds) {
        if (goodsIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return goods.findAll(brandId, goodsIds)
                .filter(g -> g.status() == MallGoods.Status.ON_SALE && g.stockLeft() > 0)
                .map(MallGoods::id).collect(Collectors.toSet());
    }
}
