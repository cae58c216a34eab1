package io.dutykit.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.codec.Codec;
import io.dutykit.core.codec.Field;
import io.dutykit.core.codec.FieldSink;
import io.dutykit.core.codec.SiteCodec;
import io.dutykit.core.site.SiteCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one {@link SiteRecords} as a {@code dutykit/1} object in the order of SPEC section 5, each
 * record through its core {@link Codec}: null fields are left out, lists are always written (sets in
 * their natural order), instants in the site's zone; the site's calendar stands beside the site (and is
 * left out when empty), its duty windows are left out at their defaults, and the {@code log} is written
 * when there is one.
 */
final class SiteDatasetEncoder implements FieldSink {
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter HOURS_MINUTES_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final JsonGenerator out;
    private final ZoneId zone;

    private SiteDatasetEncoder(JsonGenerator out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    static void write(SiteRecords records, JsonGenerator out) throws IOException {
        try {
            new SiteDatasetEncoder(out, records.site().zone()).records(records);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void records(SiteRecords r) throws IOException {
        out.writeStartObject();
        out.writeStringField("format", SiteDatasetDecoder.FORMAT);
        out.writeFieldName("site");
        object(SiteCodec.CODEC, r.site());
        SiteCalendar calendar = r.site().calendar();
        if (!calendar.holidays().isEmpty() || !calendar.workdays().isEmpty()) {
            out.writeFieldName("calendar");
            object(SiteCodec.CALENDAR, calendar);
        }
        for (RecordKind kind : RecordKind.values()) {
            if (kind == RecordKind.SITE) {
                continue;
            }
            out.writeArrayFieldStart(kind.listName());
            for (Object record : kind.recordsIn(r)) {
                object(kind.codec(), record);
            }
            out.writeEndArray();
        }
        if (!r.log().isEmpty()) {
            out.writeArrayFieldStart("log");
            for (LogRecord record : r.log()) {
                logRecord(record);
            }
            out.writeEndArray();
        }
        if (r.purgedBefore() != null) {
            out.writeStringField("purgedBefore", r.purgedBefore().toString());
        }
        out.writeEndObject();
    }

    private <R> void object(Codec<R> codec, Object record) throws IOException {
        out.writeStartObject();
        codec.write(codec.cast(record), this);
        out.writeEndObject();
    }

    /**
     * One field of the record being written: left out when null, at a left-out default, empty and added
     * on 2026-12-03 ({@link Field#absentWhenEmpty()}), or the site's calendar.
     */
    @Override
    public void write(Field<?, ?> field, Object value) {
        if (field == SiteCodec.CALENDAR_FIELD
                || field.leavesOut(value)
                || (!field.isListed() && (value == null || value.equals(field.leftOutAt())))) {
            return;
        }
        try {
            out.writeFieldName(field.name());
            if (field.isListed()) {
                List<Object> items = new ArrayList<>((Collection<?>) value);
                if (field.shape() == Field.Shape.SET) {
                    items.sort(null);
                }
                out.writeStartArray();
                for (Object item : items) {
                    one(field, item);
                }
                out.writeEndArray();
            } else {
                one(field, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void one(Field<?, ?> field, Object value) throws IOException {
        switch (field.type()) {
            case TEXT, ID, REFERENCE, CODE -> out.writeString((String) value);
            case INSTANT -> out.writeString(instant((Instant) value));
            case DATE, MONTH -> out.writeString(value.toString());
            case TIME_OF_DAY -> out.writeString(time((LocalTime) value));
            case ZONE -> out.writeString(((ZoneId) value).getId());
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case COUNT -> out.writeNumber((Integer) value);
            case ENUM -> out.writeString(((Enum<?>) value).name());
            case OBJECT -> object(field.codec(), value);
        }
    }

    private static String time(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0
                ? HOURS_MINUTES.format(time)
                : HOURS_MINUTES_SECONDS.format(time);
    }

    private String instant(Instant value) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(zone).toOffsetDateTime());
    }

    private void logRecord(LogRecord record) throws IOException {
        out.writeStartObject();
        out.writeNumberField("seq", record.seq());
        out.writeStringField("id", record.id());
        out.writeStringField("type", record.type());
        out.writeStringField("at", instant(record.at()));
        if (record.actor() != null) {
            out.writeStringField("actor", record.actor());
        }
        out.writeFieldName("data");
        plain(record.data());
        if (record.prevHash() != null) {
            out.writeStringField("prevHash", record.prevHash());
        }
        if (record.hash() != null) {
            out.writeStringField("hash", record.hash());
        }
        out.writeEndObject();
    }

    /** A canonical-JSON value of a log record's data (see {@link CanonicalJson}). */
    private void plain(Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof Instant instant) {
            out.writeString(CanonicalJson.instant(instant));
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(Objects.toString(entry.getKey()));
                plain(entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                plain(item);
            }
            out.writeEndArray();
        } else {
            throw InvalidValueException.of(
                    "a log record's data holds a %s, which dutykit/1 cannot carry; use text, whole numbers, booleans, lists or maps",
                    value.getClass().getSimpleName());
        }
    }
}
