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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every code and configuration block on a user page (README.md, docs/, the modules' and examples' READMEs) names the
 * source it is copied from, and equals that source's tagged region. The sources are files that tests compile and run
 * (this module's siblings, the examples, the component's tests), so a snippet on a page is run by {@code mvn verify}.
 * With {@code -Dsnippets.update=true} the pages are rewritten from the sources instead (then check the diff).
 */
class PageSnippetsTest {

    private static final Path ROOT = Path.of(System.getProperty("snippets.root", "../..")).toAbsolutePath().normalize();
    private static final boolean UPDATE = Boolean.getBoolean("snippets.update");

    @Test
    void everyCodeBlockOnAUserPageEqualsTheSourceItNames() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> pages = userPages();
        assertTrue(pages.size() > 5, "user pages not found under " + ROOT + ": " + pages);
        for (Path file : pages) {
            Page page = new Page(Files.readAllLines(file, StandardCharsets.UTF_8));
            boolean changed = false;
            String name = ROOT.relativize(file).toString().replace('\\', '/');
            for (Page.Block block : page.blocks()) {
                String where = name + ":" + block.line();
                if (block.reference() == null) {
                    if (Page.CODE.contains(block.language())) {
                        problems.add(where + ": a " + block.language() + " block without <!-- snippet: path#tag -->");
                    }
                    continue;
                }
                List<String> source;
                try {
                    source = SnippetSource.parse(ROOT, block.reference()).lines();
                } catch (RuntimeException e) {
                    problems.add(where + ": " + e.getMessage());
                    continue;
                }
                if (!source.equals(block.body())) {
                    if (UPDATE) {
                        changed = true;
                    } else {
                        problems.add(where + ": differs from " + block.reference() + diff(block.body(), source));
                    }
                }
            }
            if (changed) {
                Files.write(file, update(page).lines(), StandardCharsets.UTF_8);
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    private static final Pattern GENERATED = Pattern.compile("^<!--\\s*generated:\\s*catalog#(\\w+)\\s*-->$");
    private static final String GENERATED_END = "<!-- /generated -->";

    @Test
    void referenceTablesAreTheCatalogs() throws IOException {
        CatalogTables catalog = CatalogTables.load();
        List<String> problems = new ArrayList<>();
        int regions = 0;
        for (Path file : userPages()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                out.add(lines.get(i));
                Matcher m = GENERATED.matcher(lines.get(i).strip());
                if (!m.matches()) {
                    continue;
                }
                regions++;
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).strip().equals(GENERATED_END)) {
                    end++;
                }
                List<String> expected = new ArrayList<>();
                expected.add("");
                expected.addAll(catalog.table(m.group(1)));
                expected.add("");
                if (!expected.equals(lines.subList(i + 1, Math.min(end, lines.size())))) {
                    problems.add(ROOT.relativize(file) + ":" + (i + 1) + ": the " + m.group(1)
                            + " table differs from the catalog (regenerate: mvn -B -ntp -pl docs-test/pages -am verify -Dsnippets.update=true)");
                }
                out.addAll(expected);
                i = end - 1;
            }
            if (UPDATE && !out.equals(lines)) {
                Files.write(file, out, StandardCharsets.UTF_8);
            }
        }
        assertTrue(regions >= 3, "the reference page's component, endpoint and header tables are generated");
        if (!UPDATE) {
            assertEquals(List.of(), problems, String.join("\n", problems));
        }
    }

    @Test
    void aBlockThatDriftedFromItsSourceIsFound() throws IOException {
        Path dir = Files.createTempDirectory("snippets");
        try {
            Files.writeString(dir.resolve("Route.java"), """
                    class Route {
                        void configure() {
                            // tag::route[]
                            from("direct:a")
                                .to("tamtam:keyAccounts");
                            // end::route[]
                        }
                    }
                    """);
            Page page = new Page(List.of("text", "<!-- snippet: Route.java#route -->", "```java",
                    "from(\"direct:a\")", "    .to(\"tamtam:keyAccounts?tags=old\");", "```"));
            Page.Block block = page.blocks().get(0);
            List<String> source = SnippetSource.parse(dir, block.reference()).lines();
            assertEquals(List.of("from(\"direct:a\")", "    .to(\"tamtam:keyAccounts\");"), source);
            assertTrue(!source.equals(block.body()), "a changed line must be found");
            assertEquals(source, page.replace(block, source).blocks().get(0).body());
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void aCodeBlockWithoutMarkerIsFoundAndCommandsNeedNone() {
        Page page = new Page(List.of("```bash", "mvn verify", "```", "", "```yaml", "- route: {}", "```"));
        List<Page.Block> blocks = page.blocks();
        assertEquals(2, blocks.size());
        assertTrue(blocks.get(0).reference() == null && !Page.CODE.contains(blocks.get(0).language()));
        assertTrue(blocks.get(1).reference() == null && Page.CODE.contains(blocks.get(1).language()));
    }

    private static Page update(Page page) {
        Page updated = page;
        boolean again = true;
        while (again) {
            again = false;
            for (Page.Block block : updated.blocks()) {
                if (block.reference() == null) {
                    continue;
                }
                List<String> source = SnippetSource.parse(ROOT, block.reference()).lines();
                if (!source.equals(block.body())) {
                    updated = updated.replace(block, source);
                    again = true;
                    break;
                }
            }
        }
        return updated;
    }

    /** README.md, every page under docs/, and the READMEs of the modules and examples. */
    static List<Path> userPages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> all = Files.walk(ROOT, 4)) {
            all.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> {
                        String rel = ROOT.relativize(p).toString().replace('\\', '/');
                        return !rel.equals("README.md") && !rel.startsWith(".") && !rel.startsWith("target/")
                                && !rel.contains("/target/")
                                && !rel.contains("node_modules") && (rel.startsWith("docs/")
                                        || rel.endsWith("/README.md"));
                    })
                    .sorted().forEach(pages::add);
        }
        return pages;
    }

    private static String diff(List<String> page, List<String> source) {
        for (int i = 0; i < Math.max(page.size(), source.size()); i++) {
            String p = i < page.size() ? page.get(i) : "<end>";
            String s = i < source.size() ? source.get(i) : "<end>";
            if (!p.equals(s)) {
                return " at block line " + (i + 1) + ":\n    page:   " + p + "\n    source: " + s;
            }
        }
        return "";
    }
}
