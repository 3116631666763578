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
package io.github.cameltamtam.docs.boot;

// tag::application[]
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class KeyAccountsApplication {

    public static void main(String[] args) {
        SpringApplication.run(KeyAccountsApplication.class, args);
    }

    @Bean
    RouteBuilder keyAccountsRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:push?repeatCount=1")
                        .routeId("push-key-accounts")
                        .setBody(constant(List.of("1035", "1441", "2382910")))
                        .to("tamtam:keyAccounts")
                        .log("${header.TamtamNewlyAddedCompanyCount} added, "
                                + "${header.TamtamAlreadyInKeyAccountsCount} already there");
            }
        };
    }
}
// end::application[]
