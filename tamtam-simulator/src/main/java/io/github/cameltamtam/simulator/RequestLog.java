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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The arrival-ordered record of requests; appends happen under the simulator's arrival lock. */
final class RequestLog {

    /** A recorded request whose status is filled in when it is answered. */
    static final class Entry {
        final long connectionId;
        final String method;
        final String path;
        final Map<String, String> headers;
        final String body;
        final List<String> companyLinkedinIds;
        final long arrivalNanos;
        final long arrivalMillis;
        volatile int status;

        Entry(long connectionId, String method, String path, Map<String, String> headers, String body,
                List<String> companyLinkedinIds, long arrivalNanos, long arrivalMillis) {
            this.connectionId = connectionId;
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.body = body;
            this.companyLinkedinIds = companyLinkedinIds;
            this.arrivalNanos = arrivalNanos;
            this.arrivalMillis = arrivalMillis;
        }

        RecordedRequest toRecord() {
            return new RecordedRequest(connectionId, method, path, headers, body, companyLinkedinIds, arrivalNanos,
                    arrivalMillis, status);
        }
    }

    private final ArrayList<Entry> entries = new ArrayList<>();

    synchronized void add(Entry e) {
        entries.add(e);
    }

    synchronized List<RecordedRequest> snapshot(String method, String path) {
        List<RecordedRequest> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if ((method == null || method.equalsIgnoreCase(e.method)) && (path == null || path.equals(e.path))) {
                out.add(e.toRecord());
            }
        }
        return List.copyOf(out);
    }

    synchronized void clear() {
        entries.clear();
        entries.trimToSize();
    }

    /** Arrival times of the requests whose {@code Authorization} header is exactly {@code apiKey}, ascending. */
    synchronized long[] arrivalsOf(String apiKey) {
        long[] out = new long[entries.size()];
        int n = 0;
        for (Entry e : entries) {
            if (apiKey.equals(e.headers.get("authorization"))) {
                out[n++] = e.arrivalNanos;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
