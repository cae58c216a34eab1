package io.dutykit.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.procedure.ParameterFile;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {
    private static final String FILE = "# DutyKit procedure parameters (UTF-8).\n"
            + "\n"
            + "# 4.2.1 The incoming officer arrives this many minutes before the handover.\n"
            + "handover.incomingLeadMinutes=5\n"
            + "  phone.maxRings : 3\n"
            + "! another comment\n"
            + "emergency.planCategories=FIRE,\\\n"
            + "    FLOOD\n"
            + "weight.ERROR=5\n";

    @Test
    void a_changed_value_keeps_every_other_line_and_the_key_s_own_spacing() {
        String edited = PropertiesText.edit(
                FILE,
                List.of(
                        new PropertiesText.Setting("handover.incomingLeadMinutes", "10", "not used"),
                        new PropertiesText.Setting("phone.maxRings", "4", null)),
                List.of());
        assertThat(edited)
                .isEqualTo(FILE.replace("handover.incomingLeadMinutes=5", "handover.incomingLeadMinutes=10")
                        .replace("  phone.maxRings : 3", "  phone.maxRings : 4"));
    }

    @Test
    void a_value_continued_over_lines_becomes_one_line() {
        String edited = PropertiesText.edit(
                FILE, List.of(new PropertiesText.Setting("emergency.planCategories", "FIRE", null)), List.of());
        assertThat(edited)
                .contains("emergency.planCategories=FIRE\nweight.ERROR=5\n")
                .doesNotContain("FLOOD");
    }

    @Test
    void a_new_key_goes_to_the_end_under_its_comment_and_a_removed_one_loses_its_line() {
        String edited = PropertiesText.edit(
                FILE,
                List.of(new PropertiesText.Setting("weight.CALL_MISSED", "8", "4.4 Staff evaluation: ...")),
                List.of("weight.ERROR"));
        assertThat(edited).endsWith("    FLOOD\n\n# 4.4 Staff evaluation: ...\nweight.CALL_MISSED=8\n");
        assertThat(edited).doesNotContain("weight.ERROR");
    }

    @Test
    void windows_line_breaks_stay_windows_line_breaks() {
        String crlf = FILE.replace("\n", "\r\n");
        String edited =
                PropertiesText.edit(crlf, List.of(new PropertiesText.Setting("weight.ERROR", "6", null)), List.of());
        assertThat(edited).isEqualTo(crlf.replace("weight.ERROR=5", "weight.ERROR=6"));
    }

    @Test
    void a_key_given_twice_changes_where_it_is_in_effect_its_last_line() {
        String twice = "phone.maxRings=3\nphone.maxRings=4\n";
        assertThat(PropertiesText.edit(
                        twice, List.of(new PropertiesText.Setting("phone.maxRings", "5", null)), List.of()))
                .isEqualTo("phone.maxRings=3\nphone.maxRings=5\n");
    }

    @Test
    void an_empty_file_gets_the_keys() {
        assertThat(PropertiesText.edit("", List.of(new PropertiesText.Setting("A.title", "Hello", null)), List.of()))
                .isEqualTo("A.title=Hello\n");
    }

    /** Whatever a compliance officer types into a message box is read back exactly (trimmed, as the reader trims). */
    @Property(tries = 300)
    void any_text_is_read_back_as_written(@ForAll @StringLength(max = 60) String text) {
        String edited = PropertiesText.edit(
                FILE, List.of(new PropertiesText.Setting("NIGHT_PATROL_TOO_FEW", text, null)), List.of());
        ParameterFile read = ParameterFile.parse(edited, "messages.properties");
        assertThat(read.entry("NIGHT_PATROL_TOO_FEW").orElseThrow().value()).isEqualTo(text.strip());
        assertThat(read.entry("handover.incomingLeadMinutes").orElseThrow().value())
                .isEqualTo("5");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void a_byte_order_mark_typed_into_a_value_is_read_back() {
        String edited = PropertiesText.edit(
                FILE, List.of(new PropertiesText.Setting("phone.maxRings", "\uFEFF", null)), List.of());
        assertThat(ParameterFile.parse(edited, "procedure.properties")
                        .entry("phone.maxRings")
                        .orElseThrow()
                        .value())
                .isEqualTo("\uFEFF");
    }

    @Property(tries = 300)
    void any_value_replacing_one_in_the_file_is_read_back_and_leaves_the_others(
            @ForAll @StringLength(max = 40) String text) {
        String edited =
                PropertiesText.edit(FILE, List.of(new PropertiesText.Setting("phone.maxRings", text, null)), List.of());
        ParameterFile read = ParameterFile.parse(edited, "procedure.properties");
        assertThat(read.entry("phone.maxRings").orElseThrow().value()).isEqualTo(text.strip());
        assertThat(read.entries()).hasSize(4);
        assertThat(read.entry("weight.ERROR").orElseThrow().value()).isEqualTo("5");
    }
}
