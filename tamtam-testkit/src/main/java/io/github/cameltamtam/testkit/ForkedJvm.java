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
package io.github.cameltamtam.testkit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running a main class with this JVM's {@code java} and class path: a replica process in a multi-JVM test,
 * a simulator or a measured client in the benchmarks.
 * <p>
 * Everything it prints (stdout and stderr) is kept in memory ({@link #lines()}) and, when an output file is given,
 * written there as it comes, for diagnosis after a failed run (put it under {@code target/}). Every wait is bounded.
 * {@link #close()} always ends it (a normal stop first, then {@code SIGKILL}); a shutdown hook does the same if this JVM
 * ends first. {@link #kill()} ends it at once with {@code SIGKILL}, as a crash would.
 */
public final class ForkedJvm implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private final Thread shutdownHook;

    private ForkedJvm(String name, Process process, Path outputFile) throws IOException {
        this.name = name;
        this.process = process;
        BufferedWriter file = outputFile == null ? null : Files.newBufferedWriter(outputFile, StandardCharsets.UTF_8);
        this.reader = new Thread(() -> read(file), name + "-output");
        this.reader.setDaemon(true);
        this.reader.start();
        this.shutdownHook = new Thread(() -> process.destroyForcibly(), name + "-kill");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Returns a builder of a child JVM running {@code mainClass}'s {@code main}. */
    public static Builder of(Class<?> mainClass) {
        return new Builder(mainClass.getName());
    }

    /** Returns a builder of a child JVM running the named main class (on this JVM's class path). */
    public static Builder of(String mainClass) {
        return new Builder(mainClass);
    }

    /** Returns the {@code java} executable of this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Returns the process id. */
    public long pid() {
        return process.pid();
    }

    /** Returns whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Returns a copy of the lines printed so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Returns the last {@code n} lines printed, one string (for failure messages). */
    public String tail(int n) {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - n), all.size()));
    }

    /**
     * Waits until the child prints a line matching {@code condition}.
     *
     * @return the first matching line
     * @throws IllegalStateException if none comes within {@code timeout} or the child ends without one (with the tail
     *                               of its output)
     */
    public String awaitLine(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                Optional<String> match = lines.stream().filter(condition).findFirst();
                if (match.isPresent()) {
                    return match.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive()) {
                    break;
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
        throw new IllegalStateException(name + (process.isAlive() ? " printed no expected line within " + timeout
                : " ended (exit " + process.exitValue() + ") without the expected line") + ":\n" + tail(30));
    }

    /**
     * Waits up to {@code timeout} for the child to end by itself; kills it ({@code SIGKILL}) if it does not.
     *
     * @return how it ended
     */
    public Outcome await(Duration timeout) throws InterruptedException {
        boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            process.destroyForcibly().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        }
        reader.join(STOP_GRACE.toMillis());
        removeHook();
        return new Outcome(done ? process.exitValue() : -1, !done, lines());
    }

    /** Ends the child at once with {@code SIGKILL} (no shutdown hooks run in it, as in a crash) and waits for it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Stops the child: {@code SIGTERM} (its shutdown hooks run), then {@code SIGKILL} after 10 s. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
                }
            }
            reader.join(STOP_GRACE.toMillis());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            removeHook();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is shutting down
        }
    }

    private void read(BufferedWriter file) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); BufferedWriter toFile = file) {
            String line;
            while ((line = out.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
                if (toFile != null) {
                    toFile.write(line);
                    toFile.newLine();
                    toFile.flush();
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }

    /** What a child printed, and how it ended. */
    public record Outcome(int exitCode, boolean timedOut, List<String> lines) {

        /** Returns the last 15 lines, one string. */
        public String tail() {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }

        /**
         * Returns the lines {@code RESULT key=value key=value ...} as maps (values may hold spaces when the next key
         * follows as {@code " key="}), the convention children use to report measurements.
         *
         * @return the lines {@code RESULT key=value key=value ...} as maps (values may hold spaces when the next key
         *         follows as {@code " key="}), the convention children use to report measurements
         */
        public List<Map<String, String>> results() {
            List<Map<String, String>> results = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("RESULT ")) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String pair : line.substring(7).split(" (?=[a-zA-Z]+=)", -1)) {
                        int eq = pair.indexOf('=');
                        values.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                    results.add(values);
                }
            }
            return results;
        }
    }

    /** Options of a child JVM; {@link #start()} launches it. */
    public static final class Builder {
        private final String mainClass;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String name;
        private Path outputFile;
        private String classpath = System.getProperty("java.class.path");

        private Builder(String mainClass) {
            this.mainClass = mainClass;
            this.name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        }

        /** A name for threads, messages and {@link #toString()}; the main class' simple name by default. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** JVM options, e.g. {@code -Xmx256m} or {@code -Dkey=value}. */
        public Builder jvmOptions(String... options) {
            return jvmOptions(List.of(options));
        }

        /** JVM options, e.g. {@code -Xmx256m} or {@code -Dkey=value}. */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        /** Arguments of {@code main}. */
        public Builder args(String... arguments) {
            return args(List.of(arguments));
        }

        /** Arguments of {@code main}. */
        public Builder args(List<String> arguments) {
            args.addAll(arguments);
            return this;
        }

        /** An environment variable of the child (it inherits this JVM's others). */
        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        /** Also writes everything the child prints to this file (parent folders are created). */
        public Builder output(Path file) {
            this.outputFile = file;
            return this;
        }

        /** The class path; this JVM's by default. */
        public Builder classpath(String path) {
            this.classpath = path;
            return this;
        }

        /** Launches the child. */
        public ForkedJvm start() throws IOException {
            List<String> command = new ArrayList<>();
            command.add(java());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            if (outputFile != null && outputFile.getParent() != null) {
                Files.createDirectories(outputFile.getParent());
            }
            Process process = builder.start();
            try {
                return new ForkedJvm(name, process, outputFile);
            } catch (IOException | RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
        }

        /** Launches the child and waits up to {@code timeout} for it to end (killing it after that). */
        public Outcome run(Duration timeout) throws IOException, InterruptedException {
            try (ForkedJvm jvm = start()) {
                return jvm.await(timeout);
            }
        }
    }
}
