package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.chain.LogChain;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.testdata.DeskFixture;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Text that merely looks hostile (quotes, {@code ;}, {@code --}, {@code ' OR '1'='1}, control
 * characters, emoji, Chinese) is valid: it is stored and read back unchanged, and the chain and the
 * lists still agree.
 */
class HostileTextPropertiesTest {

    @Property(tries = 40)
    void any_entry_text_reads_back_unchanged_and_the_log_verifies(@ForAll String text) {
        DeskFixture f = new DeskFixture();
        f.clock.set("2026-11-02T21:11");
        LogEntry entry = anEntry().text(text).build();

        f.desk.appendEntry(SITE, "wang", entry);
        f.desk.correctEntry(SITE, "e-18", "e-17", text + "'; DROP TABLE entries; --", "wang");

        assertThat(f.stores.entries().find(SITE, "e-17").orElseThrow().text()).isEqualTo(text);
        assertThat(f.stores.entries().find(SITE, "e-18").orElseThrow().text())
                .isEqualTo(text + "'; DROP TABLE entries; --");
        assertThat(LogChain.verify(f.stores.load(SITE)).isIntact()).isTrue();
    }

    @Example
    void quotes_sql_control_characters_emoji_and_chinese_survive() {
        DeskFixture f = new DeskFixture();
        f.clock.set("2026-11-02T21:11");
        String text = "' OR '1'='1; -- \"quoted\" \\ \u0000\u0007\t\n 电梯困人 🚒";

        f.desk.appendEntry(SITE, "wang", anEntry().text(text).build());

        assertThat(f.stores.entries().find(SITE, "e-17").orElseThrow().text()).isEqualTo(text);
        assertThat(f.log().get(f.log().size() - 1).data()).containsEntry("text", text);
        assertThat(LogChain.verify(f.stores.load(SITE)).isIntact()).isTrue();
    }

    /**
     * Issue 18, finding 7: an unpaired surrogate has no UTF-8 form, so it has no canonical bytes either;
     * it is refused naming the field, and nothing is written (before, it was hashed as {@code ?}).
     */
    @Example
    void text_with_an_unpaired_surrogate_is_refused_naming_the_field_and_nothing_is_written() {
        DeskFixture f = new DeskFixture();
        f.clock.set("2026-11-02T21:11");
        int before = f.log().size();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.desk.appendEntry(
                        SITE, "wang", anEntry().text("pipe \ud800 burst").build()))
                .isInstanceOf(io.dutykit.core.InvalidValueException.class)
                .hasMessageContaining("text")
                .hasMessageContaining("unpaired surrogate U+D800");

        assertThat(f.log()).hasSize(before);
        assertThat(f.stores.entries().find(SITE, "e-17")).isEmpty();
    }
}
