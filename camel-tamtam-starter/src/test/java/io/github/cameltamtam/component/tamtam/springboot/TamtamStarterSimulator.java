package io.github.cameltamtam.component.tamtam.springboot;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One simulator for the JVM, started before the first Spring context that needs its address. */
final class TamtamStarterSimulator {

    static final TamtamSimulator SIMULATOR = TamtamSimulator.start();

    private TamtamStarterSimulator() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("tamtam.simulator.base-url", () -> SIMULATOR.baseUrl().toString());
    }
}
