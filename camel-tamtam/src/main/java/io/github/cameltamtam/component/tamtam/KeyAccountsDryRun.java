package io.github.cameltamtam.component.tamtam;

import java.util.List;

import io.github.cameltamtam.component.tamtam.input.RequestParameters;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsPlan;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Completes a {@code dryRun=true} exchange: the {@link KeyAccountsPlan} becomes the body; the result headers are set
 * as for a call that sent nothing (no ID added, present, ignored or failed; invalid values as a real call reports
 * them; request count 0), plus {@code TamtamPlannedCompanyLinkedinIds} and {@code TamtamPlannedRequestCount}.
 */
final class KeyAccountsDryRun {

    private KeyAccountsDryRun() {
    }

    static void complete(Exchange exchange, KeyAccountsPlan plan, RequestParameters parameters) {
        Message message = exchange.getMessage();
        KeyAccountsProducer.setHeaders(message, new KeyAccountsResult(List.of(), List.of(), List.of(), false,
                parameters.tags(), parameters.tierLevel(), List.of(), plan.getInvalidCompanyLinkedinIds(), List.of(), 0));
        message.setHeader(TamtamConstants.PLANNED_COMPANY_LINKEDIN_IDS, plan.getPlannedCompanyLinkedinIds());
        message.setHeader(TamtamConstants.PLANNED_REQUEST_COUNT, plan.getBatches().size());
        message.setBody(plan);
    }
}
