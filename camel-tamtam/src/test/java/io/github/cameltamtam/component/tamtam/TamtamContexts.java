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

import java.util.function.Consumer;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A CamelContext of its own, for tests that need several, a special component or a start that fails: a tamtam
 * component with the simulator's demo key, user and base URL ({@code setup} changes it), and the route
 * {@code direct:add -> tamtam:keyAccounts?<endpointOptions>} (exhausted failures not logged). Not started.
 */
final class TamtamContexts {

    private TamtamContexts() {
    }

    static CamelContext create(String baseUrl, Consumer<TamtamComponent> setup, String endpointOptions)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        TamtamComponent tamtam = new TamtamComponent();
        TamtamConfiguration configuration = tamtam.getConfiguration();
        configuration.setApiKey(TamtamSimulator.DEMO_API_KEY);
        configuration.setBaseUrl(baseUrl);
        configuration.setUserEmail(TamtamSimulator.DEMO_USER_EMAIL);
        configuration.setRetryDelay(10);
        setup.accept(tamtam);
        context.addComponent("tamtam", tamtam);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from("direct:add").to("tamtam:keyAccounts" + (endpointOptions.isEmpty() ? "" : "?" + endpointOptions));
            }
        });
        return context;
    }
}
