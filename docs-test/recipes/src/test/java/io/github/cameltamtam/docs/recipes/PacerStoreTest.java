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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameltamtam.component.tamtam.TamtamComponent;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.TamtamSimulator;
import io.github.cameltamtam.testkit.PostgresServer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scale-out page's Camel Main setup as written: pacer.properties and PacerStore register the Bucket4j PostgreSQL
 * store, the component takes it as pacerProxyManager, and a request takes its slot from the bucket table.
 */
class PacerStoreTest {

    @Test
    void configurationClassRegistersTheStoreAndRequestsTakeTheirSlotsFromIt() throws Exception {
        PostgresServer.assumeAvailable();
        try (PostgresServer postgres = PostgresServer.start(); TamtamSimulator simulator = TamtamSimulator.start()) {
            try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute(Files.readString(Path.of(PacerStoreTest.class.getResource("/bucket.sql").toURI())));
            }
            Main main = RecipeApp.main(simulator);
            main.setDefaultPropertyPlaceholderLocation("classpath:application.properties,classpath:pacer.properties");
            main.addOverrideProperty("camel.main.routes-include-pattern", "false");
            // the environment the page asks for
            main.addInitialProperty("test.jdbc.user", postgres.user());
            main.addInitialProperty("test.jdbc.password", postgres.password());
            main.addOverrideProperty("camel.beans.dataSource.url", postgres.jdbcUrl());
            main.addOverrideProperty("camel.beans.dataSource.user", "{{test.jdbc.user}}");
            main.addOverrideProperty("camel.beans.dataSource.password", "{{test.jdbc.password}}");
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:import").to("tamtam:keyAccounts");
                }
            });
            main.start();
            try {
                TamtamComponent tamtam = main.getCamelContext().getComponent("tamtam", TamtamComponent.class);
                assertInstanceOf(ProxyManager.class, tamtam.getPacerProxyManager());

                KeyAccountsResult result = main.getCamelContext().createProducerTemplate()
                        .requestBody("direct:import", List.of("1035", "1441"), KeyAccountsResult.class);

                assertEquals(List.of("1035", "1441"), result.getNewlyAddedCompanyLinkedinIds());
                try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                        ResultSet rows = s.executeQuery("SELECT count(*) FROM bucket")) {
                    assertTrue(rows.next() && rows.getInt(1) == 1, "one bucket row for the key");
                }
            } finally {
                main.stop();
            }
        }
    }
}
