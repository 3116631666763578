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
package io.github.cameltamtam.component.tamtam.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of an API call on the wire: the HTTP request ({@code Authorization} with the key, {@code Accept}, a
 * pre-emptive {@code Proxy-Authorization}, the JSON body) sent on the JDK {@link HttpClient}, its answer read through
 * a {@link BoundedBody}, the wait bounded by the request timeout. Knows nothing of slots, retries or what an answer
 * means: that is {@link ApiCall}'s. The one holder of the API key besides the {@link KeyRedactor}.
 */
final class ApiTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TamtamClient.class);

    private final HttpClient http;
    private final String baseUri;
    private final String apiKey;
    private final String proxyAuthorization;
    private final KeyRedactor redactor;
    private final Duration requestTimeout;
    private final ScheduledExecutorService scheduler;

    /**
     * @param proxyAuthorization the value of a pre-emptive {@code Proxy-Authorization} header, or null
     * @param redactor           removes the key from the request bodies it logs at TRACE
     * @param scheduler          cuts a stalled answer (see {@link #send})
     */
    ApiTransport(HttpClient http, URI baseUri, String apiKey, String proxyAuthorization, KeyRedactor redactor,
            Duration requestTimeout, ScheduledExecutorService scheduler) {
        this.http = http;
        this.baseUri = baseUri.toString();
        this.apiKey = apiKey;
        this.proxyAuthorization = proxyAuthorization;
        this.redactor = redactor;
        this.requestTimeout = requestTimeout;
        this.scheduler = scheduler;
    }

    /** The HTTP request of {@code request}; throws when it cannot be built (nothing is sent then). */
    HttpRequest httpRequest(ApiRequest<?> request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + request.path()))
                .timeout(requestTimeout)
                .header("Authorization", apiKey)
                .header("Accept", "application/json, application/problem+json");
        if (proxyAuthorization != null) {
            builder.header("Proxy-Authorization", proxyAuthorization);
        }
        if (request.body() == null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        }
        return builder.build();
    }

    /**
     * Sends {@code httpRequest}, attempt number {@code attempt} (0 = first) of {@code request}. The request timeout
     * covers the wait for the response headers; a stalled body is cut at twice that (a {@code TimeoutException}).
     * <p>
     * The cut runs on the component's scheduler, not on the JDK's shared delayer of {@code orTimeout}: it must fire even
     * when the JDK's own threads died, as an {@code OutOfMemoryError} in the HttpClient's selector thread leaves that
     * client's futures and timeouts pending for ever (seen on Java 25). Once the scheduler is stopped (the context is
     * stopping), the JDK's delayer is the fallback.
     */
    Attempt send(ApiRequest<?> request, HttpRequest httpRequest, int attempt) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} attempt {}: {}", request.describe(), attempt + 1,
                    request.body() == null ? "" : redactor.redact(new String(request.body(), StandardCharsets.UTF_8)));
        }
        BoundedBody body = new BoundedBody(request.maxAnswerBytes());
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(httpRequest, body);
        cutAfter(exchange, requestTimeout.multipliedBy(2));
        return new Attempt(exchange, body);
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the callback only cancels the cut
    private void cutAfter(CompletableFuture<?> exchange, Duration limit) {
        try {
            ScheduledFuture<?> cut = scheduler.schedule(new Cut(exchange), limit.toMillis(), TimeUnit.MILLISECONDS);
            exchange.whenComplete((answer, error) -> cut.cancel(false));
        } catch (RejectedExecutionException stopping) {
            exchange.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Fails an answer that took too long. Should this task be lost (an {@code OutOfMemoryError} while the heap is full),
     * the client's watchdog makes the cut in its stead (see {@link ApiCall#check(long)}).
     */
    private record Cut(CompletableFuture<?> answer) implements Runnable {

        @Override
        public void run() {
            answer.completeExceptionally(new TimeoutException("no complete answer in time"));
        }
    }

    /** An attempt whose answer is awaited or being read. */
    record Attempt(CompletableFuture<HttpResponse<byte[]>> answer, BoundedBody body) {

        /** No further byte of the answer is read, its connection is closed; a no-op once it was read completely. */
        void cancel() {
            body.cancel(); // no-op for a body read completely
            answer.cancel(true); // no-op once answered
        }
    }
}
