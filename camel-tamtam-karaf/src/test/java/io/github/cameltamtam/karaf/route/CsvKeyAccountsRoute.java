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
package io.github.cameltamtam.karaf.route;

import org.apache.camel.builder.RouteBuilder;

/**
 * Every {@code *.csv} dropped into the inbox goes to {@code tamtam:keyAccounts} (tagged {@code karaf}); one log line
 * per file tells the outcome of every company ID.
 */
public final class CsvKeyAccountsRoute extends RouteBuilder {

    /** Marker of the route's outcome line in Karaf's log. */
    public static final String OUTCOME = "TAMTAM-KARAF-IT outcome";

    private final String inbox;

    /** @param inbox absolute path of the folder the route reads CSV files from */
    public CsvKeyAccountsRoute(String inbox) {
        this.inbox = inbox;
    }

    @Override
    public void configure() {
        from("file:" + inbox + "?include=.*\\.csv&move=.done")
                .routeId("csv-to-key-accounts")
                .to("tamtam:keyAccounts?tags=karaf")
                .log(OUTCOME + " file=${header.CamelFileName}"
                        + " added=${header.TamtamNewlyAddedCompanyLinkedinIds}"
                        + " already=${header.TamtamAlreadyInKeyAccountsLinkedinIds}"
                        + " ignored=${header.TamtamIgnoredCompanyLinkedinIds}");
    }
}
