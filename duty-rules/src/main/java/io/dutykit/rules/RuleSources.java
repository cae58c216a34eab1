package io.dutykit.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * The DRL text of a rule file, as the engine compiles it: a {@code .drl} file as written, a decision
 * table ({@code .drl.csv}, {@code .drl.xlsx}, {@code .drl.xls}) compiled to DRL by Drools' own
 * decision-table compiler (a spreadsheet one through the XLSX module, {@link SpreadsheetReader}). What {@link RulesValidator} inspects and what names a rule that ran too long.
 */
final class RuleSources {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\s+(?:\"([^\"]*)\"|(\\S+))");
    private static final Pattern FUNCTION =
            Pattern.compile("(?m)^[ \\t]*function\\s+[\\w.<>\\[\\], ]+?\\s(\\w+)\\s*\\(");
    private static final Pattern ROW = Pattern.compile("(?m)^//\\s*rule values at [A-Z]+(\\d+)");

    private RuleSources() {}

    /**
     * The DRL of the file.
     *
     * @throws RulesException when a decision table cannot be compiled to DRL, or is a spreadsheet and the
     *     XLSX module is not on the class path
     */
    static String drl(RuleSet.RuleFile file) {
        if (!file.isDecisionTable()) {
            return new String(file.content(), StandardCharsets.UTF_8);
        }
        boolean csv = file.name().toLowerCase(Locale.ROOT).endsWith(".csv");
        try {
            return csv
                    ? new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), InputType.CSV)
                    : Spreadsheets.reader(file.name()).decisionTableDrl(file.content(), file.name());
        } catch (RulesException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RulesException(
                    file.name() + " cannot be read as a decision table: " + e.getMessage()
                            + "; check it against the Drools decision-table layout (RuleSet, RuleTable, CONDITION,"
                            + " ACTION rows)",
                    e);
        }
    }

    /**
     * For DRL compiled from a decision table: the spreadsheet row each DRL line came from (the row of
     * the rule it belongs to, from the compiler's {@code // rule values at A10} comments), 0 before the
     * first rule. Index 0 is unused; line {@code n} is at index {@code n}.
     */
    static int[] spreadsheetRows(String drl) {
        String[] lines = drl.split("\n", -1);
        int[] rows = new int[lines.length + 2];
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ROW.matcher(lines[i]);
            if (m.find()) {
                row = Integer.parseInt(m.group(1));
            }
            rows[i + 1] = row;
        }
        rows[lines.length + 1] = row;
        return rows;
    }

    static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : "";
    }

    static List<String> ruleNames(String drl) {
        List<String> names = new ArrayList<>();
        Matcher m = RULE.matcher(RulesValidator.withoutComments(drl));
        while (m.find()) {
            // the name is read from the original text: string contents are blanked in the copy
            int start = m.start(1) >= 0 ? m.start(1) : m.start(2);
            int end = m.start(1) >= 0 ? m.end(1) : m.end(2);
            names.add(drl.substring(start, end));
        }
        return names;
    }

    static List<String> functionNames(String drl) {
        List<String> names = new ArrayList<>();
        Matcher m = FUNCTION.matcher(RulesValidator.withoutComments(drl));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
