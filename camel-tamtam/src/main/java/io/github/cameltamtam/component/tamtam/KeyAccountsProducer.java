package io.github.cameltamtam.component.tamtam;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.cameltamtam.component.tamtam.input.CompanyIdsReader;
import io.github.cameltamtam.component.tamtam.input.CompanyLinkedinIds;
import io.github.cameltamtam.component.tamtam.input.CsvDelimiter;
import io.github.cameltamtam.component.tamtam.input.RequestParameters;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tamtam:keyAccounts} producer: reads and validates the body's company IDs (nothing is sent when any input
 * is invalid), sends them in paced batches without blocking a Camel thread, and leaves a {@link KeyAccountsResult}
 * body plus {@code Tamtam*} headers saying what happened to every ID.
 */
public class KeyAccountsProducer extends TamtamAsyncProducer<KeyAccountsResult> {

    /** Exchange property keeping the IDs read by a failed attempt, for a redelivery of the same body. */
    public static final String READ_COMPANY_LINKEDIN_IDS = "CamelTamtamReadCompanyLinkedinIds";

    private static final Logger LOG = LoggerFactory.getLogger(KeyAccountsProducer.class);

    private final TamtamEndpoint endpoint;
    private CompanyIdsReader reader;

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
        reader = new CompanyIdsReader(configuration.getCsvColumn(), delimiter, configuration.isSkipInvalidIds());
    }

    /** Reads the IDs and starts the batches; completed at once when no request is needed (a dry run: with null). */
    @Override
    protected CompletableFuture<KeyAccountsResult> call(Exchange exchange) {
        TamtamConfiguration configuration = endpoint.getConfiguration();
        Message message = exchange.getMessage();
        Object body = message.getBody();
        RequestParameters.RequestObject requestObject = RequestParameters.RequestObject.of(body);
        RequestParameters parameters = RequestParameters.resolve(requestObject, message, configuration);
        CompanyLinkedinIds input = readOnce(exchange, body, requestObject);
        LOG.debug("Exchange {}: {} distinct company IDs ({} duplicates dropped, {} invalid skipped)",
                exchange.getExchangeId(), input.ids().size(), input.duplicates(), input.invalid().size());
        if (configuration.isDryRun()) {
            KeyAccountsDryRun.complete(exchange,
                    KeyAccountsPlanner.plan(input, parameters, configuration.getBatchSize()), parameters);
            return CompletableFuture.completedFuture(null);
        }
        if (input.ids().isEmpty()) {
            return CompletableFuture.completedFuture(
                    KeyAccountsResult.empty(parameters.tags(), parameters.tierLevel(), input.invalid()));
        }
        Function<List<String>, CompletableFuture<KeyAccountsResult>> send = ids -> new KeyAccountsBatchRun(
                endpoint.getClient(), KeyAccountsPlanner.batches(ids, parameters, configuration.getBatchSize()),
                parameters, input.invalid(), configuration.getMaxConcurrentRequests()).start();
        return configuration.getCreditCheck() == TamtamCreditCheck.off
                ? send.apply(input.ids())
                : new KeyAccountsPreflight(endpoint.getClient(), configuration.getCreditCheck(), input.ids(),
                        parameters, input.invalid())
                        .run(left -> message.setHeader(TamtamConstants.REMAINING_KEY_ACCOUNTS_CREDITS, left), send);
    }

    @Override
    protected void complete(Exchange exchange, KeyAccountsResult result, Throwable error) {
        if (error != null) {
            fail(exchange, error);
        } else if (result != null) { // null: a dry run, already completed
            succeed(exchange, result);
        }
    }

    /**
     * The IDs of this body, read once per exchange: a redelivery of the same body (an {@code Iterator} or an uncached
     * {@code InputStream} that the first attempt read up) gets the IDs read by the first attempt, kept in the
     * exchange property {@link #READ_COMPANY_LINKEDIN_IDS} until the call succeeds.
     */
    private CompanyLinkedinIds readOnce(Exchange exchange, Object body, RequestParameters.RequestObject requestObject) {
        if (exchange.getProperty(READ_COMPANY_LINKEDIN_IDS) instanceof ReadIds read && read.body() == body
                && read.producer() == this) {
            if (read.failure() != null) {
                throw read.failure(); // the body was invalid (and may be read up): it still is
            }
            LOG.debug("Exchange {}: redelivery, using the {} IDs read by the first attempt",
                    exchange.getExchangeId(), read.ids().ids().size());
            return read.ids();
        }
        try {
            CompanyLinkedinIds ids = requestObject != null
                    ? reader.read(exchange, requestObject.companyLinkedinIds(), "company_linkedin_ids")
                    : reader.read(exchange, body, null);
            exchange.setProperty(READ_COMPANY_LINKEDIN_IDS, new ReadIds(body, this, ids, null));
            return ids;
        } catch (RuntimeException e) {
            exchange.setProperty(READ_COMPANY_LINKEDIN_IDS, new ReadIds(body, this, null, e));
            throw e;
        }
    }

    /** What one producer read from one body: the IDs, or why they could not be read. */
    private record ReadIds(Object body, KeyAccountsProducer producer, CompanyLinkedinIds ids, RuntimeException failure) {
        @Override
        public String toString() {
            return failure != null ? "ReadIds[failed]" : "ReadIds[" + ids.ids().size() + " ids]";
        }
    }

    private void succeed(Exchange exchange, KeyAccountsResult result) {
        endpoint.getMetrics().record(result);
        setHeaders(exchange.getMessage(), result);
        exchange.getMessage().setBody(result);
        LOG.debug("Exchange {}: {}", exchange.getExchangeId(), result);
        if (result.isPaymentRequired() && endpoint.getConfiguration().isFailOnPaymentRequired()) {
            exchange.setException(new TamtamPaymentRequiredException(result));
        } else {
            exchange.removeProperty(READ_COMPANY_LINKEDIN_IDS); // done: a later call reads its own body
        }
    }

    private void fail(Exchange exchange, Throwable error) {
        if (error instanceof TamtamException tamtam && tamtam.getResult() != null) {
            endpoint.getMetrics().record(tamtam.getResult());
            setHeaders(exchange.getMessage(), tamtam.getResult());
        }
        exchange.setException(error);
    }

    static void setHeaders(Message message, KeyAccountsResult result) {
        message.setHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS, result.getNewlyAddedCompanyLinkedinIds());
        message.setHeader(TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_LINKEDIN_IDS,
                result.getAlreadyInKeyAccountsLinkedinIds());
        message.setHeader(TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS, result.getIgnoredCompanyLinkedinIds());
        message.setHeader(TamtamConstants.PAYMENT_REQUIRED, result.isPaymentRequired());
        message.setHeader(TamtamConstants.RESULT_TAGS, result.getTags());
        message.setHeader(TamtamConstants.RESULT_TIER_LEVEL, result.getTierLevel());
        message.setHeader(TamtamConstants.UNSENT_COMPANY_LINKEDIN_IDS, result.getUnsentCompanyLinkedinIds());
        List<String> invalid = result.getInvalidCompanyLinkedinIds().stream().map(InvalidCompanyLinkedinId::value).toList();
        message.setHeader(TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS, invalid);
        message.setHeader(TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS, result.getFailedCompanyLinkedinIds());
        message.setHeader(TamtamConstants.REQUEST_COUNT, result.getRequestCount());
        message.setHeader(TamtamConstants.THROTTLED_REQUEST_COUNT, result.getThrottledRequestCount());
    }
}
