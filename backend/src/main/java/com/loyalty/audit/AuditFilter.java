package com.loyalty.audit;

/**
 * Narrows the audit trail; a null field does not narrow it. {@code subjectType} and
 * {@code subjectId} select the changes made to one kind of object or to one object, {@code clientId}
 * what one machine client did.
 */
public record AuditFilter(Long staffId, Long memberId, String action, String subjectType, Long subjectId,
                          Long clientId) {

    public AuditFilter(Long staffId, Long memberId, String action, String subjectType, Long subjectId) {
        this(staffId, memberId, action, subjectType, subjectId, null);
    }

    /** The changes made to one object, e.g. {@code ofSubject("CAMPAIGN", 12)}. */
    public static AuditFilter ofSubject(String subjectType, long subjectId) {
        return new AuditFilter(null, null, null, subjectType, subjectId);
    }
}
