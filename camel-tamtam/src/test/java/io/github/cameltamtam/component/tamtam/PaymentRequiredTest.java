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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.assertEveryIdInExactlyOneOutcome;
import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Running out of credits is a 200 with {@code payment_required: true}: no new batch starts after it, every ID is
 * accounted for, and the exchange fails only when {@code failOnPaymentRequired=true}.
 */
class PaymentRequiredTest extends TamtamTestSupport {

    private static final int CREDITS = 60;

    /** 200 IDs in 4 batches of 50; 60 credits run out in batch 2 (10 added, 40 ignored); batches 3 and 4 unsent. */
    private final List<String> ids = ids(7_000_000, 200);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from("direct:sequential").to("tamtam:keyAccounts?maxConcurrentRequests=1");
                from("direct:concurrent").to("tamtam:keyAccounts");
                from("direct:twoInFlight")
                        .to("tamtam:keyAccounts?maxConcurrentRequests=2&maxRetries=0&requestTimeout=800");
                from("direct:failing").to("tamtam:keyAccounts?maxConcurrentRequests=1&failOnPaymentRequired=true");
                from("direct:routed")
                        .onException(TamtamPaymentRequiredException.class).handled(true).to("mock:outOfCredits").end()
                        .to("tamtam:keyAccounts?maxConcurrentRequests=1&failOnPaymentRequired=true&batchSize=50")
                        .to("mock:added");
            }
        };
    }

    @BeforeEach
    void limitCredits() {
        simulator.demoAccount().setCredits(CREDITS);
    }

    @Test
    void creditsRunningOutStopsFurtherBatches() {
        Exchange out = template.request("direct:sequential", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), "payment_required does not fail the exchange by default");
        assertEquals(2, simulator.requests("POST", ADD_PATH).size(), "no batch may start after payment_required");
        assertExpectedSequentialResult(out.getMessage().getBody(KeyAccountsResult.class));
        assertEquals(ids.subList(0, 60), out.getMessage().getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS));
        assertEquals(ids.subList(60, 200), out.getMessage().getHeader(TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS));
        assertEquals(ids.subList(100, 200), out.getMessage().getHeader(TamtamConstants.UNSENT_COMPANY_LINKEDIN_IDS));
        assertEquals(true, out.getMessage().getHeader(TamtamConstants.PAYMENT_REQUIRED));
        assertEquals(List.of(), out.getMessage().getHeader(TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS));
        assertEquals(2, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertEquals(0, simulator.demoAccount().credits());
        assertEquals(CREDITS, simulator.demoAccount().usedCredits());
    }

    @Test
    void batchesNeverSentAfterPaymentRequiredStayIgnoredWhenALaterInFlightBatchFails() {
        // batch 1 answers after 500 ms: credits run out (payment_required); batch 2, already in flight, times out
        // after that; batch 3 never starts: it was held back by the payment, so it counts as ignored and unsent
        simulator.faults().enqueue("/v2/key-accounts", Fault.delay(Duration.ofMillis(500)));
        simulator.faults().enqueue("/v2/key-accounts", Fault.delay(Duration.ofSeconds(3)));
        simulator.demoAccount().setCredits(40);
        List<String> input = ids(7_100_000, 150);

        Exchange out = template.request("direct:twoInFlight", e -> e.getMessage().setBody(input));

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        KeyAccountsResult result = e.getResult();
        assertTrue(result.isPaymentRequired());
        assertEquals(input.subList(0, 40), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(input.subList(50, 100), result.getFailedCompanyLinkedinIds());
        assertEquals(input.subList(100, 150), result.getUnsentCompanyLinkedinIds());
        List<String> ignored = new ArrayList<>(input.subList(40, 50));
        ignored.addAll(input.subList(100, 150));
        assertEquals(ignored, result.getIgnoredCompanyLinkedinIds());
        assertEquals(2, simulator.requests("POST", ADD_PATH).size());
    }

    @Test
    void creditsRunningOutWithConcurrentBatchesStillAccountsForEveryId() {
        Exchange out = template.request("direct:concurrent", e -> e.getMessage().setBody(ids));

        assertNull(out.getException());
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEveryIdInExactlyOneOutcome(ids, result);
        assertTrue(result.isPaymentRequired());
        assertEquals(CREDITS, result.getNewlyAddedCompanyLinkedinIds().size());
        assertEquals(200 - CREDITS, result.getIgnoredCompanyLinkedinIds().size());
        assertTrue(result.getAlreadyInKeyAccountsLinkedinIds().isEmpty());
        assertTrue(result.getFailedCompanyLinkedinIds().isEmpty());

        // batches already in flight may finish, but a batch reported unsent was never sent, and nothing twice
        List<RecordedRequest> requests = simulator.requests("POST", ADD_PATH);
        assertEquals(requests.size(), result.getRequestCount());
        assertTrue(requests.size() >= 2 && requests.size() <= 4, () -> requests.size() + " requests");
        List<String> sent = new ArrayList<>();
        requests.forEach(r -> sent.addAll(r.companyLinkedinIds()));
        Set<String> sentSet = new HashSet<>(sent);
        assertEquals(sent.size(), sentSet.size(), "an ID was sent twice");
        for (String unsent : result.getUnsentCompanyLinkedinIds()) {
            assertFalse(sentSet.contains(unsent), () -> unsent + " is reported unsent but was sent");
        }
        assertEquals(200, sent.size() + result.getUnsentCompanyLinkedinIds().size());
        assertEquals(new HashSet<>(result.getNewlyAddedCompanyLinkedinIds()),
                simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).keySet());
    }

    @Test
    void failOnPaymentRequiredFailsTheExchangeWithTheSameResult() {
        Exchange out = template.request("direct:failing", e -> e.getMessage().setBody(ids));

        TamtamPaymentRequiredException error = assertInstanceOf(TamtamPaymentRequiredException.class,
                out.getException());
        assertEquals(2, simulator.requests("POST", ADD_PATH).size());
        assertExpectedSequentialResult(error.getResult());
        assertTrue(error.getMessage().contains("60 added"), error::getMessage);
        assertEquals(ids.subList(100, 200), out.getMessage().getHeader(TamtamConstants.UNSENT_COMPANY_LINKEDIN_IDS));
        assertEquals(true, out.getMessage().getHeader(TamtamConstants.PAYMENT_REQUIRED));
    }

    @Test
    void paymentRequiredIsRoutableWithOnException() throws Exception {
        MockEndpoint outOfCredits = getMockEndpoint("mock:outOfCredits");
        outOfCredits.expectedMessageCount(1);
        getMockEndpoint("mock:added").expectedMessageCount(0);

        Exchange out = template.request("direct:routed", e -> e.getMessage().setBody(ids));

        MockEndpoint.assertIsSatisfied(context);
        assertNull(out.getException(), "handled by onException");
        Exchange handled = outOfCredits.getExchanges().get(0);
        TamtamPaymentRequiredException caught = assertInstanceOf(TamtamPaymentRequiredException.class,
                handled.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertExpectedSequentialResult(caught.getResult());
        KeyAccountsResult body = handled.getMessage().getBody(KeyAccountsResult.class);
        assertSame(caught.getResult(), body, "the body is the result the exception carries");
        assertEquals(ids.subList(100, 200),
                handled.getMessage().getHeader(TamtamConstants.UNSENT_COMPANY_LINKEDIN_IDS));
    }

    /** The result of the 200 IDs against 60 credits, one batch at a time. */
    private void assertExpectedSequentialResult(KeyAccountsResult result) {
        assertEveryIdInExactlyOneOutcome(ids, result);
        assertTrue(result.isPaymentRequired());
        assertEquals(ids.subList(0, 60), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(ids.subList(60, 200), result.getIgnoredCompanyLinkedinIds(), "40 ignored by the API + 100 unsent");
        assertEquals(ids.subList(100, 200), result.getUnsentCompanyLinkedinIds());
        assertTrue(result.getAlreadyInKeyAccountsLinkedinIds().isEmpty());
        assertTrue(result.getFailedCompanyLinkedinIds().isEmpty());
        assertEquals(2, result.getRequestCount());
    }
}
