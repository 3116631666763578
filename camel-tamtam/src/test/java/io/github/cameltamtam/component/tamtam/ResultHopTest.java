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
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link KeyAccountsResult} survives a hop (a queue, an aggregation repository, an HTTP response read by another
 * route): through Java serialisation and through JSON with the API's field names, inside Camel routes.
 */
class ResultHopTest extends TamtamTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:json")
                        .to("tamtam:keyAccounts?skipInvalidIds=true&tags=a,b&tierLevel=2")
                        .setProperty("original", body())
                        .marshal().json(JsonLibrary.Jackson)
                        .convertBodyTo(String.class)
                        .setProperty("json", body())
                        .unmarshal().json(JsonLibrary.Jackson, KeyAccountsResult.class);
                from("direct:java")
                        .to("tamtam:keyAccounts?skipInvalidIds=true&tags=a,b&tierLevel=2")
                        .setProperty("original", body())
                        .process(e -> e.getMessage().setBody(serialize(e.getMessage().getBody())))
                        .process(e -> e.getMessage().setBody(deserialize(e.getMessage().getBody(byte[].class))));
            }
        };
    }

    @Test
    void resultRoundTripsThroughJsonWithTheApiFieldNames() throws Exception {
        simulator.demoAccount().addKeyAccount(io.github.cameltamtam.simulator.TamtamSimulator.DEMO_USER_EMAIL, "1441",
                List.of(), 1);

        Exchange out = template.request("direct:json", e -> e.getMessage().setBody(List.of("2045", "1441", "acme")));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult original = out.getProperty("original", KeyAccountsResult.class);
        KeyAccountsResult copy = assertInstanceOf(KeyAccountsResult.class, out.getMessage().getBody());
        assertNotSame(original, copy);
        assertEquals(original, copy);
        assertEquals(List.of("2045"), copy.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("1441"), copy.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(List.of(new InvalidCompanyLinkedinId("acme", "index 2",
                original.getInvalidCompanyLinkedinIds().get(0).reason())), copy.getInvalidCompanyLinkedinIds());
        JsonNode json = JSON.readTree(out.getProperty("json", String.class));
        for (String field : List.of("newly_added_company_linkedin_ids", "already_in_key_accounts_linkedin_ids",
                "ignored_company_linkedin_ids", "payment_required", "tags", "tier_level", "unsent_company_linkedin_ids",
                "invalid_company_linkedin_ids", "failed_company_linkedin_ids", "request_count",
                "throttled_request_count")) {
            assertTrue(json.has(field), () -> field + " missing from " + json);
        }
    }

    @Test
    void resultRoundTripsThroughJavaSerialisation() {
        Exchange out = template.request("direct:java", e -> e.getMessage().setBody(List.of("2045", "acme")));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult original = out.getProperty("original", KeyAccountsResult.class);
        KeyAccountsResult copy = assertInstanceOf(KeyAccountsResult.class, out.getMessage().getBody());
        assertNotSame(original, copy);
        assertEquals(original, copy);
        assertEquals(List.of("a", "b"), copy.getTags());
        assertEquals(2, copy.getTierLevel());
        assertEquals(1, copy.getInvalidCompanyLinkedinIds().size());
    }

    @Test
    void jsonWrittenByAnOlderPeerWithoutTheExtraListsIsRead() throws Exception {
        KeyAccountsResult result = JSON.readValue("{\"newly_added_company_linkedin_ids\":[\"2045\"],"
                + "\"already_in_key_accounts_linkedin_ids\":[],\"ignored_company_linkedin_ids\":[],"
                + "\"payment_required\":false,\"tier_level\":1,\"something_new\":true}",
                KeyAccountsResult.class);

        assertEquals(List.of("2045"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(), result.getFailedCompanyLinkedinIds());
        assertNull(result.getTags());
    }

    private static byte[] serialize(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
