package com.loyalty.audit;

/**
 * A change to one object a manager runs, for the audit trail: what it is ({@code subjectType}, e.g.
 * {@code CAMPAIGN}, and its id), and its state before and after (records or maps, written as JSON;
 * null before a creation or after a deletion).
 */
public record AuditedChange(String subjectType, long subjectId, Object before, Object after) {

    public static AuditedChange created(String subjectType, long subjectId, Object after) {
        return new AuditedChange(subjectType, subjectId, null, after);
    }

    public static AuditedChange changed(String subjectType, long subjectId, Object before, Object after) {
        return new AuditedChange(subjectType, subjectId, before, after);
    }
}
