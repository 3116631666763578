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
package io.github.cameltamtam.docs.recipes;

import java.time.Duration;

import io.github.cameltamtam.component.tamtam.TamtamApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** The reference page's redelivery example: which failures to try again, and when. */
public class RedeliveryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // tag::on-exception[]
        // The component has already retried 5xx answers and I/O failures (maxRetries). When it gives up, try the
        // whole exchange again, after the server's Retry-After when it sent one: re-sending is free for the IDs a
        // failed attempt did add. Other failures (bad input, 401/403/422, credits) would fail the same way again.
        onException(TamtamApiException.class)
                .onWhen(exchange -> exchange.getException(TamtamApiException.class).isRetrySafe())
                .onExceptionOccurred(exchange -> {
                    Duration retryAfter = exchange.getException(TamtamApiException.class).getRetryAfter();
                    exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY,
                            retryAfter != null ? retryAfter.toMillis() : Duration.ofMinutes(1).toMillis());
                })
                .maximumRedeliveries(3);

        from("direct:import")
                .to("tamtam:keyAccounts");
        // end::on-exception[]
    }
}
