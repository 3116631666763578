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
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;

/**
 * Reads company IDs from JSON, as text (streamed) or as a Jackson tree:
 * <ul>
 * <li>an array of IDs, numbers or row objects ({@code ["2045", 1441, {"linkedin_id": 1035}]}) — locations
 * {@code index N};</li>
 * <li>a Salesforce query answer ({@code {"totalSize":2,"done":true,"records":[{...},{...}]}}, what the REST API,
 * {@code salesforce:query?rawPayload=true} or a saved {@code .json} file gives): its records are rows, read by the
 * same column rules as {@code Map} rows (the {@code attributes} object of each record is not looked into) — locations
 * {@code records[N]}.</li>
 * </ul>
 * Any other JSON object fails before anything is sent, naming its top-level fields: nothing inside it is guessed.
 */
final class JsonCompanyIdReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORDS = "records";
    /** Top-level fields named in an error, at most. */
    private static final int FIELDS_SHOWN = 20;

    private JsonCompanyIdReader() {
    }

    /** Whether a {@code Map} body is a Salesforce query answer: {@code totalSize}, {@code done} and a records list. */
    static boolean isSalesforceQueryAnswer(Map<?, ?> map) {
        return map.get("totalSize") instanceof Number && map.get("done") instanceof Boolean
                && map.get(RECORDS) instanceof List<?>;
    }

    /** The rows of a Salesforce query answer {@code Map} (see {@link #isSalesforceQueryAnswer(Map)}). */
    static void readSalesforceRecords(Map<?, ?> answer, ElementReader elements) {
        int index = 0;
        for (Object record : (List<?>) answer.get(RECORDS)) {
            addRecord(record, index++, elements);
        }
    }

    /** JSON text starting with {@code [} or <code>{</code>, streamed; the reader is not closed. */
    static void read(Reader reader, ElementReader elements) throws IOException {
        boolean array = true;
        try (JsonParser parser = JSON.getFactory().createParser(reader)) {
            array = parser.nextToken() == JsonToken.START_ARRAY;
            if (array) {
                readArray(parser, elements);
            } else {
                readObject(parser, elements);
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new TamtamInvalidInputException("body", null, line > 0 ? "line " + line : null,
                    (array ? "the body starts with '[' but is not a valid JSON array: "
                            : "the body starts with '{' but is not a valid JSON object: ") + e.getOriginalMessage());
        }
    }

    /** A Jackson tree: an array, a Salesforce query answer, or a single ID or number. */
    static void read(JsonNode node, String prefix, ElementReader elements) {
        if (node.isArray()) {
            int index = 0;
            for (JsonNode element : node) {
                addNode(element, prefix == null ? "index " + index : prefix + "[" + index + "]", elements);
                index++;
            }
        } else if (node.isObject()) {
            if (!(node.path("totalSize").isIntegralNumber() && node.path("done").isBoolean()
                    && node.path(RECORDS).isArray())) {
                List<String> fields = new ArrayList<>();
                node.fieldNames().forEachRemaining(fields::add);
                throw notAQueryAnswer(fields);
            }
            int index = 0;
            for (JsonNode record : node.get(RECORDS)) {
                addRecord(record.isObject() ? JSON.convertValue(record, Map.class) : record, index++, elements);
            }
        } else {
            addNode(node, prefix == null ? "body" : prefix, elements);
        }
    }

    private static void addNode(JsonNode node, String location, ElementReader elements) {
        if (node.isTextual()) {
            elements.collector().add(node.textValue(), location);
        } else if (node.isNumber()) {
            elements.addNumber(node.numberValue(), location);
        } else if (node.isNull() || node.isMissingNode()) {
            elements.collector().add(null, location);
        } else if (node.isObject()) {
            elements.addRow(JSON.convertValue(node, Map.class), location);
        } else {
            elements.collector().reject(node.toString(), location,
                    "unsupported JSON element (expected a string or a number)");
        }
    }

    private static void readArray(JsonParser parser, ElementReader elements) throws IOException {
        JsonToken token;
        int index = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new TamtamInvalidInputException("body", null, "index " + index,
                        "the JSON array is not closed: ']' is missing at the end of the input");
            }
            String location = "index " + index;
            switch (token) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    elements.collector().add(parser.getText(), location);
                case VALUE_NULL -> elements.collector().add(null, location);
                case START_OBJECT -> elements.addRow(parser.readValueAs(Map.class), location);
                default -> {
                    parser.skipChildren();
                    elements.collector().reject(token.asString() == null ? token.name() : token.asString(), location,
                            "unsupported JSON element (expected a string or a number)");
                }
            }
            index++;
        }
    }

    /**
     * A JSON object: only a Salesforce query answer is read. Its records are streamed when {@code totalSize} and
     * {@code done} came first (as Salesforce writes them), else kept until the object is known to be one.
     */
    private static void readObject(JsonParser parser, ElementReader elements) throws IOException {
        Set<String> fields = new LinkedHashSet<>();
        boolean totalSize = false;
        boolean done = false;
        boolean records = false;
        List<Object> pending = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            fields.add(name);
            JsonToken value = parser.nextToken();
            if (value == null) {
                break;
            }
            if (name.equals("totalSize") && value == JsonToken.VALUE_NUMBER_INT) {
                totalSize = true;
            } else if (name.equals("done") && value.isBoolean()) {
                done = true;
            } else if (name.equals(RECORDS) && value == JsonToken.START_ARRAY) {
                records = true;
                pending = readRecords(parser, totalSize && done ? elements : null);
            } else {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new TamtamInvalidInputException("body", null, null,
                    "the JSON object is not closed: '}' is missing at the end of the input");
        }
        if (!(totalSize && done && records)) {
            throw notAQueryAnswer(fields);
        }
        if (pending != null) {
            for (int i = 0; i < pending.size(); i++) {
                addRecord(pending.get(i), i, elements);
            }
        }
    }

    /** The records array: added at once when {@code elements} is given, else returned. */
    private static List<Object> readRecords(JsonParser parser, ElementReader elements) throws IOException {
        List<Object> pending = elements == null ? new ArrayList<>() : null;
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new TamtamInvalidInputException("body", null, RECORDS + "[" + index + "]",
                        "the records array is not closed: ']' is missing at the end of the input");
            }
            Object record = token == JsonToken.START_OBJECT ? parser.readValueAs(Map.class) : parser.readValueAsTree();
            if (elements != null) {
                addRecord(record, index, elements);
            } else {
                pending.add(record);
            }
            index++;
        }
        return pending;
    }

    private static void addRecord(Object record, int index, ElementReader elements) {
        String location = RECORDS + "[" + index + "]";
        if (record instanceof Map<?, ?> row) {
            elements.addRow(row, location);
        } else {
            elements.collector().reject(String.valueOf(record), location,
                    "a record of a Salesforce query answer is an object (a row)");
        }
    }

    private static TamtamInvalidInputException notAQueryAnswer(Iterable<String> fields) {
        List<String> shown = new ArrayList<>();
        boolean requestObject = false;
        Iterator<String> names = fields.iterator();
        while (names.hasNext()) {
            String name = names.next();
            requestObject |= name.equals("company_linkedin_ids");
            if (shown.size() < FIELDS_SHOWN) {
                shown.add(name);
            } else if (shown.size() == FIELDS_SHOWN) {
                shown.add("...");
            }
        }
        String hint = requestObject
                ? "to send it as a request object, unmarshal it first (e.g. unmarshal().json() to a Map)"
                : "nothing inside it is guessed: select the company IDs or the rows first, e.g. with "
                        + "jsonpath (setBody().jsonpath(\"$.items[*]\")) or split";
        return new TamtamInvalidInputException("body", null, null, "the body is a JSON object with the fields " + shown
                + ", not a list of company IDs or rows nor a Salesforce query answer (totalSize, done, records): "
                + hint);
    }
}
