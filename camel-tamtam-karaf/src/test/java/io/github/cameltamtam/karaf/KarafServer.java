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

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An Apache Karaf distribution unpacked by Maven, configured to run beside anything else on this machine and
 * offline, started as a separate process ({@code bin/karaf server}) and always stopped with its whole process tree.
 *
 * <ul>
 * <li>no listening ports: the {@code ssh} and {@code management} (JMX/RMI) boot features are left out; the shutdown
 * port is Karaf's default, a random one;</li>
 * <li>offline: {@code mvn:} URLs resolve from Karaf's {@code system/} folder and one given repository folder only
 * (no remote repositories, not the user's local Maven repository);</li>
 * <li>a clean start: {@code data/} is deleted first.</li>
 * </ul>
 */
final class KarafServer implements AutoCloseable {

    private static final List<String> BOOT_FEATURES_LEFT_OUT = List.of("ssh", "management");

    private final Path home;
    private Process process;
    private Thread reaper;

    KarafServer(Path home) {
        this.home = home;
        if (!Files.isExecutable(home.resolve("bin/karaf"))) {
            throw new IllegalStateException("no Karaf at " + home + " (unpacked by mvn verify, pre-integration-test)");
        }
    }

    Path home() {
        return home;
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    /**
     * Resolves {@code mvn:} URLs from {@code system/} and {@code repository} (a folder in Maven layout) only: it takes
     * the place of the local Maven repository, and there are no remote repositories.
     */
    KarafServer offline(Path repository) throws IOException {
        Map<String, String> cfg = readCfg("org.ops4j.pax.url.mvn.cfg");
        cfg.put("org.ops4j.pax.url.mvn.localRepository", repository.toString());
        cfg.put("org.ops4j.pax.url.mvn.repositories", "");
        cfg.put("org.ops4j.pax.url.mvn.offline", "true");
        writeCfg("org.ops4j.pax.url.mvn.cfg", cfg);
        return this;
    }

    /** Adds features repositories and boot features (installed when Karaf starts). */
    KarafServer bootFeatures(List<Path> repositories, List<String> features) throws IOException {
        Map<String, String> cfg = readCfg("org.apache.karaf.features.cfg");
        Set<String> repos = new LinkedHashSet<>(split(cfg.get("featuresRepositories")));
        repositories.forEach(r -> repos.add(r.toUri().toString()));
        Set<String> boot = new LinkedHashSet<>(split(cfg.get("featuresBoot")));
        boot.removeIf(f -> BOOT_FEATURES_LEFT_OUT.contains(f.split("/", -1)[0]));
        boot.addAll(features);
        cfg.put("featuresRepositories", String.join(", ", repos));
        cfg.put("featuresBoot", String.join(", ", boot));
        writeCfg("org.apache.karaf.features.cfg", cfg);
        return this;
    }

    /**
     * Blacklists features (Karaf's features processing, {@code etc/org.apache.karaf.features.xml}): they cannot be
     * installed nor picked for another feature's dependency.
     *
     * @param features name to exact version
     */
    KarafServer blacklist(Map<String, String> features) throws IOException {
        StringBuilder xml =
                new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- written by KarafRouteIT -->\n"
                        + "<featuresProcessing xmlns=\"http://karaf.apache.org/xmlns/features-processing/v1.0.0\">\n"
                        + "  <blacklistedFeatures>\n");
        features.forEach((name, version) -> xml.append("    <feature version=\"").append(version).append("\">")
                .append(name).append("</feature>\n"));
        xml.append("  </blacklistedFeatures>\n</featuresProcessing>\n");
        Files.writeString(home.resolve("etc/org.apache.karaf.features.xml"), xml, StandardCharsets.UTF_8);
        return this;
    }

    /** Writes {@code etc/<pid>.cfg}, which Karaf hands to Config Admin. */
    KarafServer config(String pid, Map<String, String> properties) throws IOException {
        writeCfg(pid + ".cfg", new LinkedHashMap<>(properties));
        return this;
    }

    /** Deletes {@code data/} and starts Karaf; its console output goes to {@code output}. */
    KarafServer start(Path output) throws IOException {
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("KARAF_DEBUG");
        process = pb.start();
        // also when the test JVM is ended (failsafe's fork timeout): no Karaf outlives it
        Process started = process;
        reaper = new Thread(() -> {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }, "karaf-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        return this;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Returns Karaf's log so far, empty before it exists. */
    String logText() throws IOException {
        return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    }

    /** Stops Karaf (SIGTERM to the whole tree: the JVM shuts the framework down), forcibly after 60 s. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        process.waitFor(10, TimeUnit.SECONDS);
        Runtime.getRuntime().removeShutdownHook(reaper);
    }

    private Map<String, String> readCfg(String name) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(home.resolve("etc").resolve(name), StandardCharsets.UTF_8)) {
            props.load(in);
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(k -> cfg.put(k, props.getProperty(k)));
        return cfg;
    }

    /** Plain {@code key = value} lines, as Karaf's own .cfg files (no Properties escaping of ':' or '='). */
    private void writeCfg(String name, Map<String, String> cfg) throws IOException {
        StringBuilder text = new StringBuilder("# written by KarafRouteIT\n");
        cfg.forEach((k, v) -> text.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(home.resolve("etc").resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<String> split(String list) {
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toList());
    }
}
