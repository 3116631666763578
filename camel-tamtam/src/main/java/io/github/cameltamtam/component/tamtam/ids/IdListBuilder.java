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
 * Builds an immutable list of IDs, one element at a time, taken from other lists. While every element comes from an
 * {@link IdList} of one sequence, only positions are kept (a range while they follow each other, then an {@code int}
 * each) and the result is an {@link IdList}; an element from any other list turns it into an ordinary list of
 * {@code String}s. One {@link #build()} per builder.
 */
public final class IdListBuilder {

    private IdSequence sequence;
    private int first;
    private int count;
    /** Null while the positions are the range {@code first..first+count-1}. */
    private int[] positions;
    /** Non-null once an element came from a list that is not an {@code IdList} of {@link #sequence}. */
    private List<String> plain;

    /** Appends the element at {@code index} of {@code ids}. */
    public void add(List<String> ids, int index) {
        if (plain == null && ids instanceof IdList compact && (count == 0 || compact.sequence() == sequence)) {
            addPosition(compact.sequence(), compact.position(index));
        } else {
            plain().add(ids.get(index));
        }
    }

    /** Appends every element of {@code ids}. */
    public void addAll(List<String> ids) {
        for (int i = 0, n = ids.size(); i < n; i++) {
            add(ids, i);
        }
    }

    /** The elements appended, in order. */
    public List<String> build() {
        if (plain != null) {
            return List.copyOf(plain);
        }
        if (count == 0) {
            return List.of();
        }
        if (positions == null) {
            return new IdList(sequence, null, first, count);
        }
        return new IdList(sequence, positions.length == count ? positions : Arrays.copyOf(positions, count), 0, count);
    }

    private void addPosition(IdSequence from, int position) {
        if (count == 0) {
            sequence = from;
            first = position;
            count = 1;
            return;
        }
        if (positions == null) {
            if (position == first + count) {
                count++;
                return;
            }
            positions = new int[count + (count >> 1) + 1];
            Arrays.setAll(positions, i -> i < count ? first + i : 0);
        } else if (count == positions.length) {
            positions = Arrays.copyOf(positions, count + (count >> 1) + 1);
        }
        positions[count++] = position;
    }

    private List<String> plain() {
        if (plain == null) {
            plain = new ArrayList<>(count + 16);
            for (int i = 0; i < count; i++) {
                plain.add(sequence.get(positions == null ? first + i : positions[i]));
            }
        }
        return plain;
    }
}
