package com.loyalty.referral;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's invitations and shares, for their data export. */
@Component
class ReferralPersonalData implements PersonalData {

    private final ReferralRepository referrals;

    ReferralPersonalData(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return Flux.concat(
                referrals.exportInvitations(memberId).map(json -> new ExportSection("invitations", json)),
                referrals.exportShares(memberId).map(json -> new ExportSection("shares", json)));
    }
}
