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
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * features.xml as built (target/feature/features.xml): well-formed, valid against Karaf's features schema, every
 * bundle and repository it names exists, and its camel-karaf dependencies exist in camel-karaf's features repository
 * at versions the bundle's Import-Package ranges accept.
 */
class FeaturesXmlTest {

    private static final String NS = "http://karaf.apache.org/xmlns/features/v1.6.0";

    private static Path featuresXml;
    private static Path deps;
    private static Document features;
    private static Document camelKaraf;

    @BeforeAll
    static void parse() throws Exception {
        featuresXml = Path.of(System.getProperty("features.xml"));
        deps = Path.of(System.getProperty("karaf.deps"));
        assertTrue(Files.exists(featuresXml), featuresXml + " (run through Maven)");
        features = parse(featuresXml);
        camelKaraf = parse(deps.resolve("apache-camel-features.xml"));
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void isValidAgainstTheKarafFeaturesSchema() throws Exception {
        assertEquals(NS, features.getDocumentElement().getNamespaceURI());
        try (JarFile core = new JarFile(deps.resolve("org.apache.karaf.features.core.jar").toFile());
                InputStream xsd =
                        core.getInputStream(core.getEntry("org/apache/karaf/features/karaf-features-1.6.0.xsd"))) {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd))
                    .newValidator().validate(new StreamSource(featuresXml.toFile()));
        }
        assertFalse(Files.readString(featuresXml).contains("${"), "an unfiltered ${...} is left");
    }

    @Test
    void theCamelTamtamFeatureInstallsTheBundleOnCamelKarafsFeatures() {
        Element feature = feature(features, "camel-tamtam", null);
        assertNotNull(feature, "no camel-tamtam feature");
        assertEquals(System.getProperty("project.version"), feature.getAttribute("version"));
        assertEquals(List.of("camel-core", "jackson"), texts(feature, "feature"));
        assertTrue(texts(feature, "bundle").contains("mvn:io.github.cameltamtam/camel-tamtam/"
                + System.getProperty("project.version")));
    }

    @Test
    void theRepositoryIsCamelKarafs() {
        assertEquals(List.of("mvn:org.apache.camel.karaf/apache-camel/" + System.getProperty("camel-karaf.version")
                + "/xml/features"), texts(features.getDocumentElement(), "repository"));
        assertEquals("camel-" + System.getProperty("camel-karaf.version"),
                camelKaraf.getDocumentElement().getAttribute("name"));
    }

    @Test
    void requiredFeaturesExistInCamelKarafWithinTheBundlesImportRanges() {
        for (Element dependency : children(feature(features, "camel-tamtam", null), "feature")) {
            String name = dependency.getTextContent().trim();
            String range = dependency.getAttribute("version");
            List<String> available = new ArrayList<>();
            NodeList all = camelKaraf.getElementsByTagNameNS(NS, "feature");
            for (int i = 0; i < all.getLength(); i++) {
                Element f = (Element) all.item(i);
                if (f.getAttribute("name").equals(name) && f.getParentNode() == camelKaraf.getDocumentElement()) {
                    available.add(f.getAttribute("version"));
                }
            }
            assertTrue(available.stream().anyMatch(v -> BundleManifestTest.inRange(range, v)),
                    name + " " + range + " not in camel-karaf, which has " + available);
        }
        // the same ranges as the bundle's Import-Package
        assertEquals("[4.14,5)", feature(features, "camel-tamtam", null).getElementsByTagNameNS(NS, "feature").item(0)
                .getAttributes().getNamedItem("version").getNodeValue());
    }

    @Test
    void jacksonDataformatCsvMatchesCamelKarafsJackson() throws IOException {
        String jackson = System.getProperty("karaf-jackson.version");
        assertNotNull(feature(camelKaraf, "jackson", jackson), "camel-karaf has no jackson feature " + jackson);
        Path csv = deps.resolve("jackson-dataformat-csv.jar");
        try (JarFile jar = new JarFile(csv.toFile())) {
            assertEquals("com.fasterxml.jackson.dataformat.jackson-dataformat-csv",
                    jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
            assertEquals(jackson, jar.getManifest().getMainAttributes().getValue("Bundle-Version"));
        }
    }

    /**
     * The jackson feature range is the one the jackson-dataformat-csv bundle imports jackson-core in: a wider one lets
     * Karaf pick a jackson feature (Karaf's own 2.18.3) that leaves the csv bundle unresolvable.
     */
    @Test
    void jacksonFeatureRangeIsWhatTheCsvBundleImportsJacksonCoreIn() throws IOException {
        String featureRange = null;
        for (Element dependency : children(feature(features, "camel-tamtam", null), "feature")) {
            if (dependency.getTextContent().trim().equals("jackson")) {
                featureRange = dependency.getAttribute("version");
            }
        }
        String csvRange;
        try (JarFile jar = new JarFile(deps.resolve("jackson-dataformat-csv.jar").toFile())) {
            csvRange = OsgiHeader.parse(jar.getManifest().getMainAttributes().getValue("Import-Package")).stream()
                    .filter(h -> h.name().equals("com.fasterxml.jackson.core")).findFirst().orElseThrow()
                    .parameters().get("version").replace("\"", "");
        }
        assertEquals(csvRange, featureRange, "jackson feature range vs jackson-dataformat-csv's jackson-core import");
    }

    @Test
    void everyBundleExists() throws URISyntaxException {
        Path tamtam = Path.of(TamtamComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (String bundle : texts(feature(features, "camel-tamtam", null), "bundle")) {
            String[] gav = bundle.substring("mvn:".length()).split("/", -1);
            String coordinates = gav[0] + ":" + gav[1] + ":" + gav[2];
            switch (gav[0] + ":" + gav[1]) {
                case "io.github.cameltamtam:camel-tamtam" -> {
                    assertEquals(System.getProperty("project.version"), gav[2]);
                    assertTrue(Files.exists(tamtam), coordinates + " not built: " + tamtam);
                }
                case "com.fasterxml.jackson.dataformat:jackson-dataformat-csv" -> {
                    assertEquals(System.getProperty("karaf-jackson.version"), gav[2]);
                    assertTrue(Files.exists(deps.resolve("jackson-dataformat-csv.jar")), coordinates);
                }
                default -> fail("bundle not checked by this test: " + bundle);
            }
        }
    }

    private static Element feature(Document doc, String name, String version) {
        NodeList all = doc.getElementsByTagNameNS(NS, "feature");
        for (int i = 0; i < all.getLength(); i++) {
            Element f = (Element) all.item(i);
            if (f.getAttribute("name").equals(name) && (version == null || version.equals(f.getAttribute("version")))) {
                return f;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> answer = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS(NS, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                answer.add((Element) nodes.item(i));
            }
        }
        return answer;
    }

    private static List<String> texts(Element parent, String tag) {
        return children(parent, tag).stream().map(e -> e.getTextContent().trim()).toList();
    }
}
