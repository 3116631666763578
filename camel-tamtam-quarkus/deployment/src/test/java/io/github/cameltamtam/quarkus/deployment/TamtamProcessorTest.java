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
package io.github.cameltamtam.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.TamtamComponent;
import io.github.cameltamtam.component.tamtam.TamtamConfiguration;
import io.github.cameltamtam.component.tamtam.TamtamException;
import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;
import io.github.cameltamtam.component.tamtam.TamtamOperation;
import io.github.cameltamtam.component.tamtam.TamtamPaymentRequiredException;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsRequest;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResponse;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.component.tamtam.model.ProblemDetail;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.quarkus.core.deployment.spi.CamelServiceBuildItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real Quarkus build of an application with this extension (JVM test mode) and checks what the build steps
 * produced: the feature, the Camel services camel-quarkus-core found in the camel-tamtam jar, and the native-image hints
 * (reflection, resources, SSL). Native hints are only consumed by a native build, which cannot run here (no GraalVM):
 * an extra build step below consumes them, so that Quarkus runs the steps producing them, and writes what it saw into
 * the application as {@value #CAPTURED}; the tests read that file.
 */
class TamtamProcessorTest {

    static final String CAPTURED = "tamtam-build-items.properties";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.log.level", "WARN")
            .overrideConfigKey("quarkus.banner.enabled", "false")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(TamtamProcessorTest::capture)
                    .consumes(FeatureBuildItem.class)
                    .consumes(CamelServiceBuildItem.class)
                    .consumes(ReflectiveClassBuildItem.class)
                    .consumes(NativeImageResourceBuildItem.class)
                    .consumes(ExtensionSslNativeSupportBuildItem.class)
                    .produces(GeneratedResourceBuildItem.class)
                    .build());

    @Inject
    CamelContext camelContext;

    @Test
    void featureIsInstalled() {
        assertTrue(values("features").contains("camel-tamtam"), () -> "features: " + values("features"));
    }

    @Test
    void componentIsBoundInTheRegistryAtBuildTime() {
        assertInstanceOf(TamtamComponent.class, camelContext.getRegistry().lookupByName("tamtam"));
        assertInstanceOf(TamtamComponent.class, camelContext.getComponent("tamtam"));
    }

    @Test
    void configurersAndUriFactoryAreDiscovered() {
        Set<String> services = values("services");
        String pkg = TamtamComponent.class.getPackageName();
        for (String expected : List.of(
                "META-INF/services/org/apache/camel/configurer/tamtam-component=" + pkg + ".TamtamComponentConfigurer",
                "META-INF/services/org/apache/camel/configurer/tamtam-endpoint=" + pkg + ".TamtamEndpointConfigurer",
                "META-INF/services/org/apache/camel/configurer/" + TamtamConfiguration.class.getName() + "="
                        + pkg + ".TamtamConfigurationConfigurer",
                "META-INF/services/org/apache/camel/urifactory/tamtam-endpoint=" + pkg + ".TamtamEndpointUriFactory")) {
            assertTrue(services.contains(expected), () -> expected + " not among the Camel services found");
        }
    }

    @Test
    void modelClassesAreRegisteredForJacksonAndTheSimpleLanguage() {
        Set<String> full = reflective("constructors");
        full.retainAll(reflective("methods"));
        full.retainAll(reflective("fields"));
        for (Class<?> type : List.of(KeyAccountsRequest.class, KeyAccountsResponse.class, KeyAccountsResult.class,
                ProblemDetail.class, ProblemDetail.ProblemError.class, InvalidCompanyLinkedinId.class)) {
            assertTrue(full.contains(type.getName()), () -> type.getName() + " not registered in full: " + full);
        }
        // the whole model package, whatever classes it gains, and nothing else of the component in full
        assertTrue(full.stream().filter(name -> name.startsWith(TamtamComponent.class.getPackageName()))
                .allMatch(name -> name.startsWith(KeyAccountsResult.class.getPackageName() + ".")), full::toString);
        // a package's documentation is no class to reflect on
        assertTrue(reflective("methods").stream().noneMatch(name -> name.endsWith(".package-info")),
                () -> "package-info registered: " + reflective("methods"));
    }

    @Test
    void exceptionsConfigurationAndOptionEnumsAreRegisteredWithTheirMethods() {
        Set<String> withMethods = reflective("methods");
        for (Class<?> type : List.of(TamtamException.class, TamtamApiException.class, TamtamInvalidInputException.class,
                TamtamPaymentRequiredException.class, TamtamConfiguration.class, TamtamOperation.class)) {
            assertTrue(withMethods.contains(type.getName()), () -> type.getName() + " not registered: " + withMethods);
        }
        assertTrue(reflective("fields").contains(TamtamOperation.class.getName()), "enum constants");
    }

    @Test
    void servicesCatalogAndKameletsAreNativeResources() {
        Set<String> resources = values("resources");
        for (String expected : List.of(
                "META-INF/services/org/apache/camel/component/tamtam",
                "META-INF/services/org/apache/camel/configurer/tamtam-component",
                "META-INF/services/org/apache/camel/configurer/tamtam-endpoint",
                "META-INF/services/org/apache/camel/urifactory/tamtam-endpoint",
                "META-INF/io/github/cameltamtam/component/tamtam/tamtam.json",
                "kamelets/tamtam-key-accounts-sink.kamelet.yaml",
                "kamelets/tamtam-key-accounts-action.kamelet.yaml")) {
            assertTrue(resources.contains(expected), () -> expected + " not a native resource: " + resources);
        }
        // every registered path is a resource the application really has
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String resource : resources) {
            if (resource.contains("tamtam")) {
                assertNotNull(loader.getResource(resource), resource + " is registered but not on the class path");
            }
        }
    }

    @Test
    void sslIsEnabledInTheNativeImageForTheHttpsApi() {
        assertTrue(values("ssl").contains("camel-tamtam"), () -> "SSL native support: " + values("ssl"));
    }

    /** The extra build step: writes the build items it consumes into the application, one property per kind. */
    private static void capture(BuildContext context) {
        Properties seen = new Properties();
        put(seen, "features", context.consumeMulti(FeatureBuildItem.class).stream().map(FeatureBuildItem::getName));
        put(seen, "services", context.consumeMulti(CamelServiceBuildItem.class).stream()
                .map(service -> service.getPath().toString().replace('\\', '/') + "=" + service.getType()));
        put(seen, "resources", context.consumeMulti(NativeImageResourceBuildItem.class).stream()
                .flatMap(item -> item.getResources().stream()));
        put(seen, "ssl", context.consumeMulti(ExtensionSslNativeSupportBuildItem.class).stream()
                .map(ExtensionSslNativeSupportBuildItem::getExtension));
        for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
            String key = "reflection." + String.join("+", Arrays.stream(new String[] {
                    item.isConstructors() ? "constructors" : null,
                    item.isMethods() ? "methods" : null,
                    item.isFields() ? "fields" : null}).filter(s -> s != null).toList());
            Set<String> names = new TreeSet<>(split(seen.getProperty(key, "")));
            names.addAll(item.getClassNames());
            seen.setProperty(key, String.join(",", names));
        }
        StringWriter out = new StringWriter();
        try {
            seen.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.produce(new GeneratedResourceBuildItem(CAPTURED, out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void put(Properties seen, String key, Stream<String> values) {
        seen.setProperty(key, values.sorted().distinct().collect(Collectors.joining(",")));
    }

    private static Set<String> values(String key) {
        return new TreeSet<>(split(captured().getProperty(key, "")));
    }

    private static Properties captured() {
        Properties seen = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CAPTURED)) {
            assertNotNull(in, CAPTURED + " was not generated: the capturing build step did not run");
            seen.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seen;
    }

    /** Classes registered for reflection with {@code what} (constructors, methods or fields) by any build step. */
    private static Set<String> reflective(String what) {
        Properties seen = captured();
        Set<String> names = new TreeSet<>();
        for (String key : seen.stringPropertyNames()) {
            if (key.startsWith("reflection.")
                    && List.of(key.substring("reflection.".length()).split("\\+")).contains(what)) {
                names.addAll(split(seen.getProperty(key)));
            }
        }
        return names;
    }

    private static List<String> split(String joined) {
        return Arrays.stream(joined.split(",")).filter(Predicate.not(String::isEmpty)).toList();
    }
}
