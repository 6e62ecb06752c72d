package com.loyalty.programme;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Answer of {@code scheduleProgramRules} and {@code cancelScheduledProgramRules}. */
public record ProgramRulesPayload(RulesVersion scheduled, List<UserError> userErrors) {

    static ProgramRulesPayload of(RulesVersion version) {
        return new ProgramRulesPayload(version, List.of());
    }

    static ProgramRulesPayload failed(UserError error) {
        return new ProgramRulesPayload(null, List.of(error));
    }
}
