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
import java.util.List;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.assertEveryIdInExactlyOneOutcome;
import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers that are not what they seem, over real sockets: a body that never ends or stalls (cut at the cap or the
 * timeout, the download cancelled and the connection closed), 2xx answers without the ID lists (malformed: retried,
 * then a typed exception), answers leaving IDs out, a sent batch after payment_required, a negative Retry-After.
 */
class HostileAnswersTest extends TamtamTestSupport {

    @Override
    protected TamtamSimulator startSimulator() {
        return TamtamSimulator.builder().rateLimit(0).start();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithErrorHandler()
                .route("direct:once", "tamtam:keyAccounts?maxRetries=0&requestTimeout=1s")
                .route("direct:add", "tamtam:keyAccounts")
                .route("direct:twoInFlight", "tamtam:keyAccounts?batchSize=2&maxConcurrentRequests=2&maxRetries=0")
                // the retry of batch 2 comes after batch 1 (delayed 300 ms) is answered
                .route("direct:twoInFlightRetried",
                        "tamtam:keyAccounts?batchSize=2&maxConcurrentRequests=2&retryDelay=600ms")
                .route("direct:slowBackoff", "tamtam:keyAccounts?retryDelay=400ms&maxRetries=1");
    }

    @Test
    void anEndlessAnswerIsCutAtTheCapAndItsConnectionClosed() {
        simulator.faults().enqueue(ADD_PATH, Fault.endlessBody());
        Exchange out = template.request("direct:once", e -> e.getMessage().setBody(ids(1000, 3)));

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        assertTrue(e.getMessage().contains("larger than 1048576 bytes"), e::getMessage);
        assertEquals(ids(1000, 3), e.getResult().getFailedCompanyLinkedinIds());
        // the client stopped reading and closed the connection: the server's endless write fails
        Await.until("connection closed", () -> simulator.openConnections() == 0, Duration.ofSeconds(10),
                () -> simulator.openConnections() + " open, " + simulator.stats().streamedBytes() + " bytes streamed");
        long streamed = simulator.stats().streamedBytes();
        assertTrue(streamed < 64L * 1024 * 1024, "streamed " + streamed + " bytes");
    }

    @Test
    void aStalledAnswerTimesOutAndItsConnectionIsClosed() {
        simulator.faults().enqueue(ADD_PATH, Fault.stalledBody());
        Exchange out = template.request("direct:once", e -> e.getMessage().setBody(ids(1100, 2)));

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(ids(1100, 2), e.getResult().getFailedCompanyLinkedinIds());
        Await.until("stalled connection closed by the client", () -> simulator.openConnections() == 0,
                Duration.ofSeconds(10), () -> simulator.openConnections() + " open");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "null", "{}", "[]",
            "{\"newly_added_company_linkedin_ids\":[],\"already_in_key_accounts_linkedin_ids\":[]}"})
    void aSuccessWithoutTheIdListsIsMalformedRetriedThenFails(String body) {
        for (int i = 0; i < 4; i++) {
            simulator.faults().enqueue(ADD_PATH, Fault.status(200).body("application/json", body));
        }
        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids(1200, 3)));

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        assertTrue(e.getMessage().contains("malformed body"), e::getMessage);
        assertTrue(e.getMessage().contains("after 4 attempts"), e::getMessage);
        assertEquals(ids(1200, 3), e.getResult().getFailedCompanyLinkedinIds());
        assertEquals(4, simulator.requests("POST", ADD_PATH).size());
    }

    @Test
    void anAnswerLeavingIdsOutFailsTheExchangeWithTheResult() {
        List<String> sent = ids(1300, 3);
        simulator.faults().enqueue(ADD_PATH, Fault.status(200).body("application/json",
                "{\"newly_added_company_linkedin_ids\":[\"" + sent.get(0) + "\"],"
                        + "\"already_in_key_accounts_linkedin_ids\":[],"
                        + "\"ignored_company_linkedin_ids\":[],\"payment_required\":false}"));
        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(sent));

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        KeyAccountsResult result = e.getResult();
        assertEquals(List.of(sent.get(0)), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(sent.subList(1, 3), result.getFailedCompanyLinkedinIds());
        assertEveryIdInExactlyOneOutcome(sent, result);
    }

    @Test
    void aBatchSentBeforePaymentRequiredAndAnsweredMalformedIsFailedNeverUnsent() {
        simulator.demoAccount().setCredits(1);
        // batch 1 is answered late (payment_required: 1 credit for 2 IDs); batch 2 is sent meanwhile, answered "null"
        simulator.faults().enqueue(ADD_PATH, Fault.delay(Duration.ofMillis(300)));
        simulator.faults().enqueue(ADD_PATH, Fault.status(200).body("application/json", "null"));
        List<String> input = ids(1400, 6);
        Exchange out = template.request("direct:twoInFlight", e -> e.getMessage().setBody(input));

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        KeyAccountsResult result = e.getResult();
        List<String> received = simulator.requests("POST", ADD_PATH).stream()
                .flatMap(r -> r.companyLinkedinIds().stream()).toList();
        assertEquals(new java.util.HashSet<>(input.subList(0, 4)), new java.util.HashSet<>(received));
        // the batch answered "null" (whichever of the two arrived second) is failed, never "unsent"; no ID that was
        // sent is unsent; batch 3, never sent, is unsent or failed depending on which came first
        assertTrue(result.getFailedCompanyLinkedinIds().containsAll(input.subList(0, 2))
                || result.getFailedCompanyLinkedinIds().containsAll(input.subList(2, 4)),
                () -> result.getFailedCompanyLinkedinIds() + " " + result.getUnsentCompanyLinkedinIds());
        assertTrue(input.subList(4, 6).containsAll(result.getUnsentCompanyLinkedinIds()), result::toString);
        assertTrue(received.stream().noneMatch(result.getUnsentCompanyLinkedinIds()::contains), result::toString);
        assertTrue(result.isPaymentRequired());
        assertEveryIdInExactlyOneOutcome(input, result);
    }

    @Test
    void aBatchSentBeforePaymentRequiredIsRetriedAndReportedByItsAnswer() {
        simulator.demoAccount().setCredits(1);
        simulator.faults().enqueue(ADD_PATH, Fault.delay(Duration.ofMillis(300)));
        simulator.faults().enqueue(ADD_PATH, Fault.status(200).body("application/json", "{}"));
        List<String> input = ids(1500, 6);
        Exchange out = template.request("direct:twoInFlightRetried", e -> e.getMessage().setBody(input));

        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(null, out.getException());
        assertEquals(input.subList(4, 6), result.getUnsentCompanyLinkedinIds());
        assertEquals(input.subList(0, 1), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(input.subList(1, 6), result.getIgnoredCompanyLinkedinIds()); // batch 2 by its retry's answer
        assertEveryIdInExactlyOneOutcome(input, result);
    }

    @Test
    void aNegativeRetryAfterIsTakenAsAbsentAndBacksOff() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(503).header("Retry-After", "-5"));
        Exchange out = template.request("direct:slowBackoff", e -> e.getMessage().setBody(ids(1600, 2)));

        assertEquals(null, out.getException());
        List<RecordedRequest> requests = simulator.requests("POST", ADD_PATH);
        assertEquals(2, requests.size());
        long gapMillis = (requests.get(1).arrivalNanos() - requests.get(0).arrivalNanos()) / 1_000_000;
        assertTrue(gapMillis >= 400, "retried after " + gapMillis + " ms, not after the 400 ms backoff");
    }
}
