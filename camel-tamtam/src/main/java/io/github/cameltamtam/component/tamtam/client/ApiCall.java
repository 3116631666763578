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

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.model.ProblemDetail;
import io.github.cameltamtam.component.tamtam.pacing.KeyPacer;
import io.github.cameltamtam.component.tamtam.support.Futures;
import io.github.cameltamtam.component.tamtam.support.Watchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of a {@link TamtamClient} and the state of its attempts: waits for the key's pacer slot, sends
 * ({@link ApiTransport}), sorts the answer (success, 429, 5xx, 407, other 4xx, no answer) and retries, re-sends or
 * fails as {@link CallRetries} decides. {@link #result()} completes once, with the parsed answer, {@code null}
 * (abandoned unsent) or the failure.
 * <p>
 * Every step says by when the next one is due: a scheduled wait its end, the pacer each of its waits, a request in
 * flight the cut of a stalled answer (twice the request timeout). A call whose next step has not come
 * {@link Watchdog#GRACE_NANOS} past that moment waits on a task that was lost (an {@code OutOfMemoryError} killed it):
 * {@link #check(long)}, asked by the client's {@link Watchdog}, makes the lost cut itself, or fails the call.
 */
final class ApiCall<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TamtamClient.class);

    private final ApiTransport transport;
    private final KeyRedactor redactor;
    private final ApiFailures failures;
    private final KeyPacer pacer;
    private final CallRetries retries;
    private final ScheduledExecutorService scheduler;
    private final CallListener listener;
    private final ApiRequest<T> request;
    private final BooleanSupplier startAllowed;
    private final CallListener counts;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final long cutNanos;
    private final NextStep nextStep = new NextStep();
    private volatile ApiTransport.Attempt inFlight;
    /** The slot of the request in flight, until its answer has come. */
    private volatile KeyPacer.Permit permitInFlight;

    ApiCall(TamtamClient client, CallListener listener, ApiRequest<T> request, BooleanSupplier startAllowed,
            CallListener counts) {
        this.transport = client.transport;
        this.redactor = client.redactor;
        this.failures = client.failures;
        this.pacer = client.pacer;
        this.retries = new CallRetries(client.retryPolicy, System::nanoTime);
        this.scheduler = client.scheduler;
        this.listener = listener;
        this.request = request;
        this.startAllowed = startAllowed;
        this.counts = counts;
        this.cutNanos = client.requestTimeout.multipliedBy(2).toNanos();
    }

    /**
     * Asked by the client's {@link Watchdog} once a second: when the call's next step is overdue by more than
     * {@link Watchdog#GRACE_NANOS}, the task that should have made it was lost. A request in flight is then cut (as its
     * own cut would have: the answer fails with a {@code TimeoutException} and is retried or reported as usual); any
     * other step fails the call, giving its slot back.
     *
     * @param  nowNanos the time of the watchdog's tick, on {@link System#nanoTime()}
     * @return          true once the call is over
     */
    boolean check(long nowNanos) {
        if (result.isDone()) {
            return true;
        }
        long overdue = nextStep.lostFor(nowNanos);
        if (overdue < 0) {
            return false;
        }
        ApiTransport.Attempt attempt = inFlight;
        if (attempt != null && !attempt.answer().isDone()) {
            nextStep.within(0);
            LOG.warn("{}: its stalled answer was not cut in time (the task that should have was lost, e.g. to an "
                    + "OutOfMemoryError): cut now", request.describe());
            attempt.answer().completeExceptionally(new TimeoutException("no complete answer in time"));
            return result.isDone();
        }
        KeyPacer.Permit permit = permitInFlight;
        if (permit != null) {
            permit.finished();
        }
        String lost = request.describe() + " was failed: its next step was " + TimeUnit.NANOSECONDS.toSeconds(overdue)
                + " s overdue, so a task it waited on was lost (an OutOfMemoryError or another Error killed it); the "
                + "outcome of its requests is unknown";
        LOG.warn("{}", lost);
        result.completeExceptionally(TamtamApiException.noAnswer(lost, null));
        return true;
    }

    /** Waits {@code wait}, then for a pacer slot, then sends attempt number {@code attempt} (0 = first). */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    void schedule(int attempt, Duration wait) {
        try {
            nextStep.within(wait.toNanos());
            scheduler.schedule(() -> {
                try {
                    awaitSlot(attempt);
                } catch (Throwable t) { // an Error (OutOfMemoryError...) fails the call, never leaves it pending
                    result.completeExceptionally(t);
                }
            }, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) { // scheduler shut down: the context is stopping
            result.completeExceptionally(e);
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void awaitSlot(int attempt) {
        // the first attempt is given up unsent when its call is no longer wanted; any is when close() failed it
        CompletableFuture<KeyPacer.Permit> slot;
        try {
            nextStep.within(0);
            // once a request of this call went out (a 429 re-sends attempt 0), it is no longer "unsent": never abandon it
            slot = pacer.acquire(scheduler, nextStep.waiter(
                    () -> !result.isDone() && (attempt > 0 || retries.throttled() || startAllowed.getAsBoolean())));
        } catch (Throwable e) { // e.g. a shared pacer's store refusing at once; an Error too
            result.completeExceptionally(failures.pacerFailed(e));
            return;
        }
        result.whenComplete((answer, error) -> slot.complete(null));
        slot.whenComplete((permit, error) -> {
            try {
                nextStep.within(0);
                if (error != null) {
                    result.completeExceptionally(failures.pacerFailed(Futures.unwrap(error)));
                } else if (permit == null) {
                    result.complete(null);
                } else if (result.isDone()) {
                    permit.finished();
                } else {
                    send(attempt, permit);
                }
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
    }

    /** Sends attempt {@code attempt}; {@code permit} is told finished once it is answered or failed. */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void send(int attempt, KeyPacer.Permit permit) {
        boolean sent = false;
        try {
            HttpRequest httpRequest = transport.httpRequest(request);
            counts.requestSent();
            listener.requestSent();
            long started = System.nanoTime();
            permitInFlight = permit;
            nextStep.within(cutNanos);
            ApiTransport.Attempt current = transport.send(request, httpRequest, attempt);
            inFlight = current;
            if (result.isDone()) { // closed while sending
                cancelInFlight();
            }
            current.answer().whenComplete((response, error) -> {
                try {
                    nextStep.within(0);
                    if (error != null) {
                        cancelInFlight(); // a timed-out download must not go on
                    }
                    permit.finished();
                    permitInFlight = null;
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
                permit.finished();
            }
        }
    }

    /** Stops the attempt in progress, if any: no further byte of its answer is read, its connection is closed. */
    void cancelInFlight() {
        ApiTransport.Attempt current = inFlight;
        if (current != null) {
            current.cancel();
        }
    }

    private void onAnswer(int attempt, long started, HttpResponse<byte[]> response, Throwable error) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (error != null) {
            onFailure(attempt, millis, Futures.unwrap(error));
            return;
        }
        int status = response.statusCode();
        LOG.debug("{} attempt {} answered {} in {} ms", request.describe(), attempt + 1, status, millis);
        // no body at all: e.g. the JDK's own answer to a CONNECT refused by the proxy
        String text =
                response.body() == null ? "" : redactor.redact(new String(response.body(), StandardCharsets.UTF_8));
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} answer {}: {}", request.describe(), status, text);
        }
        Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"));
        if (status >= 200 && status < 300) {
            onSuccess(attempt, status, text);
        } else if (status == 429) {
            counts.throttled();
            listener.throttled();
            onThrottled(attempt, ApiFailures.problem(text), retryAfter);
        } else if (status >= 500) {
            if (status != 503) { // 503: refused; 500, 502, 504 may come after the work was done
                counts.outcomeUnknown();
            }
            retryHonouringRetryAfter(attempt, status, ApiFailures.problem(text), retryAfter);
        } else if (status == 407) {
            result.completeExceptionally(failures.answered(status, ApiFailures.problem(text), null,
                    " (Proxy Authentication Required: the proxy refused proxyUsername/proxyPassword)"));
        } else {
            result.completeExceptionally(
                    failures.answered(status, ApiFailures.problem(text), retryAfter.orElse(null), ""));
        }
    }

    /** 2xx: a well-formed answer completes the call; a malformed one is retried like an I/O error. */
    private void onSuccess(int attempt, int status, String text) {
        String defect;
        Throwable cause = null;
        T parsed = null;
        try {
            parsed = ApiJson.MAPPER.readValue(text, request.answerType());
            defect = parsed == null ? "the body is null" : request.check().defect(parsed);
        } catch (IOException e) {
            defect = redactor.redact(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
            cause = failures.safeCause(e);
        }
        if (defect == null) {
            result.complete(parsed);
            return;
        }
        String reason = defect;
        Throwable attached = cause;
        counts.outcomeUnknown(); // answered: the request was processed, but what it did is unreadable
        retryOrFail(attempt, Optional.empty(), () -> TamtamApiException.unusableAnswer(
                "TamTam API answered " + status + " with a malformed body (" + reason + ")"
                        + ApiFailures.attempts(attempt),
                status, attached));
    }

    /**
     * 429 Too Many Requests: the key's rate limit was hit. Throttling is not failure: the key's pacer is told (it
     * pauses and slows down every request with the key) and the same attempt goes again once it gives a slot,
     * without spending a retry. A Retry-After beyond maxRetryWait, or beyond what is left of maxThrottleWait, fails
     * at once (the key still pauses, for at most maxThrottleWait); otherwise a 429 past maxThrottleWait from this
     * call's first 429 fails the call.
     */
    private void onThrottled(int attempt, ProblemDetail problem, Optional<Duration> retryAfter) {
        String beyondMaxRetryWait = retries.beyondMaxRetryWait(retryAfter);
        if (beyondMaxRetryWait != null) {
            result.completeExceptionally(failures.answered(429, problem, retryAfter.get(), beyondMaxRetryWait));
            return;
        }
        pacer.throttled(retries.keyPause(retryAfter));
        String tooLong = retries.throttledTooLong(retryAfter);
        if (tooLong != null) {
            result.completeExceptionally(failures.answered(429, problem, retryAfter.orElse(null), tooLong));
            return;
        }
        LOG.debug("{} throttled (429): sent again when the key's pacer allows", request.describe());
        schedule(attempt, Duration.ZERO);
    }

    private void retryHonouringRetryAfter(int attempt, int status, ProblemDetail problem,
            Optional<Duration> retryAfter) {
        String beyondMaxRetryWait = retries.beyondMaxRetryWait(retryAfter);
        if (beyondMaxRetryWait != null) {
            result.completeExceptionally(failures.answered(status, problem, retryAfter.get(), beyondMaxRetryWait));
            return;
        }
        retryOrFail(attempt, retryAfter,
                () -> failures.answered(status, problem, retryAfter.orElse(null), ApiFailures.attempts(attempt)));
    }

    /**
     * No answer. I/O errors and timeouts are retried; a TLS failure, an answer over the size cap and a JVM error
     * (OutOfMemoryError...) are not: retrying cannot help.
     */
    private void onFailure(int attempt, long millis, Throwable cause) {
        String what = failures.describe(cause);
        if (!ApiFailures.neverReachedTheServer(cause)) {
            counts.outcomeUnknown();
        }
        LOG.debug("{} attempt {} failed after {} ms: {}", request.describe(), attempt + 1, millis, what);
        TamtamApiException notRetryable = failures.notRetryable(cause, what, request);
        if (notRetryable != null) {
            result.completeExceptionally(notRetryable);
            return;
        }
        retryOrFail(attempt, Optional.empty(), () -> TamtamApiException.noAnswer(
                "TamTam API request failed: " + what + ApiFailures.attempts(attempt), failures.safeCause(cause)));
    }

    private void retryOrFail(int attempt, Optional<Duration> retryAfter, Supplier<TamtamApiException> failure) {
        Optional<Duration> wait = retries.retryWait(attempt, retryAfter);
        if (wait.isEmpty()) {
            result.completeExceptionally(failure.get());
            return;
        }
        LOG.debug("Retrying {} in {} ms (retry {} of {})", request.describe(), wait.get().toMillis(), attempt + 1,
                retries.maxRetries());
        counts.retrying();
        listener.retrying();
        schedule(attempt + 1, wait.get());
    }

    /** The outcome of the call. */
    CompletableFuture<T> result() {
        return result;
    }
}
