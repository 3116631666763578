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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slot arithmetic of one key on a clock the test moves: even spacing with the safety margin, order of
 * reservations, and the window guard that holds request k + N until request k was answered and a window has passed.
 */
class PacerSlotsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final PacerSlots slots = new PacerSlots(10, now::get);
    /** 1/10 s plus the 3 % margin. */
    private final long interval = slots.intervalNanos();

    @Test
    void theIntervalIsOneOverTheRatePlusTheSafetyMargin() {
        assertEquals(103 * MS, interval);
        assertEquals(10, slots.windowRequests());
        assertEquals(1030 * MS, slots.windowNanos(), "N / rate seconds plus the 3 % margin");

        PacerSlots slow = new PacerSlots(0.5, now::get);
        assertEquals(1, slow.windowRequests());
        assertEquals(2060 * MS, slow.windowNanos(), "one request per 2 s plus the margin");
    }

    @Test
    void reservationsMadeAtOnceGetSlotsOneIntervalApart() {
        for (int i = 0; i < 20; i++) {
            assertEquals(i * interval, slots.reserve().delayNanos(), "slot " + i);
        }
    }

    @Test
    void anIdlePacerGivesTheNextSlotAtOnce() {
        slots.reserve();
        now.addAndGet(5 * interval);

        assertEquals(0, slots.reserve().delayNanos(), "slots left unused in the past are not handed out");
        assertEquals(interval, slots.reserve().delayNanos());
    }

    @Test
    void startsAreNeverCloserThanTheInterval() {
        PacerSlots.Start first = slots.tryStart(slots.reserve().number());
        assertTrue(first.started());

        now.addAndGet(40 * MS);
        PacerSlots.Start second = slots.tryStart(slots.reserve().number());

        assertFalse(second.started());
        assertEquals(interval - 40 * MS, second.waitNanos(), "a late slot still waits out the interval");
    }

    @Test
    void reservationsStartInTheOrderTheyWereMadeUnlessCancelled() {
        PacerSlots oneASecond = new PacerSlots(1, now::get);
        assertTrue(oneASecond.tryStart(oneASecond.reserve().number()).started());
        long second = oneASecond.reserve().number();
        long third = oneASecond.reserve().number();

        PacerSlots.Start secondWaits = oneASecond.tryStart(second);
        PacerSlots.Start thirdWaits = oneASecond.tryStart(third);

        assertEquals(oneASecond.intervalNanos(), secondWaits.waitNanos(), "one interval after the first start");
        assertEquals(PacerSlots.RECHECK_NANOS, thirdWaits.waitNanos(),
                "queued behind the waiting one: asks again soon");

        oneASecond.cancel(second);
        assertEquals(oneASecond.intervalNanos(), oneASecond.tryStart(third).waitNanos(),
                "once the earlier reservation is cancelled, the interval alone holds it");
    }

    @Test
    void onlyEverLowersItsRate() {
        slots.limitTo(50);
        assertEquals(interval, slots.intervalNanos(), "a faster endpoint must not raise a shared key's rate");

        slots.limitTo(5);
        assertEquals(206 * MS, slots.intervalNanos(), "a slower endpoint lowers the shared rate");
        assertEquals(5, slots.windowRequests());
    }

    @Test
    void withSteadyLatencyTheWindowGuardCostsNothing() {
        long[] starts = startTen(250 * MS, 250 * MS);

        PacerSlots.Start eleventh = slots.tryStart(slots.reserve().number());

        assertTrue(eleventh.started(), "request 11 goes at its slot, one window after request 1: " + eleventh);
        assertEquals(starts[0] + 10 * interval, now.get());
    }

    @Test
    void aLateAnswerHoldsTheRequestOneWindowLaterByAsMuchAsItWasLate() {
        startTen(650 * MS, 250 * MS); // request 1 took 400 ms longer than the fastest answer

        long eleventh = slots.reserve().number();
        PacerSlots.Start held = slots.tryStart(eleventh);

        assertFalse(held.started());
        assertEquals(400 * MS, held.waitNanos(), "request 1 may have arrived up to 400 ms late");
        now.addAndGet(held.waitNanos());
        assertTrue(slots.tryStart(eleventh).started());
    }

    @Test
    void anUnansweredRequestHoldsTheRequestOneWindowLaterUntilItIsAnsweredOrStale() {
        long first = slots.tryStart(slots.reserve().number()).number(); // never answered
        for (int i = 1; i < 10; i++) {
            now.addAndGet(interval);
            slots.finished(slots.tryStart(slots.reserve().number()).number());
        }
        now.addAndGet(interval);
        long eleventh = slots.reserve().number();

        assertEquals(PacerSlots.RECHECK_NANOS, slots.tryStart(eleventh).waitNanos(), "waits for request 1's answer");

        now.addAndGet(PacerSlots.STALE_ANSWER_NANOS);
        assertTrue(slots.tryStart(eleventh).started(), "an answer 30 s overdue no longer holds the key back");
        slots.finished(first);
    }

    /**
     * Starts ten requests at their slots, one interval apart, moving the clock; each is answered {@code latency} after
     * its start ({@code firstLatency} for the first) when the clock passes that time. Leaves the clock at the eleventh
     * slot, later answers still in flight.
     *
     * @return the start times
     */
    private long[] startTen(long firstLatency, long latency) {
        long t0 = now.get();
        long[] starts = new long[10];
        long[] numbers = new long[10];
        boolean[] answered = new boolean[10];
        for (int i = 0; i <= 10; i++) {
            long t = t0 + i * interval;
            for (int k = 0; k < i; k++) { // answers due before this slot, in time order of their starts
                long due = starts[k] + (k == 0 ? firstLatency : latency);
                if (!answered[k] && due <= t) {
                    now.set(due);
                    slots.finished(numbers[k]);
                    answered[k] = true;
                }
            }
            now.set(t);
            if (i < 10) {
                PacerSlots.Start start = slots.tryStart(slots.reserve().number());
                assertTrue(start.started(), "request " + (i + 1) + " at its slot: " + start);
                starts[i] = t;
                numbers[i] = start.number();
            }
        }
        return starts;
    }
}
