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
package io.github.cameltamtam.component.tamtam.metrics;

import org.apache.camel.CamelContext;

/**
 * Binds an endpoint's {@link TamtamEndpointMetrics} to Micrometer when it can: micrometer-core is an optional
 * dependency, so this class never names a Micrometer type; {@link TamtamMicrometerMeters}, which does, is loaded only
 * once Micrometer is known to be on the class path.
 */
public final class TamtamMicrometerSupport {

    private static final boolean MICROMETER_PRESENT = present("io.micrometer.core.instrument.MeterRegistry");

    private TamtamMicrometerSupport() {
    }

    /**
     * Registers an endpoint's meters in the CamelContext's {@code MeterRegistry}, if Micrometer is on the class path
     * and a registry is bound.
     *
     * @param  endpointUri the endpoint's URI, the {@code endpoint} tag (secrets are masked)
     * @return             closes (removes) the meters; null when nothing was registered
     */
    public static AutoCloseable bind(CamelContext context, String endpointUri, TamtamEndpointMetrics metrics) {
        return MICROMETER_PRESENT ? TamtamMicrometerMeters.bind(context, endpointUri, metrics) : null;
    }

    /** Whether Micrometer is on this bundle's / application's class path. */
    static boolean micrometerPresent() {
        return MICROMETER_PRESENT;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, TamtamMicrometerSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
