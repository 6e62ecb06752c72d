package com.loyalty.shared.security;

import java.util.Set;

/**
 * The signed-in caller, as carried in the access token. {@code storeId} is set for clerks and
 * managers, null for members, marketers, admins and machine clients. A machine client
 * ({@link Role#CLIENT}) also carries its {@code scopes} (e.g. {@code purchases:write}) and the
 * {@code stores} it acts for (none: every store of the brand); for everyone else both are empty.
 */
public record Viewer(long id, Role role, Long storeId, long brandId, Set<String> scopes, Set<Long> stores) {

    public Viewer {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        stores = stores == null ? Set.of() : Set.copyOf(stores);
    }

    public Viewer(long id, Role role, Long storeId, long brandId) {
        this(id, role, storeId, brandId, Set.of(), Set.of());
    }

    /** Machine client {@code clientId} of the brand with its scopes and stores (none: every store). */
    public static Viewer client(long clientId, long brandId, Set<String> scopes, Set<Long> stores) {
        return new Viewer(clientId, Role.CLIENT, null, brandId, scopes, stores);
    }

    /** The JWT subject and refresh-session owner, e.g. {@code member:42}, {@code staff:7} or {@code client:3}. */
    public String subject() {
        return subjectOf(role, id);
    }

    public static String subjectOf(Role role, long id) {
        return (role == Role.CLIENT ? "client:" : role.isStaff() ? "staff:" : "member:") + id;
    }

    /** A machine client rather than a person. */
    public boolean isClient() {
        return role == Role.CLIENT;
    }

    /** The staff member to record as having acted (purchases, ledgers, the audit); null for a machine client. */
    public Long staffId() {
        return role.isStaff() ? id : null;
    }

    /** The machine client to record as having acted; null for a person. */
    public Long clientId() {
        return isClient() ? id : null;
    }

    /** Whether a machine client acts for the store: it lists the store, or lists none (brand-wide). */
    public boolean actsFor(long storeId) {
        return isClient() && (stores.isEmpty() || stores.contains(storeId));
    }

    /**
     * What a per-caller rate limit counts this caller by: the id of a person (as always), and
     * {@code client:<id>} for a machine client, so that a client never shares a staff member's budget.
     */
    public Object rateSubject() {
        return isClient() ? subject() : id;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
