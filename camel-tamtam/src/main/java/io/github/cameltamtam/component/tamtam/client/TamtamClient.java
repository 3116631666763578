package io.github.cameltamtam.component.tamtam.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsRequest;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResponse;
import io.github.cameltamtam.component.tamtam.model.ProblemDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one {@code POST /v2/key-accounts} call asynchronously on the JDK {@link HttpClient}: waits for the key's
 * pacer slot, retries 429, 5xx, I/O errors and malformed answers per the {@link RetryPolicy}, and completes with the
 * parsed answer or a {@link TamtamApiException}. Never blocks a thread; never logs or reports the API key.
 */
public final class TamtamClient {

    static final String KEY_ACCOUNTS_PATH = "/v2/key-accounts";
    private static final Logger LOG = LoggerFactory.getLogger(TamtamClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http;
    private final URI keyAccountsUri;
    private final String apiKey;
    private final RequestPacer pacer;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final ScheduledExecutorService scheduler;
    private final Set<CompletableFuture<KeyAccountsResponse>> active = ConcurrentHashMap.newKeySet();

    public TamtamClient(HttpClient http, URI baseUri, String apiKey, RequestPacer pacer, RetryPolicy retryPolicy,
                        Duration requestTimeout, ScheduledExecutorService scheduler) {
        this.http = http;
        this.keyAccountsUri = URI.create(baseUri.toString() + KEY_ACCOUNTS_PATH);
        this.apiKey = apiKey;
        this.pacer = pacer;
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
        this.scheduler = scheduler;
    }

    /**
     * Adds one batch (at most 50 IDs).
     *
     * @param  request      the batch
     * @param  startAllowed asked when the pacer slot of the first attempt comes; false abandons the batch unsent
     * @param  requestCount incremented for every HTTP request sent
     * @return              the API's answer; {@code null} when the batch was abandoned before being sent
     */
    public CompletableFuture<KeyAccountsResponse> addKeyAccounts(KeyAccountsRequest request, BooleanSupplier startAllowed,
                                                                 AtomicInteger requestCount) {
        CompletableFuture<KeyAccountsResponse> result = new CompletableFuture<>();
        byte[] body;
        try {
            body = MAPPER.writeValueAsBytes(request);
        } catch (Exception e) {
            result.completeExceptionally(e);
            return result;
        }
        active.add(result);
        result.whenComplete((response, error) -> active.remove(result));
        new Call(request, body, startAllowed, requestCount, result).schedule(0, Duration.ZERO);
        return result;
    }

    /**
     * Fails every call still waiting for a slot, a retry or an answer, so that no exchange hangs when the endpoint
     * stops (its scheduler stops with it).
     */
    public void close() {
        for (CompletableFuture<KeyAccountsResponse> call : active) {
            call.completeExceptionally(new TamtamApiException(
                    "The tamtam endpoint was stopped before the TamTam API answered", 0, null, null, null, null));
        }
    }

    /** The state of one batch's attempts. */
    private final class Call {
        private final KeyAccountsRequest request;
        private final byte[] body;
        private final BooleanSupplier startAllowed;
        private final AtomicInteger requestCount;
        private final CompletableFuture<KeyAccountsResponse> result;

        Call(KeyAccountsRequest request, byte[] body, BooleanSupplier startAllowed, AtomicInteger requestCount,
             CompletableFuture<KeyAccountsResponse> result) {
            this.request = request;
            this.body = body;
            this.startAllowed = startAllowed;
            this.requestCount = requestCount;
            this.result = result;
        }

        /** Waits {@code wait}, then for a pacer slot, then sends attempt number {@code attempt} (0 = first). */
        void schedule(int attempt, Duration wait) {
            try {
                scheduler.schedule(() -> awaitSlot(attempt), wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) { // scheduler shut down: the context is stopping
                result.completeExceptionally(e);
            }
        }

        private void awaitSlot(int attempt) {
            RequestPacer.Reservation reservation = null;
            try {
                reservation = pacer.reserve();
                long slot = reservation.number();
                if (reservation.delayNanos() <= 0) {
                    start(attempt, slot);
                } else {
                    scheduler.schedule(() -> start(attempt, slot), reservation.delayNanos(), TimeUnit.NANOSECONDS);
                }
            } catch (RuntimeException e) {
                if (reservation != null) {
                    pacer.cancel(reservation.number());
                }
                result.completeExceptionally(e);
            }
        }

        private void start(int attempt, long reservation) {
            try {
                if (result.isDone()) { // failed by close(): the endpoint stopped
                    pacer.cancel(reservation);
                    return;
                }
                if (attempt == 0 && !startAllowed.getAsBoolean()) {
                    pacer.cancel(reservation);
                    result.complete(null);
                    return;
                }
                RequestPacer.Start start = pacer.tryStart(reservation);
                if (!start.started()) {
                    scheduler.schedule(() -> start(attempt, reservation), start.waitNanos(), TimeUnit.NANOSECONDS);
                } else {
                    send(attempt, start.number());
                }
            } catch (RuntimeException e) {
                pacer.cancel(reservation);
                result.completeExceptionally(e);
            }
        }

        /** Sends attempt {@code attempt}; {@code pacerStart} is told finished to the pacer once it is answered or failed. */
        private void send(int attempt, long pacerStart) {
            boolean sent = false;
            try {
                HttpRequest httpRequest = HttpRequest.newBuilder(keyAccountsUri)
                        .timeout(requestTimeout)
                        .header("Authorization", apiKey)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, application/problem+json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                requestCount.incrementAndGet();
                long started = System.nanoTime();
                if (LOG.isTraceEnabled()) {
                    LOG.trace("POST {} attempt {}: {}", KEY_ACCOUNTS_PATH, attempt + 1, new String(body));
                }
                // requestTimeout covers the wait for the response headers; a stalled body is cut at twice that
                http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
                        .orTimeout(requestTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                        .whenComplete((response, error) -> {
                            try {
                                pacer.finished(pacerStart);
                                onAnswer(attempt, started, response, error);
                            } catch (Throwable t) {
                                result.completeExceptionally(t);
                            }
                        });
                sent = true;
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                if (!sent) {
                    pacer.finished(pacerStart);
                }
            }
        }

        private void onAnswer(int attempt, long started, HttpResponse<byte[]> response, Throwable error) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                LOG.debug("POST {} ({} IDs) attempt {} failed after {} ms: {}", KEY_ACCOUNTS_PATH, size(), attempt + 1,
                        millis, cause.toString());
                retryOrFail(attempt, Optional.empty(), () -> new TamtamApiException(
                        "TamTam API request failed: " + cause.getClass().getSimpleName()
                                                                                     + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
                                                                                     + attempts(attempt),
                        0, null, null, null, cause));
                return;
            }
            int status = response.statusCode();
            LOG.debug("POST {} ({} IDs) attempt {} answered {} in {} ms", KEY_ACCOUNTS_PATH, size(), attempt + 1, status,
                    millis);
            if (LOG.isTraceEnabled()) {
                LOG.trace("POST {} answer {}: {}", KEY_ACCOUNTS_PATH, status, new String(response.body()));
            }
            if (status >= 200 && status < 300) {
                KeyAccountsResponse parsed;
                try {
                    parsed = MAPPER.readValue(response.body(), KeyAccountsResponse.class);
                } catch (IOException e) {
                    retryOrFail(attempt, Optional.empty(), () -> new TamtamApiException(
                            "TamTam API answered " + status + " with a malformed body (" + parseError(e) + ")"
                                                                                   + attempts(attempt),
                            status, null, null, null, e));
                    return;
                }
                result.complete(parsed);
                return;
            }
            ProblemDetail problem = problem(response.body());
            Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"));
            if (status == 429 || status >= 500) {
                if (retryAfter.isPresent() && retryPolicy.exceedsCap(retryAfter.get())) {
                    result.completeExceptionally(failure(status, problem, retryAfter.get(),
                            " (Retry-After " + retryAfter.get().toSeconds() + " s exceeds maxRetryWait "
                                                                                  + retryPolicy.maxRetryWait().toMillis() + " ms)"));
                    return;
                }
                retryOrFail(attempt, retryAfter,
                        () -> failure(status, problem, retryAfter.orElse(null), attempts(attempt)));
                return;
            }
            result.completeExceptionally(failure(status, problem, retryAfter.orElse(null), ""));
        }

        private void retryOrFail(int attempt, Optional<Duration> retryAfter,
                                 java.util.function.Supplier<TamtamApiException> failure) {
            if (attempt >= retryPolicy.maxRetries()) {
                result.completeExceptionally(failure.get());
                return;
            }
            Duration wait = retryAfter.orElseGet(() -> retryPolicy.backoff(attempt + 1));
            LOG.debug("Retrying POST {} ({} IDs) in {} ms (retry {} of {})", KEY_ACCOUNTS_PATH, size(), wait.toMillis(),
                    attempt + 1, retryPolicy.maxRetries());
            schedule(attempt + 1, wait);
        }

        private int size() {
            return request.getCompanyLinkedinIds() == null ? 0 : request.getCompanyLinkedinIds().size();
        }
    }

    private static String parseError(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }

    private static String attempts(int attempt) {
        return attempt == 0 ? "" : " after " + (attempt + 1) + " attempts";
    }

    private static TamtamApiException failure(int status, ProblemDetail problem, Duration retryAfter, String suffix) {
        StringBuilder message = new StringBuilder("TamTam API answered ").append(status);
        if (problem != null) {
            if (problem.getTitle() != null) {
                message.append(' ').append(problem.getTitle());
            }
            String detail = problem.getDetail() != null ? problem.getDetail() : problem.getMessage();
            if (detail != null) {
                message.append(": ").append(detail);
            }
            if (problem.getErrors() != null) {
                for (ProblemDetail.ProblemError e : problem.getErrors()) {
                    message.append("; ").append(e.location()).append(' ').append(e.message());
                    if (e.value() != null) {
                        message.append(" (value ").append(e.value()).append(')');
                    }
                }
            }
        }
        message.append(suffix);
        return new TamtamApiException(message.toString(), status, problem, retryAfter, null, null);
    }

    private static ProblemDetail problem(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readValue(body, ProblemDetail.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
