package io.dutykit.dataset;

import static io.dutykit.dataset.TestData.gardenCourt;
import static io.dutykit.dataset.TestData.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.core.SiteRecords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three forms of a dataset (one site, an array of sites, a folder of files) and the size limit. */
class MultiSiteReadingTest {
    @TempDir
    Path dir;

    private static ObjectNode site(String id) {
        return gardenCourt(d -> ((ObjectNode) d.get("site")).put("id", id));
    }

    private static String array(ObjectNode... sites) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < sites.length; i++) {
            out.append(i == 0 ? "" : ",\n").append(text(sites[i]));
        }
        return out.append("]").toString();
    }

    private List<String> siteIds(Path input) {
        List<String> ids = new ArrayList<>();
        new DatasetReader().forEachSite(input, s -> ids.add(s.site().id()));
        return ids;
    }

    @Test
    void an_array_of_sites_is_read_site_by_site_in_order() throws IOException {
        Path file = Files.writeString(dir.resolve("sites.json"), array(site("a"), site("b"), site("c")));

        assertThat(siteIds(file)).containsExactly("a", "b", "c");
    }

    @Test
    void a_single_site_file_is_a_dataset_of_one_site() {
        assertThat(siteIds(ExampleDatasetTest.GARDEN_COURT)).containsExactly("garden-court");
    }

    @Test
    void a_folder_of_files_is_read_in_name_order_ignoring_other_files() throws IOException {
        Files.writeString(dir.resolve("2-b.json"), text(site("b")));
        Files.writeString(dir.resolve("1-a.json"), text(site("a")));
        Files.writeString(dir.resolve("3-more.json"), array(site("c"), site("d")));
        Files.writeString(dir.resolve("notes.txt"), "not a dataset");

        assertThat(siteIds(dir)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void an_empty_array_has_no_sites() throws IOException {
        Path file = Files.writeString(dir.resolve("none.json"), "[]");

        assertThat(siteIds(file)).isEmpty();
    }

    @Test
    void an_error_in_a_later_site_names_its_index_and_the_file() throws IOException {
        ObjectNode bad = site("b");
        TestData.set(bad, "/handovers/2/incomingArrivedAt", "17:25");
        Path file = Files.writeString(dir.resolve("sites.json"), array(site("a"), bad));
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> new DatasetReader()
                        .forEachSite(file, s -> seen.add(s.site().id())))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.path()).isEqualTo("$[1].handovers[2].incomingArrivedAt");
                    assertThat(e.source()).contains(file.toString());
                    assertThat(e.getMessage())
                            .startsWith("$[1].handovers[2].incomingArrivedAt: \"17:25\" is not an instant")
                            .endsWith("(in " + file + ")");
                });
        assertThat(seen).containsExactly("a");
    }

    @Test
    void malformed_json_inside_an_array_names_the_element() throws IOException {
        Path file = Files.writeString(
                dir.resolve("sites.json"), "[" + text(site("a")) + ",\n{\"format\": \"dutykit/1\", \"site\": [}]");

        assertThatThrownBy(() -> siteIds(file)).isInstanceOfSatisfying(DatasetException.class, e -> {
            assertThat(e.path()).isEqualTo("$[1].site[0]");
            assertThat(e.getMessage()).contains("malformed JSON at line 2");
        });
    }

    @Test
    void an_array_element_that_is_not_an_object() throws IOException {
        Path file = Files.writeString(dir.resolve("sites.json"), "[" + text(site("a")) + ", 42]");

        assertThatThrownBy(() -> siteIds(file)).isInstanceOfSatisfying(DatasetException.class, e -> {
            assertThat(e.path()).isEqualTo("$[1]");
            assertThat(e.getMessage()).contains("42 is a number; expected a site dataset (an object)");
        });
    }

    @Test
    void a_site_id_twice_is_refused() throws IOException {
        Files.writeString(dir.resolve("a.json"), text(site("a")));
        Files.writeString(dir.resolve("b.json"), array(site("b"), site("a")));

        assertThatThrownBy(() -> siteIds(dir)).isInstanceOfSatisfying(DatasetException.class, e -> {
            assertThat(e.path()).isEqualTo("$[1].site.id");
            assertThat(e.getMessage()).contains("\"a\" is a duplicate site id (also " + dir.resolve("a.json") + " $)");
        });
    }

    @Test
    void a_folder_without_datasets_is_refused() {
        assertThatThrownBy(() -> siteIds(dir))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.getMessage())
                        .contains("the folder holds no *.json files"));
    }

    @Test
    void a_missing_file_is_bad_input() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> new DatasetReader().read(missing))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.path()).isEqualTo("$");
                    assertThat(e.getMessage())
                            .contains("the file does not exist")
                            .contains(missing.toString());
                });
    }

    @Test
    void read_site_picks_one_site_of_many() throws IOException {
        Path file = Files.writeString(dir.resolve("sites.json"), array(site("a"), site("b")));

        assertThat(new DatasetReader().readSite(file, "b"))
                .map(s -> s.site().id())
                .contains("b");
        assertThat(new DatasetReader().readSite(file, "z")).isEmpty();
    }

    @Test
    void sites_written_as_an_array_read_back_equal() throws IOException {
        DatasetReader reader = new DatasetReader();
        List<SiteRecords> sites = List.of(TestData.read(site("a")), TestData.read(site("b")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DatasetWriter().compact().writeAll(sites, out);

        List<SiteRecords> back = new ArrayList<>();
        reader.forEachSite(new ByteArrayInputStream(out.toByteArray()), null, back::add);

        assertThat(back).isEqualTo(sites);
    }

    // ---- the size limit -------------------------------------------------------------------------

    @Test
    void a_file_over_the_limit_is_refused_naming_its_size_and_the_limit() throws IOException {
        long size = Files.size(ExampleDatasetTest.GARDEN_COURT);
        DatasetReader reader = new DatasetReader().withMaxInputBytes(1000);

        assertThatThrownBy(() -> reader.read(ExampleDatasetTest.GARDEN_COURT))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.path()).isEqualTo("$");
                    assertThat(e.getMessage())
                            .contains("the input is " + size + " bytes, larger than the limit of 1000 bytes")
                            .contains("--max-input-mb");
                });
    }

    @Test
    void a_folder_over_the_limit_in_total_is_refused() throws IOException {
        Files.writeString(dir.resolve("a.json"), text(site("a")));
        Files.writeString(dir.resolve("b.json"), text(site("b")));
        long one = Files.size(dir.resolve("a.json"));
        DatasetReader reader = new DatasetReader().withMaxInputBytes(one + 10);

        assertThatThrownBy(() -> reader.forEachSite(dir, s -> {}))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.getMessage())
                        .contains("larger than the limit of " + (one + 10) + " bytes"));
    }

    @Test
    void a_stream_over_the_limit_is_refused_while_reading() {
        byte[] bytes = text(gardenCourt()).getBytes(StandardCharsets.UTF_8);
        DatasetReader reader = new DatasetReader().withMaxInputMb(1).withMaxInputBytes(2048);

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "stdin"))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.getMessage())
                        .contains("more than 2048 bytes, larger than the limit of 2048 bytes")
                        .contains("(in stdin)"));
    }

    @Test
    void the_limit_is_given_in_mebibytes() {
        assertThat(new DatasetReader().maxInputBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(new DatasetReader().withMaxInputMb(3).maxInputBytes()).isEqualTo(3L * 1024 * 1024);
    }

    @Test
    void a_file_within_the_limit_is_read() throws IOException {
        long size = Files.size(ExampleDatasetTest.GARDEN_COURT);

        assertThat(new DatasetReader().withMaxInputBytes(size).read(ExampleDatasetTest.GARDEN_COURT))
                .isNotNull();
    }
}
