package com.loyalty.bulk;

import java.util.ArrayList;
import java.util.List;

/** What one batch added to a job's counts, and the problems of its rows. */
record Progress(long rowsRead, long imported, long matched, long skipped, long failed, long points, long cents,
                List<BulkProblem> problems) {

    static Progress of(long rowsRead, List<BulkProblem> problems) {
        return new Progress(rowsRead, 0, 0, 0, problems.stream().map(BulkProblem::row).distinct().count(), 0, 0,
                new ArrayList<>(problems));
    }

    Progress plus(long imported, long matched, long skipped, long points, long cents) {
        return new Progress(rowsRead, this.imported + imported, this.matched + matched, this.skipped + skipped, failed,
                this.points + points, this.cents + cents, problems);
    }
}
