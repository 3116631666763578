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
package io.github.cameltamtam.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OSGi manifest of the camel-tamtam bundle as built (the jar of this reactor build; its target/classes under a
 * plain {@code mvn test}): symbolic name, exported API only, version ranges on Camel and Jackson, nothing private
 * leaking.
 */
class BundleManifestTest {

    static final String API = "io.github.cameltamtam.component.tamtam";
    static final String MODEL = API + ".model";
    static final Set<String> PRIVATE =
            Set.of(API + ".client", API + ".credits", API + ".ids", API + ".input", API + ".keyaccounts",
                    API + ".metrics", API + ".pacing", API + ".support");
    /** javax.* packages of the JDK the bundle may import (Karaf's etc/jre.properties exports them for Java 17). */
    static final Set<String> JDK_PACKAGES = Set.of("javax.net", "javax.net.ssl", "javax.crypto", "javax.crypto.spec",
            "javax.security.auth.x500", "javax.management", "javax.naming");

    private static Path bundle;
    private static Manifest manifest;
    private static Set<String> packagesInBundle;

    @BeforeAll
    static void readBundle() throws IOException, URISyntaxException {
        bundle = Path.of(TamtamComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(bundle)) {
            Path mf = bundle.resolve("META-INF/MANIFEST.MF");
            assertTrue(Files.exists(mf), "no manifest written into " + mf + " (maven-bundle-plugin, process-classes)");
            try (InputStream in = Files.newInputStream(mf)) {
                manifest = new Manifest(in);
            }
            try (Stream<Path> files = Files.walk(bundle)) {
                packagesInBundle = files.filter(p -> p.toString().endsWith(".class"))
                        .map(p -> bundle.relativize(p.getParent()).toString().replace('/', '.'))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        } else {
            try (JarFile jar = new JarFile(bundle.toFile())) {
                manifest = jar.getManifest();
                packagesInBundle = jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class"))
                        .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertNotNull(jar.getEntry("META-INF/services/org/apache/camel/component/tamtam"),
                        "component services entry missing from the jar");
            }
        }
        assertNotNull(manifest, "no manifest in " + bundle);
    }

    private static String header(String name) {
        return manifest.getMainAttributes().getValue(name);
    }

    @Test
    void isABundleNamedAfterTheArtifact() {
        assertEquals("2", header("Bundle-ManifestVersion"), "not an OSGi bundle manifest: " + bundle);
        assertEquals("io.github.cameltamtam.camel-tamtam", header("Bundle-SymbolicName"));
        assertEquals(osgiVersion(System.getProperty("project.version")), header("Bundle-Version"));
        assertTrue(header("Require-Capability").contains("(osgi.ee=JavaSE)(version=17)"), header("Require-Capability"));
    }

    @Test
    void exportsTheApiPackagesOnlyWithTheBundleVersion() {
        List<OsgiHeader> exports = OsgiHeader.parse(header("Export-Package"));
        assertEquals(List.of(API, MODEL), exports.stream().map(OsgiHeader::name).sorted().toList());
        for (OsgiHeader export : exports) {
            assertEquals(header("Bundle-Version"), export.version(), export.name());
        }
    }

    @Test
    void privatePackagesAreInsideButNeitherExportedNorUsedByTheApi() {
        assertTrue(packagesInBundle.containsAll(PRIVATE), "packages in the bundle: " + packagesInBundle);
        assertEquals(Set.of(API, MODEL), difference(packagesInBundle, PRIVATE), "a package neither API nor private");
        String exports = header("Export-Package");
        String imports = header("Import-Package");
        for (String p : PRIVATE) {
            // neither exported, nor in a uses: constraint of an export (an API signature using it), nor imported
            assertFalse(exports.contains(p), p + " leaks through Export-Package: " + exports);
            assertFalse(imports.contains(p), p + " imported: " + imports);
        }
    }

    @Test
    void camelAndJacksonImportsCarryExplicitRanges() {
        List<OsgiHeader> imports = OsgiHeader.parse(header("Import-Package"));
        assertTrue(imports.stream().anyMatch(i -> i.name().equals("org.apache.camel")), header("Import-Package"));
        assertTrue(imports.stream().anyMatch(i -> i.name().equals("com.fasterxml.jackson.databind")));
        assertTrue(imports.stream().anyMatch(i -> i.name().equals("com.fasterxml.jackson.dataformat.csv")));
        assertTrue(imports.stream().anyMatch(i -> i.name().equals("io.github.bucket4j.distributed.proxy")),
                header("Import-Package"));
        assertTrue(imports.stream().anyMatch(i -> i.name().equals("io.micrometer.core.instrument")),
                header("Import-Package"));
        for (OsgiHeader i : imports) {
            if (i.name().startsWith("org.apache.camel")) {
                assertEquals("[4.14,5)", i.version(), i.name());
            } else if (i.name().startsWith("com.fasterxml.jackson")) {
                assertEquals("[2.15,3)", i.version(), i.name());
            } else if (i.name().startsWith("io.github.bucket4j")) {
                assertEquals("[8.10,9)", i.version(), i.name());
                assertEquals("optional", i.parameters().get("resolution:"), "Bucket4j (shared pacer only) is optional");
                continue;
            } else if (i.name().startsWith("io.micrometer")) {
                // Micrometer (endpoint meters) is an optional dependency: the bundle must resolve without it
                assertEquals("[1.9,2)", i.version(), i.name());
                assertEquals("optional", i.parameters().get("resolution:"), "Micrometer import must be optional");
                continue;
            } else if (i.name().startsWith(API)) {
                assertEquals(MODEL, i.name(), "the bundle imports its own package " + i.name());
            } else if (i.name().startsWith("javax.")) {
                // a JDK package (javax.net.ssl): exported by the framework's system bundle, which gives it no version
                assertTrue(JDK_PACKAGES.contains(i.name()), "not a JDK package the system bundle exports: " + i.name());
            } else {
                assertNotNull(i.version(), "import without a version range: " + i.name());
            }
            assertFalse(i.name().startsWith("java."), "java.* is not imported (older frameworks reject it)");
            assertFalse("optional".equals(i.parameters().get("resolution:")), "unexpected optional import " + i.name());
        }
    }

    @Test
    void theRangesAcceptCamel414And422() {
        assertTrue(inRange("[4.14,5)", "4.14.5"));
        assertTrue(inRange("[4.14,5)", "4.22.0"));
        assertFalse(inRange("[4.14,5)", "4.10.0"));
        assertTrue(inRange("[2.15,3)", "2.19.4"));
        assertTrue(inRange("[2.15,3)", "2.22.1"));
    }

    static boolean inRange(String range, String version) {
        String[] bounds = range.substring(1, range.length() - 1).split(",", -1);
        int low = compare(version, bounds[0]);
        int high = compare(version, bounds[1]);
        return (range.startsWith("[") ? low >= 0 : low > 0) && (range.endsWith("]") ? high <= 0 : high < 0);
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.", -1);
        String[] y = b.split("\\.", -1);
        for (int i = 0; i < 3; i++) {
            int xi = i < x.length ? Integer.parseInt(x[i].replaceAll("\\D.*", "")) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i].replaceAll("\\D.*", "")) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    static String osgiVersion(String mavenVersion) {
        return mavenVersion.replace('-', '.');
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
