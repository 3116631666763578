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
import java.util.ArrayList;
import java.util.List;

import io.github.cameltamtam.component.tamtam.input.CompanyLinkedinIds;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsPlan;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsRequest;

/**
 * Cuts one exchange's distinct IDs into the requests that carry them: batches of at most {@code batchSize}, in input
 * order. A real call sends exactly these ({@link KeyAccountsBatchRun}); a dry run returns them ({@link #plan}).
 */
public final class KeyAccountsPlanner {

    private KeyAccountsPlanner() {
    }

    /** The requests that send {@code ids}, in order. */
    public static List<KeyAccountsRequest> batches(List<String> ids, RequestParameters parameters, int batchSize) {
        List<KeyAccountsRequest> batches = new ArrayList<>((ids.size() + batchSize - 1) / batchSize);
        for (int from = 0; from < ids.size(); from += batchSize) {
            batches.add(new KeyAccountsRequest(ids.subList(from, Math.min(ids.size(), from + batchSize)),
                    parameters.userEmail(), parameters.tags(), parameters.tierLevel()));
        }
        return batches;
    }

    /** The plan of a dry run: the batches and their JSON bodies as the client would send them. */
    public static KeyAccountsPlan plan(CompanyLinkedinIds input, RequestParameters parameters, int batchSize) {
        List<KeyAccountsRequest> batches = batches(input.ids(), parameters, batchSize);
        List<String> payloads = new ArrayList<>(batches.size());
        for (KeyAccountsRequest batch : batches) {
            payloads.add(new String(KeyAccountsApi.addKeyAccounts(batch).body(), StandardCharsets.UTF_8));
        }
        return new KeyAccountsPlan(input.ids(), batches, payloads, input.invalid(), input.duplicates());
    }
}
