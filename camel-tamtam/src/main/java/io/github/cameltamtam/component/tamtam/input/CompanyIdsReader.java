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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.BaseStream;

import com.fasterxml.jackson.databind.JsonNode;
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
 * <li>a Salesforce query answer ({@code totalSize}, {@code done}, {@code records}) as a {@code Map}, a Jackson
 * {@code JsonNode} or JSON text: its records are rows — locations {@code records[N]} (see
 * {@link JsonCompanyIdReader}); any other JSON object fails, naming its fields;</li>
 * <li>a JSON array as text or {@code JsonNode}: IDs, numbers or rows — locations {@code index N};</li>
 * <li>CSV or plain text (IDs separated by commas or newlines) as {@code String}, {@code byte[]}, {@code InputStream},
 * {@code Reader}, {@code File}, {@code Path} or a {@code file:} consumer's {@code GenericFile}, streamed — locations
 * {@code line N}.</li>
 * </ul>
 * Each ID may be a number, a LinkedIn company URL or a company URN (see {@link CompanyLinkedinIdNormalizer}). Request
 * objects ({@code KeyAccountsRequest}, a {@code Map} with {@code company_linkedin_ids}) are resolved by the producer
 * before this reader sees their ID list.
 */
public final class CompanyIdsReader {

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
            collect(exchange, body, locationPrefix, new ElementReader(columns, collector));
        } catch (IOException e) {
            throw new TamtamInvalidInputException("body", null, null,
                    "the input could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return collector.result();
    }

    private void collect(Exchange exchange, Object body, String prefix, ElementReader elements) throws IOException {
        if (body == null) {
            if (prefix != null) {
                throw new TamtamInvalidInputException(prefix, null, "the request object",
                        "the company IDs are missing");
            }
            throw new TamtamInvalidInputException("body", null, null,
                    "the message body is null: send company IDs as a List, an array, text or CSV, or a KeyAccountsRequest");
        }
        if (body instanceof CharSequence text) {
            readText(new StringReader(text.toString()), elements);
        } else if (body instanceof byte[] bytes) {
            readStream(exchange, new ByteArrayInputStream(bytes), elements);
        } else if (body instanceof InputStream stream) {
            try (stream) {
                readStream(exchange, stream, elements);
            }
        } else if (body instanceof Reader reader) {
            try (reader) {
                readText(reader, elements);
            }
        } else if (body instanceof File file) {
            readPath(exchange, file.toPath(), elements);
        } else if (body instanceof Path path) {
            readPath(exchange, path, elements);
        } else if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            readPath(exchange, file.toPath(), elements);
        } else if (body instanceof Number number) {
            elements.addNumber(number, prefix == null ? "body" : prefix);
        } else if (body instanceof JsonNode node) {
            if (node.isTextual()) {
                readText(new StringReader(node.textValue()), elements);
            } else {
                JsonCompanyIdReader.read(node, prefix, elements);
            }
        } else if (body instanceof Map<?, ?> map && JsonCompanyIdReader.isSalesforceQueryAnswer(map)) {
            JsonCompanyIdReader.readSalesforceRecords(map, elements);
        } else if (body instanceof Map<?, ?> row) {
            elements.addRow(row, prefix == null ? "body" : prefix);
        } else if (body instanceof Iterable<?> iterable) {
            readElements(iterable.iterator(), prefix, elements);
        } else if (body instanceof Iterator<?> iterator) {
            readElements(iterator, prefix, elements);
        } else if (body instanceof BaseStream<?, ?> stream) {
            try (stream) {
                readElements(stream.iterator(), prefix, elements);
            }
        } else if (body.getClass().isArray()) {
            readElements(arrayIterator(body), prefix, elements);
        } else {
            InputStream converted =
                    exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
            if (converted == null) {
                throw new TamtamInvalidInputException("body", body.getClass().getName(), null,
                        "unsupported body type: send company IDs as a List, an array, text or CSV (String, byte[], "
                                + "InputStream, File), or a KeyAccountsRequest");
            }
            try (converted) {
                readStream(exchange, converted, elements);
            }
        }
    }

    private void readPath(Exchange exchange, Path path, ElementReader elements) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            readStream(exchange, in, elements);
        }
    }

    /**
     * Bytes: a UTF-8 or UTF-16 (LE/BE) byte order mark decides the charset; without one the exchange's charset
     * ({@link Exchange#CHARSET_NAME}, set e.g. by a {@code file:} endpoint's {@code charset}), UTF-8 by default.
     */
    private void readStream(Exchange exchange, InputStream in, ElementReader elements) throws IOException {
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
        readText(new InputStreamReader(buffered, charset), elements);
    }

    /**
     * Text: JSON when it starts with {@code [} (an array) or <code>{</code> (a Salesforce query answer), else CSV or
     * plain text.
     */
    private void readText(Reader in, ElementReader elements) throws IOException {
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
        if (first == '[' || first == '{') {
            JsonCompanyIdReader.read(reader, elements);
        } else {
            csv.read(reader, elements.collector());
        }
    }

    private static void readElements(Iterator<?> iterator, String prefix, ElementReader elements) {
        int index = 0;
        while (iterator.hasNext()) {
            elements.add(iterator.next(), prefix == null ? "index " + index : prefix + "[" + index + "]");
            index++;
        }
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
