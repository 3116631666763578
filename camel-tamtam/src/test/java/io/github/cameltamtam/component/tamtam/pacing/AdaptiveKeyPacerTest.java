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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adaptive pacer's rate after 429s, on a clock the test moves: cut to 0.7, a pause of at least 1 s, a cubic climb
 * back to the configured rate and never above it.
 */
class AdaptiveKeyPacerTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final AdaptiveKeyPacer pacer = new AdaptiveKeyPacer(new LocalKeyPacer(10), 10, now::get, () -> 0.5);

    @Test
    void withoutA429ThePacerRunsAtTheConfiguredRateAndAddsNoWait() {
        assertEquals(10.0, pacer.currentRate());
        assertEquals(0, pacer.gateDelay());
    }

    @Test
    void a429CutsTheRateToSeventyPercentAndPausesEveryRequestForAtLeastOneSecond() {
        pacer.throttled(Duration.ZERO);

        assertEquals(7.0, pacer.currentRate(), 1e-9);
        assertTrue(pacer.gateDelay() >= TimeUnit.SECONDS.toNanos(1), "the pause is at least the API's 1-second window");
        assertEquals(1, pacer.throttles());
    }

    @Test
    void thePauseIsTheWaitPlusUpToTenPercentJitter() {
        long second = TimeUnit.SECONDS.toNanos(1);
        assertEquals(second, AdaptiveKeyPacer.pauseNanos(Duration.ofSeconds(1), 0));
        assertEquals(second + second / 20, AdaptiveKeyPacer.pauseNanos(Duration.ofSeconds(1), 0.5));
        assertEquals(second + second / 10, AdaptiveKeyPacer.pauseNanos(Duration.ofSeconds(1), Math.nextDown(1.0)));

        AdaptiveKeyPacer noJitter = new AdaptiveKeyPacer(new LocalKeyPacer(10), 10, now::get, () -> 0);
        noJitter.throttled(Duration.ofSeconds(3));
        assertEquals(3 * second, noJitter.gateDelay(), "a Retry-After of 3 s without jitter pauses exactly 3 s");
    }

    @Test
    void aRetryAfterLongerThanOneSecondIsThePause() {
        pacer.throttled(Duration.ofSeconds(3));

        assertTrue(pacer.gateDelay() >= TimeUnit.SECONDS.toNanos(3));
    }

    @Test
    void theRateClimbsBackToTheConfiguredRateAndNeverAbove() {
        pacer.throttled(Duration.ZERO);
        double previous = pacer.currentRate();
        for (int tenths = 1; tenths <= 100; tenths++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
            double rate = pacer.currentRate();
            assertTrue(rate >= previous, "the climb never goes down: " + previous + " then " + rate);
            assertTrue(rate <= 10.0, "never above requestsPerSecond: " + rate);
            previous = rate;
        }
        assertEquals(10.0, pacer.currentRate());
        assertEquals(0, pacer.gateDelay(), "back at the configured rate, the pacer adds no wait");
    }

    @Test
    void requestsAlreadyOnTheirWayWhenTheRateWasCutDoNotCutItAgain() {
        pacer.throttled(Duration.ZERO);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
        double afterFirst = pacer.currentRate();

        pacer.throttled(Duration.ZERO); // answered 429 within the pause: sent before the cut

        assertEquals(afterFirst, pacer.currentRate(), 1e-9);
    }

    @Test
    void a429AfterThePauseCutsAgain() {
        pacer.throttled(Duration.ZERO);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1500));
        double beforeSecond = pacer.currentRate();

        pacer.throttled(Duration.ZERO);

        assertEquals(beforeSecond * 0.7, pacer.currentRate(), 1e-9);
    }

    @Test
    void a429SoonAfterThePauseCutsFromTheRateSentSinceThePauseNotFromAMostlyPausedSecond() {
        pacer.throttled(Duration.ZERO); // 10 -> 7, paused for 1 to 1.1 s
        for (int millis : new int[] {1200, 1300, 1400}) { // three requests let through after the pause
            now.set(TimeUnit.HOURS.toNanos(1) + TimeUnit.MILLISECONDS.toNanos(millis));
            pacer.granted(() -> {
            });
        }
        now.set(TimeUnit.HOURS.toNanos(1) + TimeUnit.MILLISECONDS.toNanos(1500));

        pacer.throttled(Duration.ZERO); // three requests in the 0.4 to 0.5 s since the pause: 6 to 7.5 per second

        assertTrue(pacer.currentRate() >= 0.7 * 6 - 1e-9,
                "cut from the rate sent since the pause, not from 3 in a mostly paused second: " + pacer.currentRate());
    }

    @Test
    void theRateNeverGoesBelowTheFloor() {
        for (int i = 0; i < 30; i++) {
            pacer.throttled(Duration.ZERO);
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1200));
        }
        assertTrue(pacer.currentRate() >= 0.5, "rate " + pacer.currentRate());
    }

    @Test
    void aSlotReservedBeforeA429ThatComesDuringThePauseIsHandedBackAndWaitedForAgain() throws Exception {
        List<CompletableFuture<KeyPacer.Permit>> asked = new CopyOnWriteArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        KeyPacer wrapped = new KeyPacer() {
            @Override
            public CompletableFuture<Permit> acquire(ScheduledExecutorService scheduler, Waiter wanted) {
                CompletableFuture<Permit> slot = new CompletableFuture<>();
                asked.add(slot);
                return slot;
            }

            @Override
            public void throttled(Duration pause) {
            }

            @Override
            public void limitTo(double requestsPerSecond) {
            }
        };
        AdaptiveKeyPacer adaptive = new AdaptiveKeyPacer(wrapped, 10, now::get, () -> 0.5);
        List<Long> delays = new CopyOnWriteArrayList<>();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                delays.add(unit.toNanos(delay));
                command.run(); // at once, in this thread: the test's clock is not the real one
                return super.schedule(() -> {
                }, 0, unit);
            }
        };
        try {
            CompletableFuture<KeyPacer.Permit> permit = adaptive.acquire(scheduler, () -> true);
            assertEquals(1, asked.size(), "no 429 yet: the wrapped pacer is asked at once");

            adaptive.throttled(Duration.ZERO);
            asked.get(0).complete(finished::incrementAndGet); // the slot reserved before the 429 comes now

            assertEquals(1, finished.get(), "the slot is handed back unused");
            assertFalse(permit.isDone(), "nothing is sent during the pause");
            assertEquals(1, delays.size());
            assertTrue(delays.get(0) >= TimeUnit.SECONDS.toNanos(1), "waits for the pause: " + delays);

            assertEquals(2, asked.size(), "after the wait the wrapped pacer is asked again");
            now.addAndGet(TimeUnit.SECONDS.toNanos(2)); // past the pause
            KeyPacer.Permit second = () -> {
            };
            asked.get(1).complete(second);
            assertSame(second, permit.get(10, TimeUnit.SECONDS));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aLowerRateAskedByAnotherEndpointCapsTheClimb() {
        pacer.limitTo(4);
        pacer.throttled(Duration.ZERO);
        now.addAndGet(TimeUnit.SECONDS.toNanos(30));

        assertEquals(4.0, pacer.currentRate());
    }
}
