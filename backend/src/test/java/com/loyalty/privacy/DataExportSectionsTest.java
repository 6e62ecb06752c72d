package com.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every section the features contribute (PersonalData) is in the export, once, in the document's order. */
class DataExportSectionsTest extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void theSectionsComeInTheDocumentsOrderEachAnArrayEvenWhenEmpty() {
        var response = member(unique("new")).documentName("exportMyData").execute();
        JsonNode doc = json.readTree(response.path("exportMyData.json").entity(String.class).get());
        List<String> names = response.path("exportMyData.sections").entityList(
                new ParameterizedTypeReference<Map<String, Object>>() { }).get().stream()
                .map(section -> (String) section.get("name")).toList();

        List<String> expected = new ArrayList<>(List.of("profile"));
        expected.addAll(DataExportService.SECTIONS);
        assertThat(names).containsExactlyElementsOf(expected);
        List<String> fields = new ArrayList<>(doc.propertyNames());
        assertThat(fields.get(0)).isEqualTo("generatedAt");
        assertThat(fields.subList(1, fields.size())).containsExactlyElementsOf(expected);
        DataExportService.SECTIONS.forEach(name -> assertThat(doc.get(name).isArray()).as(name).isTrue());
    }
}
