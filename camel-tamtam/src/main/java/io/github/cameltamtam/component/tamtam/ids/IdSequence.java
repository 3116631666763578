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

/**
 * An immutable sequence of distinct IDs in compact form: one {@code long} per ID. An ID that is the canonical decimal
 * form of a non-negative {@code long} ({@link #numberOf(String)}) is kept as that number; any other (a leading zero, a
 * sign, more than {@code Long.MAX_VALUE}) is kept as its {@code String}, so that every ID reads back exactly as given.
 */
final class IdSequence {

    /** The largest number kept in compact form, as text: a 19-digit ID above it is kept as a String. */
    private static final String MAX_NUMBER = Long.toString(Long.MAX_VALUE);

    /** Per position: the ID's number when {@code >= 0}; else {@code ~index} into {@link #texts}. */
    private final long[] codes;
    private final String[] texts;

    /** Takes the arrays as they are: the caller never changes them afterwards. */
    IdSequence(long[] codes, String[] texts) {
        this.codes = codes;
        this.texts = texts;
    }

    int size() {
        return codes.length;
    }

    /** The ID at {@code position}, exactly as it was added. */
    String get(int position) {
        return text(codes[position], texts);
    }

    /** The ID a code stands for, with {@code texts} holding the IDs kept as text. */
    static String text(long code, String[] texts) {
        return code >= 0 ? Long.toString(code) : texts[(int) ~code];
    }

    /**
     * The number whose canonical decimal form ({@code Long.toString}) is {@code id}, or -1 when there is none: not only
     * ASCII digits, a leading zero (but {@code "0"}), more than 19 digits or above {@code Long.MAX_VALUE}.
     */
    static long numberOf(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_NUMBER.length() || (length > 1 && id.charAt(0) == '0')) {
            return -1;
        }
        long number = 0;
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        if (length == MAX_NUMBER.length() && id.compareTo(MAX_NUMBER) > 0) {
            return -1; // overflowed
        }
        return number;
    }
}
