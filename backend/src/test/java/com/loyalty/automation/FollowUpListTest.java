package com.loyalty.automation;

import com.loyalty.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The call list for an admin naming no store (issue 22: INTERNAL_ERROR before). */
class FollowUpListTest extends IntegrationTest {

    @Test
    void followUpTasksForAnAdminWithoutAStoreAnswers() {
        admin().documentName("followUpTasks").variable("status", "OPEN").execute()
                .errors().verify()
                .path("followUpTasks.totalCount").hasValue();
    }
}
