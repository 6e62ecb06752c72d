package com.loyalty.wallet.packages;

/**
 * GraphQL input of {@code updateRechargePackage}: fields left out stay as they are. The changes
 * apply to recharges made from now on; recharges already made keep what they were sold with.
 */
public record UpdateRechargePackageInput(Long packageId, String name, Long payCents, Long bonusCents,
                                         Integer bonusValidDays, Boolean clearBonusValidDays, Long bonusPoints) {

    /** The package as it would be with these changes, in the shape creation checks. */
    CreateRechargePackageInput applyTo(RechargePackage p) {
        return new CreateRechargePackageInput(name != null ? name : p.name(), payCents != null ? payCents : p.payCents(),
                bonusCents != null ? bonusCents : p.bonusCents(),
                Boolean.TRUE.equals(clearBonusValidDays) ? null : bonusValidDays != null ? bonusValidDays : p.bonusValidDays(),
                bonusPoints != null ? bonusPoints : p.bonusPoints(), p.couponPackId(), p.storeIds());
    }
}
