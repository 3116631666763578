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

import java.util.Arrays;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The slot arithmetic of the in-JVM pacer ({@link LocalKeyPacer}), which waits for these slots on a scheduler.
 * Spaces the requests sent with one API key evenly: one slot every {@code 1/rate} seconds plus a safety margin. No
 * bursts: a request never goes out before its slot, and requests go out in the order their slots were reserved.
 * Non-blocking: {@link #reserve()} and {@link #tryStart(long)} only say how long to wait.
 * <p>
 * Even spacing alone cannot keep a rolling 1-second window at the server under the limit: the server counts
 * <em>arrivals</em>, and a request held up on its way (a new connection, a busy machine, a GC pause, network jitter)
 * arrives close to the next ones. So {@link #tryStart(long)} also keeps a window guard: with {@code N = floor(rate)}
 * and {@code W = N / rate} seconds (1 s for the API's 10/s), request {@code k + N} starts only once request {@code k}
 * was answered, and no sooner than {@code W} plus how late {@code k} was after its start: the time {@code k} took
 * beyond the fastest recent answer. That excess bounds how much later than usual {@code k} can have arrived, so no
 * {@code W} window at the server holds more than {@code N} arrivals, while steady latency (the same for every
 * request) costs no throughput: at the API's 10/s and 250 ms latency the guard does not slow the even spacing.
 * <p>
 * Protocol: {@link #reserve()}, wait its delay, then {@link #tryStart(long)} until it starts (waiting what it says in
 * between), or {@link #cancel(long)} the reservation if the request will not be sent after all; once started, call
 * {@link #finished(long)} when the answer, or a failure, has come.
 */
public final class PacerSlots {

    /** Added to the interval so that ~30 ms of jitter per 10 requests do not make the window guard wait. */
    static final double SAFETY_MARGIN = 0.03;
    /** Largest window guard; beyond it (very high rates) the guard's window just gets shorter. */
    static final int MAX_WINDOW_REQUESTS = 1000;
    /** How soon a start held back by an unanswered request, or by an earlier reservation, asks again. */
    static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** An answer that has not come after this long no longer holds other requests back (a safety net). */
    static final long STALE_ANSWER_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** A waiting reservation that has not asked again for this long (beyond its longest wait) is forgotten. */
    static final long STALE_WAITER_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private long intervalNanos;
    private long nextSlotNanos = Long.MIN_VALUE;
    private long lastStartNanos = Long.MIN_VALUE;
    private long reservations;
    /** Reservations whose slot came but that could not start yet, with when they last asked; the first goes first. */
    private final TreeMap<Long, Long> waiting = new TreeMap<>();

    private int windowRequests;
    private long windowNanos;
    /** Ring of the last starts: their start number, start time and answer time ({@link #IN_FLIGHT} until answered). */
    private final long[] startNumbers;
    private final long[] startedAt;
    private final long[] answeredAt;
    private long starts;
    private final LongSupplier clock;

    public PacerSlots(double requestsPerSecond) {
        this(requestsPerSecond, System::nanoTime);
    }

    /** With a clock in nanoseconds ({@link System#nanoTime()} in production), for tests. */
    public PacerSlots(double requestsPerSecond, LongSupplier clock) {
        this.clock = clock;
        this.intervalNanos = intervalFor(requestsPerSecond);
        this.windowRequests = windowRequestsFor(requestsPerSecond);
        this.windowNanos = windowNanosFor(requestsPerSecond, windowRequests);
        this.startNumbers = new long[windowRequests];
        this.startedAt = new long[windowRequests];
        this.answeredAt = new long[windowRequests];
        Arrays.fill(startNumbers, -1);
    }

    static long intervalFor(double requestsPerSecond) {
        return (long) Math.ceil(TimeUnit.SECONDS.toNanos(1) / requestsPerSecond * (1 + SAFETY_MARGIN));
    }

    private static int windowRequestsFor(double requestsPerSecond) {
        return (int) Math.max(1, Math.min(MAX_WINDOW_REQUESTS, Math.floor(requestsPerSecond)));
    }

    /** {@code N / rate} seconds plus the safety margin, which absorbs jitter in the answer leg of a late request. */
    private static long windowNanosFor(double requestsPerSecond, int windowRequests) {
        return (long) Math
                .ceil(TimeUnit.SECONDS.toNanos(1) * (windowRequests / requestsPerSecond) * (1 + SAFETY_MARGIN));
    }

    /** Lowers the rate when another endpoint sharing the key asks for less; never raises it. */
    public synchronized void limitTo(double requestsPerSecond) {
        long interval = intervalFor(requestsPerSecond);
        if (interval > intervalNanos) {
            intervalNanos = interval;
            // a lower rate has a window guard of at most as many requests: it fits the ring
            windowRequests = Math.min(windowRequests, windowRequestsFor(requestsPerSecond));
            windowNanos = windowNanosFor(requestsPerSecond, windowRequests);
        }
    }

    /** Plans the next free slot: the request should ask {@link #tryStart(long)} after the reservation's delay. */
    public synchronized Reservation reserve() {
        long now = clock.getAsLong();
        long slot = nextSlotNanos == Long.MIN_VALUE || nextSlotNanos - now < 0 ? now : nextSlotNanos;
        nextSlotNanos = slot + intervalNanos;
        return new Reservation(reservations++, slot - now);
    }

    /**
     * Called when a reserved slot comes, right before sending. Says to wait (a {@link Start} that did not start) while
     * an earlier reservation waits to start; or if a late request (a busy machine, a GC pause) went out less than one
     * interval ago, so the real sending times, not only the planned slots, are never closer than one interval; or if
     * the window guard (see the class comment) holds it back. Else records the start: the caller
     * must then call {@link #finished(long)} with its number once the answer, or a failure, has come.
     */
    public synchronized Start tryStart(long reservation) {
        long now = clock.getAsLong();
        forgetStaleWaiters(now);
        Long first = waiting.isEmpty() ? null : waiting.firstKey();
        if (first != null && first < reservation) {
            return wait(reservation, now, Math.min(RECHECK_NANOS, intervalNanos));
        }
        if (lastStartNanos != Long.MIN_VALUE) {
            long wait = lastStartNanos + intervalNanos - now;
            if (wait > 0) {
                return wait(reservation, now, wait);
            }
        }
        if (starts >= windowRequests) {
            int earlier = index(starts - windowRequests);
            long answered = answeredAt[earlier];
            if (answered == IN_FLIGHT && now - startedAt[earlier] < STALE_ANSWER_NANOS) {
                return wait(reservation, now, Math.min(RECHECK_NANOS, intervalNanos));
            }
            if (answered != IN_FLIGHT) {
                long lateBy = Math.max(0, answered - startedAt[earlier] - fastestAnswerNanos());
                long wait = startedAt[earlier] + lateBy + windowNanos - now;
                if (wait > 0) {
                    return wait(reservation, now, wait);
                }
            }
        }
        waiting.remove(reservation);
        long number = starts++;
        int i = index(number);
        startNumbers[i] = number;
        startedAt[i] = now;
        answeredAt[i] = IN_FLIGHT;
        lastStartNanos = now;
        return new Start(0, number);
    }

    /** The reservation will not be sent (e.g. its batch was abandoned): it no longer holds later ones back. */
    public synchronized void cancel(long reservation) {
        waiting.remove(reservation);
    }

    /** The answer (or failure) of start {@code number} has come; calling it again has no further effect. */
    public synchronized void finished(long number) {
        if (number < 0) {
            return;
        }
        int i = index(number);
        if (startNumbers[i] == number && answeredAt[i] == IN_FLIGHT) {
            answeredAt[i] = clock.getAsLong();
        }
    }

    /** The spacing between two requests, in nanoseconds. */
    public synchronized long intervalNanos() {
        return intervalNanos;
    }

    /** The window guard: at most this many requests arrive within {@link #windowNanos()}. */
    public synchronized int windowRequests() {
        return windowRequests;
    }

    /** The window of the guard, in nanoseconds. */
    public synchronized long windowNanos() {
        return windowNanos;
    }

    private Start wait(long reservation, long now, long waitNanos) {
        waiting.put(reservation, now);
        return new Start(waitNanos, -1);
    }

    /** A reservation that stopped asking (a lost task) must not hold every later request of the key back forever. */
    private void forgetStaleWaiters(long now) {
        long stale = Math.max(intervalNanos, windowNanos) + STALE_WAITER_NANOS;
        waiting.values().removeIf(lastAsked -> now - lastAsked > stale);
    }

    /** The shortest start-to-answer time among the recent answered requests: their normal trip, 0 when none. */
    private long fastestAnswerNanos() {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < startNumbers.length; i++) {
            if (startNumbers[i] >= 0 && answeredAt[i] != IN_FLIGHT) {
                fastest = Math.min(fastest, answeredAt[i] - startedAt[i]);
            }
        }
        return fastest == Long.MAX_VALUE ? 0 : fastest;
    }

    private int index(long number) {
        return (int) (number % startNumbers.length);
    }

    /**
     * The outcome of {@link #reserve()}.
     *
     * @param number     the reservation, to pass to {@link #tryStart(long)} or {@link #cancel(long)}
     * @param delayNanos how long from now the slot comes (0 = now)
     */
    public record Reservation(long number, long delayNanos) {
    }

    /**
     * The outcome of {@link #tryStart(long)}.
     *
     * @param waitNanos how long to wait before asking again; 0 when the request may go now
     * @param number    the start number to pass to {@link #finished(long)}; -1 when the request may not go yet
     */
    public record Start(long waitNanos, long number) {

        /** Whether the request may go now. */
        public boolean started() {
            return waitNanos <= 0;
        }
    }
}
