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
package io.github.cameltamtam.component.tamtam.pacing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared pacer's fallback on a clock the test moves: a failed store call starts it, probes go at most once a
 * second after the last failure and one at a time, an answered probe ends it; failures are counted and a request the
 * store gave no slot to fails naming the store's type and what went wrong.
 */
class StoreFallbackTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final StoreFallback fallback = new StoreFallback("PostgreSQLSelectForUpdateBasedProxyManager",
            Duration.ofMillis(250), now::get);
    /** The probes made, answered by the test. */
    private final List<CompletableFuture<Long>> probes = new ArrayList<>();

    @Test
    void aStoreAnsweringIsNotInFallback() {
        assertFalse(fallback.active());
        assertTrue(fallback.answering());
        assertEquals(0, fallback.failures());
        assertEquals("PostgreSQLSelectForUpdateBasedProxyManager", fallback.storeName());
    }

    @Test
    void aFailedStoreCallStartsTheFallbackAndIsCounted() {
        fallback.failed(new CompletionException(new IllegalStateException("connection refused")));
        fallback.failed(new TimeoutException());

        assertTrue(fallback.active());
        assertFalse(fallback.answering());
        assertEquals(2, fallback.failures());
    }

    @Test
    void theStoreIsProbedAtMostOnceASecondAfterItsLastFailure() {
        fallback.failed(new TimeoutException());

        now.addAndGet(999 * MS);
        probe();
        assertEquals(0, probes.size(), "not within a second of the failure");

        now.addAndGet(MS);
        probe();
        assertEquals(1, probes.size());
    }

    @Test
    void onlyOneProbeAtATime() {
        fallback.failed(new TimeoutException());
        now.addAndGet(5_000 * MS);

        probe();
        probe();
        assertEquals(1, probes.size(), "a second probe while the first is unanswered");

        probes.get(0).completeExceptionally(new TimeoutException());
        now.addAndGet(1_000 * MS);
        probe();
        assertEquals(2, probes.size(), "the next probe once the first was answered");
    }

    @Test
    void aFailedProbeIsCountedAndWaitsAnotherSecond() {
        fallback.failed(new TimeoutException());
        now.addAndGet(1_000 * MS);
        probe();

        now.addAndGet(500 * MS);
        probes.get(0).completeExceptionally(new TimeoutException());
        assertTrue(fallback.active());
        assertEquals(2, fallback.failures());

        now.addAndGet(999 * MS);
        probe();
        assertEquals(1, probes.size(), "a second from the failed probe, not from the first failure");
        now.addAndGet(MS);
        probe();
        assertEquals(2, probes.size());
    }

    @Test
    void anAnsweredProbeEndsTheFallback() {
        fallback.failed(new TimeoutException());
        now.addAndGet(1_000 * MS);
        probe();

        probes.get(0).complete(-3L);

        assertFalse(fallback.active());
        assertTrue(fallback.answering());
        assertEquals(1, fallback.failures(), "the failures since start stay counted");
    }

    @Test
    void aRequestFailureNamesTheStoreAndTheTimeout() {
        TimeoutException timeout = new TimeoutException();

        PacerStoreException failure = fallback.requestFailure(new CompletionException(timeout));

        assertEquals("The shared pacer's store failed (PostgreSQLSelectForUpdateBasedProxyManager: did not answer "
                + "within 250 ms (pacerStoreTimeout)); failOnPacerStoreFailure is set: request not sent",
                failure.getMessage());
        assertSame(timeout, failure.getCause());
    }

    @Test
    void aRequestFindingTheStoreDownFailsWithTheStoresLastFailure() {
        IllegalStateException refused = new IllegalStateException("connection refused");
        fallback.failed(refused);

        PacerStoreException failure = fallback.requestFailure(null);

        assertEquals("The shared pacer's store failed (PostgreSQLSelectForUpdateBasedProxyManager: failed: "
                + "IllegalStateException (connection refused)); failOnPacerStoreFailure is set: request not sent",
                failure.getMessage());
        assertSame(refused, failure.getCause());
    }

    private void probe() {
        fallback.probe(() -> {
            CompletableFuture<Long> probe = new CompletableFuture<>();
            probes.add(probe);
            return probe;
        });
    }
}
