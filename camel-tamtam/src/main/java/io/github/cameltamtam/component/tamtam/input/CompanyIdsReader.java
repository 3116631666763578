package io.github.cameltamtam.component.tamtam.input;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.BaseStream;

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

    private final CsvCompanyIdReader csv;
    private final boolean skipInvalid;
    private final String csvColumn;

    public CompanyIdsReader(String csvColumn, Character csvDelimiter, boolean skipInvalid) {
        this.csv = new CsvCompanyIdReader(csvColumn, csvDelimiter);
        this.skipInvalid = skipInvalid;
        this.csvColumn = csvColumn;
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
            collect(exchange, body, locationPrefix, collector);
        } catch (IOException e) {
            throw new TamtamInvalidInputException("body", null, null,
                    "the input could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return collector.result();
    }

    private void collect(Exchange exchange, Object body, String prefix, CompanyIdCollector collector)
            throws IOException {
        if (body == null) {
            if (prefix != null) {
                throw new TamtamInvalidInputException(prefix, null, "the request object", "the company IDs are missing");
            }
            throw new TamtamInvalidInputException("body", null, null,
                    "the message body is null: send company IDs as a List, an array, text or CSV, or a KeyAccountsRequest");
        }
        if (body instanceof CharSequence text) {
            csv.read(new StringReader(text.toString()), collector);
        } else if (body instanceof byte[] bytes) {
            readStream(exchange, new ByteArrayInputStream(bytes), collector);
        } else if (body instanceof InputStream stream) {
            try (stream) {
                readStream(exchange, stream, collector);
            }
        } else if (body instanceof Reader reader) {
            try (reader) {
                csv.read(reader, collector);
            }
        } else if (body instanceof File file) {
            readPath(exchange, file.toPath(), collector);
        } else if (body instanceof Path path) {
            readPath(exchange, path, collector);
        } else if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            readPath(exchange, file.toPath(), collector);
        } else if (body instanceof Number number) {
            addNumber(number, prefix == null ? "body" : prefix, collector);
        } else if (body instanceof Map<?, ?> row) {
            addRow(row, prefix == null ? "body" : prefix, collector);
        } else if (body instanceof Iterable<?> iterable) {
            readElements(iterable.iterator(), prefix, collector);
        } else if (body instanceof Iterator<?> iterator) {
            readElements(iterator, prefix, collector);
        } else if (body instanceof BaseStream<?, ?> stream) {
            try (stream) {
                readElements(stream.iterator(), prefix, collector);
            }
        } else if (body.getClass().isArray()) {
            readElements(arrayIterator(body), prefix, collector);
        } else {
            InputStream converted = exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
            if (converted == null) {
                throw new TamtamInvalidInputException("body", body.getClass().getName(), null,
                        "unsupported body type: send company IDs as a List, an array, text or CSV (String, byte[], "
                                                                                + "InputStream, File), or a KeyAccountsRequest");
            }
            try (converted) {
                readStream(exchange, converted, collector);
            }
        }
    }

    private void readPath(Exchange exchange, Path path, CompanyIdCollector collector) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            readStream(exchange, in, collector);
        }
    }

    private void readStream(Exchange exchange, InputStream in, CompanyIdCollector collector) throws IOException {
        Charset charset = Charset.forName(ExchangeHelper.getCharsetName(exchange, true));
        csv.read(new InputStreamReader(in, charset), collector);
    }

    private void readElements(Iterator<?> elements, String prefix, CompanyIdCollector collector) {
        int index = 0;
        while (elements.hasNext()) {
            Object element = elements.next();
            String location = prefix == null ? "index " + index : prefix + "[" + index + "]";
            if (element instanceof CharSequence text) {
                collector.add(text.toString(), location);
            } else if (element instanceof Number number) {
                addNumber(number, location, collector);
            } else if (element instanceof Map<?, ?> row) {
                addRow(row, location, collector);
            } else if (element == null) {
                collector.add(null, location);
            } else {
                collector.reject(String.valueOf(element), location,
                        "unsupported element type " + element.getClass().getName() + " (expected String or Number)");
            }
            index++;
        }
    }

    private static void addNumber(Number number, String location, CompanyIdCollector collector) {
        String text;
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger) {
            text = number.toString();
        } else {
            BigDecimal decimal;
            try {
                decimal = new BigDecimal(number.toString());
            } catch (NumberFormatException e) {
                collector.reject(number.toString(), location, "a LinkedIn company ID is a whole positive number");
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

    private void addRow(Map<?, ?> row, String location, CompanyIdCollector collector) {
        Map<String, Object> byName = new HashMap<>();
        for (Map.Entry<?, ?> entry : row.entrySet()) {
            byName.putIfAbsent(String.valueOf(entry.getKey()).strip().toLowerCase(Locale.ROOT), entry.getValue());
        }
        List<String> names = csvColumn != null
                ? List.of(csvColumn.strip().toLowerCase(Locale.ROOT)) : CsvCompanyIdReader.KNOWN_ID_COLUMNS;
        for (String name : names) {
            if (byName.containsKey(name)) {
                Object value = byName.get(name);
                if (value instanceof Number number) {
                    addNumber(number, location, collector);
                } else {
                    collector.add(value == null ? null : value.toString(), location);
                }
                return;
            }
        }
        collector.reject(String.valueOf(row.keySet()), location,
                "a row needs a column named " + String.join(" or ", names));
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
