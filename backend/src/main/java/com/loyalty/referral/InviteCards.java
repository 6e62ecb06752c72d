package com.loyalty.referral;

import com.loyalty.coupon.CouponPack;
import com.loyalty.coupon.CouponPackService;
import com.loyalty.member.Member;
import com.loyalty.programme.ProgramRules;
import com.loyalty.programme.ProgramRulesService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.wechat.MiniProgramCode;
import com.loyalty.wechat.MiniProgramCodes;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The two ends of an invitation: the inviter's mini-program code (scene {@code i=<inviteCode>},
 * opening the welcome page) and what the invited friend sees on that page before signing in.
 */
@Service
class InviteCards {

    /** The page an invitation's mini-program code opens. */
    static final String WELCOME_PAGE = "pages/welcome/index";
    /** What an invite code looks like (MemberService makes them): 8 letters and digits. */
    private static final Pattern INVITE_CODE = Pattern.compile("[A-Z0-9]{8}");

    private final ReferralRepository referrals;
    private final MiniProgramCodes codes;
    private final ProgramRulesService programme;
    private final CouponPackService packs;
    private final RateLimits rateLimits;
    private final BrandProperties brand;
    private final Clock clock;

    InviteCards(ReferralRepository referrals, MiniProgramCodes codes, ProgramRulesService programme,
                CouponPackService packs, RateLimits rateLimits, BrandProperties brand, Clock clock) {
        this.referrals = referrals;
        this.codes = codes;
        this.programme = programme;
        this.packs = packs;
        this.rateLimits = rateLimits;
        this.brand = brand;
        this.clock = clock;
    }

    /** The member's invitation as a mini-program code: scene {@code i=<inviteCode>}, the welcome page. */
    Mono<MiniProgramCode> codeOf(Member member) {
        return codes.codeFor(sceneOf(member.inviteCode()), WELCOME_PAGE);
    }

    static String sceneOf(String inviteCode) {
        return "i=" + inviteCode;
    }

    /**
     * The welcome for the invite code; empty when no open member has it. Anyone may ask (the friend
     * has not signed in yet), so lookups are rate limited per client address.
     */
    Mono<InviteWelcome> welcome(String inviterCode, String clientAddress) {
        String code = inviterCode == null ? "" : inviterCode.strip().toUpperCase(Locale.ROOT);
        if (!INVITE_CODE.matcher(code).matches()) {
            return Mono.empty();
        }
        return rateLimits.acquire(RateLimitedAction.INVITE_LOOKUP, clientAddress == null ? "unknown" : clientAddress)
                .then(referrals.inviterNickname(brand.id(), code))
                .flatMap(nickname -> {
                    ProgramRules rules = programme.rulesAt(clock.instant());
                    Mono<String> gift = rules.welcomeCouponPackId() == null ? Mono.empty()
                            : packs.find(brand.id(), rules.welcomeCouponPackId())
                                    .filter(pack -> !pack.archived()).map(CouponPack::name);
                    return gift.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .map(name -> new InviteWelcome(Member.mask(nickname.orElse(null)),
                                    rules.referral().welcomePoints(), name.orElse(null)));
                });
    }
}
