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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page's fenced blocks. A block of code or configuration must follow a marker line
 * {@code <!-- snippet: path/from/repository/root#tag -->}, which names the source it is copied from. Commands and
 * output ({@code bash}, {@code text}, no language) need none.
 */
final class Page {

    /** Languages whose blocks must come from a source that a test compiles or runs. */
    static final Set<String> CODE = Set.of("java", "yaml", "yml", "xml", "properties", "json", "sql", "groovy",
            "kotlin");

    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+)\\s*-->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+)\\s*([A-Za-z0-9_+-]*).*$");

    /** One fenced block: its language, its marker's reference (or null), and its lines (without the fences). */
    record Block(int line, String language, String reference, int firstBodyLine, List<String> body, String indent) {
    }

    private final List<String> lines;

    Page(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    List<String> lines() {
        return lines;
    }

    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(2);
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals(fence)) {
                end++;
            }
            String reference = null;
            if (i > 0) {
                Matcher marker = MARKER.matcher(lines.get(i - 1));
                if (marker.matches()) {
                    reference = marker.group(1);
                }
            }
            String indent = open.group(1);
            List<String> body = lines.subList(i + 1, Math.min(end, lines.size())).stream()
                    .map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l.strip()).toList();
            blocks.add(new Block(i + 1, open.group(3).toLowerCase(java.util.Locale.ROOT), reference, i + 1, body,
                    indent));
            i = end;
        }
        return blocks;
    }

    /** The page with {@code block}'s body replaced by {@code replacement}. */
    Page replace(Block block, List<String> replacement) {
        List<String> out = new ArrayList<>(lines.subList(0, block.firstBodyLine()));
        replacement.forEach(l -> out.add(l.isEmpty() ? "" : block.indent() + l));
        out.addAll(lines.subList(block.firstBodyLine() + block.body().size(), lines.size()));
        return new Page(out);
    }
}
