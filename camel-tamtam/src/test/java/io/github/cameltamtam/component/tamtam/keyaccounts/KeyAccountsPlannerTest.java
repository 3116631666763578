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
package io.github.cameltamtam.component.tamtam.keyaccounts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import io.github.cameltamtam.component.tamtam.input.CompanyLinkedinIds;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsPlan;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batches of an exchange: at most batchSize IDs each, in input order, each carrying the exchange's parameters. */
class KeyAccountsPlannerTest {

    private static final RequestParameters PARAMETERS = new RequestParameters("ops@example.com", List.of("emea"), 2);

    @Test
    void idsAreCutIntoBatchesOfAtMostBatchSizeInInputOrder() {
        List<String> ids = ids(120);

        List<KeyAccountsRequest> batches = KeyAccountsPlanner.batches(ids, PARAMETERS, 50);

        assertEquals(List.of(50, 50, 20), batches.stream().map(b -> b.getCompanyLinkedinIds().size()).toList());
        assertEquals(ids, batches.stream().flatMap(b -> b.getCompanyLinkedinIds().stream()).toList());
        for (KeyAccountsRequest batch : batches) {
            assertEquals("ops@example.com", batch.getUserEmail());
            assertEquals(List.of("emea"), batch.getTags());
            assertEquals(2, batch.getTierLevel());
        }
    }

    @Test
    void noIdsMeansNoBatch() {
        assertEquals(List.of(), KeyAccountsPlanner.batches(List.of(), PARAMETERS, 50));
    }

    @Test
    void thePlanShowsEachBatchAsTheJsonThatWouldBeSent() {
        InvalidCompanyLinkedinId invalid = new InvalidCompanyLinkedinId("x", "line 2", "not a numeric ID");
        CompanyLinkedinIds input = new CompanyLinkedinIds(ids(3), List.of(invalid), 4);

        KeyAccountsPlan plan = KeyAccountsPlanner.plan(input, PARAMETERS, 2);

        assertEquals(ids(3), plan.getPlannedCompanyLinkedinIds());
        assertEquals(2, plan.getBatches().size());
        assertEquals(List.of(invalid), plan.getInvalidCompanyLinkedinIds());
        assertEquals(4, plan.getDuplicates());
        for (int i = 0; i < 2; i++) {
            String sent = new String(KeyAccountsApi.addKeyAccounts(plan.getBatches().get(i)).body(),
                    StandardCharsets.UTF_8);
            assertEquals(sent, plan.getRequestPayloads().get(i));
        }
        assertTrue(plan.getRequestPayloads().get(0).contains("\"company_linkedin_ids\":[\"1000\",\"1001\"]"),
                plan.getRequestPayloads().get(0));
    }

    private static List<String> ids(int count) {
        return IntStream.range(1000, 1000 + count).mapToObj(String::valueOf).toList();
    }
}
