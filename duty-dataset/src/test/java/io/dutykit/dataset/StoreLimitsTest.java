package io.dutykit.dataset;

import static io.dutykit.dataset.TestData.gardenCourt;
import static io.dutykit.dataset.TestData.object;
import static io.dutykit.dataset.TestData.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.core.codec.Limits;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 9: valid input a store cannot keep. {@link DatasetReader#withStoreLimits()} (what
 * {@code duty import} reads with) refuses it at its JSON path, naming the value's length and the limit;
 * the plain reader ({@code check}, {@code verify}, reports) still accepts it.
 */
class StoreLimitsTest {
    private static DatasetException refusedForAStore(Consumer<ObjectNode> change) {
        String json = text(gardenCourt(change));
        assertThat(new DatasetReader().readString(json))
                .as("the plain reader accepts it")
                .isNotNull();
        return catchThrowableOfType(
                () -> new DatasetReader().withStoreLimits().readString(json), DatasetException.class);
    }

    @Test
    void an_id_longer_than_a_store_keeps_is_refused_at_its_path() {
        DatasetException e =
                refusedForAStore(d -> object(d, "/entries/0").put("id", "e".repeat(Limits.MAX_ID_LENGTH + 1)));

        assertThat(e.path()).isEqualTo("$.entries[0].id");
        assertThat(e.getMessage())
                .contains("is " + (Limits.MAX_ID_LENGTH + 1) + " characters long")
                .contains("at most " + Limits.MAX_ID_LENGTH + " characters");
    }

    @Test
    void an_id_of_exactly_the_limit_is_kept() {
        String id = "e".repeat(Limits.MAX_ID_LENGTH);
        ObjectNode root = gardenCourt(d -> object(d, "/entries/0").put("id", id));

        assertThat(new DatasetReader().withStoreLimits().readString(text(root)).entries())
                .anyMatch(entry -> entry.id().equals(id));
    }

    @Test
    void a_staff_id_and_a_site_id_are_ids_too() {
        DatasetException staff = refusedForAStore(d -> {
            ObjectNode member = ((ArrayNode) d.get("staff")).addObject();
            member.put("id", "w".repeat(Limits.MAX_ID_LENGTH + 50));
            member.putArray("roles");
        });
        DatasetException site = refusedForAStore(d -> object(d, "/site").put("id", "s".repeat(300)));

        assertThat(staff.path())
                .isEqualTo("$.staff[" + (gardenCourt().get("staff").size()) + "].id");
        assertThat(site.path()).isEqualTo("$.site.id");
    }

    @Test
    void an_id_holding_u0000_is_refused() {
        DatasetException e = refusedForAStore(d -> object(d, "/calls/0").put("id", "c-\u00001"));

        assertThat(e.path()).isEqualTo("$.calls[0].id");
        assertThat(e.getMessage()).contains("U+0000");
    }

    @Test
    void a_training_topic_is_part_of_a_key_and_as_short_as_an_id() {
        DatasetException e = refusedForAStore(d -> object(d, "/trainings/0").put("topic", "t".repeat(201)));

        assertThat(e.path()).isEqualTo("$.trainings[0].topic");
    }

    @Test
    void a_record_whose_canonical_form_is_longer_than_a_store_keeps_is_refused_at_the_record() {
        // one million characters of text: the entry's snapshot is longer than the million a store keeps
        DatasetException e = refusedForAStore(d -> object(d, "/entries/0").put("text", "x".repeat(1_000_000)));

        assertThat(e.path()).isEqualTo("$.entries[0]");
        assertThat(e.getMessage()).contains("canonical form").contains("at most " + Limits.MAX_SNAPSHOT_CHARS);
    }

    @Test
    void text_that_escapes_to_more_than_the_limit_is_counted_as_escaped() {
        // 200 000 control characters are 1 200 000 characters once escaped as \u0001
        DatasetException e = refusedForAStore(d -> object(d, "/incidents/0").put("process", "\u0001".repeat(200_000)));

        assertThat(e.path()).isEqualTo("$.incidents[0]");
    }

    @Test
    void text_well_within_the_limit_is_kept() {
        String text = "值班".repeat(200_000);
        ObjectNode root = gardenCourt(d -> object(d, "/entries/0").put("text", text));

        assertThat(new DatasetReader().withStoreLimits().readString(text(root)).entries())
                .anyMatch(entry -> text.equals(entry.text()));
    }

    @Test
    void a_log_record_longer_than_a_store_keeps_is_refused_at_its_field() {
        DatasetException id = refusedForAStore(d -> log(d).put("id", "r".repeat(Limits.MAX_LOG_RECORD_ID_LENGTH + 1)));
        DatasetException data = refusedForAStore(d -> log(d).putObject("data").put("text", "x".repeat(1_000_001)));

        assertThat(id.path()).isEqualTo("$.log[0].id");
        assertThat(data.path()).isEqualTo("$.log[0].data");
    }

    /** A log of one record (the reader reads the envelope; verification is not its job). */
    private static ObjectNode log(ObjectNode root) {
        ArrayNode log = root.putArray("log");
        ObjectNode record = log.addObject();
        record.put("seq", 1);
        record.put("id", "site");
        record.put("type", "SITE_CONFIGURED");
        record.put("at", "2026-10-01T09:00:00+08:00");
        record.putObject("data");
        return record;
    }
}
