package io.dutykit.core.chain;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of a {@code CHECKPOINT} log record, appended by a retention purge (SPEC section 8). The
 * purge removed log records {@code 1 .. firstSeq-1}; the first remaining record chains from {@code
 * chainsFrom}, the hash of the last removed record. Records whose last change was among the removed
 * records but that are themselves kept (the site, staff, records of recent dates written long ago) are
 * {@code carried}: their snapshots form the state the remaining log starts from.
 *
 * <p>As data: {@code {"purgedBefore":"YYYY-MM-DD","firstSeq":N,"chainsFrom":"hex","carried":[{"list":
 * "staff","key":"wang","data":{…}}, …]}}.
 */
public record Checkpoint(LocalDate purgedBefore, long firstSeq, String chainsFrom, List<Carried> carried) {

    /** A kept record whose snapshot the checkpoint carries over the purge. */
    public record Carried(RecordKind kind, String key, Map<String, Object> data) {
        public Carried {
            Checks.required(kind, "carried[].list");
            Checks.requiredText(key, "carried[].key");
            Checks.required(data, "carried[].data");
        }
    }

    public Checkpoint {
        Checks.required(purgedBefore, "checkpoint.purgedBefore");
        if (firstSeq < 1) {
            throw InvalidValueException.of("checkpoint.firstSeq (%d) must be at least 1", firstSeq);
        }
        Checks.requiredText(chainsFrom, "checkpoint.chainsFrom");
        carried = Checks.list(carried);
    }

    public Map<String, Object> toData() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("purgedBefore", purgedBefore.toString());
        map.put("firstSeq", firstSeq);
        map.put("chainsFrom", chainsFrom);
        List<Object> list = new ArrayList<>();
        for (Carried item : carried) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("list", item.kind().listName());
            entry.put("key", item.key());
            entry.put("data", item.data());
            list.add(entry);
        }
        map.put("carried", list);
        return Collections.unmodifiableMap(map);
    }

    /** Reads a checkpoint record's data; the message of a failure names the field. */
    @SuppressWarnings("unchecked")
    public static Checkpoint fromData(Map<String, Object> data) {
        try {
            LocalDate purgedBefore = LocalDate.parse(String.valueOf(data.get("purgedBefore")));
            if (!(data.get("firstSeq") instanceof Number firstSeq)) {
                throw InvalidValueException.of("checkpoint.firstSeq (%s) must be a number", data.get("firstSeq"));
            }
            Object chainsFrom = data.get("chainsFrom");
            List<Carried> carried = new ArrayList<>();
            Object list = data.get("carried");
            if (list != null) {
                if (!(list instanceof List<?> items)) {
                    throw InvalidValueException.of("checkpoint.carried must be a list");
                }
                for (Object item : items) {
                    if (!(item instanceof Map<?, ?> map) || !(map.get("data") instanceof Map<?, ?> snapshot)) {
                        throw InvalidValueException.of("checkpoint.carried[] (%s) must be {list, key, data}", item);
                    }
                    carried.add(new Carried(
                            RecordKind.ofListName(String.valueOf(map.get("list"))),
                            (String) map.get("key"),
                            (Map<String, Object>) snapshot));
                }
            }
            return new Checkpoint(
                    purgedBefore, firstSeq.longValue(), chainsFrom instanceof String s ? s : null, carried);
        } catch (DateTimeParseException | ClassCastException e) {
            throw InvalidValueException.of("checkpoint data is malformed: %s", e.getMessage());
        }
    }
}
