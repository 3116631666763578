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
