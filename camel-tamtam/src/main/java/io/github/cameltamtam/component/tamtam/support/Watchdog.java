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

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Keeps the asynchronous work of an exchange from waiting for ever on a task that was lost. An {@code Error} (an
 * {@code OutOfMemoryError} above all) can kill any task on the way: a scheduled wait, a continuation of a
 * {@code CompletableFuture}, a thread of the JDK's HTTP client; and the code that would fail the exchange with it may
 * itself run out of memory. What such a task should have done never happens. The watchdog asks every piece of work it
 * watches, once a {@link #TICK_NANOS second}, whether it still waits on something that will come; work that says no is
 * ended then, or at a later tick if ending it fails too (memory may come back). What follows a future is made safe the
 * same way with {@link #whenComplete}.
 * <p>
 * A tick that runs late (a busy scheduler) makes every watched wait look longer by as much: the time a {@link Watched}
 * is given is the time the tick was due, so that work is never ended for the scheduler's lateness.
 */
public final class Watchdog {

    /** How often the watched work is asked. */
    public static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * How long past the moment something was due a wait is taken for lost: longer than any scheduling delay of a
     * healthy JVM, short enough that an exchange fails within seconds once memory is back.
     */
    public static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A piece of asynchronous work the watchdog asks. */
    @FunctionalInterface
    public interface Watched {

        /**
         * Asked once a tick: ends what waits on a lost task (a no-op when nothing does).
         *
         * @param  nowNanos the time of the tick on the watchdog's clock ({@link System#nanoTime()} in production)
         * @return          true once the work is over: it is no longer watched
         */
        boolean check(long nowNanos);
    }

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final LongSupplier clock;
    private final ScheduledExecutorService scheduler;
    private long nextDue = Long.MIN_VALUE;
    private volatile boolean ticking;
    private ScheduledFuture<?> ticks;
    private volatile boolean stopped;

    /**
     * @param clock     in nanoseconds ({@link System#nanoTime()} in production; a test's own clock in tests)
     * @param scheduler where the watchdog ticks, from the first work watched on; null: only {@link #tick()} asks (tests)
     */
    public Watchdog(LongSupplier clock, ScheduledExecutorService scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Starts ticking, once a second, until {@link #stop()} or the scheduler's shutdown; a no-op once stopped. */
    private synchronized void start() {
        if (ticking || stopped || scheduler == null) {
            return;
        }
        try {
            ticks = scheduler.scheduleWithFixedDelay(this::tickSafely, TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
            ticking = true;
        } catch (RejectedExecutionException stopping) {
            // the scheduler is shut down: nothing is waiting on it any more
        }
    }

    /** Stops ticking for good; what is still watched, or is given to watch later, is forgotten. */
    public synchronized void stop() {
        stopped = true;
        ticking = false;
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
        watched.clear();
    }

    /** Watches {@code work} until its {@link Watched#check} says it is over. */
    public void watch(Watched work) {
        if (stopped) {
            return;
        }
        watched.add(work);
        if (!ticking) {
            start();
        }
    }

    /**
     * Runs {@code action} once {@code source} completes, exactly once: from its continuation, or from this watchdog when
     * the continuation was lost (see {@link WatchedContinuation}).
     *
     * @param target fails with what the action throws; null when there is nothing to fail (the action is the end)
     * @param what   names the source in the WARN logged when the watchdog runs the action (never a secret)
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the continuation completes its own target
    public <T> void whenComplete(CompletableFuture<T> source, BiConsumer<? super T, ? super Throwable> action,
            CompletableFuture<?> target, String what) {
        WatchedContinuation<T> continuation = new WatchedContinuation<>(source, action, target, what);
        watch(continuation);
        source.whenComplete(continuation::run);
    }

    /** How many pieces of work are watched now. */
    public int watching() {
        return watched.size();
    }

    /** A periodic task that throws is never run again: nothing, an {@code Error} included, leaves this one. */
    private void tickSafely() {
        try {
            tick();
        } catch (Throwable error) { // reporting it could fail the same way
            // nothing: the next tick asks again
        }
    }

    /** Asks every watched piece of work once; what throws (no memory yet) is asked again at the next tick. */
    public void tick() {
        long now = clock.getAsLong();
        long due = nextDue == Long.MIN_VALUE || now - nextDue < 0 ? now : nextDue;
        for (Iterator<Watched> works = watched.iterator(); works.hasNext();) {
            Watched work = works.next();
            try {
                if (work.check(due)) {
                    works.remove();
                }
            } catch (Throwable error) {
                // asked again at the next tick
            }
        }
        nextDue = clock.getAsLong() + TICK_NANOS;
    }
}
