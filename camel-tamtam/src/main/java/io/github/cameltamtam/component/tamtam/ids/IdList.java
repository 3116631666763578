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

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A read-only {@code List<String>} of IDs held in compact form: some positions of an {@link IdSequence}, a range (no
 * array at all) or an {@code int} each. Each {@link #get(int)} makes the ID's {@code String} anew; nothing keeps it.
 * Immutable: every mutator throws {@link UnsupportedOperationException}. {@link #subList(int, int)} is an
 * {@code IdList} too. Serialised as an ordinary immutable {@code List} ({@code List.copyOf}), so a reader needs
 * nothing of this class.
 */
public final class IdList extends AbstractList<String> implements RandomAccess, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient IdSequence sequence;
    /** The positions in {@link #sequence}, from {@link #offset}; null: the range {@code offset..offset+size-1}. */
    private final transient int[] positions;
    private final transient int offset;
    private final transient int size;

    IdList(IdSequence sequence, int[] positions, int offset, int size) {
        this.sequence = sequence;
        this.positions = positions;
        this.offset = offset;
        this.size = size;
    }

    /** Every ID of {@code sequence}, in order. */
    static IdList of(IdSequence sequence) {
        return new IdList(sequence, null, 0, sequence.size());
    }

    /**
     * {@code ids} as an immutable list: itself when it is an {@code IdList} (nothing is copied), else
     * {@code List.copyOf(ids)}.
     */
    public static List<String> copyOf(List<String> ids) {
        return ids instanceof IdList compact ? compact : List.copyOf(ids);
    }

    /**
     * {@code first} then {@code second}: when both are {@code IdList}s of one sequence, an {@code IdList} again (no
     * {@code String} made); else an immutable list of the IDs.
     */
    public static List<String> concat(List<String> first, List<String> second) {
        if (second.isEmpty()) {
            return copyOf(first);
        }
        if (first.isEmpty()) {
            return copyOf(second);
        }
        IdListBuilder all = new IdListBuilder();
        all.addAll(first);
        all.addAll(second);
        return all.build();
    }

    @Override
    public String get(int index) {
        return sequence.get(position(Objects.checkIndex(index, size)));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public IdList subList(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        return new IdList(sequence, positions, offset + fromIndex, toIndex - fromIndex);
    }

    IdSequence sequence() {
        return sequence;
    }

    /** The position in the sequence of the element at {@code index} (checked by the caller). */
    int position(int index) {
        return positions == null ? offset + index : positions[offset + index];
    }

    /** Written as the immutable {@code List} of the same IDs. */
    @Serial
    private Object writeReplace() {
        return List.copyOf(this);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an IdList is serialised as an immutable List");
    }
}
