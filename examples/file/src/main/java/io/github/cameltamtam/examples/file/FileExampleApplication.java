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
package io.github.cameltamtam.examples.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the route {@code routes/csv-to-key-accounts.yaml} with Camel Main.
 * <ul>
 * <li>{@code TAMTAM_API_KEY} not set: demo mode. Starts the embedded TamTam simulator, points the component at it,
 * copies the bundled {@code sample/companies.csv} into the inbox, processes it and stops.</li>
 * <li>{@code TAMTAM_API_KEY} set: talks to the real API for the user {@code TAMTAM_USER_EMAIL} (required) and watches
 * the inbox until Ctrl+C.</li>
 * </ul>
 * Folders: {@code TAMTAM_INBOX} (default {@code target/inbox} of this module), {@code TAMTAM_OUTBOX} and
 * {@code TAMTAM_ERROR} (default: {@code outbox} and {@code error} beside the inbox).
 */
public final class FileExampleApplication {

    /** The logger of the example's own lines (the route logs its per-file summary under the same name). */
    static final Logger LOG = LoggerFactory.getLogger("io.github.cameltamtam.examples.file");

    /** The classpath resource copied into the inbox in demo mode. */
    static final String SAMPLE = "sample/companies.csv";

    private FileExampleApplication() {
    }

    /** The three folders of the example, absolute. */
    public record Folders(Path inbox, Path outbox, Path error) {

        public Folders {
            inbox = inbox.toAbsolutePath().normalize();
            outbox = outbox.toAbsolutePath().normalize();
            error = error.toAbsolutePath().normalize();
        }

        /** Where processed CSV files go (the file consumer's {@code move=.done}). */
        public Path done() {
            return inbox.resolve(".done");
        }

        /**
         * Returns the folders: the inbox from the environment or {@code baseDir/inbox}; outbox and error from the
         * environment or beside the inbox.
         *
         * @param env     the environment ({@code TAMTAM_INBOX}, {@code TAMTAM_OUTBOX}, {@code TAMTAM_ERROR})
         * @param baseDir the folder holding the default inbox
         * @return the folders: the inbox from the environment or {@code baseDir/inbox}; outbox and error from the
         *         environment or beside the inbox
         */
        public static Folders resolve(Map<String, String> env, Path baseDir) {
            Path inbox = pathOr(env.get("TAMTAM_INBOX"), baseDir.resolve("inbox")).toAbsolutePath().normalize();
            Path parent = inbox.getParent() != null ? inbox.getParent() : inbox;
            return new Folders(inbox,
                    pathOr(env.get("TAMTAM_OUTBOX"), parent.resolve("outbox")),
                    pathOr(env.get("TAMTAM_ERROR"), parent.resolve("error")));
        }

        private static Path pathOr(String value, Path fallback) {
            return isBlank(value) ? fallback : Path.of(value.trim());
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        // mvn exec:java sets tamtam.example.base-dir to this module's target/ folder
        Folders folders = Folders.resolve(env, Path.of(System.getProperty("tamtam.example.base-dir", "target")));
        int exitCode;
        if (isBlank(env.get("TAMTAM_API_KEY"))) {
            exitCode = runDemo(folders, args);
        } else if (isBlank(env.get("TAMTAM_USER_EMAIL"))) {
            System.err.println(
                    "TAMTAM_API_KEY is set, so this example talks to the real TamTam API, but TAMTAM_USER_EMAIL "
                            + "is not: set it to the email of the TamTam user whose Key Accounts receive the "
                            + "companies (export TAMTAM_USER_EMAIL=you@example.com), or unset TAMTAM_API_KEY to run "
                            + "the demo against the embedded simulator.");
            exitCode = 2;
        } else {
            exitCode = runLive(folders, args);
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * A Camel Main running the example's route(s) ({@code application.properties}) on the given folders. The TamTam
     * endpoint is configured by {@code application.properties} (real API, key from {@code TAMTAM_API_KEY}) unless
     * {@link #useSimulator(Main, TamtamSimulator)} is applied.
     */
    public static Main newMain(Folders folders) {
        Main main = new Main(FileExampleApplication.class);
        main.addOverrideProperty("tamtam.inbox", folders.inbox().toString());
        main.addOverrideProperty("tamtam.outbox", folders.outbox().toString());
        main.addOverrideProperty("tamtam.error", folders.error().toString());
        return main;
    }

    /** Points the component at a simulator: its base URL, its demo API key and demo user. */
    public static void useSimulator(Main main, TamtamSimulator simulator) {
        main.addOverrideProperty("camel.component.tamtam.base-url", simulator.baseUrl().toString());
        // a placeholder, not the literal key, so that Camel Main's plain-text secret check stays quiet
        main.addInitialProperty("tamtam.simulator.api-key", TamtamSimulator.DEMO_API_KEY);
        main.addOverrideProperty("camel.component.tamtam.api-key", "{{tamtam.simulator.api-key}}");
        main.addOverrideProperty("camel.component.tamtam.user-email", TamtamSimulator.DEMO_USER_EMAIL);
    }

    private static int runDemo(Folders folders, String[] args) throws Exception {
        try (TamtamSimulator simulator = TamtamSimulator.start()) {
            LOG.info("TAMTAM_API_KEY is not set: demo mode against the embedded TamTam simulator at {}",
                    simulator.baseUrl());
            Path csv = copySample(folders.inbox());
            Path result = folders.outbox().resolve("companies.result.json");
            Files.deleteIfExists(result);
            LOG.info("Copied the sample {} into {}", SAMPLE, csv);

            Main main = newMain(folders);
            useSimulator(main, simulator);
            // process the sample file, then stop (with a safety net should anything hang)
            main.addOverrideProperty("camel.main.duration-max-messages", "1");
            main.addOverrideProperty("camel.main.duration-max-seconds", "120");
            int exitCode = main.run(args);

            if (Files.exists(result)) {
                LOG.info("Done. Result JSON: {} (CSV moved to {})", result, folders.done());
            } else {
                LOG.warn("Done, but no result JSON was written: see the line above and {}", folders.error());
                exitCode = exitCode == 0 ? 1 : exitCode;
            }
            return exitCode;
        }
    }

    private static int runLive(Folders folders, String[] args) throws Exception {
        LOG.info("Watching {} for CSV files: results to {}, processed CSV files to {}, failed ones to {}. "
                + "Stop with Ctrl+C.", folders.inbox(), folders.outbox(), folders.done(), folders.error());
        return newMain(folders).run(args);
    }

    private static Path copySample(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        Path target = inbox.resolve(Path.of(SAMPLE).getFileName().toString());
        try (InputStream in = FileExampleApplication.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("classpath resource not found: " + SAMPLE));
            }
            // copy under a name the route ignores, then rename: the route never sees a half-written file
            Path part = inbox.resolve(target.getFileName() + ".part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
