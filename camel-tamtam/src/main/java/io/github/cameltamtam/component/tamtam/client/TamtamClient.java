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
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.pacing.KeyPacer;
import io.github.cameltamtam.component.tamtam.support.Watchdog;

/**
 * Sends TamTam API calls ({@link ApiRequest}) asynchronously on the JDK {@link HttpClient}, each the same way: waits
 * for the key's pacer slot, reads the answer through a bounded body handler, retries 5xx, I/O errors and malformed
 * answers per the {@link RetryPolicy}, sends a throttled (429) request again once the key's pacer lets it (not a
 * retry; bounded by {@code maxThrottleWait}), and completes with the parsed answer or a {@link TamtamApiException}.
 * A call that times out, or is abandoned because the endpoint stops, has its download cancelled and its connection
 * closed. Never blocks a thread; never logs or reports the API key (an echoed key is redacted from every text built out
 * of an answer or a JDK message, TRACE included). Its {@link #watchdog()} fails a call that waits on a task an
 * {@code Error} killed, and watches the work its callers build on the calls.
 */
public final class TamtamClient {

    final ApiTransport transport;
    final KeyRedactor redactor;
    final ApiFailures failures;
    final KeyPacer pacer;
    final RetryPolicy retryPolicy;
    final ScheduledExecutorService scheduler;
    final Duration requestTimeout;
    private final Set<ApiCall<?>> active = ConcurrentHashMap.newKeySet();
    private final Watchdog watchdog;
    private volatile CallListener listener = CallListener.NONE;

    /**
     * @param proxyAuthorization the value of a pre-emptive {@code Proxy-Authorization} header, or null; the JDK sends it
     *                           to the proxy only (in the CONNECT request for https), never to the API
     */
    public TamtamClient(HttpClient http, URI baseUri, String apiKey, String proxyAuthorization, KeyPacer pacer,
            RetryPolicy retryPolicy, Duration requestTimeout, ScheduledExecutorService scheduler) {
        this.redactor = new KeyRedactor(apiKey, proxyAuthorization);
        this.transport = new ApiTransport(http, baseUri, apiKey, proxyAuthorization, redactor,
                requestTimeout, scheduler);
        this.failures = new ApiFailures(redactor, baseUri.getHost());
        this.pacer = pacer;
        this.retryPolicy = retryPolicy;
        this.scheduler = scheduler;
        this.requestTimeout = requestTimeout;
        this.watchdog = new Watchdog(System::nanoTime, scheduler);
    }

    /**
     * Watches this client's calls, and whatever its callers give it to watch (the batches of an exchange, the exchange
     * itself): it ticks on the client's scheduler from the first work watched on.
     */
    public Watchdog watchdog() {
        return watchdog;
    }

    /** Told of every request sent, retry and 429 of this client's calls (the endpoint's metrics). */
    public void setListener(CallListener listener) {
        this.listener = listener == null ? CallListener.NONE : listener;
    }

    /**
     * Sends one API call with the client's whole machinery.
     *
     * @param  request      what to send and how to read the answer
     * @param  startAllowed asked when the pacer slot of the first attempt comes; false abandons the call unsent
     * @param  counts       told of this call's requests and 429s (e.g. {@link CallCounts}), besides the client's
     *                      listener
     * @return                the parsed, well-formed answer; {@code null} when the call was abandoned before being sent
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    public <T> CompletableFuture<T> call(ApiRequest<T> request, BooleanSupplier startAllowed, CallListener counts) {
        ApiCall<T> call = new ApiCall<>(this, listener, request, startAllowed, counts);
        active.add(call);
        watchdog.watch(call::check);
        call.result().whenComplete((answer, error) -> {
            active.remove(call);
            call.cancelInFlight();
        });
        call.schedule(0, Duration.ZERO);
        return call.result();
    }

    /** Sends one API call that is always allowed to start. */
    public <T> CompletableFuture<T> call(ApiRequest<T> request, CallListener counts) {
        return call(request, () -> true, counts);
    }

    /**
     * Fails every call still waiting for a slot, a retry or an answer, and cancels the downloads in progress (closing
     * their connections), so that no exchange hangs and nothing is read on when the endpoint stops.
     */
    public void close() {
        for (ApiCall<?> call : active) {
            call.result().completeExceptionally(
                    TamtamApiException.noAnswer("The tamtam endpoint was stopped before the TamTam API answered",
                            null));
        }
        watchdog.stop();
    }
}
