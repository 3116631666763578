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

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;

/**
 * Reads company IDs from CSV text, streaming one cell at a time (Jackson's CSV parser: quoted fields, CRLF), so memory
 * grows with the distinct IDs only, also for one very long line.
 * <p>
 * A first row naming an ID column (see {@link IdColumnSelector}) is a header and only that column is read. Without a
 * header, a one-column file is one ID per line and a single line may list IDs ({@code 2045,1441}); a row with several
 * columns is never read cell by cell when a second row follows or a cell is not an ID: that input fails before
 * anything is sent (skipInvalidIds does not change this), naming the line and suggesting {@code csvColumn}.
 * <p>
 * The delimiter (comma, semicolon, tab) is the one used consistently over the first rows, or Excel's {@code sep=;}
 * first line, unless given. Locations are reported as {@code line N}.
 */
public final class CsvCompanyIdReader {

    private static final CsvMapper MAPPER = new CsvMapper();
    /** Chars looked at to detect the delimiter. */
    private static final int SAMPLE_CHARS = 64 * 1024;
    /** A first row with more cells than this is data, not a header. */
    private static final int HEADER_CELL_LIMIT = 1024;
    private static final Pattern EXCEL_SEPARATOR = Pattern.compile("^\\s*\"?sep=(.)\"?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final String COLUMN_HINT =
            "a row with several columns needs a header row naming the LinkedIn company "
                    + "ID column, e.g. 'LinkedIn Company ID', or the csvColumn option naming it";

    private final IdColumnSelector columns;
    private final Character delimiter;

    /**
     * @param columns   chooses the ID column of a header row
     * @param delimiter the delimiter, or null to detect it
     */
    public CsvCompanyIdReader(IdColumnSelector columns, Character delimiter) {
        this.columns = columns;
        this.delimiter = delimiter;
    }

    /** Reads all rows of {@code reader} (positioned after any byte order mark) into the collector; does not close it. */
    public void read(BufferedReader reader, CompanyIdCollector collector) throws IOException {
        String sample = sample(reader);
        int skippedLines = 0;
        Character separator = delimiter;
        Matcher excel = EXCEL_SEPARATOR.matcher(firstLine(sample));
        if (excel.matches()) {
            reader.readLine();
            skippedLines = 1;
            sample = sample.substring(Math.min(sample.length(), firstLine(sample).length() + 1));
            if (separator == null) {
                separator = excel.group(1).charAt(0);
            }
        }
        if (separator == null) {
            separator = CsvDelimiter.detect(sample);
        }
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"');
        Rows rows = new Rows(collector, skippedLines);
        try (CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(reader)) {
            parser.setSchema(schema);
            rows.readAll(parser);
        } catch (JsonProcessingException e) {
            throw csvError(e, rows, skippedLines);
        }
    }

    private static TamtamInvalidInputException csvError(JsonProcessingException e, Rows rows, int skippedLines) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr() + skippedLines;
        if (message.contains("quote") || message.contains("EOF")) {
            return new TamtamInvalidInputException("body", null, "line " + rows.rowLine,
                    "the CSV has a quoted field that is never closed (a '\"' opened in the row starting at line "
                            + rows.rowLine + " has no closing quote before the end of the input)");
        }
        return new TamtamInvalidInputException("body", null, "line " + (line > 0 ? line : rows.rowLine),
                "the CSV cannot be read: " + message);
    }

    /** The row state machine: header detection on the first row, then one ID per row or every cell of one line. */
    private final class Rows {

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
        long rowLine = 1;

        Rows(CompanyIdCollector collector, int lineOffset) {
            this.collector = collector;
            this.lineOffset = lineOffset;
        }

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

    private static String sample(BufferedReader reader) throws IOException {
        char[] buffer = new char[SAMPLE_CHARS];
        reader.mark(SAMPLE_CHARS);
        int length = 0;
        int n;
        while (length < buffer.length && (n = reader.read(buffer, length, buffer.length - length)) != -1) {
            length += n;
        }
        reader.reset();
        return new String(buffer, 0, length);
    }

    private static String firstLine(String sample) {
        int end = 0;
        while (end < sample.length() && sample.charAt(end) != '\n' && sample.charAt(end) != '\r') {
            end++;
        }
        return sample.substring(0, end);
    }
}
