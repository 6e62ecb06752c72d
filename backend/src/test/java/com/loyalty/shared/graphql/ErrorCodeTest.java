package com.loyalty.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

class ErrorCodeTest extends IntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void theSchemaAndTheJavaEnumListTheSameErrorCodes() {
        GraphQLEnumType schemaCodes = (GraphQLEnumType) graphQlSource.schema().getType("ErrorCode");

        assertThat(schemaCodes.getValues()).extracting(GraphQLEnumValueDefinition::getName)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }
}
