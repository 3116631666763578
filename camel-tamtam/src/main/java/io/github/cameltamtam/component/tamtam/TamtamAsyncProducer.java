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

import java.util.concurrent.CompletableFuture;

import io.github.cameltamtam.component.tamtam.support.Futures;
import io.github.cameltamtam.component.tamtam.support.Watchdog;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The asynchronous frame shared by the operations' producers: {@link #call(Exchange)} starts the API work without
 * blocking the Camel thread, {@link #complete(Exchange, Object, Throwable)} writes its outcome on the exchange, and the
 * callback is told exactly once — synchronously when the work finished before {@code call} returned (nothing to send,
 * a dry run, invalid input), otherwise from the thread that completed it; should that continuation be lost (an
 * {@code Error} killed it), the endpoint's {@link Watchdog} tells the callback a few seconds later.
 *
 * @param <T> what the call completes with
 */
abstract class TamtamAsyncProducer<T> extends DefaultAsyncProducer {

    private final TamtamEndpoint endpoint;

    TamtamAsyncProducer(TamtamEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    /**
     * Starts the work of one exchange. An exception thrown here (invalid input, before any request) fails the exchange
     * without calling {@link #complete}.
     */
    protected abstract CompletableFuture<T> call(Exchange exchange) throws Exception;

    /** Writes the outcome on the exchange: {@code error} (unwrapped) is null when {@code value} is the result. */
    protected abstract void complete(Exchange exchange, T value, Throwable error);

    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    @Override
    public final boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<T> call;
        try {
            call = call(exchange);
        } catch (Throwable t) {
            exchange.setException(TamtamException.of(t, null));
            callback.done(true);
            return true;
        }
        if (call.isDone()) {
            Outcome<T> outcome = call.handle((value, error) -> new Outcome<>(value, error)).join();
            finish(exchange, outcome.value(), outcome.error(), callback, true);
            return true;
        }
        endpoint.getClient().watchdog().whenComplete(call,
                (value, error) -> finish(exchange, value, error, callback, false), null,
                "The outcome of exchange " + exchange.getExchangeId());
        return false;
    }

    /** Writes the outcome and tells the callback, whatever happens, an Error (OutOfMemoryError...) included. */
    private void finish(Exchange exchange, T value, Throwable failure, AsyncCallback callback, boolean sync) {
        try {
            Throwable error = failure == null ? null : TamtamException.of(Futures.unwrap(failure), null);
            complete(exchange, value, error);
        } catch (Throwable t) {
            exchange.setException(TamtamException.of(t, null));
        } finally {
            callback.done(sync);
        }
    }

    private record Outcome<T>(T value, Throwable error) {
    }
}
