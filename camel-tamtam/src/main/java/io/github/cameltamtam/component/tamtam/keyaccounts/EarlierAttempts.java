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

import java.util.function.Consumer;
import java.util.function.Predicate;

import io.github.cameltamtam.component.tamtam.ids.CompactIdSet;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * What the failed deliveries of one exchange to one producer left for the next: the IDs they may have added (answered
 * added, or of unknown outcome), so that a redelivery answered "already present" reports them added, confirmed on
 * retry; and their result, counted in the endpoint metrics once, when the exchange completes, unless a later delivery
 * succeeds and counts its own result (which covers the same IDs). Kept in an exchange property; the IDs in compact
 * form.
 */
public final class EarlierAttempts {

    /** Exchange property holding them. */
    public static final String PROPERTY = "CamelTamtamEarlierAttempts";

    private final Object owner;
    private final CompactIdSet mayHaveAdded = new CompactIdSet();
    private KeyAccountsResult uncounted;

    private EarlierAttempts(Object owner) {
        this.owner = owner;
    }

    /**
     * Accepts the IDs earlier failed deliveries of {@code exchange} to {@code owner} may have added (as they are now);
     * none when none failed.
     */
    public static Predicate<String> mayHaveAdded(Exchange exchange, Object owner) {
        EarlierAttempts earlier = of(exchange, owner);
        if (earlier == null) {
            return id -> false;
        }
        synchronized (earlier) {
            return earlier.mayHaveAdded.copy()::contains;
        }
    }

    /**
     * A delivery failed with {@code result}: its added and unknown IDs may have been added; {@code record} counts the
     * last failed result when the exchange completes without a later success.
     */
    public static void failed(Exchange exchange, Object owner, KeyAccountsResult result,
            Consumer<KeyAccountsResult> record) {
        EarlierAttempts earlier = of(exchange, owner);
        if (earlier == null) {
            earlier = new EarlierAttempts(owner);
            exchange.setProperty(PROPERTY, earlier);
            EarlierAttempts registered = earlier;
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    KeyAccountsResult last;
                    synchronized (registered) {
                        last = registered.uncounted;
                        registered.uncounted = null;
                    }
                    if (last != null) {
                        record.accept(last);
                    }
                }
            });
        }
        synchronized (earlier) {
            result.getNewlyAddedCompanyLinkedinIds().forEach(earlier.mayHaveAdded::add);
            result.getFailedCompanyLinkedinIds().forEach(earlier.mayHaveAdded::add);
            earlier.uncounted = result;
        }
    }

    /** A delivery succeeded and counted its own result: nothing of the earlier ones is left to count or to remember. */
    public static void succeeded(Exchange exchange, Object owner) {
        EarlierAttempts earlier = of(exchange, owner);
        if (earlier != null) {
            synchronized (earlier) {
                earlier.uncounted = null;
                earlier.mayHaveAdded.clear();
            }
            exchange.removeProperty(PROPERTY);
        }
    }

    private static EarlierAttempts of(Exchange exchange, Object owner) {
        return exchange.getProperty(PROPERTY) instanceof EarlierAttempts earlier && earlier.owner == owner ? earlier
                : null;
    }

    @Override
    public synchronized String toString() {
        return "EarlierAttempts[" + mayHaveAdded.size() + " IDs may have been added]";
    }
}
