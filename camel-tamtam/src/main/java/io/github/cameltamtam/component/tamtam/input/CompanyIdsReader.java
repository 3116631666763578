package io.github.cameltamtam.component.tamtam.input;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.BaseStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.ExchangeHelper;

/**
 * The one place that turns an exchange body into company IDs.
 * <ul>
 * <li>a {@code Collection}, {@code Iterable}, {@code Iterator}, {@code Stream} or array of String, Number or Map (a
 * row: its ID column is read) — locations {@code index N};</li>
 * <li>a single Number, or a single row {@code Map} (e.g. one row of a camel-sql consumer);</li>
 * <li>CSV or plain text (IDs separated by commas or newlines) as {@code String}, {@code byte[]}, {@code InputStream},
 * {@code Reader}, {@code File}, {@code Path} or a {@code file:} consumer's {@code GenericFile}, streamed — locations
 * {@code line N}.</li>
 * </ul>
 * Request objects ({@code KeyAccountsRequest}, a {@code Map} with {@code company_linkedin_ids}) are resolved by
 * {@link RequestParameters} before this reader sees their ID list.
 */
public final class CompanyIdsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CsvCompanyIdReader csv;
    private final IdColumnSelector columns;
    private final boolean skipInvalid;

    public CompanyIdsReader(String csvColumn, Character csvDelimiter, boolean skipInvalid) {
        this.columns = new IdColumnSelector(csvColumn);
        this.csv = new CsvCompanyIdReader(columns, csvDelimiter);
        this.skipInvalid = skipInvalid;
    }

    /**
     * Reads the IDs of {@code body}.
     *
     * @param  locationPrefix               prefix of list locations, e.g. {@code company_linkedin_ids} for a request object
     * @throws TamtamInvalidInputException when a value is invalid (and skipping is off) or the body cannot be read
     */
    public CompanyLinkedinIds read(Exchange exchange, Object body, String locationPrefix) {
        CompanyIdCollector collector = new CompanyIdCollector(skipInvalid);
        try {
            collect(exchange, body, locationPrefix, collector, new RowColumn());
        } catch (IOException e) {
            throw new TamtamInvalidInputException("body", null, null,
                    "the input could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return collector.result();
    }

    private void collect(Exchange exchange, Object body, String prefix, CompanyIdCollector collector, RowColumn rows)
            throws IOException {
        if (body == null) {
            if (prefix != null) {
                throw new TamtamInvalidInputException(prefix, null, "the request object", "the company IDs are missing");
            }
            throw new TamtamInvalidInputException("body", null, null,
                    "the message body is null: send company IDs as a List, an array, text or CSV, or a KeyAccountsRequest");
        }
        if (body instanceof CharSequence text) {
            readText(new StringReader(text.toString()), collector, rows);
        } else if (body instanceof byte[] bytes) {
            readStream(exchange, new ByteArrayInputStream(bytes), collector, rows);
        } else if (body instanceof InputStream stream) {
            try (stream) {
                readStream(exchange, stream, collector, rows);
            }
        } else if (body instanceof Reader reader) {
            try (reader) {
                readText(reader, collector, rows);
            }
        } else if (body instanceof File file) {
            readPath(exchange, file.toPath(), collector, rows);
        } else if (body instanceof Path path) {
            readPath(exchange, path, collector, rows);
        } else if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            readPath(exchange, file.toPath(), collector, rows);
        } else if (body instanceof Number number) {
            addNumber(number, prefix == null ? "body" : prefix, collector);
        } else if (body instanceof Map<?, ?> row) {
            addRow(row, prefix == null ? "body" : prefix, collector, rows);
        } else if (body instanceof Iterable<?> iterable) {
            readElements(iterable.iterator(), prefix, collector, rows);
        } else if (body instanceof Iterator<?> iterator) {
            readElements(iterator, prefix, collector, rows);
        } else if (body instanceof BaseStream<?, ?> stream) {
            try (stream) {
                readElements(stream.iterator(), prefix, collector, rows);
            }
        } else if (body.getClass().isArray()) {
            readElements(arrayIterator(body), prefix, collector, rows);
        } else {
            InputStream converted = exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
            if (converted == null) {
                throw new TamtamInvalidInputException("body", body.getClass().getName(), null,
                        "unsupported body type: send company IDs as a List, an array, text or CSV (String, byte[], "
                                                                                + "InputStream, File), or a KeyAccountsRequest");
            }
            try (converted) {
                readStream(exchange, converted, collector, rows);
            }
        }
    }

    private void readPath(Exchange exchange, Path path, CompanyIdCollector collector, RowColumn rows)
            throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            readStream(exchange, in, collector, rows);
        }
    }

    /**
     * Bytes: a UTF-8 or UTF-16 (LE/BE) byte order mark decides the charset; without one the exchange's charset
     * ({@link Exchange#CHARSET_NAME}, set e.g. by a {@code file:} endpoint's {@code charset}), UTF-8 by default.
     */
    private void readStream(Exchange exchange, InputStream in, CompanyIdCollector collector, RowColumn rows)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        buffered.reset();
        Charset charset;
        int bomLength;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else {
            charset = Charset.forName(ExchangeHelper.getCharsetName(exchange, true));
            bomLength = 0;
        }
        buffered.skipNBytes(bomLength);
        readText(new InputStreamReader(buffered, charset), collector, rows);
    }

    /** Text: a JSON array ({@code ["2045","1441"]}) when it starts with {@code [}, else CSV or plain text. */
    private void readText(Reader in, CompanyIdCollector collector, RowColumn rows) throws IOException {
        BufferedReader reader = new BufferedReader(in, 64 * 1024);
        reader.mark(1);
        int c = reader.read();
        if (c != '\uFEFF' && c != -1) {
            reader.reset();
        }
        reader.mark(64 * 1024);
        int first;
        int skipped = 0;
        do {
            first = reader.read();
            skipped++;
        } while (first != -1 && skipped < 64 * 1024 && CompanyLinkedinIdNormalizer.isBlankChar((char) first));
        reader.reset();
        if (first == '[') {
            readJsonArray(reader, collector, rows);
        } else {
            csv.read(reader, collector);
        }
    }

    /** A JSON array of IDs, numbers or row objects, streamed element by element. */
    private void readJsonArray(Reader reader, CompanyIdCollector collector, RowColumn rows) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(reader)) {
            parser.nextToken(); // START_ARRAY
            JsonToken token;
            int index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new TamtamInvalidInputException("body", null, "index " + index,
                            "the JSON array is not closed: ']' is missing at the end of the input");
                }
                String location = "index " + index;
                switch (token) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> collector.add(parser.getText(), location);
                    case VALUE_NULL -> collector.add(null, location);
                    case START_OBJECT -> addRow(parser.readValueAs(Map.class), location, collector, rows);
                    default -> {
                        parser.skipChildren();
                        collector.reject(token.asString() == null ? token.name() : token.asString(), location,
                                "unsupported JSON element (expected a string or a number)");
                    }
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new TamtamInvalidInputException("body", null, line > 0 ? "line " + line : null,
                    "the body starts with '[' but is not a valid JSON array: " + e.getOriginalMessage());
        }
    }

    private void readElements(Iterator<?> elements, String prefix, CompanyIdCollector collector, RowColumn rows) {
        int index = 0;
        while (elements.hasNext()) {
            Object element = elements.next();
            String location = prefix == null ? "index " + index : prefix + "[" + index + "]";
            if (element instanceof CharSequence text) {
                collector.add(text.toString(), location);
            } else if (element instanceof Number number) {
                addNumber(number, location, collector);
            } else if (element instanceof Map<?, ?> row) {
                addRow(row, location, collector, rows);
            } else if (element == null) {
                collector.add(null, location);
            } else {
                collector.reject(String.valueOf(element), location,
                        "unsupported element type " + element.getClass().getName() + " (expected String or Number)");
            }
            index++;
        }
    }

    /**
     * A whole positive number. Its size is checked before any conversion, so a huge exponent ({@code 1e100000000})
     * or a huge BigInteger is rejected at once instead of being expanded digit by digit.
     */
    private static void addNumber(Number number, String location, CompanyIdCollector collector) {
        String text;
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            text = number.toString();
        } else if (number instanceof BigInteger big) {
            if (big.bitLength() > 64) {
                collector.reject(describe(big), location,
                        "a LinkedIn company ID has at most " + CompanyLinkedinIdNormalizer.MAX_DIGITS + " digits");
                return;
            }
            text = big.toString();
        } else {
            BigDecimal decimal;
            try {
                decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
            } catch (NumberFormatException e) {
                collector.reject(number.toString(), location, "a LinkedIn company ID is a whole positive number");
                return;
            }
            long integerDigits = (long) decimal.precision() - decimal.scale();
            if (integerDigits > CompanyLinkedinIdNormalizer.MAX_DIGITS) {
                collector.reject(describe(decimal), location,
                        "a LinkedIn company ID has at most " + CompanyLinkedinIdNormalizer.MAX_DIGITS + " digits");
                return;
            }
            if (decimal.signum() < 0 || decimal.stripTrailingZeros().scale() > 0) {
                collector.reject(number.toString(), location, "a LinkedIn company ID is a whole positive number");
                return;
            }
            text = decimal.toBigInteger().toString();
        }
        collector.add(text, location);
    }

    /** A short text for a number that may be far too long to print. */
    private static String describe(Number number) {
        String text = number instanceof BigInteger big && big.bitLength() > 4096
                ? "a " + big.bitLength() + "-bit integer" : number.toString();
        return text.length() > 64 ? text.substring(0, 60) + "..." : text;
    }

    /**
     * A row ({@code Map}): its ID column is chosen on the first row by {@link IdColumnSelector} (a LinkedIn column, by
     * name or by its LinkedIn URL value, wins over {@code id}/{@code company_id}) and read from every row.
     */
    private void addRow(Map<?, ?> row, String location, CompanyIdCollector collector, RowColumn rows) {
        Map<String, Object> byName = new HashMap<>();
        List<String> names = new ArrayList<>(row.size());
        List<Object> values = new ArrayList<>(row.size());
        for (Map.Entry<?, ?> entry : row.entrySet()) {
            String name = IdColumnSelector.normalizeName(entry.getKey());
            if (!byName.containsKey(name)) {
                byName.put(name, entry.getValue());
                names.add(String.valueOf(entry.getKey()));
                values.add(entry.getValue());
            }
        }
        if (rows.column == null) {
            int index = columns.select(names, values, location);
            if (index < 0) {
                collector.reject(String.valueOf(row.keySet()), location, columns.noIdColumnReason(names));
                return;
            }
            rows.column = IdColumnSelector.normalizeName(names.get(index));
            rows.columnName = names.get(index);
        }
        if (!byName.containsKey(rows.column)) {
            collector.reject(String.valueOf(row.keySet()), location,
                    "a row needs the ID column '" + rows.columnName + "' (chosen on the first row)");
            return;
        }
        Object value = byName.get(rows.column);
        if (value instanceof Number number) {
            addNumber(number, location, collector);
        } else {
            collector.add(value == null ? null : value.toString(), location);
        }
    }

    /** The ID column of the rows of one input, chosen on its first row. */
    private static final class RowColumn {
        private String column;
        private String columnName;
    }

    private static Iterator<Object> arrayIterator(Object array) {
        int length = Array.getLength(array);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < length;
            }

            @Override
            public Object next() {
                return Array.get(array, next++);
            }
        };
    }
}
