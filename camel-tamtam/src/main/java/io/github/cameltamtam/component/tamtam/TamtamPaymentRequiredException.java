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

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;

/**
 * The account ran out of credits during the exchange and {@code failOnPaymentRequired=true}. {@link #getResult()} says
 * which IDs were added, already present, ignored and never sent.
 */
public class TamtamPaymentRequiredException extends TamtamException {

    public TamtamPaymentRequiredException(KeyAccountsResult result) {
        super("TamTam account ran out of credits: " + result.getNewlyAddedCompanyLinkedinIds().size() + " added, "
                + result.getIgnoredCompanyLinkedinIds().size() + " ignored ("
                + result.getUnsentCompanyLinkedinIds().size() + " never sent)", result, null);
    }

    protected TamtamPaymentRequiredException(String message, KeyAccountsResult result) {
        super(message, result, null);
    }

    /** Built with its result: returns itself. */
    @Override
    public TamtamException withResult(KeyAccountsResult result) {
        return this;
    }
}
