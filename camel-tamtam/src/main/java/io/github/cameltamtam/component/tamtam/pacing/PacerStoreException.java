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
package io.github.cameltamtam.component.tamtam.pacing;

/**
 * The store a shared pacer takes its slots from (the Bucket4j {@code ProxyManager} of the {@code pacerProxyManager}
 * option) failed, so no slot was given: the request it was for was not sent.
 */
public class PacerStoreException extends RuntimeException {

    public PacerStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
