package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/log-integrity.md and the Java implementation agree on the worked example. */
class LogIntegrityDocTest {
    private static final Path DOC = Path.of("..", "docs", "log-integrity.md");

    @Test
    @SuppressWarnings("unchecked")
    void the_worked_example_verifies_and_ends_at_the_head_the_page_shows() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher block =
                Pattern.compile("```json\\n(\\{\"log\".*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("the example block of %s", DOC).isTrue();
        List<LogRecord> log = new ArrayList<>();
        for (Object item :
                (List<Object>) CanonicalJson.readObject(block.group(1)).get("log")) {
            Map<String, Object> r = (Map<String, Object>) item;
            log.add(new LogRecord(
                    (Long) r.get("seq"),
                    (String) r.get("id"),
                    (String) r.get("type"),
                    OffsetDateTime.parse((String) r.get("at")).toInstant(),
                    (String) r.get("actor"),
                    (Map<String, Object>) r.get("data"),
                    (String) r.get("prevHash"),
                    (String) r.get("hash")));
        }
        ChainVerification result = LogChain.verify(log);
        assertThat(result.isIntact()).isTrue();
        assertThat(doc).contains("intact: 2 records, head " + result.head());
        assertThat(doc).contains(LogChain.canonicalText(log.get(0)));
    }
}
