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

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pacerProxyManager option binds a registry bean from a {@code #bean:} reference, the way Camel Main and the
 * Spring Boot starter set it ({@code camel.component.tamtam.pacer-proxy-manager=#bean:name}), and refuses, naming the
 * option, a bean that is not a Bucket4j ProxyManager. (Nothing here connects to a database.)
 */
class PacerProxyManagerOptionTest {

    @Test
    void aBeanReferenceBindsTheProxyManager() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            ProxyManager<String> store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(new PGSimpleDataSource())
                    .primaryKeyMapper(PrimaryKeyMapper.STRING).build();
            context.getRegistry().bind("tamtamProxyManager", store);
            TamtamComponent tamtam = new TamtamComponent();

            PropertyBindingSupport.build().withCamelContext(context).withTarget(tamtam)
                    .withProperty("pacerProxyManager", "#bean:tamtamProxyManager").bind();

            assertSame(store, tamtam.getPacerProxyManager());
        }
    }

    @Test
    void aBeanThatIsNotAProxyManagerIsRefusedNamingTheOption() throws Exception {
        try (TamtamSimulator simulator = TamtamSimulator.start(); CamelContext context = new DefaultCamelContext()) {
            TamtamComponent tamtam = new TamtamComponent();
            tamtam.getConfiguration().setApiKey(TamtamSimulator.DEMO_API_KEY);
            tamtam.getConfiguration().setBaseUrl(simulator.baseUrl().toString());
            tamtam.setPacerProxyManager("not a store");
            context.addComponent("tamtam", tamtam);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:add").to("tamtam:keyAccounts");
                }
            });

            FailedToStartRouteException e;
            // Camel logs the failed start at ERROR: keep it in a capture, not in the build output
            try (LogCapture ignored =
                    LogCapture.start(Level.ERROR, "org.apache.camel.impl.engine.AbstractCamelContext")) {
                e = assertThrows(FailedToStartRouteException.class, context::start);
            }
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertTrue(cause.getMessage().contains("pacerProxyManager must be a Bucket4j"), cause.getMessage());
            assertTrue(cause.getMessage().contains("java.lang.String"), cause.getMessage());
        }
    }
}
