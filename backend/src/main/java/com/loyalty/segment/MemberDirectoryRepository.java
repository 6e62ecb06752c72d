package com.loyalty.segment;

import com.loyalty.shared.graphql.SearchText;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Finds and counts the brand's members matching a {@link MemberFilter} (its {@link MemberFilterSql}) for the member list. */
@Repository
class MemberDirectoryRepository {

    private final DatabaseClient db;

    MemberDirectoryRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Members of one store: registered there or bought there (null: the whole brand). */
    private static final String OF_STORE = " and (cast(:scope as bigint) is null or m.registration_store_id = :scope"
            + " or exists (select 1 from purchase sp where sp.member_id = m.id and sp.store_id = :scope))";

    /**
     * Matching member ids, newest registration first (by id), after the keyset cursor; only members
     * of {@code storeScope} (registered or bought there) when it is set.
     */
    public Flux<Long> find(long brandId, Long storeScope, MemberFilter filter, Long afterId, int limit) {
        MemberFilterSql.Condition c = MemberFilterSql.of(filter);
        var spec = db.sql("select m.id from member m where m.brand_id = :b and (cast(:after as bigint) is null or m.id < :after)"
                        + OF_STORE + " and " + c.sql() + " order by m.id desc limit :limit")
                .bind("b", brandId).bind("limit", limit)
                .bind("scope", Parameter.fromOrEmpty(storeScope, Long.class))
                .bind("after", Parameter.fromOrEmpty(afterId, Long.class));
        return c.bindTo(spec).map(row -> row.get("id", Long.class)).all();
    }

    public Mono<Long> count(long brandId, Long storeScope, MemberFilter filter) {
        MemberFilterSql.Condition c = MemberFilterSql.of(filter);
        var spec = db.sql("select count(*) as n from member m where m.brand_id = :b" + OF_STORE + " and " + c.sql())
                .bind("b", brandId).bind("scope", Parameter.fromOrEmpty(storeScope, Long.class));
        return c.bindTo(spec).map(row -> row.get("n", Long.class)).one();
    }

    /**
     * How many of the brand's members (of {@code storeScope} when set) match each filter, in the
     * filters' order: one statement, one pass over the members, however many filters.
     */
    public Mono<List<Long>> counts(long brandId, Long storeScope, List<MemberFilter> filters) {
        if (filters.isEmpty()) {
            return Mono.just(List.of());
        }
        List<MemberFilterSql.Condition> conditions = new ArrayList<>();
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < filters.size(); i++) {
            MemberFilterSql.Condition c = MemberFilterSql.of(filters.get(i), "f" + i + "_");
            conditions.add(c);
            columns.append(i == 0 ? "" : ", ").append("count(*) filter (where ").append(c.sql()).append(") as n").append(i);
        }
        var spec = db.sql("select " + columns + " from member m where m.brand_id = :b" + OF_STORE)
                .bind("b", brandId).bind("scope", Parameter.fromOrEmpty(storeScope, Long.class));
        for (MemberFilterSql.Condition c : conditions) {
            spec = c.bindTo(spec);
        }
        int n = filters.size();
        return spec.map(row -> {
            List<Long> counts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                counts.add(row.get("n" + i, Long.class));
            }
            return counts;
        }).one();
    }

    /** What a staff member's search looks for: one member's phone (its keyed hash), one member, or nickname text. */
    sealed interface Lookup permits ByPhone, ById, ByNickname {
    }

    record ByPhone(byte[] hash) implements Lookup {
    }

    record ById(long memberId) implements Lookup {
    }

    /** {@code text} is matched anywhere in the nickname, case-insensitively, as typed (no wildcards). */
    record ByNickname(String text) implements Lookup {
    }

    /** Members the lookup finds, newest first, after the keyset cursor; only members of {@code storeScope} when set. */
    public Flux<Long> search(long brandId, Long storeScope, Lookup lookup, Long afterId, int limit) {
        var spec = db.sql("select m.id from member m where m.brand_id = :b and (cast(:after as bigint) is null or m.id < :after)"
                        + OF_STORE + " and " + condition(lookup) + " order by m.id desc limit :limit")
                .bind("b", brandId).bind("limit", limit)
                .bind("scope", Parameter.fromOrEmpty(storeScope, Long.class))
                .bind("after", Parameter.fromOrEmpty(afterId, Long.class));
        return bind(spec, lookup).map(row -> row.get("id", Long.class)).all();
    }

    public Mono<Long> countSearch(long brandId, Long storeScope, Lookup lookup) {
        var spec = db.sql("select count(*) as n from member m where m.brand_id = :b" + OF_STORE + " and " + condition(lookup))
                .bind("b", brandId).bind("scope", Parameter.fromOrEmpty(storeScope, Long.class));
        return bind(spec, lookup).map(row -> row.get("n", Long.class)).one();
    }

    private static String condition(Lookup lookup) {
        if (lookup instanceof ByPhone) {
            return "m.phone_hash = :lookup";
        }
        if (lookup instanceof ById) {
            return "m.id = :lookup";
        }
        return "m.nickname ilike :lookup escape '\\'";
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Lookup lookup) {
        if (lookup instanceof ByPhone phone) {
            return spec.bind("lookup", phone.hash());
        }
        if (lookup instanceof ById id) {
            return spec.bind("lookup", id.memberId());
        }
        String text = ((ByNickname) lookup).text();
        return spec.bind("lookup", SearchText.containing(text));
    }
}
