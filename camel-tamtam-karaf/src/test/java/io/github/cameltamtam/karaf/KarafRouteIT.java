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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.cameltamtam.karaf.route.CsvKeyAccountsRoute;
import io.github.cameltamtam.karaf.route.KeyAccountsRouteActivator;
import io.github.cameltamtam.simulator.Account;
import io.github.cameltamtam.simulator.KeyAccount;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A route running inside a real Apache Karaf 4.4: Karaf (unpacked from {@code org.apache.karaf:apache-karaf:tar.gz} by
 * Maven) boots the {@code camel-tamtam} feature of this build's features.xml, with the camel-tamtam bundle as built,
 * camel-karaf's {@code jackson} feature and, in place of camel-karaf's {@code camel-core} (whose bundles are not
 * served here), the Camel 4.14.5 jars wrapped as bundles plus camel-karaf's {@code camel-core-osgi}
 * (src/test/karaf/karaf-it-features.xml). A route bundle (package {@code karaf.route}) reads a CSV file and sends it
 * to {@code tamtam:keyAccounts}; the TamTam simulator runs here, outside Karaf, on a free loopback port.
 *
 * <p>Checked from outside Karaf: the simulator's state and requests, Karaf's log (the route's outcome line, where
 * the component came from and how the camel-tamtam bundle's imports were wired), the file moved to {@code .done}.
 */
class KarafRouteIT {

    private static final Duration BOOT_AND_ROUTE = Duration.ofMinutes(5);
    private static final String USER = TamtamSimulator.DEMO_USER_EMAIL;
    private static final String PRESENT = "4275799";
    private static final List<String> NEW = List.of("3366886", "98857493");

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void csvFileRouteInKarafAddsTheCompaniesToTheSimulator() throws Exception {
        Path itDir = Path.of(System.getProperty("karaf-it.dir"));
        Path inbox = itDir.resolve("inbox");
        deleteTree(inbox);
        Files.createDirectories(inbox);
        Path routeBundle = RouteBundle.write(Path.of(System.getProperty("route.classes")),
                itDir.resolve("route/camel-tamtam-karaf-it-route.jar"));
        assertTrue(Files.exists(routeBundle));

        try (TamtamSimulator sim = TamtamSimulator.start();
                KarafServer karaf = new KarafServer(Path.of(System.getProperty("karaf.home")))) {
            Account account = sim.demoAccount();
            account.addKeyAccount(USER, PRESENT, List.of("existing"), 2);
            int creditsBefore = account.credits();
            try (InputStream csv = getClass().getResourceAsStream("/karaf-it/companies.csv")) {
                assertNotNull(csv, "companies.csv");
                Files.copy(csv, inbox.resolve("companies.csv"));
            }

            // only what the build copied into target/karaf-it/repository (pom.xml, karaf-it-repository)
            karaf.offline(Path.of(System.getProperty("karaf-it.repository")))
                    .bootFeatures(List.of(Path.of(System.getProperty("features.xml")),
                            itDir.resolve("karaf-it-features.xml")), List.of("camel-tamtam-karaf-it"))
                    // camel-karaf's own camel-core: its bundles are not served here; the stand-in takes its place
                    .blacklist(Map.of("camel-core", System.getProperty("camel-karaf.version")))
                    .config(KeyAccountsRouteActivator.PID, Map.of(
                            "inbox", inbox.toString(),
                            "camel.component.tamtam.api-key", TamtamSimulator.DEMO_API_KEY,
                            "camel.component.tamtam.base-url", sim.baseUrl().toString(),
                            "camel.component.tamtam.user-email", USER))
                    .start(itDir.resolve("karaf.out"));

            String outcome = awaitOutcome(karaf);

            // the route's own line: every ID of the file in exactly one outcome
            assertTrue(outcome.contains("file=companies.csv added=" + NEW + " already=[" + PRESENT + "] ignored=[]"),
                    outcome);
            // the simulator: the two new companies added with the route's tag, one credit each, in one request
            Map<String, KeyAccount> keyAccounts = account.keyAccounts(USER);
            assertEquals(Set.of(PRESENT, NEW.get(0), NEW.get(1)), keyAccounts.keySet());
            for (String id : NEW) {
                assertEquals(List.of("karaf"), keyAccounts.get(id).tags(), id);
            }
            assertEquals(creditsBefore - NEW.size(), account.credits());
            List<RecordedRequest> posts = sim.requests("POST", "/api/v2/key-accounts");
            assertEquals(1, posts.size(), "one batch for three IDs");
            assertEquals(TamtamSimulator.DEMO_API_KEY, posts.get(0).header("Authorization"),
                    "the key set on the component through Config Admin");
            awaitOrFail("the file moved to .done", () -> Files.exists(inbox.resolve(".done/companies.csv")), karaf);

            String log = karaf.logText();
            assertFalse(log.contains(TamtamSimulator.DEMO_API_KEY), "the API key appears in karaf.log");
            assertComponentCameFromTheBundleAsBuilt(log);
            assertEveryImportWiredToItsExporter(log, karaf.home());
        }
    }

    /** The component instance Camel resolved is the camel-tamtam bundle's class, configured by its generated configurer. */
    private static void assertComponentCameFromTheBundleAsBuilt(String log) {
        Matcher m = Pattern
                .compile(KeyAccountsRouteActivator.MARK
                        + " component (\\S+) from bundle (\\S+) (\\S+), configurer (\\S+)")
                .matcher(log);
        assertTrue(m.find(), "no component line in karaf.log");
        assertEquals("io.github.cameltamtam.component.tamtam.TamtamComponent", m.group(1));
        assertEquals("io.github.cameltamtam.camel-tamtam", m.group(2));
        assertEquals(BundleManifestTest.osgiVersion(System.getProperty("project.version")), m.group(3));
        assertEquals("io.github.cameltamtam.component.tamtam.TamtamComponentConfigurer", m.group(4));
    }

    /**
     * Each Import-Package of the installed camel-tamtam bundle is wired (the bundle's manifest does the wiring; it
     * has no DynamicImport-Package): Camel to the Camel 4.14.5 bundles, Jackson to camel-karaf's Jackson 2.19.4,
     * slf4j to Karaf's Pax Logging, JDK javax.* packages to the system bundle.
     */
    private static void assertEveryImportWiredToItsExporter(String log, Path karafHome) throws IOException {
        String version = System.getProperty("project.version");
        Path installed = karafHome.resolve("system/io/github/cameltamtam/camel-tamtam/" + version
                + "/camel-tamtam-" + version + ".jar");
        Manifest manifest;
        try (JarFile jar = new JarFile(installed.toFile())) {
            manifest = jar.getManifest();
        }
        assertNull(manifest.getMainAttributes().getValue("DynamicImport-Package"), "DynamicImport-Package");
        // optional imports (Bucket4j, for the shared pacer only) are wired only when a bundle exports them
        Set<String> imports = OsgiHeader.parse(manifest.getMainAttributes().getValue("Import-Package")).stream()
                .filter(i -> !"optional".equals(i.parameters().get("resolution:")))
                .map(OsgiHeader::name).collect(Collectors.toCollection(TreeSet::new));

        Matcher m = Pattern.compile(KeyAccountsRouteActivator.MARK + " wire (\\S+) -> (\\S+) (\\S+)").matcher(log);
        Set<String> wired = new TreeSet<>();
        while (m.find()) {
            String pkg = m.group(1);
            String provider = m.group(2);
            String providerVersion = m.group(3);
            wired.add(pkg);
            if (pkg.startsWith("org.apache.camel")) {
                assertTrue(provider.startsWith("camel-") && providerVersion.startsWith("4.14.5"),
                        pkg + " -> " + provider);
            } else if (pkg.startsWith("com.fasterxml.jackson")) {
                assertTrue(providerVersion.startsWith("2.19.4"), pkg + " -> " + provider + " " + providerVersion);
            } else if (pkg.equals("org.slf4j")) {
                assertTrue(provider.startsWith("org.ops4j.pax.logging"), pkg + " -> " + provider);
            } else if (pkg.startsWith("javax.")) {
                assertEquals("org.apache.felix.framework", provider, pkg + ": the JDK's, from the system bundle");
            } else if (pkg.startsWith("io.github.cameltamtam")) {
                assertEquals("io.github.cameltamtam.camel-tamtam", provider, pkg);
            }
        }
        // an import of a package the bundle exports itself (the model) may be resolved to that export: no wire
        Set<String> exports = OsgiHeader.parse(manifest.getMainAttributes().getValue("Export-Package")).stream()
                .map(OsgiHeader::name).collect(Collectors.toSet());
        Set<String> unwired = new TreeSet<>(imports);
        unwired.removeAll(wired);
        unwired.removeAll(exports);
        assertEquals(Set.of(), unwired, "imports of the camel-tamtam bundle without a wire in Karaf; wired: " + wired);
    }

    private static String awaitOutcome(KarafServer karaf) throws Exception {
        long deadline = System.nanoTime() + BOOT_AND_ROUTE.toNanos();
        while (System.nanoTime() < deadline) {
            String log = karaf.logText();
            int at = log.indexOf(CsvKeyAccountsRoute.OUTCOME);
            if (at >= 0) {
                int end = log.indexOf('\n', at);
                return log.substring(at, end < 0 ? log.length() : end);
            }
            failOnKarafError(karaf, log);
            Thread.sleep(250); // polling Karaf's log file, bounded by the deadline
        }
        return fail("no route outcome in " + karaf.log() + " within " + BOOT_AND_ROUTE + "\n" + tail(karaf.logText()));
    }

    private static void awaitOrFail(String what, BooleanSupplier condition, KarafServer karaf) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + ": not within 30 s\n" + tail(karaf.logText()));
            }
            Thread.sleep(100); // polling a file, bounded by the deadline
        }
    }

    private static void failOnKarafError(KarafServer karaf, String log) {
        if (!karaf.isAlive()) {
            fail("Karaf exited\n" + tail(log));
        }
        for (String marker : List.of("Error installing boot feature",
                KeyAccountsRouteActivator.MARK + " CamelContext failed",
                "Unable to resolve", "NoClassDefFoundError", "ClassNotFoundException")) {
            if (log.contains(marker)) {
                fail("Karaf logged '" + marker + "'\n" + tail(log));
            }
        }
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}
