package io.dutykit.core.port;

import io.dutykit.core.chain.LogRecord;
import java.util.List;
import java.util.Optional;

/** Reads a site's chained duty log (SPEC section 8). */
public interface DutyLogReader {

    /** The site's log records in chain order. */
    List<LogRecord> records(String siteId);

    /** The hash of the last record, the value a supervisor signs at the daily review. */
    Optional<String> head(String siteId);
}
