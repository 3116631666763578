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
package io.github.cameltamtam.component.tamtam.client;

/**
 * Told by a {@link TamtamClient} what its calls do on the wire, for metrics. Called on the client's threads: keep it
 * quick and non-blocking.
 */
public interface CallListener {

    /** Listens to nothing. */
    CallListener NONE = new CallListener() {
    };

    /** An HTTP request (a first attempt or a retry) is being sent. */
    default void requestSent() {
    }

    /** A failed attempt (5xx, I/O error, malformed answer) will be retried; a 429 is {@link #throttled()} instead. */
    default void retrying() {
    }

    /** The API answered 429 Too Many Requests. */
    default void throttled() {
    }

    /**
     * An attempt got no usable answer although the server may have processed it: the connection was reset or timed out
     * after sending, the answer was malformed, or it was a 500, 502 or 504. An ID a later attempt reports present may
     * have been added by this one.
     */
    default void outcomeUnknown() {
    }
}
