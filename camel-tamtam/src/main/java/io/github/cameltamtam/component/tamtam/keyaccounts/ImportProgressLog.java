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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code keyAccounts} exchanges of one endpoint that are sending, and their progress: while an exchange runs longer
 * than {@code progressInterval}, one INFO line per interval ({@link ImportProgress#line}); the same figures for the
 * dev console ({@link #inFlight()}) and the metrics ({@link #idsInFlight()}, {@link #idsSent()}). Nothing is logged for
 * an exchange shorter than the interval, nor at all with an interval of 0. Time and scheduling are injected, so that
 * tests move them by hand.
 */
public final class ImportProgressLog {

    /** Runs a task every interval until cancelled. */
    @FunctionalInterface
    public interface Scheduler {
        /** Returns cancels the task. */
        Runnable every(long intervalMillis, Runnable task);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImportProgressLog.class);

    private final long intervalMillis;
    private final LongSupplier nanoClock;
    private final Scheduler scheduler;
    private final Set<ImportProgress> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * @param intervalMillis the progress interval; 0 logs nothing (the console and metrics still see the exchanges)
     * @param nanoClock      a monotonic clock in nanoseconds ({@code System::nanoTime})
     * @param scheduler      runs the progress line of an exchange every interval
     */
    public ImportProgressLog(long intervalMillis, LongSupplier nanoClock, Scheduler scheduler) {
        this.intervalMillis = intervalMillis;
        this.nanoClock = nanoClock;
        this.scheduler = scheduler;
    }

    /**
     * Follows one exchange from now until {@code sending} completes.
     *
     * @param  start starts sending, counting each completed batch on the progress it is given
     * @return       what {@code start} returns
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the safety net's own stage: nobody waits on it
    public <T> CompletableFuture<T> follow(String label, int ids,
            Function<ImportProgress, CompletableFuture<T>> start) {
        ImportProgress progress = new ImportProgress(label, ids, nanoClock.getAsLong());
        inFlight.add(progress);
        Runnable cancel = intervalMillis > 0 ? scheduler.every(intervalMillis, () -> log(progress)) : () -> {
        };
        progress.whenEnded(() -> {
            cancel.run();
            inFlight.remove(progress);
        });
        CompletableFuture<T> sending;
        try {
            sending = start.apply(progress);
        } catch (RuntimeException e) {
            progress.end();
            throw e;
        }
        // the work ends its progress itself (ImportProgress.end()) before it completes; this is the safety net. No
        // stage is added between the work and the caller, so nothing but the work itself decides when that completes
        sending.whenComplete((result, error) -> progress.end());
        return sending;
    }

    private void log(ImportProgress progress) {
        if (inFlight.contains(progress)) {
            LOG.info("{}", progress.line(nanoClock.getAsLong()));
        }
    }

    /** The figures of every exchange sending now. */
    public List<Map<String, Object>> inFlight() {
        long now = nanoClock.getAsLong();
        List<Map<String, Object>> list = new ArrayList<>();
        for (ImportProgress progress : inFlight) {
            list.add(progress.snapshot(now));
        }
        return list;
    }

    /** The distinct IDs of the exchanges sending now. */
    public long idsInFlight() {
        long ids = 0;
        for (ImportProgress progress : inFlight) {
            ids += progress.total();
        }
        return ids;
    }

    /** Of {@link #idsInFlight()}, those already sent and answered. */
    public long idsSent() {
        long ids = 0;
        for (ImportProgress progress : inFlight) {
            ids += progress.sent();
        }
        return ids;
    }
}
