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
package io.github.cameltamtam.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Kamelet descriptors as shipped in the camel-tamtam jar: the rules of the camel-kamelets catalog validator
 * (script/validator/validator.go: names, type label, title suffix, property titles and descriptions, credential
 * descriptors, declared = used template parameters, sink from kamelet:source, dependency syntax, one catalog version)
 * plus this project's own: properties mirror the tamtam endpoint options of the generated catalog (type, enum, default),
 * the Maven dependency and catalog version follow the component's version, the icon is docs/images/tamtam.svg, the
 * description has the summary / Use it to / Input / Output / Good to know shape, and the data types declare the headers.
 */
class KameletDescriptorTest {

    static final List<String> KAMELETS = List.of("tamtam-key-accounts-sink", "tamtam-key-accounts-action");
    static final String CATALOG_JSON = "META-INF/io/github/cameltamtam/component/tamtam/tamtam.json";
    static final Pattern PARAM = Pattern.compile("\\{\\{(\\?)?([A-Za-z0-9-._]+)(?::[^}]*)?}}");
    static final Set<String> STOPWORDS = Set.of("a", "an", "the", "of", "on", "in", "to", "for", "and", "or", "by");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Kamelet properties whose default deliberately differs from the component's, by Kamelet. */
    static final Map<String, Set<String>> DELIBERATE_DEFAULTS = Map.of(
            // a sink has no reader of its result: running out of credits must reach the error handler
            "tamtam-key-accounts-sink", Set.of("failOnPaymentRequired"),
            "tamtam-key-accounts-action", Set.of());

    /** Kamelet properties that are no tamtam endpoint option: they steer the template. */
    static final Set<String> KAMELET_ONLY_PROPERTIES = Set.of("allowHeaderOverrides");

    @Test
    void bothKameletsAreShippedInTheComponentJar() {
        for (String name : KAMELETS) {
            URL url = getClass().getClassLoader().getResource("kamelets/" + name + ".kamelet.yaml");
            assertNotNull(url, name + " is not on the class path under kamelets/");
            // the jar (install, verify) or, in a reactor run that stops before package, its target/classes
            String where = url.toString();
            assertTrue((where.startsWith("jar:") && where.contains("/camel-tamtam-"))
                    || where.contains("/camel-tamtam/target/classes/"),
                    () -> name + " should come from the camel-tamtam artifact but came from " + url);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tamtam-key-accounts-sink", "tamtam-key-accounts-action"})
    void metadataAndAnnotations(String name) throws IOException {
        Map<String, Object> kamelet = kamelet(name);
        assertEquals("camel.apache.org/v1", kamelet.get("apiVersion"));
        assertEquals("Kamelet", kamelet.get("kind"));
        Map<String, Object> metadata = map(kamelet, "metadata");
        assertEquals(name, metadata.get("name"), "file name and metadata.name differ");
        String type = (String) map(metadata, "labels").get("camel.apache.org/kamelet.type");
        assertTrue(Set.of("sink", "action").contains(type), "kamelet.type: " + type);
        assertTrue(name.endsWith("-" + type), name + " does not end with -" + type);

        Map<String, Object> annotations = map(metadata, "annotations");
        assertTrue(Set.of("Stable", "Preview").contains(annotations.get("camel.apache.org/kamelet.support.level")));
        assertEquals(component().get("version").asText(), annotations.get("camel.apache.org/catalog.version"),
                "catalog.version must be the project version");
        assertFalse(String.valueOf(annotations.get("camel.apache.org/provider")).isBlank());
        assertEquals("TamTam", annotations.get("camel.apache.org/kamelet.group"));
        assertFalse(String.valueOf(annotations.get("camel.apache.org/kamelet.namespace")).isBlank());

        String icon = (String) annotations.get("camel.apache.org/kamelet.icon");
        String prefix = "data:image/svg+xml;base64,";
        assertTrue(icon.startsWith(prefix), "icon must be a base64 SVG data URI");
        String svg = new String(Base64.getDecoder().decode(icon.substring(prefix.length())), StandardCharsets.UTF_8);
        assertEquals(Files.readString(projectRoot().resolve("docs/images/tamtam.svg")).strip(), svg.strip(),
                "the icon must be docs/images/tamtam.svg (re-encode it: base64 -w0 docs/images/tamtam.svg)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tamtam-key-accounts-sink", "tamtam-key-accounts-action"})
    void definitionFollowsTheCatalogRules(String name) throws IOException {
        Map<String, Object> kamelet = kamelet(name);
        String type = (String) map(map(kamelet, "metadata"), "labels").get("camel.apache.org/kamelet.type");
        Map<String, Object> definition = map(map(kamelet, "spec"), "definition");
        String title = (String) definition.get("title");
        assertTrue(title.endsWith(Character.toUpperCase(type.charAt(0)) + type.substring(1)), title);
        assertEquals("object", definition.get("type"));
        assertEquals(List.of("apiKey", "userEmail"), definition.get("required"));

        String description = (String) definition.get("description");
        String[] paragraphs = description.strip().split("\n\n", -1);
        assertTrue(paragraphs.length >= 5, "description: summary, Use it to, Input, Output, Good to know");
        assertFalse(paragraphs[0].contains("\n") || paragraphs[0].strip().replaceAll("\\.$", "").contains(". "),
                "the first paragraph is a one-sentence summary: " + paragraphs[0]);
        assertTrue(paragraphs[1].startsWith("Use it to "), paragraphs[1]);
        assertTrue(paragraphs[2].startsWith("Input: "), paragraphs[2]);
        assertTrue(paragraphs[3].startsWith("Output: "), paragraphs[3]);
        assertTrue(paragraphs[4].startsWith("Good to know: "), paragraphs[4]);

        Map<String, Object> properties = map(definition, "properties");
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String property = entry.getKey();
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) entry.getValue();
            String propertyTitle = (String) schema.get("title");
            assertNotNull(propertyTitle, property + " has no title");
            assertFalse(propertyTitle.matches("^(The|A|An) .*"), property + " title starts with an article");
            for (String word : propertyTitle.split(" ", -1)) {
                if (!STOPWORDS.contains(word.toLowerCase(Locale.ROOT)) && !word.isEmpty()) {
                    assertTrue(Character.isUpperCase(word.charAt(0)),
                            property + " title word not capitalised: " + word);
                }
            }
            assertFalse(String.valueOf(schema.getOrDefault("description", "")).isBlank(),
                    property + " has no description");
            assertNotNull(schema.get("type"), property + " has no type");
            Object xDescriptors = schema.get("x-descriptors");
            if ("password".equals(schema.get("format"))) {
                assertTrue(xDescriptors instanceof List<?> l && l.contains("urn:camel:group:credentials"),
                        property + " is a password without the urn:camel:group:credentials descriptor");
            }
            if (xDescriptors instanceof List<?> l) {
                assertTrue(
                        l.stream().noneMatch(d -> String.valueOf(d).startsWith("urn:alm:descriptor:com.tectonic.ui")),
                        property + " uses the deprecated tectonic descriptor");
                assertEquals(new HashSet<>(l).size(), l.size(), property + " repeats an x-descriptor");
            }
        }
        Map<String, Object> apiKey = map(properties, "apiKey");
        assertEquals("password", apiKey.get("format"));
        assertEquals(List.of("urn:camel:group:credentials"), apiKey.get("x-descriptors"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tamtam-key-accounts-sink", "tamtam-key-accounts-action"})
    void propertiesMirrorTheEndpointOptionsOfTheCatalog(String name) throws IOException {
        JsonNode options = catalog().get("properties");
        Map<String, Object> properties = map(map(map(kamelet(name), "spec"), "definition"), "properties");
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String property = entry.getKey();
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) entry.getValue();
            if (KAMELET_ONLY_PROPERTIES.contains(property)) {
                continue;
            }
            JsonNode option = options.get(property);
            assertNotNull(option, property + " is not a tamtam endpoint option");
            String javaType = option.get("javaType").asText();
            String expectedType = switch (javaType) {
                case "int", "java.lang.Integer", "long", "java.lang.Long" -> "integer";
                case "boolean", "java.lang.Boolean" -> "boolean";
                case "double", "java.lang.Double" -> "number";
                default -> "string";
            };
            assertEquals(expectedType, schema.get("type"), property + ": type vs the option's " + javaType);
            if (option.has("enum")) {
                List<String> expected = new ArrayList<>();
                option.get("enum").forEach(v -> expected.add(v.asText()));
                assertNotNull(schema.get("enum"), property + " must list the option's enum " + expected);
                assertEquals(expected, ((List<?>) schema.get("enum")).stream().map(String::valueOf).toList(), property);
            }
            if (schema.containsKey("default") && !DELIBERATE_DEFAULTS.get(name).contains(property)) {
                assertTrue(option.has("defaultValue"), property + " has a default the option does not have");
                assertEquals(option.get("defaultValue").asText(), String.valueOf(schema.get("default")),
                        property + ": default differs from the component's");
            }
            if (option.get("secret").asBoolean()) {
                assertEquals("password", schema.get("format"), property + " is secret in the component");
            }
        }
        for (String required : List.of("apiKey")) {
            assertTrue(options.get(required).get("required").asBoolean(),
                    required + " should be required in the catalog");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tamtam-key-accounts-sink", "tamtam-key-accounts-action"})
    void headerOverridesAreOffByDefaultAndTheirDescriptionNamesTheTradeOff(String name) throws IOException {
        Map<String, Object> properties = map(map(map(kamelet(name), "spec"), "definition"), "properties");
        Map<String, Object> allow = map(properties, "allowHeaderOverrides");
        assertEquals("boolean", allow.get("type"));
        assertEquals(false, allow.get("default"));
        String description = (String) allow.get("description");
        for (String named : List.of("user-email", "tags", "tier-level", "request object", "outside caller")) {
            assertTrue(description.contains(named), "allowHeaderOverrides description does not mention " + named);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tamtam-key-accounts-sink", "tamtam-key-accounts-action"})
    void templateRemovesEveryHeaderListingIds(String name) throws IOException {
        Map<String, Object> template = map(map(kamelet(name), "spec"), "template");
        List<String> patterns = new ArrayList<>();
        collectRemoveHeadersPatterns(template, patterns);
        assertEquals(1, patterns.size(), "one removeHeaders step: " + patterns);
        Pattern removed = Pattern.compile(patterns.get(0), Pattern.CASE_INSENSITIVE);
        catalog().get("headers").fields().forEachRemaining(header -> {
            boolean listsIds = header.getValue().get("javaType").asText().startsWith("java.util.List")
                    && !header.getKey().startsWith("Camel") && !header.getKey().endsWith("Tags");
            assertEquals(listsIds, removed.matcher(header.getKey()).matches(),
                    header.getKey() + (listsIds ? " lists IDs but is not removed" : " is removed but lists no IDs"));
        });
    }

    @SuppressWarnings("unchecked")
    private static void collectRemoveHeadersPatterns(Object node, List<String> patterns) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> {
                if ("removeHeaders".equals(key) && value instanceof Map<?, ?> step) {
                    patterns.add(String.valueOf(step.get("pattern")));
                } else {
                    collectRemoveHeadersPatterns(value, patterns);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRemoveHeadersPatterns(v, patterns));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tamtam-key-accounts-sink", "tamtam-key-accounts-action"})
    void templateUsesEveryPropertyTheRightWay(String name) throws IOException {
        Map<String, Object> spec = map(kamelet(name), "spec");
        Map<String, Object> definition = map(spec, "definition");
        Map<String, Object> properties = map(definition, "properties");
        List<?> required = (List<?>) definition.get("required");
        Map<String, Object> template = map(spec, "template");
        assertEquals("kamelet:source", map(template, "from").get("uri"));

        Map<String, Boolean> used = new java.util.LinkedHashMap<>(); // name -> written {{?name}}
        Map<String, Integer> count = new java.util.HashMap<>();
        strings(template).forEach(text -> {
            Matcher m = PARAM.matcher(text);
            while (m.find()) {
                used.put(m.group(2), m.group(1) != null);
                count.merge(m.group(2), 1, Integer::sum);
            }
        });
        assertEquals(properties.keySet(), used.keySet(), "declared and used template parameters differ");
        for (String property : properties.keySet()) {
            @SuppressWarnings("unchecked")
            boolean hasDefault = ((Map<String, Object>) properties.get(property)).containsKey("default");
            boolean optionalSyntax = used.get(property);
            boolean mustBeOptional = !required.contains(property) && !hasDefault;
            assertEquals(mustBeOptional, optionalSyntax,
                    property + (mustBeOptional ? " is optional without default: use {{?" : " must be set: use {{")
                            + property + "}}");
        }
        assertEquals(1, count.get("apiKey"), "the API key goes to the tamtam endpoint and nowhere else");
        assertTrue(strings(template).contains("RAW({{apiKey}})"), "the key is passed RAW (it may hold + & = %)");
        assertTrue(strings(template).contains("tamtam:keyAccounts"), "the template must call tamtam:keyAccounts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tamtam-key-accounts-sink", "tamtam-key-accounts-action"})
    void dependenciesNameTheComponentJarAndTheCamelModules(String name) throws IOException {
        List<?> dependencies = (List<?>) map(kamelet(name), "spec").get("dependencies");
        JsonNode component = component();
        String jar = "mvn:" + component.get("groupId").asText() + ":" + component.get("artifactId").asText() + ":"
                + component.get("version").asText();
        assertTrue(dependencies.contains(jar), "dependencies must name " + jar + ": " + dependencies);
        assertTrue(dependencies.contains("camel:kamelet"));
        assertTrue(dependencies.contains("camel:jackson"), "camel:jackson: JSON input (and the action's JSON output)");
        for (Object dependency : dependencies) {
            assertTrue(
                    String.valueOf(dependency).matches("^(camel:[a-z0-9-]+|mvn:[^:]+:[^:]+:[^:]+|github:apache/.+)$"),
                    "not a camel:, mvn:group:artifact:version or github:apache/ reference: " + dependency);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tamtam-key-accounts-sink", "tamtam-key-accounts-action"})
    void dataTypesDeclareTheHeadersReadAndSet(String name) throws IOException {
        Map<String, Object> dataTypes = map(map(kamelet(name), "spec"), "dataTypes");
        Map<String, Object> in = map(dataTypes, "in");
        Set<String> read = map(in, "headers").keySet();
        assertTrue(
                read.containsAll(List.of("tags", "ce-tags", "tier-level", "ce-tierlevel", "user-email", "ce-useremail",
                        "CamelTamtamTags", "CamelTamtamTierLevel", "CamelTamtamUserEmail", "Content-Type")),
                "in headers: " + read);
        assertTrue(map(in, "types").containsKey(in.get("default")), "in: default type is not declared");
        checkHeaders(name + " in", map(in, "headers"));
        if (name.endsWith("-action")) {
            Map<String, Object> out = map(dataTypes, "out");
            Set<String> set = map(out, "headers").keySet();
            Set<String> expected = new LinkedHashSet<>();
            catalog().get("headers").fieldNames().forEachRemaining(expected::add);
            expected.removeIf(header -> header.startsWith("Camel")); // inputs: read, never set
            expected.removeIf(header -> header.endsWith("LinkedinIds")); // ID lists: removed, the body has them
            expected.add("Content-Type");
            assertEquals(expected, set, "out headers");
            assertEquals("application/json", map(map(out, "types"), (String) out.get("default")).get("mediaType"));
            checkHeaders(name + " out", map(out, "headers"));
        }
    }

    @Test
    void titlesAndDescriptionsAreDistinct() throws IOException {
        Map<String, Object> sink = map(map(kamelet(KAMELETS.get(0)), "spec"), "definition");
        Map<String, Object> action = map(map(kamelet(KAMELETS.get(1)), "spec"), "definition");
        assertNotEquals(sink.get("title"), action.get("title"));
        assertNotEquals(sink.get("description"), action.get("description"));
    }

    private static void checkHeaders(String where, Map<String, Object> headers) {
        headers.forEach((header, value) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> h = (Map<String, Object>) value;
            for (String key : List.of("title", "description", "type")) {
                if (h == null || String.valueOf(h.getOrDefault(key, "")).isBlank()) {
                    fail(where + " header " + header + " has no " + key);
                }
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    static Map<String, Object> kamelet(String name) throws IOException {
        try (InputStream in = KameletDescriptorTest.class.getClassLoader()
                .getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertNotNull(in, name);
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, () -> "missing or not a map: " + key);
        return (Map<String, Object>) value;
    }

    /** Every string in a YAML tree. */
    static List<String> strings(Object node) {
        List<String> out = new ArrayList<>();
        if (node instanceof String s) {
            out.add(s);
        } else if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> out.addAll(strings(v)));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> out.addAll(strings(v)));
        }
        return out;
    }

    static JsonNode catalog() throws IOException {
        try (InputStream in = KameletDescriptorTest.class.getClassLoader().getResourceAsStream(CATALOG_JSON)) {
            assertNotNull(in, CATALOG_JSON + " is not in the camel-tamtam jar");
            return JSON.readTree(in);
        }
    }

    static JsonNode component() throws IOException {
        return catalog().get("component");
    }

    /** The project root: this module's parent folder (surefire sets basedir to the module folder). */
    static Path projectRoot() {
        Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path root = basedir.getParent();
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")), "project root not found from " + basedir);
        return root;
    }
}
