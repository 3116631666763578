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
import org.apache.camel.RuntimeCamelException;

/**
 * Base of the exceptions a {@code tamtam:} exchange fails with. When requests were already made, {@link #getResult()}
 * says what happened to every ID so far (nothing is lost); otherwise it is null. Messages never contain the API key.
 */
public class TamtamException extends RuntimeCamelException {

    private final transient KeyAccountsResult result;

    public TamtamException(String message, KeyAccountsResult result, Throwable cause) {
        super(message, cause);
        this.result = result;
    }

    public TamtamException(String message) {
        this(message, null, null);
    }

    /** What happened to every company ID of the exchange up to the failure, or null when nothing was sent. */
    public KeyAccountsResult getResult() {
        return result;
    }

    /**
     * The same failure carrying {@code result}, of the same type. The failures built with their result (running out of
     * credits, not enough credits, invalid input) return themselves.
     */
    public TamtamException withResult(KeyAccountsResult result) {
        TamtamException copy = new TamtamException(getMessage(), result, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * {@code error} as the component raises it: a {@code TamtamException} as it is, anything else (a failure no
     * other type describes) wrapped as its cause, carrying {@code result} (or null).
     */
    public static TamtamException of(Throwable error, KeyAccountsResult result) {
        if (error instanceof TamtamException tamtam) {
            return result == null ? tamtam : tamtam.withResult(result);
        }
        return new TamtamException("TamTam request failed: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : " (" + error.getMessage() + ")"), result, error);
    }
}
