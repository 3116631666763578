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

import java.util.List;

import io.github.cameltamtam.component.tamtam.model.CreditLine;
import io.github.cameltamtam.component.tamtam.model.Credits;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tamtam:credits}: the account's credit lines as a typed body, through the same client machinery (pacer,
 * retries, redaction) as {@code tamtam:keyAccounts}.
 */
class CreditsOperationTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithErrorHandler()
                .route("direct:credits", "tamtam:credits")
                .route("direct:add", "tamtam:keyAccounts");
    }

    @Test
    void creditsOperationReturnsTheCreditLinesAndTheRemainingKeyAccountsCredits() {
        simulator.demoAccount().setCredits(75);
        template.requestBody("direct:add", ids(8_000_000, 5));

        Exchange out = template.request("direct:credits", e -> e.getMessage().setBody("ignored"));

        assertNull(out.getException());
        Credits credits = assertInstanceOf(Credits.class, out.getMessage().getBody());
        assertEquals(List.of("MaxKeyAccountsUnlocked", "MaxLookalikeSearches", "MaxCompanyExports",
                "MaxCompanyEnrichments", "MaxPeopleEnrichments"),
                credits.getCredits().stream().map(CreditLine::creditType).toList());
        CreditLine keyAccounts = credits.line(Credits.KEY_ACCOUNTS_CREDIT_TYPE).orElseThrow();
        assertEquals(new CreditLine("MaxKeyAccountsUnlocked", 70, 75, 5), keyAccounts);
        assertEquals(70, out.getMessage().getHeader(TamtamConstants.REMAINING_KEY_ACCOUNTS_CREDITS));
        assertEquals(1, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        List<RecordedRequest> gets = simulator.requests("GET", CREDITS_PATH);
        assertEquals(1, gets.size());
        assertEquals(TamtamSimulator.DEMO_API_KEY, gets.get(0).header("Authorization"),
                "the raw key, as for every call");
        assertEquals(70, simulator.demoAccount().credits(), "reading credits spends none");
    }

    @Test
    void creditsCallIsRetriedLikeEveryCall() {
        simulator.faults().enqueue(CREDITS_PATH, Fault.status(429));
        simulator.faults().enqueue(CREDITS_PATH, Fault.status(503));

        Exchange out = template.request("direct:credits", e -> {
        });

        assertNull(out.getException());
        assertEquals(3, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertEquals(1000, out.getMessage().getHeader(TamtamConstants.REMAINING_KEY_ACCOUNTS_CREDITS));
    }

    @Test
    void rejectedKeyFailsTheCreditsExchangeWithoutTheKey() {
        simulator.createAccount("other-key-1234", 5, "o@example.com");
        Exchange out = template.request("tamtam:credits?apiKey=wrong-key-5678", e -> {
        });

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(401, error.getStatusCode());
        assertFalse(error.getMessage().contains("wrong-key-5678"));
        assertTrue(error.getMessage().contains("401"), error.getMessage());
    }
}
