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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;

/**
 * Which cells of a CSV are company IDs, row by row as the parser streams them: the first non-blank row is a header
 * when it names an ID column ({@link IdColumnSelector}; then only that column is read), a single ID, or a line
 * listing IDs (streamed, when very long); without a header, a later row is one ID, and a table (several rows and
 * columns) fails before anything is sent, naming the line and suggesting {@code csvColumn}.
 */
final class CsvRows {

    /** A first row with more cells than this is data, not a header. */
    private static final int HEADER_CELL_LIMIT = 1024;
    private static final String COLUMN_HINT =
            "a row with several columns needs a header row naming the LinkedIn company "
                    + "ID column, e.g. 'LinkedIn Company ID', or the csvColumn option naming it";

    private final IdColumnSelector columns;
    private final CompanyIdCollector collector;
    private final int lineOffset;
    /** Column names of the header row, or null without one (yet). */
    private List<String> headerNames;
    /** The ID column of the header; -1 while the first data row must still decide between generic columns. */
    private int idColumn = -1;
    /** True once the first row turned out not to be a header. */
    private boolean headerless;
    /** Line of a headerless row with several values, or -1. */
    private long listLine = -1;
    private long rowLine = 1;

    /**
     * @param columns    chooses the ID column of a header row
     * @param collector  receives the IDs and rejected values
     * @param lineOffset lines before the parser's first one (Excel's {@code sep=} line)
     */
    CsvRows(IdColumnSelector columns, CompanyIdCollector collector, int lineOffset) {
        this.columns = columns;
        this.collector = collector;
        this.lineOffset = lineOffset;
    }

    /** Reads every row the parser gives. */
    void readAll(CsvParser parser) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.START_ARRAY) {
                if (headerNames != null) {
                    readHeaderRow(parser);
                } else if (headerless) {
                    readHeaderlessRow(parser);
                } else {
                    readFirstRow(parser);
                }
            }
        }
    }

    /** The first non-blank row: a header, a single ID, or a line listing IDs (streamed when very long). */
    private void readFirstRow(CsvParser parser) throws IOException {
        List<String> cells = new ArrayList<>();
        boolean streaming = false;
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            markLine(parser, index);
            if (streaming) {
                addListCell(parser.getText(), index);
            } else {
                cells.add(parser.getText());
                if (cells.size() > HEADER_CELL_LIMIT) {
                    // far too wide for a header: a long list of IDs on one line, streamed from here on
                    headerless = true;
                    listLine = rowLine;
                    for (int i = 0; i < cells.size(); i++) {
                        addListCell(cells.get(i), i);
                    }
                    cells = null;
                    streaming = true;
                }
            }
            index++;
        }
        if (streaming) {
            return;
        }
        if (isBlank(cells)) {
            return;
        }
        if (columns.csvColumn() != null || columns.namesAnIdColumn(cells)) {
            headerNames = List.copyOf(cells);
            if (columns.csvColumn() != null || columns.namesALinkedinColumn(headerNames)) {
                idColumn = columns.select(headerNames, null, location());
            }
            return;
        }
        headerless = true;
        if (nonBlankCells(cells) > 1) {
            listLine = rowLine;
            for (int i = 0; i < cells.size(); i++) {
                addListCell(cells.get(i), i);
            }
        } else {
            String cell = firstNonBlank(cells);
            if (CompanyLinkedinIdNormalizer.normalize(cell) == null) {
                collector.reject(cell, location(), CompanyLinkedinIdNormalizer.whyInvalid(cell)
                        + " (if line " + rowLine + " is a header row, name the ID column "
                        + "with the csvColumn option, e.g. csvColumn="
                        + CompanyLinkedinIdNormalizer.trim(cell) + ")");
            } else {
                collector.add(cell, location());
            }
        }
    }

    /** A row after a header: only the ID column is kept. */
    private void readHeaderRow(CsvParser parser) throws IOException {
        List<String> firstData = idColumn < 0 ? new ArrayList<>() : null;
        String idCell = null;
        boolean blank = true;
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            markLine(parser, index);
            String text = parser.getText();
            blank &= CompanyLinkedinIdNormalizer.isBlank(text);
            if (firstData != null && index < headerNames.size()) {
                firstData.add(text);
            } else if (index == idColumn) {
                idCell = text;
            }
            index++;
        }
        if (blank) {
            return;
        }
        if (firstData != null) {
            // the header names only generic ID columns: the first data row may show a LinkedIn URL column
            idColumn = columns.select(headerNames, firstData, location());
            idCell = idColumn < firstData.size() ? firstData.get(idColumn) : null;
        }
        collector.add(idCell, location());
    }

    /** A later row of a file without header: one ID, and only when no row lists several values. */
    private void readHeaderlessRow(CsvParser parser) throws IOException {
        String value = null;
        int values = 0;
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            markLine(parser, index);
            String text = parser.getText();
            if (!CompanyLinkedinIdNormalizer.isBlank(text)) {
                values++;
                value = text;
                if (values > 1 || listLine > 0) {
                    throw severalColumns(values > 1 ? rowLine : listLine);
                }
            }
            index++;
        }
        if (values == 0) {
            return;
        }
        collector.add(value, location());
    }

    private void markLine(CsvParser parser, int index) {
        // the START_ARRAY token's location is not the row's line (Jackson CSV reports -1, then the previous row's
        // line, and does not count newlines inside quoted fields there): the first cell's location is
        if (index == 0) {
            rowLine = (long) parser.currentTokenLocation().getLineNr() + lineOffset;
        }
    }

    /** One value of a headerless line listing several IDs: every non-blank value must be an ID. */
    private void addListCell(String cell, int index) {
        if (CompanyLinkedinIdNormalizer.isBlank(cell)) {
            return;
        }
        String where = location() + ", column " + (index + 1);
        if (CompanyLinkedinIdNormalizer.normalize(cell) == null) {
            // a row of a table, not a list of IDs: fail even with skipInvalidIds, so no other column is sent
            throw new TamtamInvalidInputException("company_linkedin_ids", cell, where,
                    CompanyLinkedinIdNormalizer.whyInvalid(cell) + "; " + COLUMN_HINT);
        }
        collector.add(cell, where);
    }

    private TamtamInvalidInputException severalColumns(long line) {
        return new TamtamInvalidInputException("company_linkedin_ids", null, "line " + line,
                "the input has several rows and several columns but no header row naming the ID column, so nothing "
                        + "is guessed: " + COLUMN_HINT);
    }

    private String location() {
        return "line " + rowLine;
    }

    /** The line of the row being read (its first cell's), for errors the parser reports. */
    long rowLine() {
        return rowLine;
    }

    private static boolean isBlank(List<String> cells) {
        return nonBlankCells(cells) == 0;
    }

    private static int nonBlankCells(List<String> cells) {
        int n = 0;
        for (String cell : cells) {
            if (!CompanyLinkedinIdNormalizer.isBlank(cell)) {
                n++;
            }
        }
        return n;
    }

    private static String firstNonBlank(List<String> cells) {
        for (String cell : cells) {
            if (!CompanyLinkedinIdNormalizer.isBlank(cell)) {
                return cell;
            }
        }
        return null;
    }
}
