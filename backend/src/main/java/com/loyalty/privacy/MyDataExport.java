package com.loyalty.privacy;

import java.time.Instant;
import java.util.List;

/** Everything held about a member as one JSON document, with a count per section for a readable summary. */
public record MyDataExport(Instant generatedAt, String json, List<Section> sections) {

    /** One part of the export (orders, points ledger...) and how many records it holds. */
    public record Section(String name, int count) {
    }
}
