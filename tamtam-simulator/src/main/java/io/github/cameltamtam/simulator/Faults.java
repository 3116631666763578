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

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Random;

/**
 * Fault injection of one simulator: a FIFO queue of scripted faults, each consumed by the next request it
 * matches, and optionally seeded random faults for {@code POST /api/v2/key-accounts}. A scripted fault takes
 * precedence over a random one. Requests rejected by the rate limiter consume no fault. Thread-safe.
 *
 * <p>Paths are matched exactly, without query string; a path not starting with {@code /api/} is taken as
 * relative to the base URL, so {@code "/v2/key-accounts"} and {@code "/api/v2/key-accounts"} are the same.
 */
public final class Faults {

    private record Scripted(String path, Fault fault) {
    }

    static final String ADD_PATH = "/api/v2/key-accounts";

    private final ArrayDeque<Scripted> queue = new ArrayDeque<>();
    private Random random;
    private RandomFaults mix;

    Faults() {
    }

    /**
     * Queues (a copy of) a fault for the next request, whatever its method and path.
     *
     * @param fault the fault
     * @return this
     */
    public Faults enqueue(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (this) {
            queue.addLast(new Scripted(null, fault.copy()));
        }
        return this;
    }

    /**
     * Queues (a copy of) a fault for the next request to {@code path}, e.g. {@code "/api/v2/key-accounts"}.
     *
     * @param path  the request path
     * @param fault the fault
     * @return this
     */
    public Faults enqueue(String path, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        String normalized = normalizePath(Objects.requireNonNull(path, "path"));
        synchronized (this) {
            queue.addLast(new Scripted(normalized, fault.copy()));
        }
        return this;
    }

    /**
     * Enables random faults on {@code POST /api/v2/key-accounts}, replacing a previous mix; with the same seed
     * and the same sequence of requests the same faults are drawn. {@link RandomFaults#none()} disables them.
     *
     * @param seed seed of the {@link Random}
     * @param mix  the probabilities
     * @return this
     */
    public Faults random(long seed, RandomFaults mix) {
        Objects.requireNonNull(mix, "mix");
        synchronized (this) {
            this.random = new Random(seed);
            this.mix = mix;
        }
        return this;
    }

    /** Returns the number of scripted faults not yet consumed. */
    public synchronized int pending() {
        return queue.size();
    }

    /** Removes all scripted faults and disables random faults. */
    public synchronized void clear() {
        queue.clear();
        random = null;
        mix = null;
    }

    /** Takes the fault for a request, or {@code null}. */
    synchronized Fault next(String method, String path) {
        for (Iterator<Scripted> it = queue.iterator(); it.hasNext();) {
            Scripted s = it.next();
            if (s.path() == null || s.path().equals(path)) {
                it.remove();
                return s.fault();
            }
        }
        if (mix != null && "POST".equals(method) && ADD_PATH.equals(path)) {
            return mix.pick(random);
        }
        return null;
    }

    static String normalizePath(String path) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return path;
        }
        return path.startsWith("/") ? "/api" + path : "/api/" + path;
    }

    @Override
    public synchronized String toString() {
        return "Faults[pending=" + queue.size() + ", random=" + mix + "]";
    }
}
