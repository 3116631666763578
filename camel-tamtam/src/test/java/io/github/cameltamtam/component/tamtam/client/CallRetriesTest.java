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
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One call's retry and 429 decisions on a clock the test moves: Retry-After against maxRetryWait, the key's pause,
 * the throttle time counted from the call's first 429 against maxThrottleWait, and the wait before a retry.
 */
class CallRetriesTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    /** 3 retries from 1 s, at most 30 s a wait, 60 s throttled at most. */
    private final CallRetries retries = new CallRetries(
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60)), now::get);

    @Test
    void aRetryAfterBeyondMaxRetryWaitIsNotWaitedFor() {
        assertEquals(" (Retry-After 31 s exceeds maxRetryWait 30000 ms)",
                retries.beyondMaxRetryWait(Optional.of(Duration.ofSeconds(31))));
        assertNull(retries.beyondMaxRetryWait(Optional.of(Duration.ofSeconds(30))), "at the cap: waited for");
        assertNull(retries.beyondMaxRetryWait(Optional.empty()));
    }

    @Test
    void theKeyPausesAsTheServerAsksButNeverBeyondMaxThrottleWait() {
        assertEquals(Duration.ofSeconds(5), retries.keyPause(Optional.of(Duration.ofSeconds(5))));
        assertEquals(Duration.ofSeconds(60), retries.keyPause(Optional.of(Duration.ofSeconds(90))));
        assertEquals(Duration.ZERO, retries.keyPause(Optional.empty()), "no Retry-After: the pacer decides");
    }

    @Test
    void throttlesAreSentAgainUntilMaxThrottleWaitFromTheFirst429() {
        assertFalse(retries.throttled());
        assertNull(retries.throttledTooLong(Optional.empty()));
        assertTrue(retries.throttled(), "a request of the call went out");

        now.addAndGet(59_999 * MS);
        assertNull(retries.throttledTooLong(Optional.empty()), "59.999 s after the first 429");

        now.addAndGet(MS);
        assertEquals(" (still throttled 60000 ms after the first 429; maxThrottleWait 60000 ms)",
                retries.throttledTooLong(Optional.empty()));
    }

    @Test
    void aRetryAfterBeyondWhatIsLeftOfMaxThrottleWaitFailsAtOnce() {
        assertEquals(" (Retry-After 61 s is beyond maxThrottleWait 60000 ms; not waited for)",
                retries.throttledTooLong(Optional.of(Duration.ofSeconds(61))));

        now.addAndGet(40_000 * MS);
        assertNull(retries.throttledTooLong(Optional.of(Duration.ofSeconds(20))), "40 s + 20 s: just within");
        assertEquals(" (Retry-After 21 s is beyond maxThrottleWait 60000 ms, throttled 40000 ms already; "
                + "not waited for)", retries.throttledTooLong(Optional.of(Duration.ofSeconds(21))));
    }

    @Test
    void aRetryWaitsTheRetryAfterOrTheBackoffWhileRetriesAreLeft() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), retries.retryWait(0, Optional.of(Duration.ofSeconds(7))));
        long backoff = retries.retryWait(1, Optional.empty()).orElseThrow().toMillis();
        assertTrue(backoff >= 2000 && backoff <= 3000, "the second retry's backoff is 2–3 s, was " + backoff);
        assertTrue(retries.retryWait(2, Optional.empty()).isPresent(), "the third retry");

        assertEquals(Optional.empty(), retries.retryWait(3, Optional.of(Duration.ofSeconds(1))), "no retry left");
        assertEquals(3, retries.maxRetries());
    }
}
