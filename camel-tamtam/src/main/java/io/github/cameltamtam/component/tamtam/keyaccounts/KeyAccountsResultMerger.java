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

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.github.cameltamtam.component.tamtam.ids.IdListBuilder;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResponse;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the answers of one exchange's batches into one {@link KeyAccountsResult}, in input order, placing every ID
 * sent in exactly one outcome. The API's answer is trusted only for IDs of its own batch: an ID it leaves out is
 * reported as failed (outcome unknown), an ID it invents is dropped. Each batch is told once, in any order (an answer
 * as it arrives, so that it need not be kept): its IDs' outcomes are kept as a byte each, and the result's lists are
 * views of the batches' IDs ({@link IdListBuilder}), so no ID is copied. A batch never told counts as failed.
 * Thread-safe.
 */
final class KeyAccountsResultMerger {

    private static final Logger LOG = LoggerFactory.getLogger(KeyAccountsResultMerger.class);

    /** Why batches after some point were not started. */
    enum Stop {
        NONE,
        PAYMENT_REQUIRED,
        FAILURE
    }

    /** An ID's outcome: one of these, plus the flags below. */
    private static final byte ADDED = 1;
    private static final byte ALREADY = 2;
    private static final byte IGNORED = 3;
    private static final byte FAILED = 4;
    private static final byte OUTCOME = 7;
    /** Flag on IGNORED: never sent. */
    private static final byte UNSENT = 8;
    /** Flag on ADDED: answered present after an earlier attempt may have added it. */
    private static final byte CONFIRMED_ON_RETRY = 16;

    private final List<List<String>> batches;
    /** Per batch, once told: per ID of the batch, its outcome. */
    private final byte[][] outcomes;
    private boolean paymentRequired;
    private List<String> tags;
    private Integer tierLevel;
    /** The batch whose answer echoed the tags (tier) kept: the last in input order that echoed any; -1: none. */
    private int tagsFrom = -1;
    private int tierFrom = -1;

    /** @param batches the IDs of each batch, in input order */
    KeyAccountsResultMerger(RequestParameters parameters, List<List<String>> batches) {
        this.tags = parameters.tags();
        this.tierLevel = parameters.tierLevel();
        this.batches = batches;
        this.outcomes = new byte[batches.size()][];
    }

    /** Batch {@code batch}, answered; no earlier attempt of it may have added an ID. */
    void answered(int batch, KeyAccountsResponse response) {
        answered(batch, response, id -> false);
    }

    /**
     * Batch {@code batch}, answered. An ID it reports present that {@code mayHaveAdded} accepts (an earlier attempt
     * may have added it) counts as added, confirmed on retry.
     */
    synchronized void answered(int batch, KeyAccountsResponse response, Predicate<String> mayHaveAdded) {
        List<String> ids = batches.get(batch);
        Set<String> newly = asSet(response.getNewlyAddedCompanyLinkedinIds());
        Set<String> present = asSet(response.getAlreadyInKeyAccountsLinkedinIds());
        Set<String> skipped = asSet(response.getIgnoredCompanyLinkedinIds());
        byte[] told = new byte[ids.size()];
        int unreported = 0;
        for (int i = 0; i < told.length; i++) {
            String id = ids.get(i);
            if (newly.remove(id)) {
                told[i] = ADDED;
            } else if (present.remove(id)) {
                told[i] = mayHaveAdded.test(id) ? ADDED | CONFIRMED_ON_RETRY : ALREADY;
            } else if (skipped.remove(id)) {
                told[i] = IGNORED;
            } else {
                told[i] = FAILED;
                unreported++;
            }
        }
        if (unreported > 0) {
            LOG.warn("TamTam API answer left {} of {} IDs unreported; they are listed as failed", unreported,
                    told.length);
        }
        outcomes[batch] = told;
        paymentRequired |= response.isPaymentRequired();
        if (response.getTags() != null && batch > tagsFrom) {
            tags = response.getTags();
            tagsFrom = batch;
        }
        if (response.getTierLevel() != null && batch > tierFrom) {
            tierLevel = response.getTierLevel();
            tierFrom = batch;
        }
    }

    /** Batch {@code batch}, whose request failed after retries: its outcome is unknown. */
    synchronized void failed(int batch) {
        tell(batch, FAILED);
    }

    /** Batch {@code batch}, never sent because of {@code stop}. */
    synchronized void notSent(int batch, Stop stop) {
        tell(batch, stop == Stop.PAYMENT_REQUIRED ? (byte) (IGNORED | UNSENT) : FAILED);
    }

    /** The merged result of the batches, with the exchange's invalid values and request counts. */
    synchronized KeyAccountsResult result(List<InvalidCompanyLinkedinId> invalid, int requestCount,
            int throttledRequestCount) {
        IdListBuilder added = new IdListBuilder();
        IdListBuilder already = new IdListBuilder();
        IdListBuilder ignored = new IdListBuilder();
        IdListBuilder unsent = new IdListBuilder();
        IdListBuilder failed = new IdListBuilder();
        IdListBuilder confirmedOnRetry = new IdListBuilder();
        for (int b = 0; b < outcomes.length; b++) {
            List<String> ids = batches.get(b);
            for (int i = 0, n = ids.size(); i < n; i++) {
                int outcome = outcomes[b] == null ? FAILED : outcomes[b][i];
                switch (outcome & OUTCOME) {
                    case ADDED -> added.add(ids, i);
                    case ALREADY -> already.add(ids, i);
                    case IGNORED -> ignored.add(ids, i);
                    default -> failed.add(ids, i);
                }
                if ((outcome & UNSENT) != 0) {
                    unsent.add(ids, i);
                }
                if ((outcome & CONFIRMED_ON_RETRY) != 0) {
                    confirmedOnRetry.add(ids, i);
                }
            }
        }
        return new KeyAccountsResult(added.build(), already.build(), ignored.build(), paymentRequired, tags,
                tierLevel, unsent.build(), invalid, failed.build(), requestCount, throttledRequestCount,
                confirmedOnRetry.build());
    }

    private void tell(int batch, byte outcome) {
        byte[] told = new byte[batches.get(batch).size()];
        Arrays.fill(told, outcome);
        outcomes[batch] = told;
    }

    private static Set<String> asSet(List<String> ids) {
        return ids == null ? new HashSet<>() : new HashSet<>(ids);
    }
}
