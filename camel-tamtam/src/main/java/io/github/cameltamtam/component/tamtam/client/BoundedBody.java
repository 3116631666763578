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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads one answer body into memory, at most {@code limit} bytes. A longer body fails with {@link AnswerTooLarge} and
 * the download stops ({@link Flow.Subscription#cancel()}, which makes the JDK close the connection). {@link #cancel()}
 * does the same for a call timed out or abandoned, so no answer is read on after its call is over.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {

    private final long limit;
    private volatile Reader reader;
    private volatile boolean cancelled;

    BoundedBody(long limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo responseInfo) {
        Reader r = new Reader();
        reader = r;
        if (cancelled) {
            r.cancel();
        }
        return r;
    }

    /** Stops reading the body, if it is being read, and fails it. */
    void cancel() {
        cancelled = true;
        Reader r = reader;
        if (r != null) {
            r.cancel();
        }
    }

    /** An answer body longer than the cap. */
    static final class AnswerTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        AnswerTooLarge(long limit) {
            super("answer body larger than " + limit + " bytes: download stopped");
        }
    }

    private final class Reader implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private boolean cancelBeforeSubscribe;
        private long received;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            boolean cancelNow;
            synchronized (this) {
                subscription = s;
                cancelNow = cancelBeforeSubscribe;
            }
            if (cancelNow) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                received += item.remaining();
                if (received > limit) {
                    body.completeExceptionally(new AnswerTooLarge(limit));
                    cancelSubscription();
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(out.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        void cancel() {
            if (body.completeExceptionally(new IOException("answer abandoned: download stopped"))) {
                cancelSubscription(); // only a download still in progress: a complete one keeps its connection
            }
        }

        private void cancelSubscription() {
            Flow.Subscription s;
            synchronized (this) {
                s = subscription;
                if (s == null) {
                    cancelBeforeSubscribe = true;
                }
            }
            if (s != null) {
                s.cancel();
            }
        }
    }
}
