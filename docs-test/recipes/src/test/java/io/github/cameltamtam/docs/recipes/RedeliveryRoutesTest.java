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

import java.util.List;

import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference page's onException example: 5xx after the component's retries are redelivered after Retry-After. */
class RedeliveryRoutesTest {

    private TamtamSimulator simulator;
    private Main main;

    @BeforeEach
    void start() {
        simulator = TamtamSimulator.start();
        main = RecipeApp.main(simulator);
        main.configure().addRoutesBuilder(new RedeliveryRoutes());
        main.addOverrideProperty("camel.main.routes-include-pattern", "false");
        main.start();
    }

    @AfterEach
    void stop() {
        main.stop();
        simulator.close();
    }

    @Test
    void serverErrorsOutlastingTheComponentsRetriesAreRedeliveredAfterRetryAfter() {
        // the first attempt and the component's 3 retries all answer 503, each asking for 1 s
        for (int i = 0; i < 4; i++) {
            simulator.faults().enqueue("/v2/key-accounts", Fault.status(503).header("Retry-After", "1"));
        }
        long started = System.nanoTime();

        KeyAccountsResult result = main.getCamelContext().createProducerTemplate()
                .requestBody("direct:import", List.of("1035", "1441"), KeyAccountsResult.class);

        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(List.of("1035", "1441"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(5, simulator.requests("POST", "/v2/key-accounts").size(), "4 answered 503, then one 200");
        // the redelivery waited the server's 1 s, not the example's default of a minute
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    @Test
    void aRejectedRequestIsNotRedelivered() {
        simulator.faults().enqueue("/v2/key-accounts", Fault.status(422));

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> main.getCamelContext()
                .createProducerTemplate().requestBody("direct:import", List.of("1035")));

        assertEquals(422, assertInstanceOf(TamtamApiException.class, e.getCause()).getStatusCode());
        assertEquals(1, simulator.requests("POST", "/v2/key-accounts").size());
    }
}
