package io.github.cameltamtam.benchmarks;

import java.io.IOException;
import java.time.Duration;

import io.github.cameltamtam.testkit.ForkedJvm;

/** Child JVMs of the harness ({@link ForkedJvm}): the simulator in a JVM of its own. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** A simulator in a JVM of its own: no rate limit, no latency, credits for every round. */
    static final class Simulator implements AutoCloseable {
        private final ForkedJvm jvm;
        final String baseUrl;

        Simulator() throws IOException, InterruptedException {
            this("--rate-limit", "0", "--latency-ms", "0", "--credits", "2000000000");
        }

        /** A simulator started with the given {@code TamtamSimulator} command-line options. */
        Simulator(String... options) throws IOException, InterruptedException {
            jvm = ForkedJvm.of("io.github.cameltamtam.simulator.Main").name("simulator")
                    .jvmOptions("-Xmx1g").args(options).start();
            try {
                String line = jvm.awaitLine(l -> l.strip().startsWith("base URL:"), Duration.ofSeconds(60));
                baseUrl = line.strip().substring("base URL:".length()).strip();
            } catch (RuntimeException | InterruptedException e) {
                jvm.close();
                throw e;
            }
        }

        long pid() {
            return jvm.pid();
        }

        @Override
        public void close() {
            jvm.close();
        }
    }
}
