package io.github.cameltamtam.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Child JVMs of the harness: the simulator, and the measured clients. Same java, same classpath as this JVM. */
final class ChildJvm {

    private ChildJvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classpath() {
        return System.getProperty("java.class.path");
    }

    /** A simulator in a JVM of its own: no rate limit, no latency, credits for every round. */
    static final class Simulator implements AutoCloseable {
        final Process process;
        final String baseUrl;
        private final List<String> output = new ArrayList<>();

        Simulator() throws IOException {
            process = new ProcessBuilder(java(), "-Xmx1g", "-cp", classpath(),
                    "io.github.cameltamtam.simulator.TamtamSimulator", "--rate-limit", "0", "--latency-ms", "0",
                    "--credits", "2000000000")
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            String line;
            while (url == null && (line = out.readLine()) != null) {
                output.add(line);
                if (line.strip().startsWith("base URL:")) {
                    url = line.strip().substring("base URL:".length()).strip();
                }
            }
            if (url == null) {
                process.destroyForcibly();
                throw new IOException("the simulator did not start: " + output);
            }
            baseUrl = url;
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // keep its pipe from filling up
                    }
                } catch (IOException ignored) {
                    // gone
                }
            }, "simulator-output");
            drain.setDaemon(true);
            drain.start();
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** What a child printed, and how it ended. */
    record Outcome(int exitCode, boolean timedOut, List<String> lines) {

        /** The {@code RESULT key=value ...} lines, as maps. */
        List<Map<String, String>> results() {
            List<Map<String, String>> results = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("RESULT ")) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String pair : line.substring(7).split(" (?=[a-zA-Z]+=)")) {
                        int eq = pair.indexOf('=');
                        values.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                    results.add(values);
                }
            }
            return results;
        }

        String tail() {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }
    }

    /** Runs {@code mainClass} in a child JVM with the given JVM options; kills it after {@code timeoutSeconds}. */
    static Outcome run(List<String> jvmOptions, Class<?> mainClass, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> read = CompletableFuture.runAsync(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // killed
            }
        });
        boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try {
            read.get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // what was read is enough
        }
        synchronized (lines) {
            return new Outcome(done ? process.exitValue() : -1, !done, List.copyOf(lines));
        }
    }
}
