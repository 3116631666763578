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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Camel redelivery of a single-use body (an {@code Iterator}, as camel-sql's {@code outputType=StreamList} gives, or an
 * uncached {@code InputStream}): the first attempt reads it up, the API fails, and the redelivery must send the same
 * IDs, never complete as an empty success. The route's error handler redelivers; the endpoint does not retry itself
 * ({@code maxRetries=0}), so the first attempt's 500 reaches the error handler.
 */
class RedeliveryTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0).logExhausted(false)
                        .logRetryAttempted(false));
                from("direct:redeliver").streamCache("false").to("tamtam:keyAccounts?maxRetries=0");
                from("direct:redeliverTwoCalls").streamCache("false")
                        .to("tamtam:keyAccounts?maxRetries=0")
                        .setBody(constant(List.of("3001")))
                        .to("tamtam:keyAccounts?maxRetries=0");
            }
        };
    }

    @Test
    void redeliveryOfAnIteratorBodySendsTheIdsReadByTheFirstAttempt() {
        simulator.faults().enqueue("/v2/key-accounts", Fault.status(500));
        Iterator<String> rows = List.of("2045", "1441", "1035").iterator();

        Exchange out = template.request("direct:redeliver", e -> e.getMessage().setBody(rows));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertTrue(out.getMessage().getHeader(Exchange.REDELIVERED, Boolean.class), "the exchange was redelivered");
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of("2045", "1441", "1035"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(1, result.getRequestCount(), "the redelivery's own request");
        assertEquals(List.of(List.of("2045", "1441", "1035"), List.of("2045", "1441", "1035")), sent());
    }

    @Test
    void redeliveryOfAnUncachedInputStreamSendsTheIdsReadByTheFirstAttempt() {
        simulator.faults().enqueue("/v2/key-accounts", Fault.status(500));
        ByteArrayInputStream csv =
                new ByteArrayInputStream("company_id\n2045\n1441\n".getBytes(StandardCharsets.UTF_8));

        Exchange out = template.request("direct:redeliver", e -> e.getMessage().setBody(csv));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(List.of("2045", "1441"),
                out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(List.of("2045", "1441"), List.of("2045", "1441")), sent());
    }

    @Test
    void redeliveryOfAnInvalidIteratorBodyFailsAgainInsteadOfSucceedingEmpty() {
        Iterator<String> rows = List.of("2045", "acme").iterator();

        Exchange out = template.request("direct:redeliver", e -> e.getMessage().setBody(rows));

        TamtamInvalidInputException e = assertInstanceOf(TamtamInvalidInputException.class, out.getException());
        assertTrue(e.getMessage().contains("'acme'"), e.getMessage());
        assertEquals(List.of(), sent());
    }

    @Test
    void aSecondCallInTheRouteReadsItsOwnBody() {
        simulator.faults().enqueue("/v2/key-accounts", Fault.status(500));
        Iterator<String> rows = List.of("2045").iterator();

        Exchange out = template.request("direct:redeliverTwoCalls", e -> e.getMessage().setBody(rows));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(List.of("3001"),
                out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(List.of("2045"), List.of("2045"), List.of("3001")), sent());
    }

    private List<List<String>> sent() {
        List<List<String>> batches = new ArrayList<>();
        for (RecordedRequest request : simulator.requests("POST", "/api/v2/key-accounts")) {
            batches.add(request.companyLinkedinIds());
        }
        return batches;
    }
}
