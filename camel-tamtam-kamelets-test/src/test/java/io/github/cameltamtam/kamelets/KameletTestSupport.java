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
package io.github.cameltamtam.kamelets;

import java.util.Map;
import java.util.Properties;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A CamelContext running the YAML DSL routes of one test resource, which call the Kamelets shipped in the camel-tamtam
 * jar ({@code kamelet:tamtam-key-accounts-sink}, {@code kamelet:tamtam-key-accounts-action}), against a fresh TamTam
 * simulator on a free loopback port. Nothing registers the component or the Kamelets by hand: the {@code tamtam}
 * component is found through its services file and the Kamelets under {@code classpath:kamelets}, as in a user's app.
 * <p>
 * Properties the routes use: {@code tamtam.base-url}, {@code tamtam.user-email}, {@code tamtam.api-key} (the demo
 * account), plus whatever {@link #properties(Properties)} adds.
 */
abstract class KameletTestSupport {

    protected TamtamSimulator simulator;
    protected CamelContext context;
    protected ProducerTemplate template;

    /** The classpath resource with the YAML routes of this test class. */
    protected abstract String routes();

    /** Extra properties for this test class. */
    protected void properties(Properties properties) {
    }

    /** Adds services the routes of this test class need, before the routes are loaded. */
    protected void addServices(CamelContext context) throws Exception {
    }

    @BeforeEach
    void startCamel() throws Exception {
        simulator = TamtamSimulator.start();
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("tamtam.base-url", simulator.baseUrl().toString());
        properties.setProperty("tamtam.user-email", TamtamSimulator.DEMO_USER_EMAIL);
        properties.setProperty("tamtam.api-key", TamtamSimulator.DEMO_API_KEY);
        properties(properties);
        context.getPropertiesComponent().setInitialProperties(properties);
        addServices(context);
        Resource resource = PluginHelper.getResourceLoader(context).resolveResource("classpath:" + routes());
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** Sends the body with the headers to the endpoint, request-reply; the exchange comes back, failed or not. */
    protected Exchange send(String endpoint, Object body, Map<String, Object> headers) {
        return template.request(endpoint, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
    }
}
