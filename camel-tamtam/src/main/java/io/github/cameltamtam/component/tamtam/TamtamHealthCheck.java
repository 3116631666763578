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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cameltamtam.component.tamtam.client.CallListener;
import io.github.cameltamtam.component.tamtam.client.TamtamClient;
import io.github.cameltamtam.component.tamtam.credits.CreditsApi;
import io.github.cameltamtam.component.tamtam.metrics.TamtamEndpointMetrics;
import io.github.cameltamtam.component.tamtam.model.CreditLine;
import io.github.cameltamtam.component.tamtam.model.Credits;
import io.github.cameltamtam.component.tamtam.pacing.SharedStoreState;
import io.github.cameltamtam.component.tamtam.support.Futures;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.util.URISupport;

/**
 * Readiness of a tamtam endpoint, in the {@code producers} health-check group (Camel Main's health endpoint, Spring
 * Boot's actuator, {@code camel get health}): asks {@code GET /v2/credits} through the endpoint's client (the key's
 * pacer, so it never pushes the key over its rate limit) at most once per {@code healthCheckInterval}, and reports the
 * last answer in between; no call waits longer than {@code healthCheckTimeout}. DOWN when the API rejects the key
 * (401/403); exhausted {@code MaxKeyAccountsUnlocked} credits are shown in the message and details
 * ({@code credits_exhausted}) and in the endpoint's {@code tamtam.credits.remaining} metric, and are DOWN only with
 * {@code healthCheckDownOnNoCredits}; UP otherwise (a network failure, a timeout or a 5xx is shown in the details, and
 * the exchanges report it themselves). Readiness only: restarting the application fixes neither a key nor credits.
 */
public final class TamtamHealthCheck implements HealthCheck {

    private static final long RECORD_MARGIN_MILLIS = 250;

    private final String id;
    private final TamtamClient client;
    /** The shared pacer's store, or null: shown in the details, never a reason to be DOWN. */
    private final SharedStoreState store;
    private final long intervalNanos;
    private final long timeoutMillis;
    private final boolean downOnNoCredits;
    private final TamtamEndpointMetrics metrics;
    private volatile boolean enabled = true;

    private State state;
    private String message;
    private Map<String, Object> details = Map.of();
    private long askedAtNanos;
    private boolean asked;
    private CompletableFuture<Credits> pending;
    /** Completes once {@link #answered} recorded the pending call's outcome. */
    private CompletableFuture<Credits> recorded;

    TamtamHealthCheck(TamtamEndpoint endpoint, TamtamClient client, SharedStoreState store) {
        this.id = "producer:" + URISupport.sanitizeUri(endpoint.getEndpointUri());
        this.client = client;
        this.store = store;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(endpoint.getConfiguration().getHealthCheckInterval());
        this.timeoutMillis = endpoint.getConfiguration().getHealthCheckTimeout();
        this.downOnNoCredits = endpoint.getConfiguration().isHealthCheckDownOnNoCredits();
        this.metrics = endpoint.getMetrics();
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    @Override
    public Result call(Map<String, Object> options) {
        CompletableFuture<Credits> waitFor = null;
        synchronized (this) {
            long now = System.nanoTime();
            if (pending == null && (!asked || now - askedAtNanos >= intervalNanos)) {
                asked = true;
                askedAtNanos = now;
                // bounded on its own: completing the call gives up its pacer slot, retries and download
                CompletableFuture<Credits> ask = client.call(CreditsApi.credits(), CallListener.NONE)
                        .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
                pending = ask;
                recorded = ask.whenComplete((credits, error) -> answered(ask, credits, error));
            }
            if (state == null) {
                waitFor = recorded;
            }
        }
        if (waitFor != null) {
            try {
                // the call times out after timeoutMillis; the margin lets its outcome be recorded
                waitFor.get(timeoutMillis + RECORD_MARGIN_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // answered() records a failure; a slow first answer is reported on a later call
            }
        }
        synchronized (this) {
            HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
            builder.details(details);
            if (store != null) {
                builder.detail("pacer_store", store.storeName() + (store.answering() ? ": answering"
                        : ": not answering, this replica paces the key on its own"));
                builder.detail("pacer_store_failures", store.failures());
            }
            if (state == null) {
                return builder.up().message("TamTam API not answered yet").build();
            }
            return builder.state(state).message(message).build();
        }
    }

    private synchronized void answered(CompletableFuture<Credits> ask, Credits credits, Throwable error) {
        if (pending == ask) {
            pending = null;
        }
        if (error != null) {
            Throwable cause = Futures.unwrap(error);
            int status = cause instanceof TamtamApiException api ? api.getStatusCode() : 0;
            details = status == 0 ? Map.of() : Map.of(HTTP_RESPONSE_CODE, status);
            if (status == 401 || status == 403) {
                state = State.DOWN;
                message = "The TamTam API rejected the API key (" + status + "): check camel.component.tamtam.api-key";
            } else if (cause instanceof TimeoutException) {
                state = State.UP;
                message = "The TamTam API did not answer the credits check within " + timeoutMillis
                        + " ms (healthCheckTimeout), not counted as down";
            } else {
                state = State.UP;
                message = "Last credits check failed, not counted as down: " + cause.getMessage();
            }
            return;
        }
        CreditLine line = credits.line(Credits.KEY_ACCOUNTS_CREDIT_TYPE).orElse(null);
        if (line == null) {
            state = State.UP;
            message = "API key accepted; the answer lists no " + Credits.KEY_ACCOUNTS_CREDIT_TYPE + " credits";
            details = Map.of();
            return;
        }
        boolean exhausted = line.remainingCredits() <= 0;
        metrics.creditsRemaining(line.remainingCredits());
        details = Map.of("remaining_credits", line.remainingCredits(),
                "total_credits", line.totalCredits() == null ? -1 : line.totalCredits(),
                "credits_exhausted", exhausted);
        if (exhausted) {
            state = downOnNoCredits ? State.DOWN : State.UP;
            message = "TamTam " + Credits.KEY_ACCOUNTS_CREDIT_TYPE + " credits are exhausted (0 of "
                    + line.totalCredits() + " left): no company can be added until the account gets credits"
                    + (downOnNoCredits ? "" : "; not counted as down (healthCheckDownOnNoCredits=false)");
        } else {
            state = State.UP;
            message = line.remainingCredits() + " " + Credits.KEY_ACCOUNTS_CREDIT_TYPE + " credits left";
        }
    }

    @Override
    public String toString() {
        return "TamtamHealthCheck[" + id + "]";
    }
}
