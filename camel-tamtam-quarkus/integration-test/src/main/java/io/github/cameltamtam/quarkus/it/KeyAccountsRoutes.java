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
package io.github.cameltamtam.quarkus.it;

import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of this Quarkus application; Camel Quarkus finds the class at build time. The tamtam component itself is
 * configured in {@code application.properties} ({@code camel.component.tamtam.*}).
 */
public class KeyAccountsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // any body the component reads: a list, a CSV text, a single ID, ...; the caller gets the result, or the
        // exception (e.g. a bad ID, before any request), and handles it: not logged here as well
        from("direct:keyAccounts").routeId("key-accounts")
                .errorHandler(noErrorHandler())
                .to("tamtam:keyAccounts?tags=quarkus");

        // the main job: CSV files dropped in a folder; a one-line summary per file, from the result's count headers
        // tag::route[]
        from("file:{{tamtam.inbox}}?include=.*\\.csv&move=.done&moveFailed=.error").routeId("csv-inbox")
                .to("tamtam:keyAccounts?tierLevel=2")
                .setBody(simple("added=${header.TamtamNewlyAddedCompanyCount}"
                        + " already=${header.TamtamAlreadyInKeyAccountsCount}"
                        + " ignored=${header.TamtamIgnoredCompanyCount}"
                        + " requests=${header.TamtamRequestCount}"))
                .to("file:{{tamtam.outbox}}?fileName=${file:onlyname.noext}.summary.txt");
        // end::route[]
    }
}
