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
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import io.github.cameltamtam.karaf.route.KeyAccountsRouteActivator;

/**
 * Packs the route bundle ({@code io.github.cameltamtam.karaf.route}, compiled with the tests) into an OSGi bundle
 * jar. Its manifest is written here, in full: every package the route classes use is imported with a version range,
 * nothing is imported dynamically.
 */
final class RouteBundle {

    static final String SYMBOLIC_NAME = "io.github.cameltamtam.karaf-it-route";

    /** Package imports of the route classes (checked in Karaf: a missing one fails the route with NoClassDefFoundError). */
    static final List<String> IMPORTS = List.of(
            "io.github.cameltamtam.component.tamtam;version=\"[1.0,2)\"",
            "org.apache.camel;version=\"[4.14,5)\"",
            "org.apache.camel.builder;version=\"[4.14,5)\"",
            "org.apache.camel.karaf.core;version=\"[4.14,5)\"",
            "org.apache.camel.model;version=\"[4.14,5)\"",
            "org.apache.camel.spi;version=\"[4.14,5)\"",
            "org.apache.camel.support;version=\"[4.14,5)\"",
            "org.apache.camel.util;version=\"[4.14,5)\"",
            "org.osgi.framework;version=\"[1.8,2)\"",
            "org.osgi.framework.wiring;version=\"[1.2,2)\"",
            "org.osgi.service.cm;version=\"[1.5,2)\"",
            "org.slf4j;version=\"[1.7,3)\"");

    private RouteBundle() {
    }

    /**
     * Writes the route bundle jar.
     *
     * @param testClasses the test output folder holding the compiled route package
     * @param jar         the jar to write
     * @return {@code jar}
     */
    static Path write(Path testClasses, Path jar) throws IOException {
        String pkg = KeyAccountsRouteActivator.class.getPackageName();
        Path classes = testClasses.resolve(pkg.replace('.', '/'));
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", "camel-tamtam Karaf IT route");
        main.putValue("Bundle-Activator", KeyAccountsRouteActivator.class.getName());
        main.putValue("Import-Package", String.join(",", IMPORTS));
        main.putValue("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.list(classes)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (file.toString().endsWith(".class")) {
                    zip.putNextEntry(new JarEntry(testClasses.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
        }
        return jar;
    }
}
