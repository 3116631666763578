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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResponse;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the answers of one exchange's batches into one {@link KeyAccountsResult}, in input order, placing every ID
 * sent in exactly one outcome. The API's answer is trusted only for IDs of its own batch: an ID it leaves out is
 * reported as failed (outcome unknown), an ID it invents is dropped.
 */
final class KeyAccountsResultMerger {

    private static final Logger LOG = LoggerFactory.getLogger(KeyAccountsResultMerger.class);

    /** Why batches after some point were not started. */
    enum Stop {
        NONE,
        PAYMENT_REQUIRED,
        FAILURE
    }

    private final List<String> added = new ArrayList<>();
    private final List<String> already = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<String> unsent = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> confirmedOnRetry = new ArrayList<>();
    private boolean paymentRequired;
    private List<String> tags;
    private Integer tierLevel;

    KeyAccountsResultMerger(RequestParameters parameters) {
        this.tags = parameters.tags();
        this.tierLevel = parameters.tierLevel();
    }

    /** A batch the API answered, no earlier attempt of which may have added an ID. */
    void answered(List<String> batch, KeyAccountsResponse response) {
        answered(batch, response, Set.of());
    }

    /**
     * A batch the API answered. An ID it reports present that {@code mayHaveAdded} holds (an earlier attempt may have
     * added it) counts as added, confirmed on retry.
     */
    void answered(List<String> batch, KeyAccountsResponse response, Set<String> mayHaveAdded) {
        Set<String> newly = asSet(response.getNewlyAddedCompanyLinkedinIds());
        Set<String> present = asSet(response.getAlreadyInKeyAccountsLinkedinIds());
        Set<String> skipped = asSet(response.getIgnoredCompanyLinkedinIds());
        int unreported = 0;
        for (String id : batch) {
            if (newly.remove(id)) {
                added.add(id);
            } else if (present.remove(id)) {
                if (mayHaveAdded.contains(id)) {
                    added.add(id);
                    confirmedOnRetry.add(id);
                } else {
                    already.add(id);
                }
            } else if (skipped.remove(id)) {
                ignored.add(id);
            } else {
                failed.add(id);
                unreported++;
            }
        }
        if (unreported > 0) {
            LOG.warn("TamTam API answer left {} of {} IDs unreported; they are listed as failed", unreported,
                    batch.size());
        }
        paymentRequired |= response.isPaymentRequired();
        if (response.getTags() != null) {
            tags = response.getTags();
        }
        if (response.getTierLevel() != null) {
            tierLevel = response.getTierLevel();
        }
    }

    /** A batch whose request failed after retries: its outcome is unknown. */
    void failed(List<String> batch) {
        failed.addAll(batch);
    }

    /** A batch never sent, because of {@code stop}. */
    void notSent(List<String> batch, Stop stop) {
        if (stop == Stop.PAYMENT_REQUIRED) {
            ignored.addAll(batch);
            unsent.addAll(batch);
        } else {
            failed.addAll(batch);
        }
    }

    /** The merged result of the batches told so far, with the exchange's invalid values and request counts. */
    KeyAccountsResult result(List<InvalidCompanyLinkedinId> invalid, int requestCount, int throttledRequestCount) {
        return new KeyAccountsResult(added, already, ignored, paymentRequired, tags, tierLevel, unsent, invalid, failed,
                requestCount, throttledRequestCount, confirmedOnRetry);
    }

    private static Set<String> asSet(List<String> ids) {
        return ids == null ? new HashSet<>() : new HashSet<>(ids);
    }
}
