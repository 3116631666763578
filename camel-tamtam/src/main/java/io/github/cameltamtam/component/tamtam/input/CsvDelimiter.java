/*
 * Copyright 2026 The camel-tamtam authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameltamtam.component.tamtam.input;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV delimiters understood: comma, semicolon (European spreadsheet exports) and tab; given as an option or
 * detected from a file's first rows.
 */
public final class CsvDelimiter {

    private static final char[] CANDIDATES = {',', ';', '\t'};
    /** Rows looked at to detect the delimiter. */
    private static final int ROWS = 20;

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
        return switch (option) {
            case "," -> ',';
            case ";" -> ';';
            case "\t", "\\t", "tab", "TAB" -> '\t';
            default -> throw new IllegalArgumentException(
                    "csvDelimiter must be ',', ';' or a tab (\\t) but was '" + option + "'");
        };
    }

    /**
     * The delimiter of a CSV sample: among comma, semicolon and tab, the one found the same number of times (at least
     * once, outside quotes) on each of the first rows, preferring the highest count; a one-line sample takes the most
     * frequent one; a comma when none is found. A row that may be cut off at the sample's end is not looked at.
     */
    public static char detect(String sample) {
        List<int[]> rows = countPerRow(sample);
        if (rows.isEmpty()) {
            return ',';
        }
        int best = -1;
        for (int k = 0; k < CANDIDATES.length; k++) {
            int count = rows.get(0)[k];
            boolean consistent = count > 0;
            for (int[] row : rows) {
                consistent &= row[k] == count;
            }
            if (consistent && (best < 0 || count > rows.get(0)[best])) {
                best = k;
            }
        }
        if (best >= 0) {
            return CANDIDATES[best];
        }
        // no delimiter is consistent: the one with the most rows holding it, then the most frequent on the first row
        best = 0;
        int bestRows = -1;
        for (int k = 0; k < CANDIDATES.length; k++) {
            int withIt = 0;
            for (int[] row : rows) {
                withIt += row[k] > 0 ? 1 : 0;
            }
            if (withIt > bestRows || (withIt == bestRows && rows.get(0)[k] > rows.get(0)[best])) {
                best = k;
                bestRows = withIt;
            }
        }
        return CANDIDATES[best];
    }

    /** Delimiter counts outside quotes of the sample's non-blank rows (at most {@link #ROWS}). */
    private static List<int[]> countPerRow(String sample) {
        List<int[]> rows = new ArrayList<>();
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        boolean blank = true;
        for (int i = 0; i < sample.length() && rows.size() < ROWS; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                blank = false;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (!blank) {
                    rows.add(counts);
                }
                counts = new int[CANDIDATES.length];
                blank = true;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
                blank &= Character.isWhitespace(c);
            }
        }
        if (!blank && rows.isEmpty()) {
            rows.add(counts); // a single (possibly cut off) line
        }
        return rows;
    }
}
