package io.dutykit.rules.xlsx;

import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.rules.SpreadsheetReader;
import java.io.ByteArrayInputStream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * The spreadsheet reader duty-rules finds on the class path ({@code META-INF/services}): the threshold
 * table through {@link ThresholdWorkbook}, a decision table through Drools' compiler with POI. Both check
 * {@link XlsxLimits} first and keep POI's logging quiet ({@link PoiLogging}).
 */
public final class XlsxReader implements SpreadsheetReader {
    /** For {@link java.util.ServiceLoader}. */
    public XlsxReader() {}

    @Override
    public IncidentThresholdTable.Reading thresholdTable(byte[] content, String source) {
        return ThresholdWorkbook.read(content, source);
    }

    @Override
    public String decisionTableDrl(byte[] content, String source) {
        XlsxLimits.check(source, content);
        PoiLogging.quiet();
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), InputType.XLS);
    }
}
