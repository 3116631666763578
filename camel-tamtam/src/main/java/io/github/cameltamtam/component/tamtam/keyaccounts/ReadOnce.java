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
package io.github.cameltamtam.component.tamtam.keyaccounts;

import io.github.cameltamtam.component.tamtam.input.CompanyIdsReader;
import io.github.cameltamtam.component.tamtam.input.CompanyLinkedinIds;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IDs of an exchange's body, read once per exchange: a redelivery of the same body (an {@code Iterator} or an
 * uncached {@code InputStream} that the first attempt read up) gets the IDs read by the first attempt, kept in the
 * exchange property {@link #PROPERTY} until {@link #forget(Exchange)} (the call succeeded). Keyed by its owner (the
 * producer): what another producer (another endpoint's options) read from the same body is not reused.
 */
public final class ReadOnce {

    /** Exchange property keeping the IDs read by a failed attempt, for a redelivery of the same body. */
    public static final String PROPERTY = "CamelTamtamReadCompanyLinkedinIds";

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnce.class);

    private final CompanyIdsReader reader;
    private final Object owner;

    /** @param owner whose reads these are (the producer): only its own reads are reused */
    public ReadOnce(CompanyIdsReader reader, Object owner) {
        this.reader = reader;
        this.owner = owner;
    }

    /**
     * The IDs of {@code body}: read now, or those (or the failure) of an earlier attempt of this exchange with the same
     * body.
     *
     * @param request the request object found in the body (its IDs are read), or null: the body itself is read
     */
    public CompanyLinkedinIds read(Exchange exchange, Object body, RequestParameters.RequestObject request) {
        if (exchange.getProperty(PROPERTY) instanceof ReadIds read && read.body() == body && read.owner() == owner) {
            if (read.failure() != null) {
                throw read.failure(); // the body was invalid (and may be read up): it still is
            }
            LOG.debug("Exchange {}: redelivery, using the {} IDs read by the first attempt",
                    exchange.getExchangeId(), read.ids().ids().size());
            return read.ids();
        }
        try {
            CompanyLinkedinIds ids = request != null
                    ? reader.read(exchange, request.companyLinkedinIds(), "company_linkedin_ids")
                    : reader.read(exchange, body, null);
            exchange.setProperty(PROPERTY, new ReadIds(body, owner, ids, null));
            return ids;
        } catch (RuntimeException e) {
            exchange.setProperty(PROPERTY, new ReadIds(body, owner, null, e));
            throw e;
        }
    }

    /** The call is done: a later call of the exchange reads its own body. */
    public static void forget(Exchange exchange) {
        exchange.removeProperty(PROPERTY);
    }

    /** What one owner read from one body: the IDs, or why they could not be read. */
    private record ReadIds(Object body, Object owner, CompanyLinkedinIds ids, RuntimeException failure) {
        @Override
        public String toString() {
            return failure != null ? "ReadIds[failed]" : "ReadIds[" + ids.ids().size() + " ids]";
        }
    }
}
