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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private final RetryPolicy defaults =
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));

    @RepeatedTest(20)
    void backoffStartsAtOneSecondAndDoublesWithJitter() {
        long first = defaults.backoff(1).toMillis();
        long second = defaults.backoff(2).toMillis();
        long third = defaults.backoff(3).toMillis();
        assertTrue(first >= 1000 && first <= 1500, "first retry waits 1–1.5 s, was " + first);
        assertTrue(second >= 2000 && second <= 3000, "second retry waits 2–3 s, was " + second);
        assertTrue(third >= 4000 && third <= 6000, "third retry waits 4–6 s, was " + third);
    }

    @Test
    void theJitterIsUpToHalfTheBackoffAsTheRandomNumberSays() {
        assertEquals(Duration.ofSeconds(1), defaults.backoff(1, 0));
        assertEquals(Duration.ofMillis(1250), defaults.backoff(1, 0.5));
        assertEquals(Duration.ofMillis(1500), defaults.backoff(1, Math.nextDown(1.0)));
        assertEquals(Duration.ofSeconds(4), defaults.backoff(3, 0));
        assertEquals(Duration.ofSeconds(6), defaults.backoff(3, Math.nextDown(1.0)));
    }

    @Test
    void noBackoffExceedsMaxRetryWait() {
        RetryPolicy capped = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(5));
        for (int retry = 1; retry <= 10; retry++) {
            assertTrue(capped.backoff(retry).compareTo(Duration.ofSeconds(5)) <= 0);
        }
        assertEquals(Duration.ofSeconds(5), capped.backoff(10));
    }

    @Test
    void retryAfterBeyondTheCapIsNotWaitedFor() {
        assertTrue(defaults.exceedsCap(Duration.ofHours(1)));
        assertFalse(defaults.exceedsCap(Duration.ofSeconds(30)));
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(Optional.of("7")));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("soon")));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.empty()));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")));
    }

    @Test
    void anHttpDateRetryAfterIsCountedFromNow() {
        Clock at = Clock.fixed(Instant.parse("2015-10-21T07:27:55Z"), ZoneOffset.UTC);

        assertEquals(Optional.of(Duration.ofSeconds(5)),
                RetryAfter.parse(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"), at));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(Optional.of("Wed, 21 Oct 2015 07:27:00 GMT"), at),
                "a date in the past: retry now, never a negative wait");
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("-5"), at), "negative seconds are not a header");
    }
}
