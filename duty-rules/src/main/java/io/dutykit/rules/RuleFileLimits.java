package io.dutykit.rules;

/**
 * How large a file of a rules folder may be, checked before it is parsed (docs/rules.md, "Limits"). The
 * limit is far above any real rule file or table; an XLSX is checked further, unzipped, by the XLSX
 * module (duty-rules-xlsx) before its spreadsheet library reads it.
 */
public final class RuleFileLimits {
    /** The most bytes a file of a rules folder may have (DRL, properties, CSV, XLSX). */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private RuleFileLimits() {}

    /**
     * Refuses a file of a rules folder larger than {@link #MAX_FILE_BYTES}.
     *
     * @throws RulesException naming the file and its size
     */
    public static void checkFileSize(String source, long bytes) {
        if (bytes > MAX_FILE_BYTES) {
            throw new RulesException(String.format(
                    "%s is %,d bytes, more than the %,d a file of a rules folder may have; a rule file or table"
                            + " is a few kilobytes — check that this is the file you meant",
                    source, bytes, MAX_FILE_BYTES));
        }
    }
}
