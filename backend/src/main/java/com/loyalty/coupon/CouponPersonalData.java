package com.loyalty.coupon;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's coupons, for their data export. */
@Component
class CouponPersonalData implements PersonalData {

    private final CouponRepository coupons;

    CouponPersonalData(CouponRepository coupons) {
        this.coupons = coupons;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return coupons.exportCoupons(memberId).map(json -> new ExportSection("coupons", json)).flux();
    }
}
