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

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.assertEveryIdInExactlyOneOutcome;
import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retries of one batch: what is retried (429, 5xx, resets, malformed answers, timeouts), what is not (401, 422, a
 * Retry-After beyond the cap), and how failures surface (typed exceptions carrying the per-ID result).
 */
class RetryTest extends TamtamTestSupport {

    private static final String WRONG_KEY = "wrong-key-7f3a9c";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // expected failures stay on the exchange for the assertions, without the error handler's ERROR log
                errorHandler(defaultErrorHandler().logExhausted(false));
                from("direct:add").to("tamtam:keyAccounts");
                // a backoff so long that only an honoured Retry-After: 0 lets the exchange finish in the test's time
                from("direct:longBackoff").to("tamtam:keyAccounts?retryDelay=60s&maxRetryWait=120s");
                from("direct:sequential").to("tamtam:keyAccounts?maxRetries=2&maxConcurrentRequests=1");
                from("direct:shortTimeout").to("tamtam:keyAccounts?requestTimeout=200ms&maxRetries=1");
                from("direct:redelivered")
                        .onException(TamtamApiException.class).maximumRedeliveries(1).redeliveryDelay(0).end()
                        .to("tamtam:keyAccounts?batchSize=48");
            }
        };
    }

    @Test
    void tooManyRequestsIsRetriedThenSucceeds() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(429)); // body {"Message": "Too Many Requests"}
        List<String> ids = ids(1000, 5);

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(ids, out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(429, 200), statuses());
        assertEquals(2, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
    }

    @Test
    void retryAfterZeroIsHonouredInsteadOfTheBackoff() throws Exception {
        simulator.faults().enqueue(ADD_PATH, Fault.status(429).header("Retry-After", "0"));
        List<String> ids = ids(1100, 5);

        // the backoff of this endpoint is 60 s: completing within 30 s means the Retry-After: 0 was used
        CompletableFuture<Exchange> future = template.asyncSend("direct:longBackoff", e -> e.getMessage().setBody(ids));
        Exchange out = future.get(30, TimeUnit.SECONDS);

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(ids, out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(429, 200), statuses());
    }

    @Test
    void retryAfterOneSecondIsWaitedBeforeTheRetry() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(429).header("Retry-After", "1"));
        List<String> ids = ids(1200, 5);

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        List<RecordedRequest> requests = simulator.requests("POST", ADD_PATH);
        assertEquals(List.of(429, 200), statuses());
        // the retry can only be sent after the 429 arrived plus the 1 s the server asked for (not the 10 ms backoff)
        long gap = requests.get(1).arrivalNanos() - requests.get(0).arrivalNanos();
        assertTrue(gap >= TimeUnit.SECONDS.toNanos(1), () -> "retry came " + gap / 1_000_000 + " ms after the 429");
    }

    @Test
    void retryAfterBeyondMaxRetryWaitFailsAtOnceWithTheTypedException() throws Exception {
        simulator.faults().enqueue(ADD_PATH, Fault.status(429).header("Retry-After", "3600"));
        List<String> ids = ids(1300, 5);

        CompletableFuture<Exchange> future = template.asyncSend("direct:add", e -> e.getMessage().setBody(ids));
        Exchange out = future.get(30, TimeUnit.SECONDS);

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(429, error.getStatusCode());
        assertEquals(Duration.ofHours(1), error.getRetryAfter());
        assertEquals("Too Many Requests", error.getDetail());
        assertEquals(1, simulator.requests("POST", ADD_PATH).size(), "nothing may be retried beyond the cap");
        assertEquals(ids, error.getResult().getFailedCompanyLinkedinIds());
        assertEquals(ids, out.getMessage().getHeader(TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS));
    }

    @Test
    void retryAfterBeyondMaxRetryWaitLetsCamelRedeliveryTakeOver() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(429).header("Retry-After", "3600"));
        List<String> ids = ids(1350, 5);

        Exchange out = template.request("direct:redelivered", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(ids, out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(429, 200), statuses());
        assertEquals(true, out.getMessage().getHeader(Exchange.REDELIVERED));
    }

    @Test
    void serverErrorTwiceThenSuccessSucceeds() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(503)).enqueue(ADD_PATH, Fault.status(503));
        List<String> ids = ids(1400, 5);

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(ids, out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(503, 503, 200), statuses());
        assertEquals(3, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
    }

    @Test
    void exhaustedRetriesFailWithStatusAndKeepEarlierBatchesReported() {
        // batch 1 passes (a zero delay is a pass-through fault), batch 2 gets 503 on all 3 attempts (maxRetries=2)
        simulator.faults().enqueue(ADD_PATH, Fault.delay(Duration.ZERO))
                .enqueue(ADD_PATH, Fault.status(503))
                .enqueue(ADD_PATH, Fault.status(503))
                .enqueue(ADD_PATH, Fault.status(503));
        List<String> ids = ids(2000, 150);

        Exchange out = template.request("direct:sequential", e -> e.getMessage().setBody(ids));

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(503, error.getStatusCode());
        assertTrue(error.getMessage().contains("503"), error::getMessage);
        assertEquals(List.of(200, 503, 503, 503), statuses(), "batch 3 must not be sent after batch 2 failed");
        KeyAccountsResult result = error.getResult();
        assertNotNull(result);
        assertEquals(ids.subList(0, 50), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(ids.subList(50, 150), result.getFailedCompanyLinkedinIds());
        assertEquals(4, result.getRequestCount());
        assertEveryIdInExactlyOneOutcome(ids, result);
        // the headers say the same, so a route's error handler can act on them
        assertEquals(ids.subList(0, 50), out.getMessage().getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS));
        assertEquals(ids.subList(50, 150), out.getMessage().getHeader(TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS));
        assertEquals(4, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertEquals(1000 - 50, simulator.demoAccount().credits());
    }

    @Test
    void wrongApiKeyIsNotRetriedAndNeverNamed() throws Exception {
        TamtamComponent component = context.getComponent("tamtam", TamtamComponent.class);
        component.getConfiguration().setApiKey(WRONG_KEY);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from("direct:wrongKey").to("tamtam:keyAccounts?batchSize=49");
            }
        });
        List<String> ids = ids(3000, 5);

        Exchange out = template.request("direct:wrongKey", e -> e.getMessage().setBody(ids));

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(401, error.getStatusCode());
        assertEquals("invalid API key", error.getDetail());
        assertTrue(error.getMessage().contains("401"), error::getMessage);
        assertTrue(error.getMessage().contains("invalid API key"), error::getMessage);
        assertFalse(error.getMessage().contains(WRONG_KEY), error::getMessage);
        assertFalse(error.toString().contains(WRONG_KEY), error::toString);
        assertEquals(List.of(401), statuses());
        assertEquals(WRONG_KEY, simulator.requests("POST", ADD_PATH).get(0).header("Authorization"));
        assertEquals(ids, error.getResult().getFailedCompanyLinkedinIds());
    }

    @Test
    void unprocessableEntityIsNotRetriedAndCarriesTheProblemDetails() {
        List<String> ids = ids(3100, 5);

        Exchange out = template.request("direct:add", e -> {
            e.getMessage().setBody(ids);
            e.getMessage().setHeader(TamtamConstants.USER_EMAIL, "nobody@example.com");
        });

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(422, error.getStatusCode());
        assertEquals("user not found in account", error.getDetail());
        assertFalse(error.getErrors().isEmpty());
        assertEquals("body.user_email", error.getErrors().get(0).location());
        assertEquals("nobody@example.com", error.getErrors().get(0).value());
        assertTrue(error.getMessage().contains("422"), error::getMessage);
        assertTrue(error.getMessage().contains("user not found in account"), error::getMessage);
        assertEquals(List.of(422), statuses());
        assertEquals(ids, error.getResult().getFailedCompanyLinkedinIds());
    }

    @Test
    void connectionResetIsRetriedThenSucceeds() {
        simulator.faults().enqueue(ADD_PATH, Fault.reset());
        List<String> ids = ids(3200, 5);

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(ids, out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(0, 200), statuses(), "0 = the connection was reset");
        assertEquals(1, simulator.stats().resets());
    }

    @Test
    void malformedAnswerIsRetriedAndEveryIdStaysInExactlyOneOutcome() {
        // the API did the work, but its answer is unreadable: the retry finds the IDs present, charging nothing more
        simulator.faults().enqueue(ADD_PATH, Fault.malformedBody());
        List<String> ids = ids(3300, 5);

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of(200, 200), statuses());
        assertEquals(1, simulator.stats().malformed());
        // the unreadable attempt added them: added by this exchange, confirmed on retry
        assertEquals(ids, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(ids, result.getConfirmedOnRetryCompanyLinkedinIds());
        assertEveryIdInExactlyOneOutcome(ids, result);
        assertEquals(5, simulator.demoAccount().usedCredits(), "a retry must not charge twice");
    }

    @Test
    void resetAfterProcessingIsRetriedAndEveryIdStaysInExactlyOneOutcome() {
        simulator.faults().enqueue(ADD_PATH, Fault.resetAfterProcessing());
        List<String> ids = ids(3400, 5);

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of(0, 200), statuses());
        assertEquals(ids, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(ids, result.getConfirmedOnRetryCompanyLinkedinIds());
        assertEveryIdInExactlyOneOutcome(ids, result);
        assertEquals(5, simulator.demoAccount().usedCredits());
    }

    @Test
    void requestTimeoutIsRetriedThenFailsWithTheTypedException() throws Exception {
        simulator.faults().enqueue(ADD_PATH, Fault.delay(Duration.ofSeconds(2)))
                .enqueue(ADD_PATH, Fault.delay(Duration.ofSeconds(2)));
        List<String> ids = ids(3500, 5);

        CompletableFuture<Exchange> future =
                template.asyncSend("direct:shortTimeout", e -> e.getMessage().setBody(ids));
        Exchange out = future.get(30, TimeUnit.SECONDS);

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(0, error.getStatusCode(), "no answer was received");
        assertInstanceOf(HttpTimeoutException.class, error.getCause());
        assertEquals(2, error.getResult().getRequestCount(), "first attempt plus one retry");
        // with 200 ms to answer, a loaded machine may time the retry out before the simulator has read it
        Await.until("the simulator to have read both attempts",
                () -> simulator.requests("POST", ADD_PATH).size() >= 2, Duration.ofSeconds(10),
                () -> simulator.requests("POST", ADD_PATH).size() + " requests read");
        assertEquals(2, simulator.requests("POST", ADD_PATH).size());
        assertEquals(ids, error.getResult().getFailedCompanyLinkedinIds());
    }

    @Test
    void closedPortFailsWithTheTypedExceptionAndCompletesTheExchange() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        String uri = "tamtam:keyAccounts?baseUrl=http://127.0.0.1:" + deadPort + "/api&maxRetries=1";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from("direct:deadPort").to(uri);
            }
        });
        List<String> ids = ids(3600, 5);

        CompletableFuture<Exchange> future = template.asyncSend("direct:deadPort", e -> e.getMessage().setBody(ids));
        Exchange out = future.get(30, TimeUnit.SECONDS);

        TamtamException error = assertInstanceOf(TamtamException.class, out.getException());
        TamtamApiException api = assertInstanceOf(TamtamApiException.class, error);
        assertEquals(0, api.getStatusCode());
        assertInstanceOf(ConnectException.class, api.getCause());
        assertEquals(2, error.getResult().getRequestCount());
        assertEquals(ids, error.getResult().getFailedCompanyLinkedinIds());
        assertTrue(simulator.requests().isEmpty());
        assertFalse(error.getMessage().contains(TamtamSimulator.DEMO_API_KEY));
    }

    private List<Integer> statuses() {
        return simulator.requests("POST", ADD_PATH).stream().map(RecordedRequest::status).toList();
    }
}
