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
package io.github.cameltamtam.component.tamtam;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsRequest;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every body form the {@code tamtam:keyAccounts} producer accepts, sent through a {@code direct:} route to the
 * simulator: what the simulator received, and the result body and headers the exchange came back with.
 */
class BodyConversionTest extends TamtamTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY_USER = "body-user@example.com";
    private static final String HEADER_USER = "header-user@example.com";

    @TempDir
    Path tempDir;

    @Override
    protected TamtamSimulator startSimulator() {
        TamtamSimulator simulator = TamtamSimulator.start();
        simulator.demoAccount().addUser(BODY_USER);
        simulator.demoAccount().addUser(HEADER_USER);
        return simulator;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithCamelDefaults()
                .route("direct:add", "tamtam:keyAccounts")
                .route("direct:withOptions", "tamtam:keyAccounts?tags=option-tag&tierLevel=3");
    }

    // ---------------------------------------------------------------- collections, arrays, streams

    @Test
    void listOfStringsIsSentInOrder() {
        List<String> ids = List.of("2045", "1035", "1441");

        Exchange out = send("direct:add", ids);

        assertSentAndAdded(out, ids);
        assertEquals(ids, out.getMessage().getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS));
        assertEquals(List.of(), out.getMessage().getHeader(TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_LINKEDIN_IDS));
        assertEquals(1, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertEquals(false, out.getMessage().getHeader(TamtamConstants.PAYMENT_REQUIRED));
    }

    @Test
    void listOfLongsIsSentAsDecimalText() {
        Exchange out = send("direct:add", List.of(2045L, 1035L, 9_000_000_000L));

        assertSentAndAdded(out, List.of("2045", "1035", "9000000000"));
    }

    @Test
    void stringArrayIsSent() {
        Exchange out = send("direct:add", new String[] {"2045", "1035"});

        assertSentAndAdded(out, List.of("2045", "1035"));
    }

    @Test
    void longArrayIsSent() {
        Exchange out = send("direct:add", new long[] {2045L, 1035L});

        assertSentAndAdded(out, List.of("2045", "1035"));
    }

    @Test
    void intArrayIsSent() {
        Exchange out = send("direct:add", new int[] {2045, 1035, 1441});

        assertSentAndAdded(out, List.of("2045", "1035", "1441"));
    }

    @Test
    @SuppressWarnings("UnnecessaryMethodReference") // on purpose: an Iterable that is not a Collection
    void iterableThatIsNotACollectionIsSent() {
        List<String> backing = List.of("2045", "1035");
        Iterable<String> iterable = backing::iterator;

        Exchange out = send("direct:add", iterable);

        assertSentAndAdded(out, backing);
    }

    @Test
    void iteratorIsConsumed() {
        Iterator<String> iterator = List.of("2045", "1035", "1441").iterator();

        Exchange out = send("direct:add", iterator);

        assertSentAndAdded(out, List.of("2045", "1035", "1441"));
        assertFalse(iterator.hasNext());
    }

    @Test
    void streamIsConsumedAndClosed() {
        AtomicBoolean closed = new AtomicBoolean();
        Stream<Object> stream = Stream.<Object>of("2045", 1035L, 1441).onClose(() -> closed.set(true));

        Exchange out = send("direct:add", stream);

        assertSentAndAdded(out, List.of("2045", "1035", "1441"));
        assertTrue(closed.get(), "the stream is closed after reading");
    }

    // ---------------------------------------------------------------- single values and text

    @Test
    void singleStringIdIsOneCompany() {
        Exchange out = send("direct:add", "2045");

        assertSentAndAdded(out, List.of("2045"));
    }

    @Test
    void singleLongIsOneCompany() {
        Exchange out = send("direct:add", 2045L);

        assertSentAndAdded(out, List.of("2045"));
    }

    @Test
    void commaSeparatedTextWithSpacesIsSplit() {
        Exchange out = send("direct:add", "1, 2,3");

        assertSentAndAdded(out, List.of("1", "2", "3"));
    }

    @Test
    void newlineSeparatedTextIsSplit() {
        Exchange out = send("direct:add", "2045\n1035\r\n1441\n");

        assertSentAndAdded(out, List.of("2045", "1035", "1441"));
    }

    @Test
    void bytesAreReadAsUtf8Text() {
        Exchange out =
                send("direct:add", "company_id,name\n2045,Zürich AG\n1035,Ærø ApS\n".getBytes(StandardCharsets.UTF_8));

        assertSentAndAdded(out, List.of("2045", "1035"));
    }

    @Test
    void inputStreamIsReadAndClosed() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream("2045\n1035\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        Exchange out = send("direct:add", in);

        assertSentAndAdded(out, List.of("2045", "1035"));
        assertTrue(closed.get(), "the input stream is closed after reading");
    }

    @Test
    void fileIsRead() throws Exception {
        File file = Files.writeString(tempDir.resolve("ids.csv"), "company_linkedin_id,name\n2045,Acme\n1035,Beta\n")
                .toFile();

        Exchange out = send("direct:add", file);

        assertSentAndAdded(out, List.of("2045", "1035"));
    }

    @Test
    void pathIsRead() throws Exception {
        Path path = Files.writeString(tempDir.resolve("ids.txt"), "2045\n1035\n1441\n");

        Exchange out = send("direct:add", path);

        assertSentAndAdded(out, List.of("2045", "1035", "1441"));
    }

    // ---------------------------------------------------------------- request objects and rows

    @Test
    void keyAccountsRequestFieldsWinOverHeadersAndOptions() throws Exception {
        KeyAccountsRequest request =
                new KeyAccountsRequest(List.of("2045", "1035"), BODY_USER, List.of("from-body"), 2);
        Map<String, Object> headers = Map.of(
                TamtamConstants.USER_EMAIL, HEADER_USER,
                TamtamConstants.TAGS, List.of("from-header"),
                TamtamConstants.TIER_LEVEL, 1);

        Exchange out = send("direct:withOptions", request, headers);

        assertSentAndAdded(out, List.of("2045", "1035"));
        JsonNode sent = onlyRequestJson();
        assertEquals(BODY_USER, sent.get("user_email").asText());
        assertEquals(List.of("from-body"), texts(sent.get("tags")));
        assertEquals(2, sent.get("tier_level").asInt());
        assertEquals(List.of("2045", "1035"), List.copyOf(simulator.demoAccount().keyAccounts(BODY_USER).keySet()));
        assertTrue(simulator.demoAccount().keyAccounts(HEADER_USER).isEmpty());
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of("from-body"), result.getTags());
        assertEquals(2, result.getTierLevel());
        assertEquals(List.of("from-body"), out.getMessage().getHeader(TamtamConstants.RESULT_TAGS));
        assertEquals(2, out.getMessage().getHeader(TamtamConstants.RESULT_TIER_LEVEL));
    }

    @Test
    void mapWithApiFieldNamesIsARequestObject() throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("company_linkedin_ids", List.of("2045", 1035L));
        request.put("user_email", BODY_USER);
        request.put("tags", List.of("map-tag", "second"));
        request.put("tier_level", 2);

        Exchange out = send("direct:withOptions", request, Map.of(TamtamConstants.USER_EMAIL, HEADER_USER));

        assertSentAndAdded(out, List.of("2045", "1035"));
        JsonNode sent = onlyRequestJson();
        assertEquals(BODY_USER, sent.get("user_email").asText());
        assertEquals(List.of("map-tag", "second"), texts(sent.get("tags")));
        assertEquals(2, sent.get("tier_level").asInt());
        assertEquals(List.of("map-tag", "second"), out.getMessage().getHeader(TamtamConstants.RESULT_TAGS));
        assertEquals(2, out.getMessage().getHeader(TamtamConstants.RESULT_TIER_LEVEL));
    }

    @Test
    void rowsFromSqlAreReadByTheirCompanyIdColumn() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("NAME", "Acme");
        first.put("COMPANY_ID", 2045L);
        first.put("EMPLOYEES", 120);
        Map<String, Object> second = new HashMap<>();
        second.put("name", "Beta");
        second.put("company_id", "1035");
        second.put("employees", 7);
        List<Map<String, Object>> rows = List.of(first, second);

        Exchange out = send("direct:add", rows);

        assertSentAndAdded(out, List.of("2045", "1035"));
    }

    @Test
    void singleRowMapIsOneCompany() {
        // a camel-sql consumer delivers one row per exchange as a Map (column names as the database spells them)
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("NAME", "Acme");
        row.put("LINKEDIN_ID", "https://www.linkedin.com/company/2045/");

        Exchange out = send("direct:add", row);

        assertSentAndAdded(out, List.of("2045"));
    }

    @Test
    void idsAlreadyInKeyAccountsAreReportedApartFromNewOnes() {
        simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, "1035", null, 1);

        Exchange out = send("direct:add", List.of("2045", "1035", "1441"));

        assertNull(out.getException());
        assertEquals(List.of("2045", "1035", "1441"), receivedIds());
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of("2045", "1441"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("1035"), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(List.of("1035"), out.getMessage().getHeader(TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_LINKEDIN_IDS));
        assertEquals(1000 - 2, simulator.demoAccount().credits());
    }

    // ---------------------------------------------------------------- helpers

    private Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setHeaders(new HashMap<>(headers));
            e.getMessage().setBody(body);
        });
    }

    private JsonNode onlyRequestJson() throws Exception {
        List<RecordedRequest> requests = simulator.requests("POST", "/api/v2/key-accounts");
        assertEquals(1, requests.size(), "requests sent");
        return JSON.readTree(requests.get(0).body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private void assertSentAndAdded(Exchange out, List<String> ids) {
        assertNull(out.getException(), () -> "exchange failed: " + out.getException());
        assertEquals(ids, receivedIds(), "IDs the simulator received");
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(ids, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(ids, out.getMessage().getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS));
        assertEquals(List.of(), out.getMessage().getHeader(TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS));
        assertEquals(false, out.getMessage().getHeader(TamtamConstants.PAYMENT_REQUIRED));
    }
}
