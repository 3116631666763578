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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far one {@code keyAccounts} exchange has come: its distinct IDs, how many of them were sent and answered, since
 * when. Written by the batches as their answers arrive, read by {@link ImportProgressLog} for the progress line, the
 * dev console and the metrics.
 */
public final class ImportProgress {

    private final String label;
    private final int total;
    private final long startNanos;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Runnable> onEnd = new AtomicReference<>(ImportProgress::nothing);

    /**
     * @param label      the file name when the body came from a file, else the exchange id (never a secret)
     * @param total      the distinct IDs to send
     * @param startNanos when sending started, on the clock of {@link ImportProgressLog}
     */
    ImportProgress(String label, int total, long startNanos) {
        this.label = label;
        this.total = total;
        this.startNanos = startNanos;
    }

    /** What {@link #end()} runs, once. */
    void whenEnded(Runnable end) {
        onEnd.set(end);
    }

    /**
     * The import has ended: it is no longer in flight. Told by the batches right before their outcome completes, so
     * that whoever hears of that outcome sees the import ended; calling it again has no further effect.
     */
    public void end() {
        onEnd.getAndSet(ImportProgress::nothing).run();
    }

    private static void nothing() {
        // ended already
    }

    /** Counts the IDs of one batch once its request has completed (answered, or failed after its retries). */
    public void sent(int ids) {
        sent.addAndGet(ids);
    }

    public String label() {
        return label;
    }

    public int total() {
        return total;
    }

    public int sent() {
        return Math.min(sent.get(), total);
    }

    /** IDs sent per second since the start, rounded down; 0 before a second of data or before the first answer. */
    long idsPerSecond(long nowNanos) {
        long elapsed = nowNanos - startNanos;
        return elapsed <= 0 ? 0 : sent() * TimeUnit.SECONDS.toNanos(1) / elapsed;
    }

    /** Seconds left at the rate so far, rounded up; -1 while the rate is unknown. */
    long secondsLeft(long nowNanos) {
        long elapsed = nowNanos - startNanos;
        int done = sent();
        if (done == 0 || elapsed <= 0) {
            return -1;
        }
        long leftNanos = (long) ((double) (total - done) * elapsed / done);
        return (leftNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    /** E.g. {@code companies.csv: 650 of 1500 IDs sent (43 %), 480 IDs/s, about 2 s left}. */
    String line(long nowNanos) {
        int done = sent();
        StringBuilder sb = new StringBuilder(label).append(": ").append(done).append(" of ").append(total)
                .append(" IDs sent (").append(total == 0 ? 100 : (long) done * 100 / total).append(" %), ")
                .append(idsPerSecond(nowNanos)).append(" IDs/s");
        long left = secondsLeft(nowNanos);
        if (left >= 0) {
            sb.append(", about ").append(left).append(" s left");
        }
        return sb.toString();
    }

    /** The same figures by name, for the dev console. */
    Map<String, Object> snapshot(long nowNanos) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", label);
        values.put("ids", total);
        values.put("sent", sent());
        values.put("idsPerSecond", idsPerSecond(nowNanos));
        values.put("secondsLeft", secondsLeft(nowNanos));
        values.put("elapsedSeconds", TimeUnit.NANOSECONDS.toSeconds(nowNanos - startNanos));
        return values;
    }
}
