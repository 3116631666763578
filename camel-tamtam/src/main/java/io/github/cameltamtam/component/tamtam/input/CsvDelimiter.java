package io.github.cameltamtam.component.tamtam.input;

/**
 * The CSV delimiters understood: comma, semicolon (European spreadsheet exports) and tab; given as an option or
 * detected from a file's first line.
 */
public final class CsvDelimiter {

    private static final char[] CANDIDATES = { ',', ';', '\t' };

    private CsvDelimiter() {
    }

    /**
     * Parses the {@code csvDelimiter} option: {@code ,} {@code ;} a tab, {@code \t} or {@code tab}.
     *
     * @throws IllegalArgumentException naming the option and value otherwise
     */
    public static char parse(String option) {
        if (option == null) {
            throw new IllegalArgumentException("csvDelimiter must be ',', ';' or a tab but was null");
        }
        switch (option) {
            case ",":
                return ',';
            case ";":
                return ';';
            case "\t":
            case "\\t":
            case "tab":
            case "TAB":
                return '\t';
            default:
                throw new IllegalArgumentException(
                        "csvDelimiter must be ',', ';' or a tab (\\t) but was '" + option + "'");
        }
    }

    /** The candidate delimiter occurring most often outside quotes in the line; a comma when none does. */
    public static char detect(String firstLine) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < firstLine.length(); i++) {
            char c = firstLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
