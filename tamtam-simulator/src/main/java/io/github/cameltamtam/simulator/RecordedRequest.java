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
package io.github.cameltamtam.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the simulator received it, with the status it answered.
 *
 * @param connectionId       id of the TCP connection it came on (same id = same kept-alive connection)
 * @param method             the HTTP method, e.g. {@code POST}
 * @param path               the request path without query string, e.g. {@code /api/v2/key-accounts}
 * @param headers            the request headers, names in lower case (repeated headers joined with {@code ", "})
 * @param body               the raw request body decoded as UTF-8 ({@code ""} when none)
 * @param companyLinkedinIds the {@code company_linkedin_ids} of a JSON body, or {@code null} if the body has none
 * @param arrivalNanos       {@link System#nanoTime()} when the request had been read completely
 * @param arrivalMillis      {@link System#currentTimeMillis()} at the same moment
 * @param status             the status answered; {@code 0} if the connection was reset instead, or if no answer
 *                           has been sent yet
 */
public record RecordedRequest(long connectionId, String method, String path, Map<String, String> headers,
        String body, List<String> companyLinkedinIds, long arrivalNanos, long arrivalMillis, int status) {

    /** Copies the collections so that the record is immutable. */
    public RecordedRequest {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        companyLinkedinIds = companyLinkedinIds == null ? null : List.copyOf(companyLinkedinIds);
        body = body == null ? "" : body;
    }

    /**
     * Returns a request header by case-insensitive name.
     *
     * @param name the header name, e.g. {@code "Authorization"}
     * @return the header value as received, or {@code null} if absent
     */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
