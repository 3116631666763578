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

import java.util.Iterator;
import java.util.List;

import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;
import io.github.cameltamtam.component.tamtam.input.CompanyIdsReader;
import io.github.cameltamtam.component.tamtam.input.CompanyLinkedinIds;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A body read up by the first attempt (an Iterator, a stream) gives a redelivery the same IDs, or the same error. */
class ReadOnceTest {

    private final CamelContext context = new DefaultCamelContext();
    private final Exchange exchange = new DefaultExchange(context);
    private final CompanyIdsReader reader = new CompanyIdsReader(null, null, false);
    private final Object producer = new Object();
    private final ReadOnce readOnce = new ReadOnce(reader, producer);

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void aRedeliveryOfTheSameBodyGetsTheIdsTheFirstAttemptRead() {
        Iterator<String> body = List.of("1001", "1002").iterator();

        CompanyLinkedinIds first = readOnce.read(exchange, body, null);
        CompanyLinkedinIds again = readOnce.read(exchange, body, null); // the iterator is used up

        assertEquals(List.of("1001", "1002"), first.ids());
        assertSame(first, again);
    }

    @Test
    void anInvalidBodyFailsTheRedeliveryWithTheSameError() {
        Iterator<String> body = List.of("1001", "not-an-id").iterator();

        TamtamInvalidInputException first = assertThrows(TamtamInvalidInputException.class,
                () -> readOnce.read(exchange, body, null));
        TamtamInvalidInputException again = assertThrows(TamtamInvalidInputException.class,
                () -> readOnce.read(exchange, body, null));

        assertSame(first, again);
    }

    @Test
    void anotherBodyOrAnotherProducerReadsAfresh() {
        readOnce.read(exchange, List.of("1001"), null);

        assertEquals(List.of("2002"), readOnce.read(exchange, List.of("2002"), null).ids(), "another body");
        List<String> body = List.of("3003");
        readOnce.read(exchange, body, null);
        ReadOnce otherProducer = new ReadOnce(new CompanyIdsReader(null, null, false), new Object());
        assertEquals(List.of("3003"), otherProducer.read(exchange, body, null).ids());
    }

    @Test
    void aRequestObjectsIdsAreRead() {
        RequestParameters.RequestObject request =
                new RequestParameters.RequestObject(List.of("1001"), null, null, null);

        assertEquals(List.of("1001"), readOnce.read(exchange, new Object(), request).ids());
    }

    @Test
    void forgettingLetsTheNextCallReadItsOwnBody() {
        readOnce.read(exchange, List.of("1001"), null);

        ReadOnce.forget(exchange);

        assertNull(exchange.getProperty(ReadOnce.PROPERTY));
    }
}
