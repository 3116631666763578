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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import io.github.cameltamtam.component.tamtam.TamtamConstants;
import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.quarkus.it.TamtamSimulatorResource.InjectTamtamSimulator;
import io.github.cameltamtam.simulator.KeyAccount;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.quarkus.it.TamtamSimulatorResource.API_KEY;
import static io.github.cameltamtam.quarkus.it.TamtamSimulatorResource.USER_EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Quarkus application (JVM mode) with the camel-tamtam-quarkus extension: routes of {@link KeyAccountsRoutes}, the
 * component configured only by {@code camel.component.tamtam.*} in application.properties, the TamTam simulator as the
 * API on a free loopback port. Runs on Camel 4.18 (Camel Quarkus 3.33) with the camel-tamtam classes built for 4.22.
 */
@QuarkusTest
@WithTestResource(TamtamSimulatorResource.class)
class TamtamKeyAccountsQuarkusTest {

    @InjectTamtamSimulator
    TamtamSimulator simulator;

    @InjectTamtamSimulator
    Path folders;

    @Inject
    CamelContext camelContext;

    @Inject
    ProducerTemplate template;

    @BeforeEach
    void forgetEarlierRequests() {
        simulator.clearRequests();
    }

    @Test
    void applicationPropertiesConfigureTheComponentCamelQuarkusCreated() {
        TamtamComponent component = camelContext.getComponent("tamtam", TamtamComponent.class);
        assertEquals(simulator.baseUrl().toString(), component.getConfiguration().getBaseUrl());
        assertEquals(USER_EMAIL, component.getConfiguration().getUserEmail());
        assertEquals("4.18.0", camelContext.getVersion(), "the Camel Quarkus 3.33 line runs Camel 4.18");
    }

    @Test
    void idsSentToTheRouteAreAddedWithTheKeyAndUserOfApplicationProperties() {
        Exchange out = template.request("direct:keyAccounts",
                exchange -> exchange.getMessage().setBody(List.of("1035", "2382910", "1035")));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of("1035", "2382910"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("1035", "2382910"),
                out.getMessage().getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS));
        assertEquals(1, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));

        List<RecordedRequest> requests = simulator.requests("POST", "/api/v2/key-accounts");
        assertEquals(1, requests.size(), "one batch, duplicate sent once");
        assertEquals(API_KEY, requests.get(0).header("Authorization"));
        assertEquals(List.of("1035", "2382910"), requests.get(0).companyLinkedinIds());
        Map<String, KeyAccount> accounts = simulator.account(API_KEY).keyAccounts(USER_EMAIL);
        assertEquals(List.of("quarkus"), accounts.get("1035").tags());
        assertEquals(List.of("quarkus"), accounts.get("2382910").tags());
    }

    @Test
    void csvDroppedInTheInboxIsImportedAndSummarised() throws Exception {
        simulator.account(API_KEY).addKeyAccount(USER_EMAIL, "9001", List.of(), 1);
        NotifyBuilder fileDone = new NotifyBuilder(camelContext).fromRoute("csv-inbox").whenDone(1).create();

        Path inbox = Files.createDirectories(folders.resolve("inbox"));
        Path csv = inbox.resolve("accounts.csv.tmp");
        Files.writeString(csv, "company_name;company_linkedin_id\r\nAcme;9001\r\nGlobex;9002\r\nInitech;9003\r\n",
                StandardCharsets.UTF_8);
        Files.move(csv, inbox.resolve("accounts.csv"));

        assertTrue(fileDone.matches(30, TimeUnit.SECONDS), "the file route did not finish the CSV");
        assertEquals("added=2 already=1 ignored=0 requests=1",
                Files.readString(folders.resolve("outbox/accounts.summary.txt")));
        assertTrue(Files.exists(inbox.resolve(".done/accounts.csv")), "the CSV is moved to .done");
        Map<String, KeyAccount> accounts = simulator.account(API_KEY).keyAccounts(USER_EMAIL);
        assertEquals(2, accounts.get("9002").tierLevel());
        assertEquals(2, accounts.get("9003").tierLevel());
        assertEquals(List.of("9001", "9002", "9003"),
                simulator.requests("POST", "/api/v2/key-accounts").get(0).companyLinkedinIds());
    }

    @Test
    void badIdFailsTheExchangeBeforeAnyRequest() {
        Exchange out = template.request("direct:keyAccounts",
                exchange -> exchange.getMessage().setBody("1035\n12ab\n"));

        TamtamInvalidInputException error = assertInstanceOf(TamtamInvalidInputException.class, out.getException());
        assertTrue(error.getMessage().contains("12ab"), error::getMessage);
        assertTrue(simulator.requests().isEmpty(), "no request for an input with a bad ID");
        assertFalse(error.getMessage().contains(API_KEY));
    }
}
