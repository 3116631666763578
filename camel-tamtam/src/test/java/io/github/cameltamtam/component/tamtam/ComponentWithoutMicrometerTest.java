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
package io.github.cameltamtam.component.tamtam;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Run by the {@code without-micrometer} surefire execution, whose class path lacks micrometer-core (an optional
 * dependency): the component starts, sends and counts all the same.
 */
class ComponentWithoutMicrometerTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithCamelDefaults().route("direct:add", "tamtam:keyAccounts");
    }

    @Test
    void componentRunsAndCountsWithoutMicrometerOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micrometer.core.instrument.MeterRegistry"));

        KeyAccountsResult result = template.requestBody("direct:add", ids(4_000_000, 60), KeyAccountsResult.class);

        assertEquals(60, result.getNewlyAddedCompanyLinkedinIds().size());
        TamtamEndpoint endpoint = context.getEndpoint("tamtam:keyAccounts", TamtamEndpoint.class);
        assertEquals(60, endpoint.getMetrics().getIdsAdded());
        assertEquals(2, endpoint.getMetrics().getRequests());
        assertEquals(10.0, endpoint.getMetrics().getPacerRate(), "no 429: the key's pacer runs at requestsPerSecond");
    }
}
