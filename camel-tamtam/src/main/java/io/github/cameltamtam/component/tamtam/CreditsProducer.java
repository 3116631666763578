package io.github.cameltamtam.component.tamtam;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameltamtam.component.tamtam.model.Credits;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The {@code tamtam:credits} producer: reads the account's credit lines ({@code GET /v2/credits}) through the
 * endpoint's client (the key's pacer, retries, bounded answers, key redaction) and leaves a {@link Credits} body, the
 * remaining {@code MaxKeyAccountsUnlocked} credits in {@code TamtamRemainingKeyAccountsCredits} and the request count
 * in {@code TamtamRequestCount}. Spends no credit; the message body is not read.
 */
public class CreditsProducer extends DefaultAsyncProducer {

    private final TamtamEndpoint endpoint;

    public CreditsProducer(TamtamEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            AtomicInteger requests = new AtomicInteger();
            endpoint.getClient().credits(requests).whenComplete((credits, error) -> {
                try {
                    Message message = exchange.getMessage();
                    message.setHeader(TamtamConstants.REQUEST_COUNT, requests.get());
                    if (error != null) {
                        exchange.setException(KeyAccountsPreflight.unwrap(error));
                    } else {
                        message.setHeader(TamtamConstants.REMAINING_KEY_ACCOUNTS_CREDITS,
                                credits.remainingKeyAccountsCredits().orElse(null));
                        message.setBody(credits);
                    }
                } catch (Throwable t) {
                    exchange.setException(t);
                } finally {
                    callback.done(false);
                }
            });
            return false;
        } catch (Throwable t) {
            exchange.setException(t);
            callback.done(true);
            return true;
        }
    }
}
