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
package io.github.cameltamtam.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import io.github.cameltamtam.component.tamtam.TamtamConfiguration;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** Builds the CamelContexts the benchmarks measure, and their inputs. */
final class Camels {

    static final String API_KEY = TamtamSimulator.DEMO_API_KEY;
    static final String USER_EMAIL = TamtamSimulator.DEMO_USER_EMAIL;

    private Camels() {
    }

    /**
     * A started CamelContext whose route {@code direct:tamtam} is {@code to("tamtam:keyAccounts")}, the component
     * pointed at {@code baseUrl} with the given pacing rate (the API's 10/s by default) and otherwise default options;
     * and {@code direct:tamtam-one-at-a-time}, the same with {@code maxConcurrentRequests=1}.
     */
    static CamelContext tamtam(String baseUrl, double requestsPerSecond) throws Exception {
        CamelContext context = new DefaultCamelContext();
        TamtamComponent tamtam = new TamtamComponent();
        TamtamConfiguration configuration = tamtam.getConfiguration();
        configuration.setApiKey(API_KEY);
        configuration.setBaseUrl(baseUrl);
        configuration.setUserEmail(USER_EMAIL);
        configuration.setRequestsPerSecond(requestsPerSecond);
        context.addComponent("tamtam", tamtam);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tamtam").to("tamtam:keyAccounts");
                from("direct:tamtam-one-at-a-time").to("tamtam:keyAccounts?maxConcurrentRequests=1");
            }
        });
        context.start();
        return context;
    }

    /** {@code count} distinct numeric IDs starting at {@code first}. */
    static List<String> ids(long first, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(String.valueOf(first + i));
        }
        return ids;
    }
}
