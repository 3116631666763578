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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Never hang on an Error, at a point of the asynchronous path chosen by the test: the exchange's message throws an
 * {@link Error} when the component writes its result headers, after the API answered, on the HTTP client's thread. The
 * exchange fails with that Error as the cause of a {@link TamtamException}, and the caller gets it back. (With a real
 * full heap, where the {@code OutOfMemoryError} strikes varies: {@code keyaccounts.ErrorInTheAsyncPathTest}.)
 */
class ErrorInTheCompletionTest extends TamtamTestSupport {

    private volatile String thrownOn;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:add").process(e -> e.setMessage(new TrippingMessage(e)))
                        .to("tamtam:keyAccounts");
            }
        };
    }

    @Test
    void anErrorWhileWritingTheResultFailsTheExchangeWithIt() throws Exception {
        String caller = Thread.currentThread().getName();

        CompletableFuture<Exchange> future =
                template.asyncSend("direct:add", e -> e.getMessage().setBody(List.of("2045", "1035")));
        Exchange out = future.get(30, TimeUnit.SECONDS);

        TamtamException failure = assertInstanceOf(TamtamException.class, out.getException());
        assertInstanceOf(InjectedError.class, failure.getCause());
        assertEquals(List.of("2045", "1035"), receivedIds(), "the call was made, its answer came back");
        assertNotEquals(caller, thrownOn, "thrown on the asynchronous path, not the caller's thread");
    }

    /** A message that throws an Error when the component sets a result header. */
    private final class TrippingMessage extends DefaultMessage {

        TrippingMessage(Exchange exchange) {
            super(exchange);
            copyFrom(exchange.getMessage());
        }

        @Override
        public void setHeader(String name, Object value) {
            if (TamtamConstants.REQUEST_COUNT.equals(name)) {
                thrownOn = Thread.currentThread().getName();
                throw new InjectedError();
            }
            super.setHeader(name, value);
        }
    }

    /** The Error the message throws. */
    private static final class InjectedError extends Error {
        private static final long serialVersionUID = 1L;

        InjectedError() {
            super("injected by the test");
        }
    }
}
