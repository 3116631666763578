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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The slots one replica holds reserved ahead in the shared bucket: at most its limit at once, the other reservations
 * waiting in order in this JVM; on close, how many were reserved and not used.
 */
class ReservationsAheadTest {

    private final List<String> made = new ArrayList<>();

    @Test
    void theLimitIsOneSecondOfSlotsAndAtLeastOne() {
        ReservationsAhead atTen = ReservationsAhead.oneSecondAt(10);
        for (int i = 0; i < 11; i++) {
            atTen.submit(reservation("r" + i));
        }
        assertEquals(10, made.size());

        made.clear();
        ReservationsAhead atAHalf = ReservationsAhead.oneSecondAt(0.5);
        atAHalf.submit(reservation("a"));
        atAHalf.submit(reservation("b"));
        assertEquals(List.of("a"), made);
    }

    @Test
    void reservationsBeyondTheLimitWaitAndRunInOrderAsSlotsCome() {
        ReservationsAhead ahead = new ReservationsAhead(2);
        for (String name : List.of("a", "b", "c", "d")) {
            ahead.submit(reservation(name));
        }
        assertEquals(List.of("a", "b"), made);

        ahead.done();
        assertEquals(List.of("a", "b", "c"), made);
        ahead.done();
        assertEquals(List.of("a", "b", "c", "d"), made);

        ahead.done();
        ahead.done();
        ahead.submit(reservation("e"));
        assertEquals(List.of("a", "b", "c", "d", "e"), made, "below the limit again: at once");
    }

    @Test
    void closeTellsTheSlotsReservedAndNotUsedAndDropsTheWaitingOnes() {
        ReservationsAhead ahead = new ReservationsAhead(3);
        for (String name : List.of("a", "b", "c", "d")) {
            ahead.submit(reservation(name));
        }
        ahead.done(); // a's slot came: d reserves

        assertEquals(3, ahead.close(), "b, c and d were reserved and their slots did not come");

        ahead.submit(reservation("e"));
        assertEquals(List.of("a", "b", "c", "d"), made, "nothing reserves after close");
    }

    private Runnable reservation(String name) {
        return () -> made.add(name);
    }
}
