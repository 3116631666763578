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
