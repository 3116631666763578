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
package io.github.cameltamtam.simulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code java -jar tamtam-simulator-<version>-standalone.jar [options]} runs a simulator until the
 * process is killed. Options: {@code --port N} (default 0 = free port), {@code --credits N} (demo account credits,
 * default 1000), {@code --rate-limit N} (default 10, 0 = unlimited), {@code --latency-ms N} (default 0); each as
 * {@code --name value} or {@code --name=value}. Prints the base URL, the demo API key and user email.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs a simulator until the process is killed (exit status 2 on a bad option, 1 if the port cannot be bound).
     *
     * @param args the options
     */
    public static void main(String[] args) {
        TamtamSimulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tamtam-simulator: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (builder == null) {
            usage(System.out);
            return;
        }
        TamtamSimulator sim;
        try {
            sim = builder.start();
        } catch (UncheckedIOException e) {
            System.err.println("tamtam-simulator: " + e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "tamtam-simulator-shutdown"));
        printBanner(sim, System.out);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            sim.close();
        }
    }

    /**
     * Returns a builder configured by them, or {@code null} when help was asked for ({@code -h}, {@code --help}).
     *
     * @param args the command line options
     * @return a builder configured by them, or {@code null} when help was asked for ({@code -h}, {@code --help})
     * @throws IllegalArgumentException naming the option, on an unknown option or a missing or bad value
     */
    static TamtamSimulator.Builder parse(String... args) {
        TamtamSimulator.Builder builder = TamtamSimulator.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return null;
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number for " + name + ": " + value);
            }
            switch (name) {
                case "--port" -> builder.port(n);
                case "--credits" -> builder.demoCredits(n);
                case "--rate-limit" -> builder.rateLimit(n);
                case "--latency-ms" -> builder.latency(Duration.ofMillis(n));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return builder;
    }

    static void printBanner(TamtamSimulator sim, PrintStream out) {
        out.println("TamTam simulator listening on " + sim.baseUrl());
        out.println("  base URL:   " + sim.baseUrl());
        out.println("  API key:    " + TamtamSimulator.DEMO_API_KEY);
        out.println("  user email: " + TamtamSimulator.DEMO_USER_EMAIL);
        out.println("  credits:    " + sim.demoAccount().credits() + ", rate limit: "
                + (sim.rateLimit() == 0 ? "unlimited" : sim.rateLimit() + " req/s") + ", latency: "
                + sim.latency().toMillis() + " ms");
        out.println("Stop with Ctrl+C.");
        out.flush();
    }

    static void usage(PrintStream out) {
        out.println("usage: java -jar tamtam-simulator.jar [--port N] [--credits N] [--rate-limit N] [--latency-ms N]");
        out.println("  --port N        port on 127.0.0.1, 0 = a free port (default 0)");
        out.println("  --credits N     credits of the demo account (default 1000)");
        out.println("  --rate-limit N  requests per second per API key, 0 = unlimited (default 10)");
        out.println("  --latency-ms N  fixed delay before each answer (default 0)");
    }
}
