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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The compact ID lists are ordinary read-only lists of the IDs' text, built without copying an ID. */
class IdListTest {

    private static final List<String> IDS = List.of("10", "0011", "12", "9999999999999999999", "14", "15");

    @Test
    void aViewIsAReadOnlyRandomAccessListOfTheIdsText() {
        IdList list = compact(IDS);

        assertEquals(6, list.size());
        assertEquals("0011", list.get(1));
        assertEquals("9999999999999999999", list.get(3));
        assertInstanceOf(RandomAccess.class, list);
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(6));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
        List<String> iterated = new ArrayList<>();
        for (Iterator<String> it = list.iterator(); it.hasNext();) {
            iterated.add(it.next());
        }
        assertEquals(IDS, iterated);
    }

    @Test
    void equalsAndHashCodeAreThoseOfAnyListOfTheSameIds() {
        IdList list = compact(IDS);

        assertEquals(IDS, list);
        assertEquals(list, IDS);
        assertEquals(new ArrayList<>(IDS), list);
        assertEquals(IDS.hashCode(), list.hashCode());
        assertNotEquals(IDS.subList(0, 5), list);
        assertEquals(IDS.toString(), list.toString());
    }

    @Test
    void everyMutatorThrows() {
        IdList list = compact(IDS);

        assertThrows(UnsupportedOperationException.class, () -> list.add("16"));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, "16"));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
        assertThrows(UnsupportedOperationException.class, () -> list.clear());
        assertThrows(UnsupportedOperationException.class, () -> list.subList(0, 2).clear());
        Iterator<String> iterator = list.iterator();
        iterator.next();
        assertThrows(UnsupportedOperationException.class, iterator::remove);
        assertEquals(IDS, list);
    }

    @Test
    void aSubListIsACompactViewOfTheSameIds() {
        IdList list = compact(IDS);

        IdList middle = list.subList(1, 4);

        assertEquals(IDS.subList(1, 4), middle);
        assertEquals(IDS.subList(2, 3), middle.subList(1, 2));
        assertEquals(List.of(), list.subList(6, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> list.subList(2, 7));
    }

    @Test
    void aBuilderKeepsARangeOrPositionsAndBuildsACompactList() {
        IdList list = compact(IDS);
        IdListBuilder range = new IdListBuilder();
        IdListBuilder picked = new IdListBuilder();
        for (int i = 0; i < list.size(); i++) {
            range.add(list, i);
            if (i % 2 == 1) {
                picked.add(list, i);
            }
        }

        assertEquals(IDS, range.build());
        assertInstanceOf(IdList.class, range.build());
        List<String> odd = picked.build();
        assertEquals(List.of("0011", "9999999999999999999", "15"), odd);
        assertInstanceOf(IdList.class, odd);
        assertEquals(List.of("9999999999999999999", "15"), odd.subList(1, 3));
        assertEquals(List.of(), new IdListBuilder().build());
    }

    @Test
    void aBuilderGivenAnOrdinaryListBuildsAnOrdinaryListOfTheSameIds() {
        IdListBuilder mixed = new IdListBuilder();
        mixed.addAll(compact(IDS).subList(0, 2));
        mixed.addAll(List.of("20", "21"));
        mixed.addAll(compact(List.of("30")));

        List<String> built = mixed.build();

        assertEquals(List.of("10", "0011", "20", "21", "30"), built);
        assertFalse(built instanceof IdList);
        assertThrows(UnsupportedOperationException.class, () -> built.add("x"));
    }

    @Test
    void concatOfViewsOfOneSequenceIsCompact() {
        IdList list = compact(IDS);

        List<String> joined = IdList.concat(list.subList(0, 1), list.subList(3, 6));

        assertEquals(List.of("10", "9999999999999999999", "14", "15"), joined);
        assertInstanceOf(IdList.class, joined);
        assertSame(list, IdList.concat(list, List.of()));
        assertSame(list, IdList.concat(List.of(), list));
        assertEquals(List.of("10", "x"), IdList.concat(list.subList(0, 1), List.of("x")));
    }

    @Test
    void copyOfKeepsACompactListAndCopiesAnyOther() {
        IdList list = compact(IDS);
        List<String> mutable = new ArrayList<>(IDS);

        assertSame(list, IdList.copyOf(list));
        List<String> copy = IdList.copyOf(mutable);
        mutable.clear();
        assertEquals(IDS, copy);
    }

    @Test
    void serialisedAsAnOrdinaryImmutableList() throws Exception {
        IdList list = compact(IDS);
        List<String> odd = IdList.concat(list.subList(1, 2), list.subList(4, 5));
        assertInstanceOf(IdList.class, odd);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(list);
            out.writeObject(odd);
        }

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Object all = in.readObject();
            Object read = in.readObject();
            assertEquals(IDS, all);
            assertEquals(List.of("0011", "14"), read);
            assertFalse(all instanceof IdList, "nothing of the component needed to read it");
            assertSame(all, List.copyOf((List<?>) all), "an immutable JDK list");
        }
    }

    private static IdList compact(List<String> ids) {
        CompactIdSet set = new CompactIdSet();
        ids.forEach(set::add);
        return set.toList();
    }
}
