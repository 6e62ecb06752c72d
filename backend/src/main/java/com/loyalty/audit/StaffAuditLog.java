package com.loyalty.audit;

import com.loyalty.shared.security.Viewer;
import java.time.Instant;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit trail of staff actions: who, at which store, on whom, what and why; appended to, read by
 * admins. A machine client's actions (a POS recording a purchase) are recorded as that client. The SQL is in {@link StaffAuditRepository}.
 */
@Service
public class StaffAuditLog {

    /** The action recorded when a clerk scans a member's code (kept for a shorter time than the rest). */
    public static final String SCAN_MEMBER_CODE = "SCAN_MEMBER_CODE";

    /** Tells {@link ClientCallAudit} that the client call being served (if any) is in the trail now. */
    private static final Mono<Void> NOTED = Mono.deferContextual(context -> {
        ClientCallAudit.noteRecorded(context);
        return Mono.empty();
    });

    private final StaffAuditRepository entries;
    private final JsonMapper json;

    StaffAuditLog(StaffAuditRepository entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    public Mono<Void> record(Viewer staff, Long storeId, String action, Long memberId, String detail) {
        return entries.insert(staff.brandId(), staff.staffId(), staff.clientId(), storeId, action, memberId, detail, null)
                .then(NOTED);
    }

    /**
     * Records what a machine client read (every call of a client is in the audit trail: its writes
     * record themselves, its reads with this); nothing for a person, whose reads are audited where
     * they touch a member's personal data (profiles, searches).
     */
    public Mono<Void> recordClientRead(Viewer caller, Long storeId, String action, Long memberId, String detail) {
        return caller.isClient() ? record(caller, storeId, action, memberId, detail) : Mono.empty();
    }

    /**
     * Records a change {@code staff} made to an object (who, when, what, before, after), with the
     * reason or details given.
     */
    public Mono<Void> recordChange(Viewer staff, Long storeId, String action, AuditedChange change, String detail) {
        return entries.insert(staff.brandId(), staff.staffId(), staff.clientId(), storeId, action, null, detail,
                new StaffAuditRepository.ChangeColumns(change.subjectType(), change.subjectId(),
                        toJson(change.before()), toJson(change.after())))
                .then(NOTED);
    }

    /**
     * Records a change the system itself made to an object of the brand on a schedule (no staff
     * member, no client: a job), with before and after, as staff changes are.
     */
    public Mono<Void> recordSystemChange(long brandId, String action, AuditedChange change, String detail) {
        return entries.insert(brandId, null, null, true, null, action, null, detail,
                new StaffAuditRepository.ChangeColumns(change.subjectType(), change.subjectId(),
                        toJson(change.before()), toJson(change.after())));
    }

    /** Up to {@code limit} actions of the brand before {@code beforeId}, newest first, narrowed by the filters given. */
    public Flux<AuditEntry> page(long brandId, AuditFilter filter, Long beforeId, int limit) {
        return entries.page(brandId, filter, beforeId, limit);
    }

    /** How many actions of the brand the filters match. */
    public Mono<Long> count(long brandId, AuditFilter filter) {
        return entries.count(brandId, filter);
    }

    /** What {@link #purge} deleted. */
    public record Purged(long scans, long others) {
    }

    /** Deletes member-code scans recorded before {@code scansBefore} and every other entry recorded before {@code othersBefore}. */
    public Mono<Purged> purge(Instant scansBefore, Instant othersBefore) {
        Mono<Long> scans = entries.deleteBefore(SCAN_MEMBER_CODE, scansBefore);
        Mono<Long> others = entries.deleteOthersBefore(SCAN_MEMBER_CODE, othersBefore);
        return scans.zipWith(others, Purged::new);
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }
}
