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

import java.util.List;

import io.github.cameltamtam.component.tamtam.ids.CompactIdSet;
import io.github.cameltamtam.component.tamtam.ids.IdList;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResponse;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ID sent ends in exactly one outcome, in input order, whatever the answers say. */
class KeyAccountsResultMergerTest {

    private static final RequestParameters PARAMETERS = new RequestParameters("ops@example.com", List.of("emea"), 2);

    @Test
    void answeredIdsArePlacedByTheAnswerInInputOrder() {
        KeyAccountsResultMerger merger = merger(List.of("1", "2", "3", "4"));
        merger.answered(0, answer(List.of("4", "1"), List.of("2"), List.of("3"), false));

        KeyAccountsResult result = merger.result(List.of(), 1, 0);

        assertEquals(List.of("1", "4"), result.getNewlyAddedCompanyLinkedinIds(), "input order, not the answer's");
        assertEquals(List.of("2"), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(List.of("3"), result.getIgnoredCompanyLinkedinIds());
        assertEquals(List.of(), result.getFailedCompanyLinkedinIds());
        assertFalse(result.isPaymentRequired());
    }

    @Test
    void anIdTheAnswerLeavesOutIsFailedAndAnIdItInventsIsDropped() {
        KeyAccountsResultMerger merger = merger(List.of("1", "2"));
        merger.answered(0, answer(List.of("1", "99"), List.of(), List.of(), false));

        KeyAccountsResult result = merger.result(List.of(), 1, 0);

        assertEquals(List.of("1"), result.getNewlyAddedCompanyLinkedinIds(), "99 was never sent");
        assertEquals(List.of("2"), result.getFailedCompanyLinkedinIds(), "outcome unknown");
    }

    @Test
    void anIdListedTwiceByTheAnswerCountsOnce() {
        KeyAccountsResultMerger merger = merger(List.of("1"));
        merger.answered(0, answer(List.of("1"), List.of("1"), List.of("1"), false));

        KeyAccountsResult result = merger.result(List.of(), 1, 0);

        assertEquals(List.of("1"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(List.of(), result.getIgnoredCompanyLinkedinIds());
    }

    @Test
    void batchesNeverSentAfterPaymentRequiredAreIgnoredAndUnsent() {
        KeyAccountsResultMerger merger = merger(List.of("1", "2"), List.of("3", "4"));
        merger.answered(0, answer(List.of("1"), List.of(), List.of("2"), true));
        merger.notSent(1, KeyAccountsResultMerger.Stop.PAYMENT_REQUIRED);

        KeyAccountsResult result = merger.result(List.of(), 1, 0);

        assertTrue(result.isPaymentRequired());
        assertEquals(List.of("2", "3", "4"), result.getIgnoredCompanyLinkedinIds());
        assertEquals(List.of("3", "4"), result.getUnsentCompanyLinkedinIds(), "unsent is a subset of ignored");
        assertEquals(List.of(), result.getFailedCompanyLinkedinIds());
    }

    @Test
    void batchesThatFailedOrWereNeverSentAfterAFailureAreFailed() {
        KeyAccountsResultMerger merger = merger(List.of("1"), List.of("2"), List.of("3"));
        merger.answered(0, answer(List.of("1"), List.of(), List.of(), false));
        merger.failed(1);
        merger.notSent(2, KeyAccountsResultMerger.Stop.FAILURE);

        KeyAccountsResult result = merger.result(List.of(), 3, 1);

        assertEquals(List.of("2", "3"), result.getFailedCompanyLinkedinIds());
        assertEquals(List.of(), result.getUnsentCompanyLinkedinIds());
        assertEquals(3, result.getRequestCount());
        assertEquals(1, result.getThrottledRequestCount());
    }

    @Test
    void tagsAndTierAreTheRequestedOnesUntilAnAnswerEchoesOthers() {
        KeyAccountsResultMerger merger = merger(List.of("1"), List.of("2"));
        assertEquals(List.of("emea"), merger.result(List.of(), 0, 0).getTags());
        assertEquals(2, merger.result(List.of(), 0, 0).getTierLevel());

        KeyAccountsResponse echoed = answer(List.of("1"), List.of(), List.of(), false);
        echoed.setTags(List.of("emea", "api-added"));
        echoed.setTierLevel(3);
        merger.answered(1, answer(List.of("2"), List.of(), List.of(), false)); // echoes nothing, told first
        merger.answered(0, echoed);

        KeyAccountsResult result = merger.result(List.of(), 2, 0);
        assertEquals(List.of("emea", "api-added"), result.getTags());
        assertEquals(3, result.getTierLevel());
    }

    @Test
    void invalidValuesAreListedApart() {
        InvalidCompanyLinkedinId invalid = new InvalidCompanyLinkedinId("abc", "line 3", "not a numeric ID");

        KeyAccountsResult result = merger().result(List.of(invalid), 0, 0);

        assertEquals(List.of(invalid), result.getInvalidCompanyLinkedinIds());
        assertEquals(List.of(), result.getNewlyAddedCompanyLinkedinIds());
    }

    @Test
    void batchesToldInAnyOrderAreMergedInInputOrder() {
        KeyAccountsResultMerger merger = merger(List.of("1", "2"), List.of("3"), List.of("4", "5"));
        merger.answered(2, answer(List.of("5"), List.of("4"), List.of(), false));
        merger.answered(0, answer(List.of("2", "1"), List.of(), List.of(), false));
        merger.answered(1, answer(List.of("3"), List.of(), List.of(), false));

        KeyAccountsResult result = merger.result(List.of(), 3, 0);

        assertEquals(List.of("1", "2", "3", "5"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("4"), result.getAlreadyInKeyAccountsLinkedinIds());
    }

    @Test
    void anIdAnEarlierAttemptMayHaveAddedIsAddedConfirmedOnRetryWhenAnsweredPresent() {
        KeyAccountsResultMerger merger = merger(List.of("1", "2", "3"));
        merger.answered(0, answer(List.of("3"), List.of("1", "2"), List.of(), false), "2"::equals);

        KeyAccountsResult result = merger.result(List.of(), 1, 0);

        assertEquals(List.of("2", "3"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("2"), result.getConfirmedOnRetryCompanyLinkedinIds());
        assertEquals(List.of("1"), result.getAlreadyInKeyAccountsLinkedinIds());
    }

    @Test
    void aBatchNeverToldIsFailed() {
        KeyAccountsResultMerger merger = merger(List.of("1"), List.of("2"));
        merger.answered(0, answer(List.of("1"), List.of(), List.of(), false));

        assertEquals(List.of("2"), merger.result(List.of(), 1, 0).getFailedCompanyLinkedinIds());
    }

    @Test
    void theResultListsOfCompactBatchesAreCompactViewsInInputOrder() {
        CompactIdSet set = new CompactIdSet();
        List.of("10", "11", "12", "9999999999999999999", "14").forEach(set::add);
        List<String> ids = set.toList();
        KeyAccountsResultMerger merger = merger(ids.subList(0, 2), ids.subList(2, 4), ids.subList(4, 5));
        merger.answered(0, answer(List.of("10", "11"), List.of(), List.of(), false));
        merger.answered(1, answer(List.of("9999999999999999999"), List.of("12"), List.of(), false));
        merger.notSent(2, KeyAccountsResultMerger.Stop.PAYMENT_REQUIRED);

        KeyAccountsResult result = merger.result(List.of(), 2, 0);

        assertEquals(List.of("10", "11", "9999999999999999999"), result.getNewlyAddedCompanyLinkedinIds());
        assertInstanceOf(IdList.class, result.getNewlyAddedCompanyLinkedinIds(), "kept compact, not copied");
        assertInstanceOf(IdList.class, result.getUnsentCompanyLinkedinIds());
        assertEquals(List.of("12"), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(List.of("14"), result.getIgnoredCompanyLinkedinIds());
        assertEquals(List.of("14"), result.getUnsentCompanyLinkedinIds());
    }

    @SafeVarargs
    private static KeyAccountsResultMerger merger(List<String>... batches) {
        return new KeyAccountsResultMerger(PARAMETERS, List.of(batches));
    }

    private static KeyAccountsResponse answer(List<String> added, List<String> present, List<String> ignored,
            boolean paymentRequired) {
        KeyAccountsResponse response = new KeyAccountsResponse();
        response.setNewlyAddedCompanyLinkedinIds(added);
        response.setAlreadyInKeyAccountsLinkedinIds(present);
        response.setIgnoredCompanyLinkedinIds(ignored);
        response.setPaymentRequired(paymentRequired);
        return response;
    }
}
