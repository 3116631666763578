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
package io.github.cameltamtam.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a page shows for one marker {@code path#tag}: the lines of the source file between {@code tag::TAG[]} and
 * {@code end::TAG[]} (or the whole file without a tag), lines naming any other tag dropped, common indentation removed.
 * The markers are comments of the source's own language ({@code // tag::x[]}, {@code # tag::x[]},
 * {@code <!-- tag::x[] -->}), so the source compiles and runs as it is.
 */
record SnippetSource(Path file, String tag) {

    static SnippetSource parse(Path root, String reference) {
        int hash = reference.indexOf('#');
        return hash < 0 ? new SnippetSource(root.resolve(reference), null)
                : new SnippetSource(root.resolve(reference.substring(0, hash)), reference.substring(hash + 1));
    }

    /** The snippet's lines, or an exception naming the file and the tag when either is missing. */
    List<String> lines() {
        List<String> all;
        try {
            all = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("snippet source " + file + " cannot be read", e);
        }
        List<String> region = new ArrayList<>();
        boolean inside = tag == null;
        boolean found = tag == null;
        for (String line : all) {
            if (tag != null && line.contains("tag::" + tag + "[]")) {
                inside = true;
                found = true;
                continue;
            }
            if (tag != null && line.contains("end::" + tag + "[]")) {
                inside = false;
                continue;
            }
            if (inside && !line.contains("tag::") && !line.contains("end::")) {
                region.add(line);
            }
        }
        if (!found) {
            throw new IllegalStateException("no tag::" + tag + "[] in " + file);
        }
        return dedent(trimBlankEnds(region));
    }

    private static List<String> trimBlankEnds(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return lines.subList(from, to);
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(SnippetSource::indentation).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
