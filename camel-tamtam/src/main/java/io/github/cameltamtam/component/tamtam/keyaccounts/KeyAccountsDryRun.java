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
