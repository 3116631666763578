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
package io.github.cameltamtam.docs.recipes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.main.Main;

/** The recipes' Camel Main application (this module's application.properties and routes) against a simulator. */
final class RecipeApp {

    private RecipeApp() {
    }

    /** A Main with the environment the pages ask for pointing at {@code simulator}; not started. */
    static Main main(TamtamSimulator simulator) {
        Main main = new Main();
        main.addOverrideProperty("camel.component.tamtam.api-key", "{{recipes.api-key}}");
        main.addInitialProperty("recipes.api-key", TamtamSimulator.DEMO_API_KEY);
        main.addOverrideProperty("camel.component.tamtam.user-email", TamtamSimulator.DEMO_USER_EMAIL);
        main.addOverrideProperty("camel.component.tamtam.base-url", simulator.baseUrl().toString());
        return main;
    }

    /** Waits, at most {@code timeout}, until {@code condition} holds; fails naming {@code what} otherwise. */
    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
