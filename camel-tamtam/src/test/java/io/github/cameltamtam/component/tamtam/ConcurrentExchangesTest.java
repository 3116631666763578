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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent exchanges sharing one API key, at the API's real 10 requests/s, against a simulator that enforces that
 * limit and answers after 250 ms (so several requests of an exchange are in flight at once): the shared pacer keeps
 * every 1-second window within the limit (no 429), results list IDs in input order whatever order the answers come
 * back in, and once an exchange hears {@code payment_required} it starts no new batch, while the batches it already
 * had in flight finish and are reported.
 * <p>
 * The component's HTTP client is wrapped to record, on one sequence, when each request is handed to the network, when
 * each answer comes back, and when the exchange has processed an answer saying {@code payment_required}.
 */
class ConcurrentExchangesTest extends TamtamTestSupport {

    private static final Duration LATENCY = Duration.ofMillis(250);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong clock = new AtomicLong();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    /** Completed once the matching PAYMENT_REQUIRED_SEEN event is recorded. */
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> pendingEvents = new ConcurrentLinkedQueue<>();

    private enum Kind {
        SENT,
        ANSWERED,
        /** The exchange has processed an answer with payment_required=true (its stop flag is set). */
        PAYMENT_REQUIRED_SEEN
    }

    /** One recorded moment; {@code ids} are the request's company IDs. */
    private record Event(long seq, Kind kind, List<String> ids) {
        int exchange() {
            return exchangeOf(ids.get(0));
        }
    }

    @Override
    protected TamtamSimulator startSimulator() {
        return TamtamSimulator.builder().latency(LATENCY).demoCredits(100_000).start(); // rate limit: the API's 10/s
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TamtamComponent tamtam = context.getComponent("tamtam", TamtamComponent.class);
        tamtam.setHttpClient(new RecordingHttpClient(HttpClient.newBuilder().build(), tamtam));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutes().route("direct:add", "tamtam:keyAccounts");
    }

    @Test
    void concurrentExchangesShareTheKeysRateWithoutA429() throws Exception {
        int exchanges = 6;
        List<List<String>> inputs = new ArrayList<>();
        for (int e = 0; e < exchanges; e++) {
            inputs.add(ids(e, 250));
        }

        List<Exchange> outs = runConcurrently(inputs);

        for (int e = 0; e < exchanges; e++) {
            Exchange out = outs.get(e);
            assertNull(out.getException(), () -> String.valueOf(out.getException()));
            KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
            assertEquals(inputs.get(e), result.getNewlyAddedCompanyLinkedinIds(), "exchange " + e + ": input order");
            assertEquals(5, result.getRequestCount());
        }
        assertEquals(30, simulator.requests("POST", "/api/v2/key-accounts").size());
        assertEquals(0, simulator.stats().rateLimited(), simulator.stats()::toString);
        int busiest = simulator.stats().maxRequestsInAnyOneSecondWindow(TamtamSimulator.DEMO_API_KEY);
        assertTrue(busiest <= 10, "a 1-second window held " + busiest + " requests");
    }

    @Test
    void answersComingBackOutOfOrderAreMergedInInputOrder() throws Exception {
        // the first request to arrive is answered a second late, so later batches are answered before it
        simulator.faults().enqueue("/api/v2/key-accounts", Fault.delay(Duration.ofSeconds(1)));
        List<String> input = ids(0, 300);

        Exchange out = runConcurrently(List.of(input)).get(0);

        assertNull(out.getException());
        List<Integer> answerOrder = events.stream().filter(ev -> ev.kind() == Kind.ANSWERED)
                .map(ev -> input.indexOf(ev.ids().get(0)) / 50).toList();
        assertEquals(6, answerOrder.size());
        assertTrue(!answerOrder.equals(answerOrder.stream().sorted().toList()),
                "the answers came back out of input order: batches " + answerOrder);
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(input, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(0, simulator.stats().rateLimited());
    }

    @Test
    void afterPaymentRequiredNoNewBatchStartsAndInFlightOnesAreReported() throws Exception {
        simulator.demoAccount().setCredits(500); // 10 batches' worth, of 24
        List<List<String>> inputs = List.of(ids(0, 400), ids(1, 400), ids(2, 400));

        List<Exchange> outs = runConcurrently(inputs);

        List<RecordedRequest> requests = simulator.requests("POST", "/api/v2/key-accounts");
        Set<String> keyAccounts = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).keySet();
        int added = 0;
        int exchangesWithUnsent = 0;
        for (int e = 0; e < inputs.size(); e++) {
            String name = "exchange " + e;
            Exchange out = outs.get(e);
            assertNull(out.getException(), () -> String.valueOf(out.getException()));
            KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
            List<String> input = inputs.get(e);
            FaultsAtScaleTest.assertEveryIdInExactlyOneOutcome(name, input, result);
            added += result.getNewlyAddedCompanyLinkedinIds().size();

            // the batches sent are a prefix of the exchange's batches; each is reported with the API's answer
            int exchange = e;
            List<List<String>> sent = requests.stream().map(RecordedRequest::companyLinkedinIds)
                    .filter(ids -> exchangeOf(ids.get(0)) == exchange).toList();
            List<String> sentIds = new ArrayList<>();
            sent.forEach(sentIds::addAll);
            sentIds.sort(Comparator.comparingInt(input::indexOf)); // concurrent requests may arrive in any order
            assertEquals(input.subList(0, sentIds.size()), sentIds, name + ": sent batches are a prefix, each once");
            assertEquals(input.subList(sentIds.size(), input.size()), result.getUnsentCompanyLinkedinIds(),
                    name + ": exactly the batches never sent are unsent");
            for (String id : sentIds) {
                boolean inKeyAccounts = keyAccounts.contains(id);
                assertEquals(inKeyAccounts, result.getNewlyAddedCompanyLinkedinIds().contains(id), name + " " + id);
                assertEquals(!inKeyAccounts, result.getIgnoredCompanyLinkedinIds().contains(id), name + " " + id);
            }
            if (!result.getUnsentCompanyLinkedinIds().isEmpty()) {
                exchangesWithUnsent++;
                assertTrue(result.isPaymentRequired(), name);
            }

            // once the exchange had processed a payment_required answer, none of its batches went out
            Optional<Long> stopped = events.stream()
                    .filter(ev -> ev.kind() == Kind.PAYMENT_REQUIRED_SEEN && ev.exchange() == exchange)
                    .map(Event::seq).min(Long::compare);
            assertEquals(result.isPaymentRequired(), stopped.isPresent(), name);
            if (stopped.isPresent()) {
                List<Event> late = events.stream()
                        .filter(ev -> ev.kind() == Kind.SENT && ev.exchange() == exchange && ev.seq() > stopped.get())
                        .toList();
                assertTrue(late.isEmpty(), name + ": batches started after payment_required: " + late);
            }
        }
        assertEquals(500, added, "every credit was used, once");
        assertEquals(500, simulator.demoAccount().usedCredits());
        assertTrue(exchangesWithUnsent > 0, "some batches were held back");
        assertEquals(0, simulator.stats().rateLimited(), simulator.stats()::toString);
    }

    private List<Exchange> runConcurrently(List<List<String>> inputs) throws Exception {
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (List<String> input : inputs) {
            futures.add(template.asyncSend("direct:add", ex -> ex.getMessage().setBody(input)));
        }
        List<Exchange> outs = new ArrayList<>();
        for (CompletableFuture<Exchange> future : futures) {
            outs.add(future.get(60, TimeUnit.SECONDS));
        }
        for (CompletableFuture<Void> recorded : pendingEvents) {
            recorded.get(10, TimeUnit.SECONDS);
        }
        return outs;
    }

    /** IDs of exchange {@code e}: its own range, so that a request tells whose it is. */
    private static List<String> ids(int e, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.valueOf(2_000_000 + e * 10_000 + i));
        }
        return ids;
    }

    private static int exchangeOf(String id) {
        return (Integer.parseInt(id) - 2_000_000) / 10_000;
    }

    /**
     * Delegates to a real client and records events. Every request of the component is handed to the client on the
     * component's single scheduler thread, right after the batch's start was allowed; so a task queued on that
     * scheduler once an answer has been processed runs after every send that could have been allowed before the
     * answer was seen.
     */
    private final class RecordingHttpClient extends HttpClient {

        private final HttpClient delegate;
        private final TamtamComponent component;

        RecordingHttpClient(HttpClient delegate, TamtamComponent component) {
            this.delegate = delegate;
            this.component = component;
        }

        @Override
        @SuppressWarnings("FutureReturnValueIgnored") // the callback completes `answer`, which is returned
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler) {
            List<String> ids = idsOf(request);
            events.add(new Event(clock.incrementAndGet(), Kind.SENT, ids));
            CompletableFuture<HttpResponse<T>> answer = new CompletableFuture<>();
            delegate.sendAsync(request, handler).whenComplete((response, error) -> {
                if (error != null) {
                    answer.completeExceptionally(error);
                    return;
                }
                events.add(new Event(clock.incrementAndGet(), Kind.ANSWERED, ids));
                boolean paymentRequired = response.body() instanceof byte[] body && paymentRequired(body);
                CompletableFuture<Void> recorded = new CompletableFuture<>();
                if (paymentRequired) {
                    pendingEvents.add(recorded); // before the exchange can complete
                }
                answer.complete(response); // runs the component's callbacks: the exchange has now seen the answer
                if (paymentRequired) {
                    ScheduledExecutorService scheduler = component.scheduler();
                    scheduler.execute(() -> {
                        events.add(new Event(clock.incrementAndGet(), Kind.PAYMENT_REQUIRED_SEEN, ids));
                        recorded.complete(null);
                    });
                }
            });
            return answer;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler,
                HttpResponse.PushPromiseHandler<T> push) {
            return sendAsync(request, handler);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            throw new UnsupportedOperationException("the component sends asynchronously");
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return delegate.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return delegate.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return delegate.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return delegate.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return delegate.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return delegate.authenticator();
        }

        @Override
        public Version version() {
            return delegate.version();
        }

        @Override
        public Optional<Executor> executor() {
            return delegate.executor();
        }
    }

    private static boolean paymentRequired(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.path("payment_required").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** The company IDs of a request body (a byte-array publisher delivers synchronously and can be read again). */
    private static List<String> idsOf(HttpRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                throw new IllegalStateException(throwable);
            }

            @Override
            public void onComplete() {
                // read
            }
        });
        try {
            List<String> ids = new ArrayList<>();
            JSON.readTree(bytes.toByteArray()).path("company_linkedin_ids").forEach(n -> ids.add(n.asText()));
            if (ids.isEmpty()) {
                throw new IllegalStateException("no company IDs in " + bytes);
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
