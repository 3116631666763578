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

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.cameltamtam.component.tamtam.credits.CreditsApi;
import io.github.cameltamtam.component.tamtam.input.CompanyIdsReader;
import io.github.cameltamtam.component.tamtam.input.CompanyLinkedinIds;
import io.github.cameltamtam.component.tamtam.input.CsvDelimiter;
import io.github.cameltamtam.component.tamtam.keyaccounts.EarlierAttempts;
import io.github.cameltamtam.component.tamtam.keyaccounts.KeyAccountsBatchRun;
import io.github.cameltamtam.component.tamtam.keyaccounts.KeyAccountsDryRun;
import io.github.cameltamtam.component.tamtam.keyaccounts.KeyAccountsPlanner;
import io.github.cameltamtam.component.tamtam.keyaccounts.KeyAccountsPreflight;
import io.github.cameltamtam.component.tamtam.keyaccounts.ReadOnce;
import io.github.cameltamtam.component.tamtam.keyaccounts.RequestParameters;
import io.github.cameltamtam.component.tamtam.keyaccounts.ResultHeaders;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tamtam:keyAccounts} producer: reads and validates the body's company IDs (nothing is sent when any input
 * is invalid), sends them in paced batches without blocking a Camel thread, and leaves a {@link KeyAccountsResult}
 * body plus {@code Tamtam*} headers saying what happened to every ID. The steps live in the {@code keyaccounts}
 * package.
 */
public class KeyAccountsProducer extends TamtamAsyncProducer<KeyAccountsResult> {

    /** Exchange property keeping the IDs read by a failed attempt, for a redelivery of the same body. */
    public static final String READ_COMPANY_LINKEDIN_IDS = ReadOnce.PROPERTY;

    private static final Logger LOG = LoggerFactory.getLogger(KeyAccountsProducer.class);

    private final TamtamEndpoint endpoint;
    private ReadOnce readOnce;

    public KeyAccountsProducer(TamtamEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        TamtamConfiguration configuration = endpoint.getConfiguration();
        Character delimiter = configuration.getCsvDelimiter() == null
                ? null : CsvDelimiter.parse(configuration.getCsvDelimiter());
        readOnce = new ReadOnce(
                new CompanyIdsReader(configuration.getCsvColumn(), delimiter, configuration.isSkipInvalidIds()), this);
    }

    /** Reads the IDs and starts the batches; completed at once when no request is needed (a dry run: with null). */
    @Override
    protected CompletableFuture<KeyAccountsResult> call(Exchange exchange) {
        TamtamConfiguration configuration = endpoint.getConfiguration();
        Message message = exchange.getMessage();
        Object body = message.getBody();
        RequestParameters.RequestObject requestObject = RequestParameters.RequestObject.of(body);
        RequestParameters parameters = RequestParameters.resolve(requestObject, message, configuration);
        CompanyLinkedinIds input = readOnce.read(exchange, body, requestObject);
        LOG.debug("Exchange {}: {} distinct company IDs ({} duplicates dropped, {} invalid skipped)",
                exchange.getExchangeId(), input.ids().size(), input.duplicates(), input.invalid().size());
        if (configuration.isDryRun()) {
            KeyAccountsDryRun.complete(message,
                    KeyAccountsPlanner.plan(input, parameters, configuration.getBatchSize()), parameters);
            return CompletableFuture.completedFuture(null);
        }
        if (input.ids().isEmpty()) {
            return CompletableFuture.completedFuture(
                    KeyAccountsResult.empty(parameters.tags(), parameters.tierLevel(), input.invalid()));
        }
        Predicate<String> earlier = EarlierAttempts.mayHaveAdded(exchange, this);
        Function<List<String>, CompletableFuture<KeyAccountsResult>> send = ids -> endpoint.getProgress().follow(
                importName(exchange, body), ids.size(), progress -> new KeyAccountsBatchRun(endpoint.getClient(),
                        KeyAccountsPlanner.batches(ids, parameters, configuration.getBatchSize()), parameters,
                        input.invalid(), configuration.getMaxConcurrentRequests(), earlier, progress).start());
        return configuration.getCreditCheck() == TamtamCreditCheck.off
                ? send.apply(input.ids())
                : new KeyAccountsPreflight(counts -> endpoint.getClient().call(CreditsApi.credits(), counts),
                        configuration.getCreditCheck(), input.ids(), parameters, input.invalid(),
                        endpoint.getClient().watchdog())
                        .run(left -> message.setHeader(TamtamConstants.REMAINING_KEY_ACCOUNTS_CREDITS, left), send);
    }

    /** The name of an import in the progress line: the file name when the body came from a file, else the exchange id. */
    private static String importName(Exchange exchange, Object body) {
        Object fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME);
        if (fileName != null) {
            return fileName.toString();
        }
        if (body instanceof File file) {
            return file.getName();
        }
        if (body instanceof Path path && path.getFileName() != null) {
            return path.getFileName().toString();
        }
        return exchange.getExchangeId();
    }

    @Override
    protected void complete(Exchange exchange, KeyAccountsResult result, Throwable error) {
        if (error != null) {
            fail(exchange, error);
        } else if (result != null) { // null: a dry run, already completed
            succeed(exchange, result);
        }
    }

    private void succeed(Exchange exchange, KeyAccountsResult result) {
        EarlierAttempts.succeeded(exchange, this); // this result covers the IDs of any failed delivery before
        endpoint.getMetrics().record(result);
        ResultHeaders.set(exchange.getMessage(), result);
        exchange.getMessage().setBody(result);
        LOG.debug("Exchange {}: {}", exchange.getExchangeId(), result);
        if (result.isPaymentRequired() && endpoint.getConfiguration().isFailOnPaymentRequired()) {
            exchange.setException(new TamtamPaymentRequiredException(result));
        } else {
            ReadOnce.forget(exchange); // done: a later call reads its own body
        }
    }

    private void fail(Exchange exchange, Throwable error) {
        if (error instanceof TamtamException tamtam && tamtam.getResult() != null) {
            // counted once the exchange completes, unless a redelivery succeeds and counts the same IDs itself
            EarlierAttempts.failed(exchange, this, tamtam.getResult(), endpoint.getMetrics()::record);
            ResultHeaders.set(exchange.getMessage(), tamtam.getResult());
        }
        exchange.setException(error);
    }
}
