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

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What one call does after an answer that is not a success, by its {@link RetryPolicy} and the server's
 * {@code Retry-After}: a 5xx, an I/O error or a malformed answer is retried after the Retry-After or a backoff while
 * retries are left; a 429 sends the same attempt again once the key's pacer allows (not a retry), until
 * {@code maxThrottleWait} from the call's first 429, on a nanosecond clock tests can move; a Retry-After beyond
 * {@code maxRetryWait}, or beyond what is left of {@code maxThrottleWait}, is not waited for. A failure is given as
 * its detail, the end of the failure's message; {@code null} means go on.
 */
final class CallRetries {

    private final RetryPolicy policy;
    private final LongSupplier clock;
    /** When the first 429 of this call came, valid once {@link #throttled}. */
    private long throttledSince;
    private volatile boolean throttled;

    /**
     * @param policy the retry policy of the client
     * @param clock  a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    CallRetries(RetryPolicy policy, LongSupplier clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Whether a 429 came: a request of this call went out, so the call is no longer unsent. */
    boolean throttled() {
        return throttled;
    }

    /** The failure detail when the server asks to wait longer than {@code maxRetryWait}, or null. */
    String beyondMaxRetryWait(Optional<Duration> retryAfter) {
        if (retryAfter.isPresent() && policy.exceedsCap(retryAfter.get())) {
            return " (Retry-After " + retryAfter.get().toSeconds() + " s exceeds maxRetryWait "
                    + policy.maxRetryWait().toMillis() + " ms)";
        }
        return null;
    }

    /** How long the key pauses after a 429: as the server asks, but never longer than {@code maxThrottleWait}. */
    Duration keyPause(Optional<Duration> retryAfter) {
        Duration maxThrottleWait = policy.maxThrottleWait();
        return retryAfter.map(wait -> wait.compareTo(maxThrottleWait) < 0 ? wait : maxThrottleWait)
                .orElse(Duration.ZERO);
    }

    /**
     * A 429 came (the first one starts the call's throttle time). The failure detail when the call was throttled
     * {@code maxThrottleWait} already, or when the Retry-After is beyond what is left of it; null to send the same
     * attempt again.
     */
    String throttledTooLong(Optional<Duration> retryAfter) {
        Duration maxThrottleWait = policy.maxThrottleWait();
        long now = clock.getAsLong();
        if (!throttled) {
            throttledSince = now;
            throttled = true;
        }
        long throttledMillis = TimeUnit.NANOSECONDS.toMillis(now - throttledSince);
        if (throttledMillis >= maxThrottleWait.toMillis()) {
            return " (still throttled " + throttledMillis + " ms after the first 429; maxThrottleWait "
                    + maxThrottleWait.toMillis() + " ms)";
        }
        if (retryAfter.isPresent() && throttledMillis + retryAfter.get().toMillis() > maxThrottleWait.toMillis()) {
            return " (Retry-After " + retryAfter.get().toSeconds() + " s is beyond maxThrottleWait "
                    + maxThrottleWait.toMillis() + " ms"
                    + (throttledMillis > 0 ? ", throttled " + throttledMillis + " ms already" : "")
                    + "; not waited for)";
        }
        return null;
    }

    /**
     * The wait before retrying attempt {@code attempt} (0 = first): the server's Retry-After, or the backoff; empty
     * when no retry is left.
     */
    Optional<Duration> retryWait(int attempt, Optional<Duration> retryAfter) {
        if (attempt >= policy.maxRetries()) {
            return Optional.empty();
        }
        return Optional.of(retryAfter.orElseGet(() -> policy.backoff(attempt + 1)));
    }

    /** The retries after the first attempt. */
    int maxRetries() {
        return policy.maxRetries();
    }
}
