package com.loyalty.privacy;

import reactor.core.publisher.Flux;

/**
 * What a feature holds about one member, for the copy of their data they may ask for
 * (exportMyData, the right of access): its sections of the export document, each the member's
 * records as a JSON array. A section selects by the member's own id only; other members appear
 * neither by id nor by name (an invitation says whether the member invited or was invited, not
 * who). Privacy places each section where the document's list of sections puts it
 * ({@code DataExportService.SECTIONS}); a new section is added to that list.
 */
public interface PersonalData {

    /** This feature's sections for the member, each a JSON array ({@code []} when it holds none). */
    Flux<ExportSection> sections(long memberId);

    /**
     * The SQL of one section, for the feature's repository to run: the rows of {@code select},
     * which names the member {@code :m}, as one JSON array in one text column ({@code []} when
     * there are none), each row an object keyed by the select's column names.
     */
    static String asJsonArray(String select) {
        return "select coalesce(json_agg(t), '[]')::text as records from (" + select + ") t";
    }
}
