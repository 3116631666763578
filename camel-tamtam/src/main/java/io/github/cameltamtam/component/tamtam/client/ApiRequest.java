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

import java.util.Objects;

/**
 * One call of the TamTam API that {@link TamtamClient#call} can send: method, path below the base URL, optional JSON
 * body, the answer's type and what makes a 2xx answer well formed. Every operation goes through the same machinery
 * (pacing, retries, bounded answers, key redaction); this names only what differs.
 *
 * @param <T>            the type a 2xx answer is read into
 * @param method         {@code GET} or {@code POST}
 * @param path           path below the base URL, e.g. {@code /v2/key-accounts}
 * @param body           the JSON request body, or null for none
 * @param answerType     the class a 2xx answer body is read into
 * @param check          names what is wrong with a parsed 2xx answer, or returns null when it is well formed
 * @param summary        what the call carries, for log lines (e.g. "50 IDs"); never holds a secret
 * @param maxAnswerBytes the largest answer body read; a longer one fails the call and its connection is closed
 */
@SuppressWarnings("ArrayRecordComponent") // never compared or hashed: the body is sent as rendered, not copied
public record ApiRequest<T>(String method, String path, byte[] body, Class<T> answerType, AnswerCheck<T> check,
        String summary, long maxAnswerBytes) {

    /**
     * Cap on an answer body: far above any real answer (one for 50 IDs is a few KB, the credits list smaller), far
     * below any heap, so an endless or hostile answer cannot exhaust memory.
     */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 1024 * 1024;

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(answerType, "answerType");
        Objects.requireNonNull(check, "check");
        if (maxAnswerBytes <= 0) {
            throw new IllegalArgumentException("maxAnswerBytes must be positive: " + maxAnswerBytes);
        }
    }

    /** A {@code GET} with no body. */
    public static <T> ApiRequest<T> get(String path, Class<T> answerType, AnswerCheck<T> check) {
        return new ApiRequest<>("GET", path, null, answerType, check, "", DEFAULT_MAX_ANSWER_BYTES);
    }

    /** A {@code POST} of {@code body}, serialised as JSON. */
    public static <T> ApiRequest<T> post(String path, Object body, Class<T> answerType, AnswerCheck<T> check,
            String summary) {
        return new ApiRequest<>("POST", path, ApiJson.write(body), answerType, check, summary,
                DEFAULT_MAX_ANSWER_BYTES);
    }

    /** "POST /v2/key-accounts (50 IDs)", for log lines and messages. */
    String describe() {
        return method + " " + path + (summary == null || summary.isEmpty() ? "" : " (" + summary + ")");
    }

    /** Names what is wrong with a parsed 2xx answer. */
    @FunctionalInterface
    public interface AnswerCheck<T> {

        /** Returns what is missing or wrong in {@code answer} (never null here), or null when it is well formed. */
        String defect(T answer);
    }
}
