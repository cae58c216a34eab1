package io.dutykit.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.reports.ReportDocument.Column;
import io.dutykit.reports.ReportDocument.Figure;
import io.dutykit.reports.ReportDocument.Row;
import io.dutykit.reports.ReportDocument.Section;
import io.dutykit.reports.ReportDocument.Table;
import java.util.Locale;

/** Writes a report as one JSON document of the {@code dutykit-report/1} schema (docs/reports.md). */
final class JsonWriter {
    static final String FORMAT = "dutykit-report/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonWriter() {}

    static String write(ReportDocument doc, ReportHeader header) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("kind", doc.kind().name().toLowerCase(Locale.ROOT));
        root.put("lang", doc.language());
        root.put("title", doc.title());
        ObjectNode site = root.putObject("site");
        site.put("id", header.siteId());
        site.put("name", header.siteName());
        site.put("zone", header.zone().getId());
        doc.scope().forEach((key, value) -> root.set(key, MAPPER.valueToTree(value)));
        root.set(
                "asOf",
                MAPPER.valueToTree(doc.meta().stream()
                        .filter(f -> f.key().equals("asOf"))
                        .findFirst()
                        .map(f -> f.value().raw())
                        .orElse(null)));
        ArrayNode sections = root.putArray("sections");
        for (Section s : doc.sections()) {
            ObjectNode section = sections.addObject();
            section.put("key", s.key());
            section.put("heading", s.heading());
            ObjectNode figures = section.putObject("figures");
            for (Figure f : s.figures()) {
                figures.set(f.key(), MAPPER.valueToTree(f.value().raw()));
            }
            ArrayNode tables = section.putArray("tables");
            for (Table t : s.tables()) {
                ObjectNode table = tables.addObject();
                table.put("key", t.key());
                table.put("caption", t.caption());
                ArrayNode columns = table.putArray("columns");
                for (Column c : t.columns()) {
                    columns.addObject().put("key", c.key()).put("label", c.label());
                }
                ArrayNode rows = table.putArray("rows");
                for (Row r : t.rows()) {
                    ObjectNode row = rows.addObject();
                    for (int i = 0; i < r.cells().size(); i++) {
                        row.set(
                                t.columns().get(i).key(),
                                MAPPER.valueToTree(r.cells().get(i).raw()));
                    }
                    if (r.tone() != ReportDocument.Tone.PLAIN) {
                        row.put("_flag", r.tone().name());
                    }
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new ReportException("could not write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
