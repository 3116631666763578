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

import io.github.cameltamtam.component.tamtam.TamtamConstants;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsPlan;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.Message;

/**
 * Completes a {@code dryRun=true} exchange: the {@link KeyAccountsPlan} becomes the body; the result headers are set
 * as for a call that sent nothing (no ID added, present, ignored or failed; invalid values as a real call reports
 * them; request count 0), plus {@code TamtamPlannedCompanyLinkedinIds} and {@code TamtamPlannedRequestCount}.
 */
public final class KeyAccountsDryRun {

    private KeyAccountsDryRun() {
    }

    /** Writes the plan and the headers of a call that sent nothing on {@code message}. */
    public static void complete(Message message, KeyAccountsPlan plan, RequestParameters parameters) {
        ResultHeaders.set(message,
                KeyAccountsResult.empty(parameters.tags(), parameters.tierLevel(),
                        plan.getInvalidCompanyLinkedinIds()));
        message.setHeader(TamtamConstants.PLANNED_COMPANY_LINKEDIN_IDS, plan.getPlannedCompanyLinkedinIds());
        message.setHeader(TamtamConstants.PLANNED_REQUEST_COUNT, plan.getBatches().size());
        message.setBody(plan);
    }
}
