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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Adaptive pacing, always on, in the manner of the AWS SDKs' adaptive retry mode: other programs may use the same key,
 * so a 429 means the key's real budget is smaller than configured. On a 429 this pacer pauses every request with the
 * key for at least the API's 1-second window (or the server's Retry-After) plus up to 10 % jitter, cuts its rate to
 * {@value #BETA} of the rate it measured (its own requests granted in the last second, or since the last pause ended),
 * then climbs back along a cubic curve (CUBIC, as the SDKs do) until it reaches the configured
 * {@code requestsPerSecond} again — never above it, never below {@value #MIN_RATE} per second. 429s answered within one pause of the cut (requests that were already on
 * their way) extend the pause but do not cut again. While the rate is at its maximum this pacer adds no wait; the
 * wrapped pacer ({@link LocalKeyPacer} or {@link SharedKeyPacer}) does the pacing and is told of every 429 (the shared
 * one puts its bucket in debt, so every replica slows down).
 */
public final class AdaptiveKeyPacer implements KeyPacer {

    /** The rate after a 429, as a fraction of the measured rate. */
    static final double BETA = 0.7;
    /** CUBIC's scale constant: how fast the rate climbs back (requests per second per cubed second). */
    static final double SCALE = 0.4;
    /** The lowest rate a cut goes to, in requests per second. */
    static final double MIN_RATE = 0.5;
    /** The shortest pause after a 429: the API counts requests over 1 second and sends no Retry-After. */
    static final Duration MIN_PAUSE = Duration.ofSeconds(1);

    /** The shortest time the rate is measured over; less than that, the measure is left out of a cut. */
    static final Duration MIN_MEASURE = Duration.ofMillis(200);

    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final KeyPacer pacer;
    private double maxRate;

    /** Whether the rate is below the maximum, or a pause is on; until then this pacer adds no wait. */
    private boolean slowed;
    private long pausedUntil;
    private long nextSlot;
    private long lastCut;
    /** CUBIC: the rate at the last cut and the time (in seconds) the curve takes to climb back to it. */
    private double rateAtCut;
    private double climbSeconds;
    /** Ring of the times the last requests were granted, to measure the rate actually sent. */
    private final long[] granted = new long[256];
    private long grants;
    private long throttles;

    private final LongSupplier clock;
    private final DoubleSupplier random;

    public AdaptiveKeyPacer(KeyPacer pacer, double requestsPerSecond) {
        this(pacer, requestsPerSecond, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * With a clock in nanoseconds ({@link System#nanoTime()} in production) and the source of the pause's jitter (a
     * number in [0, 1)), for tests.
     */
    AdaptiveKeyPacer(KeyPacer pacer, double requestsPerSecond, LongSupplier clock, DoubleSupplier random) {
        this.pacer = pacer;
        this.maxRate = requestsPerSecond;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public CompletableFuture<Permit> acquire(ScheduledExecutorService scheduler, Waiter wanted) {
        CompletableFuture<Permit> permit = new CompletableFuture<>();
        afterGate(scheduler, wanted, permit);
        return permit;
    }

    /** Passes this pacer's gate (no wait unless slowed down by a 429), then asks the wrapped pacer. */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void afterGate(ScheduledExecutorService scheduler, Waiter wanted,
            CompletableFuture<Permit> permit) {
        long delay = gateDelay();
        if (delay <= 0) {
            askWrapped(scheduler, wanted, permit);
            return;
        }
        try {
            wanted.waitsAtMost(delay);
            scheduler.schedule(() -> {
                try {
                    askWrapped(scheduler, wanted, permit);
                } catch (Throwable t) { // an Error too: the permit must complete
                    permit.completeExceptionally(t);
                }
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) { // scheduler shut down: the context is stopping
            permit.completeExceptionally(e);
        }
    }

    /**
     * Asks the wrapped pacer for its slot. A slot that comes while a pause is on (it was reserved before the 429) is
     * handed back unused and the request waits for the gate again: nothing is sent with the key during a pause.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void askWrapped(ScheduledExecutorService scheduler, Waiter wanted,
            CompletableFuture<Permit> permit) {
        if (permit.isDone()) {
            return;
        }
        CompletableFuture<Permit> inner = pacer.acquire(scheduler, wanted.and(() -> !permit.isDone()));
        permit.whenComplete((p, error) -> inner.complete(null)); // giving the outer slot up gives the inner one up
        inner.whenComplete((p, error) -> {
            if (error != null) {
                permit.completeExceptionally(error);
            } else if (p == null) {
                permit.complete(null);
            } else if (paused()) {
                p.finished();
                afterGate(scheduler, wanted, permit);
            } else if (!permit.complete(granted(p))) {
                p.finished();
            }
        });
    }

    private synchronized boolean paused() {
        return slowed && clock.getAsLong() - pausedUntil < 0;
    }

    /** How long to wait before asking the wrapped pacer: 0 unless slowed down by a 429. Reserves a slot if slowed. */
    synchronized long gateDelay() {
        if (!slowed) {
            return 0;
        }
        long now = clock.getAsLong();
        double rate = rate(now);
        if (rate >= maxRate && now - pausedUntil >= 0) {
            slowed = false;
            return 0;
        }
        long slot = latest(now, pausedUntil, nextSlot);
        nextSlot = slot + (long) (SECOND_NANOS / rate);
        return slot - now;
    }

    /** Records a request let through (package-private for tests). */
    Permit granted(Permit permit) {
        if (permit != null) {
            synchronized (this) {
                granted[(int) (grants++ % granted.length)] = clock.getAsLong();
            }
        }
        return permit;
    }

    @Override
    public void throttled(Duration pause) {
        Duration wait = pause.compareTo(MIN_PAUSE) < 0 ? MIN_PAUSE : pause;
        long pauseNanos = pauseNanos(wait, random.getAsDouble());
        synchronized (this) {
            long now = clock.getAsLong();
            long openSince = slowed ? pausedUntil : now - SECOND_NANOS;
            throttles++;
            pausedUntil = latest(now + pauseNanos, pausedUntil, now);
            if (!slowed || now - lastCut > pauseNanos) { // else: a request sent before the last cut
                cut(now, openSince);
            }
            slowed = true;
        }
        pacer.throttled(wait);
    }

    /** {@code wait} plus up to 10 % jitter: {@code random} in [0, 1) picks how much. */
    static long pauseNanos(Duration wait, double random) {
        return wait.toNanos() + (long) (random * (wait.toNanos() / 10 + 1));
    }

    /**
     * Cuts the rate to BETA of what was measured since {@code openSince} (the end of the last pause, at most a second
     * ago) and starts a new CUBIC climb from there.
     */
    private void cut(long now, long openSince) {
        double current = slowed ? rate(now) : maxRate;
        double measured = measuredRate(now, openSince);
        double base = measured > 0 ? Math.min(current, measured) : current;
        rateAtCut = base;
        climbSeconds = Math.cbrt(base * (1 - BETA) / SCALE);
        lastCut = now;
    }

    /** CUBIC: {@code SCALE (t - K)^3 + rateAtCut}, t seconds since the cut; within [MIN_RATE, maxRate]. */
    private double rate(long now) {
        double t = (now - lastCut) / (double) SECOND_NANOS - climbSeconds;
        double rate = SCALE * t * t * t + rateAtCut;
        return Math.max(Math.min(MIN_RATE, maxRate), Math.min(maxRate, rate));
    }

    /**
     * Requests granted per second over the last second, or over the part of it since the last pause ended: a second
     * that was mostly paused says nothing of the rate the key bears (counting it would cut a 429 right after a pause to
     * a fraction of BETA). 0 (unknown) when the gate was open for less than {@link #MIN_MEASURE}.
     */
    private double measuredRate(long now, long openSince) {
        long window = Math.min(SECOND_NANOS, now - openSince);
        if (window < MIN_MEASURE.toNanos()) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < Math.min(grants, granted.length); i++) {
            if (now - granted[i] <= window) {
                count++;
            }
        }
        return count * (double) SECOND_NANOS / window;
    }

    private static long latest(long a, long b, long c) {
        long latest = a - b >= 0 ? a : b;
        return latest - c >= 0 ? latest : c;
    }

    @Override
    public void limitTo(double requestsPerSecond) {
        synchronized (this) {
            if (requestsPerSecond < maxRate) {
                maxRate = requestsPerSecond;
            }
        }
        pacer.limitTo(requestsPerSecond);
    }

    /** The rate this pacer lets through now, in requests per second (the configured one unless slowed). */
    public synchronized double currentRate() {
        return slowed ? rate(clock.getAsLong()) : maxRate;
    }

    /** How many 429s this pacer was told of. */
    public synchronized long throttles() {
        return throttles;
    }

    @Override
    public SharedStoreState sharedStore() {
        return pacer.sharedStore();
    }

    @Override
    public void close() {
        pacer.close();
    }

    /** The pacer this one wraps. */
    public KeyPacer wrapped() {
        return pacer;
    }

    @Override
    public synchronized String toString() {
        return "AdaptiveKeyPacer[rate=" + currentRate() + "/s of " + maxRate + ", " + pacer + "]";
    }
}
