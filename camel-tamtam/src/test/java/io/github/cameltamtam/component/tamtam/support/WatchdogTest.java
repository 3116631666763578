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
package io.github.cameltamtam.component.tamtam.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WatchdogTest {

    private final AtomicLong clock = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final Watchdog watchdog = new Watchdog(clock::get, null);

    @Test
    void workIsAskedEveryTickUntilItSaysItIsOver() {
        AtomicInteger asked = new AtomicInteger();
        watchdog.watch(now -> asked.incrementAndGet() == 3);

        for (int i = 0; i < 5; i++) {
            watchdog.tick();
            clock.addAndGet(Watchdog.TICK_NANOS);
        }

        assertEquals(3, asked.get(), "asked until it said it was over, not after");
        assertEquals(0, watchdog.watching());
    }

    @Test
    void workThatThrowsIsAskedAgainAtTheNextTickAndTheOthersAreStillAsked() {
        AtomicInteger failing = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        watchdog.watch(now -> {
            if (failing.incrementAndGet() == 1) {
                throw new OutOfMemoryError("injected: no memory yet");
            }
            return true;
        });
        watchdog.watch(now -> other.incrementAndGet() == 2);

        watchdog.tick();
        assertEquals(2, watchdog.watching());
        clock.addAndGet(Watchdog.TICK_NANOS);
        watchdog.tick();

        assertEquals(2, failing.get(), "asked again once it threw");
        assertEquals(2, other.get(), "asked at both ticks although the other one threw");
        assertEquals(0, watchdog.watching());
    }

    @Test
    void aLateTickGivesTheTimeItWasDueNotTheTimeItRan() {
        List<Long> given = new ArrayList<>();
        watchdog.watch(now -> {
            given.add(now);
            return false;
        });
        long start = clock.get();

        watchdog.tick();
        clock.addAndGet(Watchdog.TICK_NANOS + TimeUnit.SECONDS.toNanos(30)); // a scheduler 30 s behind
        watchdog.tick();
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(400)); // a tick that runs early
        watchdog.tick();

        assertEquals(List.of(start, start + Watchdog.TICK_NANOS, start + Watchdog.TICK_NANOS
                + TimeUnit.SECONDS.toNanos(30) + TimeUnit.MILLISECONDS.toNanos(400)), given);
    }

    @Test
    void whatFollowsAFutureRunsOnceFromItsContinuation() {
        CompletableFuture<String> source = new CompletableFuture<>();
        List<String> ran = new ArrayList<>();
        watchdog.whenComplete(source, (value, error) -> ran.add(value), null, "the source");

        source.complete("answer");
        for (int i = 0; i < 8; i++) {
            watchdog.tick();
            clock.addAndGet(Watchdog.TICK_NANOS);
        }

        assertEquals(List.of("answer"), ran, "once: the watchdog does not run it again");
        assertEquals(0, watchdog.watching());
    }

    @Test
    void whatFollowsAFutureWhoseContinuationWasLostRunsFromTheWatchdogOnceTheGracePassed() {
        CompletableFuture<String> source = new CompletableFuture<>() {
            @Override
            public CompletableFuture<String> whenComplete(BiConsumer<? super String, ? super Throwable> action) {
                return new CompletableFuture<>(); // the continuation is lost, as when an Error kills it
            }
        };
        List<String> ran = new ArrayList<>();
        watchdog.whenComplete(source, (value, error) -> ran.add(value), null, "the source");
        source.complete("answer");

        watchdog.tick(); // first seen complete
        clock.addAndGet(Watchdog.GRACE_NANOS - 1);
        watchdog.tick();
        assertEquals(List.of(), ran, "not before the grace");
        clock.addAndGet(1);
        watchdog.tick();

        assertEquals(List.of("answer"), ran);
        watchdog.tick();
        assertEquals(0, watchdog.watching());
    }

    @Test
    void anActionThatThrowsFailsItsTargetWithWhatItThrew() {
        CompletableFuture<String> target = new CompletableFuture<>();
        OutOfMemoryError thrown = new OutOfMemoryError("injected");

        watchdog.whenComplete(CompletableFuture.completedFuture("answer"), (value, error) -> {
            throw thrown;
        }, target, "the source");

        assertEquals(thrown, assertThrows(CompletionException.class, target::join).getCause());
        watchdog.tick();
        assertEquals(0, watchdog.watching());
    }

    @Test
    void itTicksFromTheFirstWorkOnUntilStoppedAndWatchesNothingAfter() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try {
            Watchdog ticking = new Watchdog(clock::get, scheduler);
            assertEquals(0, ticks(scheduler), "nothing watched, no tick");

            ticking.watch(now -> false);
            ticking.watch(now -> false);
            assertEquals(1, ticks(scheduler), "one tick for all the work");

            ticking.stop();
            ticking.watch(now -> false);
            assertEquals(0, ticking.watching(), "forgotten, and nothing new is watched");
            assertEquals(0, ticks(scheduler), "no tick once stopped");
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** The ticks the scheduler still has to run (a cancelled one waits in its queue until its time). */
    private static long ticks(ScheduledThreadPoolExecutor scheduler) {
        return scheduler.getQueue().stream().filter(task -> !((Future<?>) task).isCancelled()).count();
    }
}
