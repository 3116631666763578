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
package io.github.cameltamtam.examples.salesforce;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

/**
 * Stands in for camel-salesforce's {@code salesforce:query} producer where no Salesforce org can be reached (demo mode
 * and tests): bound as the {@code salesforce} component, it takes the route's endpoint as written, with its
 * {@code sObjectQuery} and {@code rawPayload=true}, records the SOQL and answers it with the raw JSON a REST query
 * answer has. Only {@code query} with {@code rawPayload=true} is accepted; anything else fails like a wrong URI.
 */
public final class SalesforceQueryStandIn extends DefaultComponent {

    private final UnaryOperator<String> answers;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    /** @param answers the raw JSON answer for a SOQL query */
    public SalesforceQueryStandIn(UnaryOperator<String> answers) {
        this.answers = answers;
    }

    /** The SOQL queries received, in order. */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        String soql = getAndRemoveParameter(parameters, "sObjectQuery", String.class);
        Boolean raw = getAndRemoveParameter(parameters, "rawPayload", Boolean.class, false);
        if (!"query".equals(remaining) || soql == null || !raw) {
            throw new IllegalArgumentException(
                    "the stand-in answers salesforce:query?rawPayload=true&sObjectQuery=... only,"
                            + " not " + uri);
        }
        return new DefaultEndpoint(uri, this) {
            @Override
            public Producer createProducer() {
                return new DefaultProducer(this) {
                    @Override
                    public void process(Exchange exchange) {
                        queries.add(soql);
                        exchange.getMessage().setBody(answers.apply(soql));
                    }
                };
            }

            @Override
            public Consumer createConsumer(Processor processor) {
                throw new UnsupportedOperationException("the stand-in has no consumer: " + getEndpointUri());
            }
        };
    }
}
