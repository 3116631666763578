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

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.TamtamComponent;
import io.github.cameltamtam.component.tamtam.TamtamConfiguration;
import io.github.cameltamtam.component.tamtam.TamtamConstants;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Starts the application with the starter and only {@code application.properties}, and sends IDs through its
 * {@code tamtam:keyAccounts} route to the simulator.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TamtamStarterTestApplication.class)
class TamtamStarterTest {

    private static final TamtamSimulator SIMULATOR = TamtamStarterSimulator.SIMULATOR;
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void simulatorAddress(DynamicPropertyRegistry registry) {
        TamtamStarterSimulator.register(registry);
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @BeforeEach
    void forgetEarlierRequests() {
        SIMULATOR.clearRequests();
    }

    @Test
    void routeAddsCompaniesWithTheOptionsOfApplicationProperties() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ids.add(String.valueOf(7_100_000 + i));
        }

        Exchange out = template.request("direct:addKeyAccounts", e -> e.getMessage().setBody(ids));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(ids, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("spring-boot", "starter"), result.getTags());
        assertEquals(2, result.getTierLevel());
        assertEquals(3, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertFalse(out.getMessage().getHeader(TamtamConstants.PAYMENT_REQUIRED, Boolean.class));

        // what reached the API: batch-size=7, the key from the environment, user, tags and tier from the properties
        List<RecordedRequest> requests = SIMULATOR.requests("POST", "/api/v2/key-accounts");
        // batches are sent concurrently: the order in which they arrive is not fixed
        assertEquals(List.of(1, 7, 7), requests.stream().map(r -> r.companyLinkedinIds().size()).sorted().toList());
        for (RecordedRequest request : requests) {
            assertEquals(TamtamSimulator.DEMO_API_KEY, request.header("Authorization"));
            JsonNode body = JSON.readTree(request.body());
            assertEquals(TamtamSimulator.DEMO_USER_EMAIL, body.path("user_email").asText());
            assertEquals("[\"spring-boot\",\"starter\"]", body.path("tags").toString());
            assertEquals(2, body.path("tier_level").asInt());
        }
    }

    @Test
    void everyPropertyReachesTheComponent() {
        TamtamConfiguration config = camelContext.getComponent("tamtam", TamtamComponent.class).getConfiguration();

        assertEquals(TamtamSimulator.DEMO_API_KEY, config.getApiKey());
        assertEquals(SIMULATOR.baseUrl().toString(), config.getBaseUrl());
        assertEquals(TamtamSimulator.DEMO_USER_EMAIL, config.getUserEmail());
        assertEquals("spring-boot,starter", config.getTags());
        assertEquals(2, config.getTierLevel());
        assertEquals(7, config.getBatchSize());
        assertEquals(8.5, config.getRequestsPerSecond());
        assertEquals(1, config.getMaxRetries());
        assertEquals(200, config.getRetryDelay());
        assertEquals(5_000, config.getRequestTimeout());
        // untouched options keep the component's defaults
        assertEquals(10_000, config.getConnectTimeout());
        assertEquals(30_000, config.getMaxRetryWait());
        assertEquals(10, config.getMaxConcurrentRequests());
    }

    @Test
    void theKeyIsNeverLogged(CapturedOutput output) {
        template.requestBody("direct:addKeyAccounts", List.of("7199999"), KeyAccountsResult.class);

        assertFalse(output.getAll().contains(TamtamSimulator.DEMO_API_KEY), "the API key appeared in the log");
        assertFalse(output.getAll().contains("SECURITY WARNING"), "Camel warned about a plain-text secret");
    }
}
