package io.github.cameltamtam.component.tamtam;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cameltamtam.component.tamtam.client.CallListener;
import io.github.cameltamtam.component.tamtam.client.TamtamClient;
import io.github.cameltamtam.component.tamtam.credits.CreditsApi;
import io.github.cameltamtam.component.tamtam.model.CreditLine;
import io.github.cameltamtam.component.tamtam.model.Credits;
import io.github.cameltamtam.component.tamtam.support.Futures;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.util.URISupport;

/**
 * Readiness of a tamtam endpoint, in the {@code producers} health-check group (Camel Main's health endpoint, Spring
 * Boot's actuator, {@code camel get health}): asks {@code GET /v2/credits} through the endpoint's client (the key's
 * pacer, so it never pushes the key over its rate limit) at most once per {@code healthCheckInterval}, and reports the
 * last answer in between. DOWN when the API rejects the key (401/403) or when the {@code MaxKeyAccountsUnlocked}
 * credits are exhausted; UP otherwise (a network failure or a 5xx is shown in the details, and the exchanges report it
 * themselves). Readiness only: restarting the application fixes neither a key nor credits.
 */
public final class TamtamHealthCheck implements HealthCheck {

    private final String id;
    private final TamtamClient client;
    private final long intervalNanos;
    private final long firstAnswerWaitMillis;
    private volatile boolean enabled = true;

    private State state;
    private String message;
    private Map<String, Object> details = Map.of();
    private long askedAtNanos;
    private boolean asked;
    private CompletableFuture<Credits> pending;

    TamtamHealthCheck(TamtamEndpoint endpoint, TamtamClient client) {
        this.id = "producer:" + URISupport.sanitizeUri(endpoint.getEndpointUri());
        this.client = client;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(endpoint.getConfiguration().getHealthCheckInterval());
        this.firstAnswerWaitMillis = endpoint.getConfiguration().getRequestTimeout();
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

    @Override
    public Result call(Map<String, Object> options) {
        CompletableFuture<Credits> waitFor = null;
        synchronized (this) {
            long now = System.nanoTime();
            if (pending == null && (!asked || now - askedAtNanos >= intervalNanos)) {
                asked = true;
                askedAtNanos = now;
                CompletableFuture<Credits> ask = client.call(CreditsApi.credits(), CallListener.NONE);
                pending = ask;
                ask.whenComplete((credits, error) -> answered(ask, credits, error));
            }
            if (state == null) {
                waitFor = pending;
            }
        }
        if (waitFor != null) {
            try {
                waitFor.get(firstAnswerWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // answered() records a failure; a slow first answer is reported on a later call
            }
        }
        synchronized (this) {
            HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
            builder.details(details);
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
        details = Map.of("remaining_credits", line.remainingCredits(),
                "total_credits", line.totalCredits() == null ? -1 : line.totalCredits());
        if (line.remainingCredits() <= 0) {
            state = State.DOWN;
            message = "TamTam " + Credits.KEY_ACCOUNTS_CREDIT_TYPE + " credits are exhausted (0 of "
                      + line.totalCredits() + " left): no company can be added until the account gets credits";
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
