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
package io.github.cameltamtam.component.tamtam.keyaccounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress of long imports on a moved clock and a hand-driven scheduler: the line's figures, one task per
 * exchange started with it and cancelled when it completes, nothing scheduled with an interval of 0, and the
 * in-flight figures for the console and the metrics.
 */
class ImportProgressLogTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Scheduled> scheduled = new ArrayList<>();

    /** A task the scheduler was given: run it by hand; cancelled when the exchange completes. */
    private static final class Scheduled {
        final long intervalMillis;
        final Runnable task;
        boolean cancelled;

        Scheduled(long intervalMillis, Runnable task) {
            this.intervalMillis = intervalMillis;
            this.task = task;
        }
    }

    private ImportProgressLog log(long intervalMillis) {
        return new ImportProgressLog(intervalMillis, now::get, (interval, task) -> {
            Scheduled s = new Scheduled(interval, task);
            scheduled.add(s);
            return () -> s.cancelled = true;
        });
    }

    private void advanceSeconds(double seconds) {
        now.addAndGet((long) (seconds * TimeUnit.SECONDS.toNanos(1)));
    }

    @Test
    void theLineSaysHowFarAnImportHasCome() {
        ImportProgress progress = new ImportProgress("companies.csv", 1500, now.get());
        advanceSeconds(1.35);
        progress.sent(650);

        assertEquals("companies.csv: 650 of 1500 IDs sent (43 %), 481 IDs/s, about 2 s left", progress.line(now.get()));
    }

    @Test
    void beforeTheFirstAnswerTheTimeLeftIsNotGuessed() {
        ImportProgress progress = new ImportProgress("ID-abc-1", 120_000, now.get());
        advanceSeconds(10);

        assertEquals("ID-abc-1: 0 of 120000 IDs sent (0 %), 0 IDs/s", progress.line(now.get()));
    }

    @Test
    void oneTaskPerExchangeEveryIntervalCancelledWhenItCompletes() {
        ImportProgressLog log = log(10_000);
        CompletableFuture<String> sending = new CompletableFuture<>();
        AtomicReference<ImportProgress> progress = new AtomicReference<>();

        CompletableFuture<String> followed = log.follow("companies.csv", 1500, p -> {
            progress.set(p);
            return sending;
        });

        assertEquals(1, scheduled.size());
        assertEquals(10_000, scheduled.get(0).intervalMillis);
        advanceSeconds(10);
        progress.get().sent(500);
        assertEquals(1500, log.idsInFlight());
        assertEquals(500, log.idsSent());
        Map<String, Object> figures = log.inFlight().get(0);
        assertEquals(List.of("companies.csv", 1500, 500, 50L, 20L, 10L), List.copyOf(figures.values()));

        sending.complete("done");

        assertEquals("done", followed.join());
        assertTrue(scheduled.get(0).cancelled, "the task ends with the exchange");
        assertEquals(List.of(), log.inFlight());
        assertEquals(0, log.idsInFlight());
        scheduled.get(0).task.run(); // a tick racing the completion logs nothing and does not fail
    }

    @Test
    void aFailedImportIsNoLongerInFlight() {
        ImportProgressLog log = log(10_000);
        CompletableFuture<String> sending = new CompletableFuture<>();
        CompletableFuture<String> followed = log.follow("x", 10, p -> sending);

        sending.completeExceptionally(new IllegalStateException("boom"));

        assertTrue(followed.isCompletedExceptionally());
        assertTrue(scheduled.get(0).cancelled);
        assertEquals(List.of(), log.inFlight());
    }

    @Test
    void aStartThatThrowsLeavesNothingBehind() {
        ImportProgressLog log = log(10_000);

        assertThrows(IllegalStateException.class, () -> log.follow("x", 10, p -> {
            throw new IllegalStateException("not started");
        }));

        assertTrue(scheduled.get(0).cancelled);
        assertEquals(List.of(), log.inFlight());
    }

    @Test
    @SuppressWarnings("FutureReturnValueIgnored") // the call never ends here: only the figures are read
    void anIntervalOfZeroSchedulesNothingButTheFiguresRemain() {
        ImportProgressLog log = log(0);

        log.follow("x", 10, p -> new CompletableFuture<String>());

        assertEquals(List.of(), scheduled);
        assertEquals(10, log.idsInFlight());
    }

    @Test
    void sentNeverExceedsTheTotal() {
        ImportProgress progress = new ImportProgress("x", 10, now.get());
        progress.sent(50);
        advanceSeconds(1);

        assertEquals("x: 10 of 10 IDs sent (100 %), 10 IDs/s, about 0 s left", progress.line(now.get()));
    }
}
