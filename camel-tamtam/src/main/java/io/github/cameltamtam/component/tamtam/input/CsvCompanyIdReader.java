package io.github.cameltamtam.component.tamtam.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;

/**
 * Reads company IDs from CSV text, streaming, one row at a time (Jackson's CSV parser: quoted fields, CRLF).
 * <p>
 * A first row naming a known ID column (or {@code csvColumn}) is a header and only that column is read; without one
 * every cell is an ID. The delimiter (comma, semicolon, tab) is detected from the first line unless given. A UTF-8 BOM
 * and blank lines are skipped. Locations are reported as {@code line N}.
 */
public final class CsvCompanyIdReader {

    /** Column names that make a first row a header, in order of preference. */
    public static final List<String> KNOWN_ID_COLUMNS = List.of(
            "company_linkedin_id", "company_linkedin_ids", "linkedin_id", "linkedin_company_id", "company_id", "id");

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final int DETECTION_LIMIT = 64 * 1024;
    private static final String HEADER_HINT = " (a file with several columns needs a header row naming the ID column, "
                                              + "e.g. company_linkedin_id, or the csvColumn option)";

    private final String csvColumn;
    private final Character delimiter;

    /**
     * @param csvColumn the ID column's name, or null for the known names
     * @param delimiter the delimiter, or null to detect it
     */
    public CsvCompanyIdReader(String csvColumn, Character delimiter) {
        this.csvColumn = csvColumn == null || csvColumn.isBlank() ? null : csvColumn.strip();
        this.delimiter = delimiter;
    }

    /** Reads all rows of {@code in} into the collector; does not close {@code in}. */
    public void read(Reader in, CompanyIdCollector collector) throws IOException {
        BufferedReader reader = new BufferedReader(in, 64 * 1024);
        skipByteOrderMark(reader);
        char separator = delimiter != null ? delimiter : CsvDelimiter.detect(firstNonBlankLine(reader));
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"');
        try (CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(reader)) {
            parser.setSchema(schema);
            readRows(parser, collector);
        }
    }

    private void readRows(CsvParser parser, CompanyIdCollector collector) throws IOException {
        int idColumn = -1; // -1: no header seen yet, -2: no header (every cell is an ID)
        List<String> row = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token != JsonToken.START_ARRAY) {
                continue;
            }
            // the START_ARRAY token's location is not the row's line (Jackson CSV reports -1, then the previous
            // row's line, and does not count newlines inside quoted fields there): the first cell's location is
            long line = -1;
            row.clear();
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (row.isEmpty()) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                row.add(parser.getText());
            }
            if (isBlank(row)) {
                continue;
            }
            String location = "line " + line;
            if (idColumn == -1) {
                idColumn = headerColumn(row, location);
                if (idColumn >= 0) {
                    continue;
                }
                idColumn = -2;
            }
            if (idColumn >= 0) {
                String cell = idColumn < row.size() ? row.get(idColumn) : null;
                collector.add(cell, location);
            } else {
                addEveryCell(row, location, collector);
            }
        }
    }

    private static void addEveryCell(List<String> row, String location, CompanyIdCollector collector) {
        boolean several = row.size() > 1;
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            String where = several ? location + ", column " + (i + 1) : location;
            if (several && CompanyLinkedinIdNormalizer.normalize(cell) == null) {
                collector.reject(cell, where, CompanyLinkedinIdNormalizer.whyInvalid(cell) + HEADER_HINT);
            } else {
                collector.add(cell, where);
            }
        }
    }

    /** The index of the ID column when {@code row} is a header, else -1. */
    private int headerColumn(List<String> row, String location) {
        List<String> names = new ArrayList<>(row.size());
        for (String cell : row) {
            names.add(cell == null ? "" : cell.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
        }
        if (csvColumn != null) {
            int index = names.indexOf(csvColumn.toLowerCase(Locale.ROOT));
            if (index >= 0) {
                return index;
            }
        }
        for (String known : KNOWN_ID_COLUMNS) {
            int index = names.indexOf(known);
            if (index >= 0) {
                if (csvColumn != null) {
                    throw new TamtamInvalidInputException("csvColumn", csvColumn, location,
                            "no such column in the header row " + row);
                }
                return index;
            }
        }
        if (csvColumn != null) {
            throw new TamtamInvalidInputException("csvColumn", csvColumn, location,
                    "no such column in the first row " + row);
        }
        return -1;
    }

    private static boolean isBlank(List<String> row) {
        for (String cell : row) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        int c = reader.read();
        if (c != '\uFEFF' && c != -1) {
            reader.reset();
        }
    }

    private static String firstNonBlankLine(BufferedReader reader) throws IOException {
        char[] buffer = new char[DETECTION_LIMIT];
        reader.mark(DETECTION_LIMIT);
        int length = 0;
        int n;
        while (length < buffer.length && (n = reader.read(buffer, length, buffer.length - length)) != -1) {
            length += n;
        }
        reader.reset();
        for (String line : new String(buffer, 0, length).split("\r?\n|\r")) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }
}
