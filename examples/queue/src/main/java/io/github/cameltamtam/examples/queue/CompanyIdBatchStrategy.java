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
package io.github.cameltamtam.examples.queue;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Collects the company IDs of the queue's messages into one batch: the body becomes an {@link ArrayList} of the
 * messages' texts, what {@code tamtam:keyAccounts} takes.
 * <p>
 * Unlike Camel's {@code GroupedBodyAggregationStrategy}, which keeps the growing list in an exchange property until
 * completion, the list is the body all along, so that a persistent aggregation repository (which stores the body and
 * simple headers, not properties) holds the whole batch. The messages' JMS headers are dropped: a batch has none of
 * its own.
 */
public final class CompanyIdBatchStrategy implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange batch, Exchange message) {
        String id = message.getMessage().getBody(String.class);
        if (batch == null) {
            List<String> ids = new ArrayList<>();
            ids.add(id);
            message.getMessage().removeHeaders("*");
            message.getMessage().setBody(ids);
            return message;
        }
        batch.getMessage().getBody(List.class).add(id);
        return batch;
    }
}
