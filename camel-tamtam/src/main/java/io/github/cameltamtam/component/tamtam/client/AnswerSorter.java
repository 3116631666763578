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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.model.ProblemDetail;
import io.github.cameltamtam.component.tamtam.pacing.KeyPacer;
import io.github.cameltamtam.component.tamtam.support.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one answer of an {@link ApiCall} means, and what the call does next: a well-formed 2xx completes it; a 429 slows
 * the key down and sends the same attempt again once the key's pacer allows (not a retry); a 5xx, an I/O error, a
 * timeout and a malformed 2xx are retried as {@link CallRetries} decides; a 407, another 4xx, a TLS failure, an answer
 * over the size cap and a JVM error fail the call. Every text taken from an answer is redacted of the key.
 *
 * @param <T> the parsed answer
 */
final class AnswerSorter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TamtamClient.class);

    /** Sends an attempt of the call again. */
    @FunctionalInterface
    interface Next {

        /** Waits {@code wait}, then for a pacer slot, then sends attempt number {@code attempt}. */
        void sendAgain(int attempt, Duration wait);
    }

    private final ApiRequest<T> request;
    private final KeyRedactor redactor;
    private final ApiFailures failures;
    private final KeyPacer pacer;
    private final CallRetries retries;
    private final CallListener listener;
    private final CallListener counts;
    private final CompletableFuture<T> result;
    private final Next next;

    /**
     * @param listener the client's listener (the endpoint's metrics)
     * @param counts   the caller's listener of this call
     * @param result   the call's outcome, completed here with the answer or the failure
     * @param next     sends an attempt again (a retry, or the same attempt after a 429)
     */
    AnswerSorter(ApiRequest<T> request, TamtamClient client, CallRetries retries, CallListener listener,
            CallListener counts, CompletableFuture<T> result, Next next) {
        this.request = request;
        this.redactor = client.redactor;
        this.failures = client.failures;
        this.pacer = client.pacer;
        this.retries = retries;
        this.listener = listener;
        this.counts = counts;
        this.result = result;
        this.next = next;
    }

    /**
     * Sorts the answer of attempt {@code attempt} (0 = first), sent at {@code started} ({@link System#nanoTime()}):
     * {@code response}, or {@code error} when none came.
     */
    void sort(int attempt, long started, HttpResponse<byte[]> response, Throwable error) {
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
        next.sendAgain(attempt, Duration.ZERO);
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
        next.sendAgain(attempt + 1, wait.get());
    }
}
