package io.github.cameltamtam.component.tamtam.client;

import java.util.concurrent.TimeUnit;

/**
 * Spaces the requests sent with one API key evenly: one slot every {@code 1/rate} seconds plus a safety margin, so
 * that no rolling 1-second window at the server holds more than the rate even when network jitter bunches arrivals a
 * little. No bursts: a request never goes out before its slot. Non-blocking: {@link #reserve()} only says how long to
 * wait.
 */
public final class RequestPacer {

    /** Added to the interval so that ~30 ms of jitter per 10 requests cannot push a window over the limit. */
    static final double SAFETY_MARGIN = 0.03;

    private long intervalNanos;
    private long nextSlotNanos = Long.MIN_VALUE;
    private long lastStartNanos = Long.MIN_VALUE;

    public RequestPacer(double requestsPerSecond) {
        this.intervalNanos = intervalFor(requestsPerSecond);
    }

    private static long intervalFor(double requestsPerSecond) {
        return (long) Math.ceil(TimeUnit.SECONDS.toNanos(1) / requestsPerSecond * (1 + SAFETY_MARGIN));
    }

    /** Lowers the rate when another endpoint sharing the key asks for less; never raises it. */
    public synchronized void limitTo(double requestsPerSecond) {
        intervalNanos = Math.max(intervalNanos, intervalFor(requestsPerSecond));
    }

    /**
     * Called when a reserved slot comes, right before sending: if a late request (a busy machine, a GC pause) went out
     * less than one interval ago, returns how long to wait still; else records the start and returns 0. So the real
     * sending times, not only the planned slots, are never closer than one interval.
     */
    public synchronized long tryStart() {
        long now = System.nanoTime();
        if (lastStartNanos != Long.MIN_VALUE) {
            long wait = lastStartNanos + intervalNanos - now;
            if (wait > 0) {
                return wait;
            }
        }
        lastStartNanos = now;
        return 0;
    }

    /** Plans the next free slot; returns how many nanoseconds from now the request should be sent (0 = now). */
    public synchronized long reserve() {
        long now = System.nanoTime();
        long slot = nextSlotNanos == Long.MIN_VALUE || nextSlotNanos - now < 0 ? now : nextSlotNanos;
        nextSlotNanos = slot + intervalNanos;
        return slot - now;
    }

    /** The spacing between two requests, in nanoseconds. */
    public synchronized long intervalNanos() {
        return intervalNanos;
    }
}
