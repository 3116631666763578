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
package io.github.cameltamtam.component.tamtam;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.SensitiveUtils;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The catalog JSON that {@code camel-package-maven-plugin:generate-component} writes (what Kaoto, Karavan, the Camel
 * JBang/IDE tooling and the docs read) is complete and agrees with the code: every option documented, typed, with its
 * default, enum and secret flag; every header constant listed; nothing settable that the catalog does not show; and
 * the reference page {@code docs/tamtam-component.md} names every option and header.
 * <p>
 * Reads the JSON from the class path ({@code target/classes}, copied there in {@code process-classes}), so it checks the
 * file that ships in the jar, not the source tree.
 */
class CatalogMetadataTest {

    static final String CATALOG = "META-INF/io/github/cameltamtam/component/tamtam/tamtam.json";
    /** Options that the Camel base classes contribute; not backed by a field of ours. */
    static final Set<String> INHERITED = Set.of("lazyStartProducer", "autowiredEnabled", "healthCheckConsumerEnabled",
            "healthCheckProducerEnabled");
    /** Names that hold credentials even when SensitiveUtils does not list them. */
    static final Pattern CREDENTIAL = Pattern.compile("(?i).*(key|password|secret|token|username|credential).*");

    static JsonNode catalog;

    @BeforeAll
    static void readCatalog() throws IOException {
        try (InputStream in = CatalogMetadataTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertNotNull(in, CATALOG + " is not on the class path: build with process-classes (mvn package/verify)");
            catalog = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void componentIsDescribed() {
        JsonNode component = catalog.get("component");
        assertEquals("tamtam", component.get("scheme").asText());
        assertEquals("tamtam:operation", component.get("syntax").asText());
        assertTrue(component.get("producerOnly").asBoolean());
        assertFalse(component.get("title").asText().isBlank());
        assertTrue(component.get("description").asText().length() > 40, "component description too short");
        assertEquals("io.github.cameltamtam", component.get("groupId").asText());
        assertEquals("camel-tamtam", component.get("artifactId").asText());
        assertFalse(component.get("version").asText().isBlank());
        assertEquals(TamtamComponent.class.getName(), component.get("javaType").asText());
    }

    @Test
    void everyOptionHasDescriptionTypeAndGroup() {
        List<String> problems = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties")) {
            options(section).forEach((name, option) -> {
                String where = section + "." + name;
                String description = text(option, "description");
                if (description.isBlank()) {
                    problems.add(where + ": no description");
                } else if (description.split("\\s+").length < 3) {
                    problems.add(where + ": description too short to help anyone: '" + description + "'");
                }
                for (String key : List.of("type", "javaType", "displayName", "group", "kind")) {
                    if (text(option, key).isBlank()) {
                        problems.add(where + ": no " + key);
                    }
                }
            });
        }
        assertTrue(problems.isEmpty(), () -> "undocumented options:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyConfigurationFieldIsAnOptionOnTheComponentAndTheEndpoint() {
        Map<String, JsonNode> component = options("componentProperties");
        Map<String, JsonNode> endpoint = options("properties");
        List<String> problems = new ArrayList<>();
        for (Field field : optionFields(TamtamConfiguration.class)) {
            String name = field.getName();
            if (field.isAnnotationPresent(UriPath.class)) {
                if (!endpoint.containsKey(name) || !"path".equals(text(endpoint.get(name), "kind"))) {
                    problems.add(name + ": path option missing from properties");
                }
                continue;
            }
            if (!endpoint.containsKey(name)) {
                problems.add(name + ": missing from the endpoint options (properties)");
            }
            if (!component.containsKey(name)) {
                problems.add(name + ": missing from the component options (componentProperties)");
            }
        }
        for (Field field : TamtamComponent.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(Metadata.class) && !component.containsKey(field.getName())) {
                problems.add(field.getName() + ": component field missing from componentProperties");
            }
        }
        assertTrue(problems.isEmpty(), () -> "catalog out of date with the code:\n  " + String.join("\n  ", problems));
    }

    /**
     * Camel also binds options by reflection on setters; a public setter without a catalog entry would be a working but
     * undocumented option.
     */
    @Test
    void nothingIsSettableThatTheCatalogDoesNotShow() {
        Set<String> component = options("componentProperties").keySet();
        Set<String> endpoint = options("properties").keySet();
        List<String> problems = new ArrayList<>();
        for (String setter : setters(TamtamConfiguration.class, Object.class)) {
            if (!endpoint.contains(setter) || (!component.contains(setter) && !"operation".equals(setter))) {
                problems.add("TamtamConfiguration." + setter);
            }
        }
        for (String setter : setters(TamtamComponent.class, DefaultComponent.class)) {
            if (!component.contains(setter)) {
                problems.add("TamtamComponent." + setter);
            }
        }
        for (String setter : setters(TamtamEndpoint.class, org.apache.camel.support.DefaultEndpoint.class)) {
            if (!endpoint.contains(setter) && !"configuration".equals(setter)) {
                problems.add("TamtamEndpoint." + setter);
            }
        }
        for (String name : component) {
            if (!INHERITED.contains(name) && !setters(TamtamComponent.class, DefaultComponent.class).contains(name)
                    && !setters(TamtamConfiguration.class, Object.class).contains(name)) {
                problems.add("catalog option without a setter (stale catalog?): " + name);
            }
        }
        assertTrue(problems.isEmpty(), () -> "settable but not in the catalog:\n  " + String.join("\n  ", problems));
    }

    /** Every option whose Java field starts with a value declares it as default, and the two agree. */
    @Test
    void defaultsMatchTheJavaFields() throws Exception {
        TamtamConfiguration fresh = new TamtamConfiguration();
        List<String> problems = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties")) {
            Map<String, JsonNode> options = options(section);
            for (Field field : optionFields(TamtamConfiguration.class)) {
                JsonNode option = options.get(field.getName());
                if (option == null) {
                    continue; // reported by everyConfigurationFieldIsAnOptionOnTheComponentAndTheEndpoint
                }
                field.setAccessible(true);
                Object value = field.get(fresh);
                String where = section + "." + field.getName();
                if (value == null) {
                    if (option.has("defaultValue")) {
                        problems.add(
                                where + ": catalog default " + option.get("defaultValue") + " but the field is null");
                    }
                    continue;
                }
                if (!option.has("defaultValue")) {
                    problems.add(where + ": the field starts as " + value + " but the catalog has no defaultValue");
                    continue;
                }
                String declared = option.get("defaultValue").asText();
                boolean same = switch (text(option, "type")) {
                    case "duration" -> TimeUtils.toMilliSeconds(declared) == ((Number) value).longValue();
                    case "integer", "number" -> Double.parseDouble(declared) == ((Number) value).doubleValue();
                    default -> declared.equals(String.valueOf(value));
                };
                if (!same) {
                    problems.add(where + ": catalog default " + declared + " but the field starts as " + value);
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> "defaults:\n  " + String.join("\n  ", problems));
        assertEquals(TamtamConfiguration.DEFAULT_BASE_URL,
                options("properties").get("baseUrl").get("defaultValue").asText());
    }

    @Test
    void enumsAreListed() {
        for (String section : List.of("componentProperties", "properties")) {
            assertEquals(List.of("1", "2", "3"), values(options(section).get("tierLevel").get("enum")), section);
        }
        List<String> operations = Arrays.stream(TamtamOperation.values()).map(Enum::name).toList();
        assertEquals(operations, values(options("properties").get("operation").get("enum")));
        assertTrue(options("properties").get("operation").get("required").asBoolean());
    }

    @Test
    void credentialsAreSecretAndMaskedInUris() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties")) {
            options(section).forEach((name, option) -> {
                boolean sensitive = SensitiveUtils.getSensitiveKeys().contains(name.toLowerCase(Locale.ROOT))
                        || CREDENTIAL.matcher(name).matches();
                if (sensitive && !option.get("secret").asBoolean()) {
                    problems.add(section + "." + name + " looks like a credential but is not secret");
                }
            });
            for (String name : List.of("apiKey", "proxyUsername", "proxyPassword")) {
                JsonNode option = options(section).get(name);
                assertTrue(option.get("secret").asBoolean(), section + "." + name + " must be secret");
                assertEquals("security", text(option, "group"), section + "." + name);
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));

        try (CamelContext context = new DefaultCamelContext()) {
            EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("tamtam");
            assertNotNull(factory, "no generated endpoint URI factory for tamtam");
            assertEquals(Set.of("apiKey", "proxyUsername", "proxyPassword"), factory.secretPropertyNames());
            Set<String> endpointOptions = new TreeSet<>(options("properties").keySet());
            assertEquals(endpointOptions, new TreeSet<>(factory.propertyNames()),
                    "the URI factory and the catalog know different options");
        }
        String logged = URISupport.sanitizeUri("tamtam:keyAccounts?apiKey=k-123&proxyPassword=p-456&userEmail=a@b.c");
        assertFalse(logged.contains("k-123") || logged.contains("p-456"), logged);
    }

    @Test
    void everyHeaderConstantIsListedWithDescriptionAndType() throws Exception {
        JsonNode headers = catalog.get("headers");
        assertNotNull(headers, "no headers in the catalog: is headersClass set on @UriEndpoint?");
        Set<String> constants = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Field field : TamtamConstants.class.getDeclaredFields()) {
            int m = field.getModifiers();
            if (!Modifier.isPublic(m) || !Modifier.isStatic(m) || field.getType() != String.class) {
                continue;
            }
            String header = (String) field.get(null);
            constants.add(header);
            if (!field.isAnnotationPresent(Metadata.class)) {
                problems.add(field.getName() + " (" + header + "): no @Metadata, so not in the catalog");
                continue;
            }
            JsonNode entry = headers.get(header);
            if (entry == null) {
                problems.add(header + ": missing from headers");
                continue;
            }
            if (text(entry, "description").isBlank()) {
                problems.add(header + ": no description");
            }
            if (text(entry, "javaType").isBlank()) {
                problems.add(header + ": no javaType");
            }
            assertEquals(TamtamConstants.class.getName() + "#" + field.getName(), text(entry, "constantName"));
        }
        for (Iterator<String> it = headers.fieldNames(); it.hasNext();) {
            String header = it.next();
            if (!constants.contains(header)) {
                problems.add(header + ": in the catalog but no longer a TamtamConstants constant");
            }
        }
        assertTrue(problems.isEmpty(), () -> "headers:\n  " + String.join("\n  ", problems));
    }

    /** The reference page written for users names every option and header of the catalog. */
    @Test
    void referencePageNamesEveryOptionAndHeader() throws IOException {
        Path page = projectRoot().resolve("docs/tamtam-component.md");
        assertTrue(Files.isRegularFile(page), "the component reference page " + page + " does not exist");
        String text = Files.readString(page);
        Set<String> names = new TreeSet<>();
        names.addAll(options("componentProperties").keySet());
        names.addAll(options("properties").keySet());
        catalog.get("headers").fieldNames().forEachRemaining(names::add);
        List<String> missing = names.stream()
                .filter(name -> !Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(name) + "(?![A-Za-z0-9])")
                        .matcher(text).find())
                .toList();
        if (!missing.isEmpty()) {
            fail("docs/tamtam-component.md does not mention: " + missing);
        }
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, JsonNode> options(String section) {
        JsonNode node = catalog.get(section);
        assertNotNull(node, "no " + section + " in the catalog");
        Map<String, JsonNode> options = new LinkedHashMap<>();
        node.properties().forEach(e -> options.put(e.getKey(), e.getValue()));
        return options;
    }

    static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? "" : value.asText();
    }

    static List<String> values(JsonNode array) {
        assertNotNull(array, "no enum");
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static List<Field> optionFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(UriParam.class) || f.isAnnotationPresent(UriPath.class))
                .toList();
    }

    /** Property names of the public one-argument setters declared by type and its superclasses below stop. */
    static Set<String> setters(Class<?> type, Class<?> stop) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = type; c != null && c != stop; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && method.getName().startsWith("set") && method.getName().length() > 3
                        && method.getParameterCount() == 1) {
                    String name = method.getName().substring(3);
                    names.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
                }
            }
        }
        return names;
    }

    /** The project root: the parent of this module's folder (surefire sets basedir to the module folder). */
    static Path projectRoot() {
        Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path root = basedir.getParent();
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")), "project root not found from " + basedir);
        return root;
    }
}
