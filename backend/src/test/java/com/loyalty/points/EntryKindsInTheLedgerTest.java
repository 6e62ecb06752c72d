package com.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every kind of points entry the code writes is one the ledger's check constraint takes. Features
 * that add a kind each rewrite that constraint in their migration, and the last migration to run
 * wins: a kind left out of it fails every entry of that kind at run time.
 */
class EntryKindsInTheLedgerTest extends IntegrationTest {

    @Test
    void theLedgerAcceptsEveryEntryKind() {
        String constraint = db.sql("select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'points_ledger_kind_check'")
                .map(row -> row.get("def", String.class)).one().block();

        assertThat(Arrays.stream(EntryKind.values()).map(kind -> "'" + kind.name() + "'"))
                .allSatisfy(kind -> assertThat(constraint).contains(kind));
    }
}
