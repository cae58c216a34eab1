package io.dutykit.dataset;

import static io.dutykit.dataset.TestData.gardenCourt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smaller entry points of the reader. */
class DatasetReaderApiTest {
    private final DatasetReader reader = new DatasetReader();

    @Test
    void a_dataset_embedded_in_another_document_reports_paths_under_its_prefix() {
        ObjectNode scenario = TestData.JSON.createObjectNode();
        scenario.set("dataset", gardenCourt(d -> TestData.set(d, "/entries/0/kind", "WALK")));

        assertThatThrownBy(() -> reader.read(scenario.get("dataset"), "$.dataset"))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.dataset.entries[0].kind");
                    assertThat(e.getMessage()).startsWith("$.dataset.entries[0].kind: \"WALK\" is not an entry kind");
                });
    }

    @Test
    void a_missing_embedded_dataset_is_named_as_missing() {
        ObjectNode scenario = TestData.JSON.createObjectNode();

        assertThatThrownBy(() -> reader.read(scenario.get("dataset"), "$.dataset"))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.dataset");
                    assertThat(e.getMessage()).startsWith("$.dataset: missing; expected a dutykit/1 site dataset");
                });
    }

    @Test
    void an_embedded_dataset_reads_like_a_file() {
        SiteRecords records = reader.read(gardenCourt(), "$.dataset");

        assertThat(records).isEqualTo(reader.read(ExampleDatasetTest.GARDEN_COURT));
    }

    @Test
    void the_callers_stream_is_left_open() throws IOException {
        boolean[] closed = {false};
        byte[] bytes = TestData.text(gardenCourt()).getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        reader.read(in, "stdin");

        assertThat(closed[0]).isFalse();
    }

    @Test
    void validate_throws_the_first_input_error_of_any_site(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), TestData.text(gardenCourt()));
        Files.writeString(dir.resolve("b.json"), TestData.text(gardenCourt(d -> {
            ((ObjectNode) d.get("site")).put("id", "b");
            TestData.set(d, "/calls/1/line", "MOBILE");
        })));

        assertThatThrownBy(() -> reader.validate(dir)).isInstanceOfSatisfying(DatasetException.class, e -> {
            assertThat(e.path()).isEqualTo("$.calls[1].line");
            assertThat(e.source()).contains(dir.resolve("b.json").toString());
            assertThat(e.getMessage()).contains("expected one of HOTLINE, OTHER");
        });
    }

    @Test
    void a_limit_must_be_positive() {
        assertThatThrownBy(() -> reader.withMaxInputMb(0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("--max-input-mb (0)");
    }

    @Test
    void the_format_constant_is_the_spec_value() {
        assertThat(DatasetReader.FORMAT).isEqualTo("dutykit/1");
    }
}
