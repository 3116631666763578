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
package io.github.cameltamtam.simulator;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sliding one-second log on a clock the test moves; no request, no wall-clock wait. */
class RateLimiterTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(5_000 * MS);
    private final RateLimiter limiter = new RateLimiter(3, now::get);

    @Test
    void admitsTheLimitWithinOneSecondAndRejectsTheNext() {
        for (int i = 0; i < 3; i++) {
            assertTrue(arriveAfter(100, "k").admitted());
        }
        assertFalse(arriveAfter(100, "k").admitted());
    }

    @Test
    void theArrivalTimeIsTheClocksReading() {
        now.set(42 * MS);
        assertEquals(42 * MS, limiter.arrive("k").nanos());
        assertEquals(42 * MS, limiter.arrive(null).nanos());
    }

    @Test
    void theWindowIsHalfOpenTheOldestLeavesExactlyOneSecondLater() {
        long first = now.get();
        limiter.arrive("k");
        arriveAfter(10, "k");
        arriveAfter(10, "k");
        now.set(first + 1_000 * MS - 1);
        assertFalse(limiter.arrive("k").admitted(), "the first is still 1 ns inside the window");
        now.set(first + 1_000 * MS);
        assertTrue(limiter.arrive("k").admitted(), "the first has left the window");
        assertFalse(limiter.arrive("k").admitted(), "the other two and the new one fill it");
    }

    @Test
    void aRejectedRequestConsumesNoAllowance() {
        long first = now.get();
        for (int i = 0; i < 3; i++) {
            limiter.arrive("k");
        }
        for (int i = 0; i < 50; i++) { // a client hammering the limit
            assertFalse(arriveAfter(10, "k").admitted());
        }
        now.set(first + 1_000 * MS);
        assertTrue(limiter.arrive("k").admitted(), "admitted as soon as the oldest admitted request left");
    }

    @Test
    void eachKeyHasItsOwnWindow() {
        for (int i = 0; i < 3; i++) {
            limiter.arrive("a");
        }
        assertFalse(limiter.arrive("a").admitted());
        assertTrue(limiter.arrive("b").admitted());
    }

    @Test
    void requestsWithoutAKeyAreNeverLimited() {
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.arrive(null).admitted());
            assertTrue(limiter.arrive("").admitted());
        }
        assertTrue(limiter.arrive("k").admitted(), "keyless requests took nothing from a key's window");
    }

    @Test
    void zeroIsUnlimitedAndTheLimitChangesForTheNextArrival() {
        limiter.setLimit(0);
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.arrive("k").admitted());
        }
        assertEquals(0, limiter.limit());
        limiter.setLimit(1);
        assertTrue(limiter.arrive("k").admitted(), "unlimited arrivals were not logged");
        assertFalse(limiter.arrive("k").admitted());
    }

    @Test
    void aNegativeLimitIsRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> limiter.setLimit(-1));
        assertEquals("rate limit must be >= 0: -1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(-5, now::get));
    }

    private RateLimiter.Arrival arriveAfter(long millis, String key) {
        now.addAndGet(millis * MS);
        return limiter.arrive(key);
    }
}
