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
package io.github.cameltamtam.quarkus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cameltamtam.simulator.TamtamSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the TamTam simulator on a free loopback port before the Quarkus application, with the account that
 * {@code application.properties} names in its {@code %test} profile, and points the component at it
 * ({@code camel.component.tamtam.base-url}). Also gives the file routes temporary folders. Injects the simulator into
 * test fields annotated with {@link InjectTamtamSimulator}; stops it after the tests.
 */
public class TamtamSimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The key and user of {@code %test.camel.component.tamtam.*} in application.properties. */
    static final String API_KEY = "quarkus-it-key";
    static final String USER_EMAIL = "ops@example.com";
    static final int CREDITS = 100;

    private TamtamSimulator simulator;
    private Path folders;

    @Override
    public Map<String, String> start() {
        simulator = TamtamSimulator.builder().demoAccount(false).start();
        simulator.createAccount(API_KEY, CREDITS, USER_EMAIL);
        try {
            folders = Files.createTempDirectory("tamtam-quarkus-it");
        } catch (IOException e) {
            simulator.close();
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "camel.component.tamtam.base-url", simulator.baseUrl().toString(),
                "tamtam.inbox", folders.resolve("inbox").toString(),
                "tamtam.outbox", folders.resolve("outbox").toString());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectTamtamSimulator.class, TamtamSimulator.class));
        testInjector.injectIntoFields(folders,
                new TestInjector.AnnotatedAndMatchesType(InjectTamtamSimulator.class, Path.class));
    }

    @Override
    public void stop() {
        try {
            if (simulator != null) {
                simulator.close();
            }
        } finally {
            deleteFolders();
        }
    }

    private void deleteFolders() {
        if (folders == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folders)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks the test field that receives the running simulator (or, on a {@link Path}, the folders' parent). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectTamtamSimulator {
    }
}
