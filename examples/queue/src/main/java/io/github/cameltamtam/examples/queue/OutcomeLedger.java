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
package io.github.cameltamtam.examples.queue;

import java.util.List;
import java.util.Map;

import io.github.cameltamtam.component.tamtam.TamtamConstants;
import org.apache.camel.Exchange;

/**
 * Where each company ID's outcome is recorded once a batch is answered: {@code added}, {@code already present},
 * {@code ignored} (out of credits), {@code invalid} or {@code failed}, with the replica that sent it.
 * <p>
 * An ID keeps its first outcome: a batch re-sent after a crash (its replica died between TamTam's answer and
 * recording it, or before the broker saw the acknowledgement) finds its companies "already present" and must not
 * overwrite the outcome that counted, nor count an ID twice.
 */
public interface OutcomeLedger {

    /** The outcomes, in the order {@link #outcomes(Exchange)} reports them. */
    List<String> OUTCOMES = List.of("added", "already present", "ignored", "invalid", "failed");

    /** Records the outcome of every ID of an answered batch (the component's result headers). */
    void record(Exchange batch);

    /** Returns the number of IDs per outcome recorded so far. */
    Map<String, Integer> counts();

    /** Returns the outcome headers of an answered batch, by outcome name (absent headers are empty lists). */
    static Map<String, List<String>> outcomes(Exchange batch) {
        return Map.of(
                "added", ids(batch, TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS),
                "already present", ids(batch, TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_LINKEDIN_IDS),
                "ignored", ids(batch, TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS),
                "invalid", ids(batch, TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS),
                "failed", ids(batch, TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Exchange batch, String header) {
        List<Object> ids = batch.getMessage().getHeader(header, List.class);
        return ids == null ? List.of() : ids.stream().map(String::valueOf).toList();
    }
}
