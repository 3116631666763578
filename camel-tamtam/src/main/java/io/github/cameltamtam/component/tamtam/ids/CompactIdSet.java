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
import java.util.Arrays;
import java.util.List;

/**
 * A set of IDs that keeps their insertion order, in compact form: a {@code long} per ID that is the canonical decimal
 * form of a number (every canonical LinkedIn company ID up to {@code Long.MAX_VALUE}), the others as their
 * {@code String} (see {@link IdSequence}), and an open-addressing table of insertion positions. About 16 bytes per ID
 * where a {@code LinkedHashSet<String>} needs about 100. Not thread-safe.
 */
public final class CompactIdSet {

    private static final int INITIAL_CAPACITY = 16;

    /** Per insertion position: the ID's number, or {@code ~index} into {@link #texts}. */
    private long[] codes = new long[INITIAL_CAPACITY];
    private final List<String> texts = new ArrayList<>();
    /** Open addressing, linear probing: insertion position + 1, 0 for a free slot; at most 70 % full. */
    private int[] table = new int[2 * INITIAL_CAPACITY];
    private int size;

    /** Adds {@code id} at the end unless it is already in the set; returns whether it was added. */
    public boolean add(String id) {
        long number = IdSequence.numberOf(id);
        int slot = slotOf(id, number);
        if (table[slot] != 0) {
            return false;
        }
        long code = number;
        if (number < 0) {
            code = ~(long) texts.size();
            texts.add(id);
        }
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, size + (size >> 1));
        }
        codes[size++] = code;
        table[slot] = size;
        if (size * 10L > table.length * 7L) {
            rehash(table.length * 2);
        }
        return true;
    }

    public boolean contains(String id) {
        return table[slotOf(id, IdSequence.numberOf(id))] != 0;
    }

    public int size() {
        return size;
    }

    /** Empties the set. */
    public void clear() {
        codes = new long[INITIAL_CAPACITY];
        texts.clear();
        table = new int[2 * INITIAL_CAPACITY];
        size = 0;
    }

    /** An independent copy: what is added to either later is not in the other. */
    public CompactIdSet copy() {
        CompactIdSet copy = new CompactIdSet();
        copy.codes = codes.clone();
        copy.texts.addAll(texts);
        copy.table = table.clone();
        copy.size = size;
        return copy;
    }

    /** The IDs added so far, in insertion order, as an immutable list; the set stays usable. */
    public IdList toList() {
        return IdList.of(new IdSequence(Arrays.copyOf(codes, size), texts.toArray(new String[0])));
    }

    /** The slot holding {@code id} (with {@code number}, its {@link IdSequence#numberOf}), or the free one for it. */
    private int slotOf(String id, long number) {
        int mask = table.length - 1;
        int slot = hash(id, number) & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return slot;
            }
            long code = codes[entry - 1];
            if (number >= 0 ? code == number : code < 0 && texts.get((int) ~code).equals(id)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void rehash(int capacity) {
        int[] grown = new int[capacity];
        int mask = capacity - 1;
        for (int position = 0; position < size; position++) {
            long code = codes[position];
            int slot = (code >= 0 ? mix(code) : mix(texts.get((int) ~code).hashCode())) & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = position + 1;
        }
        table = grown;
    }

    private static int hash(String id, long number) {
        return number >= 0 ? mix(number) : mix(id.hashCode());
    }

    /** Spreads the bits (Fibonacci hashing), so that consecutive numbers do not fill one run of slots. */
    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
