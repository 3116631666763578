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

import java.util.ArrayList;
import java.util.List;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyAccountsBatchingTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithCamelDefaults()
                .route("direct:add", "tamtam:keyAccounts")
                .route("direct:small", "tamtam:keyAccounts?batchSize=7");
    }

    @Test
    void idsGoOutInInputOrderInBatchesOfAtMostFifty() {
        List<String> ids = ids(1000, 120);

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));

        assertTrue(out.getException() == null, () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(ids, result.getNewlyAddedCompanyLinkedinIds());
        List<RecordedRequest> requests = simulator.requests("POST", "/api/v2/key-accounts");
        assertEquals(List.of(50, 50, 20), requests.stream().map(r -> r.companyLinkedinIds().size()).toList());
        List<String> sent = new ArrayList<>();
        requests.forEach(r -> sent.addAll(r.companyLinkedinIds()));
        assertEquals(ids, sent);
        assertEquals(1000 - 120, simulator.demoAccount().credits());
        assertEquals(3, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertFalse(out.getMessage().getHeader(TamtamConstants.PAYMENT_REQUIRED, Boolean.class));
    }

    @Test
    void batchSizeOptionSplitsSmaller() {
        List<String> ids = ids(5000, 15);

        KeyAccountsResult result = template.requestBody("direct:small", ids, KeyAccountsResult.class);

        assertEquals(15, result.getNewlyAddedCompanyLinkedinIds().size());
        assertEquals(List.of(7, 7, 1), simulator.requests("POST", "/api/v2/key-accounts").stream()
                .map(r -> r.companyLinkedinIds().size()).toList());
    }

    static List<String> ids(int first, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.valueOf(first + i));
        }
        return ids;
    }
}
