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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * anything is sent (skipInvalidIds does not change this), naming the line and suggesting {@code csvColumn}. Which
 * cells are IDs is decided row by row by {@link CsvRows}; this class sets up the parser and words its errors.
 * <p>
 * The delimiter (comma, semicolon, tab) is the one used consistently over the first rows, or Excel's {@code sep=;}
 * first line, unless given. Locations are reported as {@code line N}.
 */
public final class CsvCompanyIdReader {

    private static final CsvMapper MAPPER = new CsvMapper();
    /** Chars looked at to detect the delimiter. */
    private static final int SAMPLE_CHARS = 64 * 1024;
    private static final Pattern EXCEL_SEPARATOR = Pattern.compile("^\\s*\"?sep=(.)\"?\\s*$", Pattern.CASE_INSENSITIVE);

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
        CsvRows rows = new CsvRows(columns, collector, skippedLines);
        try (CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(reader)) {
            parser.setSchema(schema);
            rows.readAll(parser);
        } catch (JsonProcessingException e) {
            throw csvError(e, rows, skippedLines);
        }
    }

    private static TamtamInvalidInputException csvError(JsonProcessingException e, CsvRows rows, int skippedLines) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr() + skippedLines;
        if (message.contains("quote") || message.contains("EOF")) {
            return new TamtamInvalidInputException("body", null, "line " + rows.rowLine(),
                    "the CSV has a quoted field that is never closed (a '\"' opened in the row starting at line "
                            + rows.rowLine() + " has no closing quote before the end of the input)");
        }
        return new TamtamInvalidInputException("body", null, "line " + (line > 0 ? line : rows.rowLine()),
                "the CSV cannot be read: " + message);
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
