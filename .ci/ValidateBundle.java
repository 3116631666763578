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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a Maven Central bundle (the zip central-publishing-maven-plugin builds) the way Central validates a
 * deployment, plus this project's own rules. Run by .ci/release-check:
 *
 * <pre>java .ci/ValidateBundle.java BUNDLE.zip FINGERPRINT ARTIFACT_ID,ARTIFACT_ID,...</pre>
 *
 * For every expected artifactId: a component folder group/artifact/version holding the .pom and, unless the
 * packaging is pom, the jar, -sources.jar and -javadoc.jar. For every file of the bundle (signatures and checksums
 * aside): an .asc that gpg (GNUPGHOME from the environment) verifies as made by FINGERPRINT, and .md5 and .sha1
 * files matching its content. Every POM, with what it inherits from parents in the bundle: name, description, url,
 * licenses, developers, scm (url, connection), issueManagement; no SNAPSHOT version. Every jar: META-INF/LICENSE
 * and META-INF/NOTICE. Nothing in the bundle that was not expected. Prints one line per problem; exit status 1 if
 * there is any.
 */
public class ValidateBundle {

    private static final Set<String> SIDE_FILES = Set.of(".asc", ".md5", ".sha1", ".sha256", ".sha512");

    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, Document> poms = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private final String fingerprint;

    ValidateBundle(String fingerprint) {
        this.fingerprint = fingerprint.toUpperCase();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java ValidateBundle.java BUNDLE.zip GPG_FINGERPRINT ARTIFACT_ID[,ARTIFACT_ID...]");
            System.exit(2);
        }
        ValidateBundle check = new ValidateBundle(args[1]);
        check.read(Path.of(args[0]));
        int components = check.validate(new LinkedHashSet<>(List.of(args[2].split(","))));
        if (check.problems.isEmpty()) {
            System.out.println("bundle valid: " + components + " components, " + check.files.size() + " files, every"
                    + " file signed by " + check.fingerprint + " with .md5 and .sha1");
            return;
        }
        check.problems.forEach(p -> System.out.println("INVALID: " + p));
        System.out.println("bundle invalid: " + check.problems.size() + " problem(s)");
        System.exit(1);
    }

    private void read(Path zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
    }

    private int validate(Set<String> expected) throws Exception {
        Map<String, List<String>> byComponent = new TreeMap<>();
        for (String name : files.keySet()) {
            int slash = name.lastIndexOf('/');
            byComponent.computeIfAbsent(slash < 0 ? "" : name.substring(0, slash), k -> new ArrayList<>()).add(name);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String dir : byComponent.keySet()) {
            String[] parts = dir.split("/");
            if (parts.length < 3) {
                problems.add("file outside a group/artifact/version folder: " + byComponent.get(dir));
                continue;
            }
            String version = parts[parts.length - 1];
            String artifactId = parts[parts.length - 2];
            String base = dir + "/" + artifactId + "-" + version;
            seen.add(artifactId);
            if (!expected.contains(artifactId)) {
                problems.add(artifactId + ": in the bundle but not a published module");
            }
            byte[] pom = files.get(base + ".pom");
            if (pom == null) {
                problems.add(artifactId + ": no " + artifactId + "-" + version + ".pom");
                continue;
            }
            Document doc = parse(pom);
            String groupId = String.join(".", java.util.Arrays.copyOf(parts, parts.length - 2));
            poms.put(groupId + ":" + artifactId + ":" + version, doc);
            String packaging = text(doc.getDocumentElement(), "packaging");
            if (packaging == null || !packaging.equals("pom")) {
                for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
                    if (!files.containsKey(base + suffix)) {
                        problems.add(artifactId + ": no " + artifactId + "-" + version + suffix);
                    }
                }
            }
        }
        for (String missing : expected) {
            if (!seen.contains(missing)) {
                problems.add(missing + ": published module missing from the bundle");
            }
        }
        for (Map.Entry<String, Document> pom : poms.entrySet()) {
            checkPom(pom.getKey(), pom.getValue());
        }
        for (String name : files.keySet()) {
            String side = sideSuffix(name);
            if (side != null) {
                if (!files.containsKey(name.substring(0, name.length() - side.length()))) {
                    problems.add(name + ": " + side + " of a file that is not in the bundle");
                }
                continue;
            }
            checkSideFiles(name);
            if (name.endsWith(".jar")) {
                checkLegalFiles(name);
            }
        }
        return poms.size();
    }

    private static String sideSuffix(String name) {
        for (String suffix : SIDE_FILES) {
            if (name.endsWith(suffix)) {
                return suffix;
            }
        }
        return null;
    }

    private void checkSideFiles(String name) throws Exception {
        byte[] content = files.get(name);
        checkDigest(name, content, ".md5", "MD5");
        checkDigest(name, content, ".sha1", "SHA-1");
        byte[] asc = files.get(name + ".asc");
        if (asc == null) {
            problems.add(name + ": no signature (.asc)");
        } else if (!signedByKey(content, asc)) {
            problems.add(name + ".asc: does not verify as a signature by " + fingerprint);
        }
    }

    private void checkDigest(String name, byte[] content, String suffix, String algorithm) throws Exception {
        byte[] given = files.get(name + suffix);
        if (given == null) {
            problems.add(name + ": no " + suffix);
            return;
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        String actual = new String(given, StandardCharsets.US_ASCII).trim().split("\\s+")[0].toLowerCase();
        if (!expected.equals(actual)) {
            problems.add(name + suffix + ": " + actual + " but the file's " + algorithm + " is " + expected);
        }
    }

    private boolean signedByKey(byte[] content, byte[] asc) throws Exception {
        Path dir = Files.createTempDirectory("bundle-verify");
        try {
            Path file = Files.write(dir.resolve("file"), content);
            Path sig = Files.write(dir.resolve("file.asc"), asc);
            Process gpg = new ProcessBuilder("gpg", "--batch", "--status-fd", "1", "--verify", sig.toString(),
                    file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String status = new String(gpg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gpg.waitFor(60, TimeUnit.SECONDS)) {
                gpg.destroyForcibly();
                return false;
            }
            return gpg.exitValue() == 0 && status.lines()
                    .anyMatch(l -> l.startsWith("[GNUPG:] VALIDSIG ") && l.split(" ")[2].equalsIgnoreCase(fingerprint));
        } finally {
            for (String f : new String[] {"file", "file.asc"}) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.delete(dir);
        }
    }

    private void checkLegalFiles(String jar) throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(files.get(jar)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.add(e.getName());
            }
        }
        for (String legal : List.of("META-INF/LICENSE", "META-INF/NOTICE")) {
            if (!entries.contains(legal)) {
                problems.add(jar + ": no " + legal);
            }
        }
    }

    /** The elements Central requires, looked up in the POM, then in its parents (as Maven inherits them). */
    private void checkPom(String coordinates, Document doc) {
        Element project = doc.getDocumentElement();
        if (coordinates.endsWith("-SNAPSHOT")) {
            problems.add(coordinates + ": a SNAPSHOT version");
        }
        for (String own : List.of("name", "description")) {
            if (text(project, own) == null) {
                problems.add(coordinates + ": no <" + own + ">");
            }
        }
        List<Element> chain = chain(coordinates, project);
        require(coordinates, chain, "url", "url");
        require(coordinates, chain, "licenses/license/name", "licenses");
        require(coordinates, chain, "licenses/license/url", "licenses");
        require(coordinates, chain, "developers/developer/name", "developers");
        require(coordinates, chain, "scm/url", "scm");
        require(coordinates, chain, "scm/connection", "scm");
        require(coordinates, chain, "issueManagement/url", "issueManagement");
    }

    /** The POM and its parents found in the bundle; a parent missing from the bundle is a problem. */
    private List<Element> chain(String coordinates, Element project) {
        List<Element> chain = new ArrayList<>();
        for (Element current = project; current != null; ) {
            chain.add(current);
            Element parent = child(current, "parent");
            if (parent == null) {
                break;
            }
            String key = text(parent, "groupId") + ":" + text(parent, "artifactId") + ":" + text(parent, "version");
            Document parentPom = poms.get(key);
            if (parentPom == null) {
                problems.add(coordinates + ": parent " + key + " is not in the bundle");
                break;
            }
            current = parentPom.getDocumentElement();
        }
        return chain;
    }

    private void require(String coordinates, List<Element> chain, String path, String element) {
        // a POM that declares the element decides (Maven does not merge licenses, developers or scm with the parent's)
        String top = path.split("/")[0];
        for (Element pom : chain) {
            if (child(pom, top) != null) {
                if (text(pom, path) == null) {
                    problems.add(coordinates + ": <" + element + "> without " + path);
                }
                return;
            }
        }
        problems.add(coordinates + ": no <" + element + "> (" + path + "), neither in it nor in a parent");
    }

    private static String text(Element from, String path) {
        Element e = from;
        for (String step : path.split("/")) {
            e = child(e, step);
            if (e == null) {
                return null;
            }
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
