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
package io.github.cameltamtam.component.tamtam.ids;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compact ID set behaves as a {@code LinkedHashSet<String>}: same members, same order, every ID read back as given. */
class CompactIdSetTest {

    @Test
    void plainNumbersAreKeptAsNumbersAndEveryOtherIdAsItsText() {
        assertEquals(2045, IdSequence.numberOf("2045"));
        assertEquals(0, IdSequence.numberOf("0"));
        assertEquals(Long.MAX_VALUE, IdSequence.numberOf("9223372036854775807"));
        for (String kept : List.of("0123", "00", "+5", "-5", "", "12a", " 12", "9223372036854775808",
                "9999999999999999999", "12345678901234567890", "\u0661\u0662\u0663")) {
            assertEquals(-1, IdSequence.numberOf(kept), kept + " does not round-trip through a long");
        }
    }

    @Test
    void idsReadBackExactlyAsAddedInInsertionOrder() {
        List<String> ids = List.of("2045", "0123", "9999999999999999999", "9223372036854775807", "+7", "7", "0",
                "123", "abc");
        CompactIdSet set = new CompactIdSet();
        ids.forEach(id -> assertTrue(set.add(id), id));

        assertEquals(ids, set.toList());
        assertEquals(ids.size(), set.size());
    }

    @Test
    void anIdAddedAgainIsNotAddedAndKeepsItsFirstPlace() {
        CompactIdSet set = new CompactIdSet();
        assertTrue(set.add("1"));
        assertTrue(set.add("0001"));
        assertTrue(set.add("2"));

        assertFalse(set.add("1"));
        assertFalse(set.add("0001"), "a text ID is de-duplicated too");
        assertTrue(set.contains("0001"));
        assertFalse(set.contains("01"), "0001 and 01 are different texts");
        assertFalse(set.contains("3"));
        assertEquals(List.of("1", "0001", "2"), set.toList());
    }

    @Test
    void growsPastItsInitialCapacityKeepingOrderAndMembers() {
        CompactIdSet set = new CompactIdSet();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String id = i % 1000 == 0 ? "0" + i : Long.toString(1_000_000_000L + i * 7919L);
            expected.add(id);
            assertTrue(set.add(id));
        }
        for (String id : expected) {
            assertTrue(set.contains(id), id);
            assertFalse(set.add(id), id);
        }
        assertEquals(expected.size(), set.size());
        assertEquals(expected, set.toList());
    }

    @Test
    void aCopyAndTheListAreIndependentOfLaterAdditions() {
        CompactIdSet set = new CompactIdSet();
        set.add("1");
        CompactIdSet copy = set.copy();
        List<String> list = set.toList();

        set.add("2");
        copy.add("3");

        assertEquals(List.of("1"), list);
        assertTrue(copy.contains("3"));
        assertFalse(copy.contains("2"));
        assertFalse(set.contains("3"));
    }

    @Test
    void clearEmptiesTheSet() {
        CompactIdSet set = new CompactIdSet();
        set.add("1");
        set.add("x");

        set.clear();

        assertEquals(0, set.size());
        assertFalse(set.contains("1"));
        assertFalse(set.contains("x"));
        assertTrue(set.add("x"));
        assertEquals(List.of("x"), set.toList());
    }

    /** Random IDs of every shape, many duplicates: the compact set and a LinkedHashSet agree at every step. */
    @Test
    void agreesWithLinkedHashSetOnRandomInput() {
        Random random = new Random(19);
        for (int round = 0; round < 20; round++) {
            CompactIdSet compact = new CompactIdSet();
            Set<String> reference = new LinkedHashSet<>();
            int count = 1 + random.nextInt(20_000);
            for (int i = 0; i < count; i++) {
                String id = randomId(random);
                assertEquals(reference.add(id), compact.add(id), id);
                String probe = randomId(random);
                assertEquals(reference.contains(probe), compact.contains(probe), probe);
            }
            assertEquals(reference.size(), compact.size());
            assertEquals(new ArrayList<>(reference), compact.toList());
        }
    }

    private static String randomId(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "0" + random.nextInt(1000); // leading zero: kept as text
            case 1 -> Long.toUnsignedString(Long.MAX_VALUE + 1L + random.nextInt(1000)); // above Long.MAX_VALUE
            case 2 -> Long.toString(Long.MAX_VALUE - random.nextInt(3));
            case 3 -> "+" + random.nextInt(100);
            case 4 -> Long.toString(random.nextLong() & Long.MAX_VALUE); // up to 19 digits
            default -> Integer.toString(random.nextInt(5000)); // small: many duplicates
        };
    }
}
