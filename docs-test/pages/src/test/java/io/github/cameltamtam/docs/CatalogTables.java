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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reference page's option and header tables, drawn from the catalog that camel-package-maven-plugin generates
 * ({@code tamtam.json} in the component's jar) and grouped by the catalog's group, as Camel's component pages are.
 */
final class CatalogTables {

    static final String CATALOG = "META-INF/io/github/cameltamtam/component/tamtam/tamtam.json";

    private final JsonNode catalog;

    private CatalogTables(JsonNode catalog) {
        this.catalog = catalog;
    }

    static CatalogTables load() {
        try (InputStream in = CatalogTables.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the class path (build camel-tamtam first)");
            }
            return new CatalogTables(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown for a {@code <!-- generated: catalog#SECTION -->} marker, or an exception naming it. */
    List<String> table(String section) {
        return switch (section) {
            case "componentProperties", "properties" -> options(section);
            case "headers" -> headers();
            default -> throw new IllegalArgumentException("no catalog table " + section);
        };
    }

    private List<String> options(String section) {
        Map<String, List<JsonNode>> byGroup = new LinkedHashMap<>();
        List<String> order = List.of("producer", "csv", "health", "proxy", "security", "advanced");
        order.forEach(g -> byGroup.put(g, new ArrayList<>()));
        catalog.get(section).properties()
                .forEach(e -> byGroup.computeIfAbsent(group(e.getValue()), g -> new ArrayList<>())
                        .add(((com.fasterxml.jackson.databind.node.ObjectNode) e.getValue().deepCopy()).put("name",
                                e.getKey())));
        List<String> lines = new ArrayList<>();
        byGroup.forEach((group, options) -> {
            if (options.isEmpty()) {
                return;
            }
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add("**" + title(group) + "** (" + options.size() + ")");
            lines.add("");
            lines.add("| Name | Description | Default | Type |");
            lines.add("|---|---|---|---|");
            for (JsonNode o : options) {
                String name = "`" + o.get("name").asText() + "`" + ("path".equals(text(o, "kind")) ? " (path)" : "")
                        + (o.path("required").asBoolean() ? " *required*" : "")
                        + (o.path("secret").asBoolean() ? " *secret*" : "");
                lines.add("| " + name + " | " + cell(text(o, "description")) + " | "
                        + (text(o, "defaultValue").isEmpty() ? "" : "`" + text(o, "defaultValue") + "`") + " | "
                        + type(o) + " |");
            }
        });
        return lines;
    }

    private List<String> headers() {
        List<String> lines = new ArrayList<>();
        lines.add("| Name | Description | Java type |");
        lines.add("|---|---|---|");
        catalog.get("headers").properties().forEach(e -> lines.add("| `" + e.getKey() + "` | "
                + cell(text(e.getValue(), "description")) + " | `"
                + text(e.getValue(), "javaType") + "` |"));
        return lines;
    }

    /** The catalog's group; a producer option labelled advanced is in "advanced", as Camel's pages show it. */
    private static String group(JsonNode option) {
        String group = text(option, "group");
        if (group.startsWith("producer") && text(option, "label").contains("advanced")) {
            return "advanced";
        }
        return group.isEmpty() ? "producer" : group;
    }

    private static String title(String group) {
        return switch (group) {
            case "producer" -> "Producer";
            case "csv" -> "CSV input";
            case "health" -> "Health";
            case "proxy" -> "Proxy";
            case "security" -> "Security";
            case "advanced" -> "Advanced";
            default -> group.substring(0, 1).toUpperCase(Locale.ROOT) + group.substring(1);
        };
    }

    private static String type(JsonNode option) {
        String type = text(option, "type");
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.get("enum").forEach(v -> values.add(v.asText()));
            return "enum: " + String.join(", ", values);
        }
        return type;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
