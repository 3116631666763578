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

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal application: one route, no tamtam option in Java, everything in application.properties. */
@SpringBootApplication
public class TamtamStarterTestApplication {

    @Bean
    RouteBuilder keyAccountsRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:addKeyAccounts").routeId("add-key-accounts").to("tamtam:keyAccounts");
            }
        };
    }
}
