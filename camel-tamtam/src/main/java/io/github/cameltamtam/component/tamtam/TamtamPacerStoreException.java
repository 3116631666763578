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
 * The store of the shared pacer (the Bucket4j {@code ProxyManager} of the {@code pacerProxyManager} option) failed, so
 * the request waiting for a slot was not sent. Redelivering the exchange is safe and succeeds once the store is back:
 * IDs already added are answered as present, at no cost. The cause is the store's failure.
 */
public class TamtamPacerStoreException extends TamtamException {

    public TamtamPacerStoreException(String message, KeyAccountsResult result, Throwable cause) {
        super(message, result, cause);
    }

    @Override
    public TamtamPacerStoreException withResult(KeyAccountsResult result) {
        TamtamPacerStoreException copy = new TamtamPacerStoreException(getMessage(), result, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
