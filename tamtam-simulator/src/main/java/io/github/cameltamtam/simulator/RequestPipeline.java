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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What the simulator does with each request, in this order: it is recorded in the {@link RequestLog}; the
 * {@link RateLimiter} decides (a rejected request waits the latency and gets the 429, consuming no fault); a fault,
 * if one is due, is applied ({@link Faults}); the latency is waited; then the {@link ApiHandler} answers. Every answer
 * (or reset) is counted in {@link Stats} before it is written.
 */
final class RequestPipeline implements Server.Handler {

    private static final System.Logger LOG = System.getLogger(TamtamSimulator.class.getName());

    private final RequestLog log;
    private final Stats stats;
    private final Faults faults;
    private final RateLimiter limiter;
    private final ApiHandler api;
    /** Orders the log like the arrival times: a request is timed, recorded and admitted in one step. */
    private final Object arrivalLock = new Object();
    private volatile Duration latency;

    RequestPipeline(RequestLog log, Stats stats, Faults faults, RateLimiter limiter, ApiHandler api,
            Duration latency) {
        this.log = log;
        this.stats = stats;
        this.faults = faults;
        this.limiter = limiter;
        this.api = api;
        setLatency(latency);
    }

    /**
     * Sets the latency; it applies from the next request.
     *
     * @param latency the fixed delay before each answer (and before each reset), not negative
     */
    void setLatency(Duration latency) {
        this.latency = requireLatency(latency);
    }

    Duration latency() {
        return latency;
    }

    static Duration requireLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        return latency;
    }

    @Override
    public Http.Response handle(long connectionId, Http.Request request) throws InterruptedException {
        JsonBody json = JsonBody.parse(request.body());
        String key = request.headers().get("authorization");
        RequestLog.Entry entry;
        RateLimiter.Arrival arrival;
        synchronized (arrivalLock) {
            arrival = limiter.arrive(key);
            entry = new RequestLog.Entry(connectionId, request.method(), request.path(), request.headers(),
                    new String(request.body(), StandardCharsets.UTF_8), json.companyIds(), arrival.nanos(),
                    System.currentTimeMillis());
            log.add(entry);
        }
        stats.received();

        if (!arrival.admitted()) {
            sleep(latency);
            return answer(entry, Responses.tooManyRequests(), false);
        }
        Fault fault = faults.next(request.method(), request.path());
        if (fault == null) {
            sleep(latency);
            return answer(entry, process(request, json), false);
        }
        return switch (fault.kind()) {
            case DELAY -> {
                sleep(fault.delayDuration());
                sleep(latency);
                yield answer(entry, process(request, json).withHeaders(fault.headers()), false);
            }
            case STATUS -> {
                sleep(latency);
                if (fault.processesRequest()) {
                    process(request, json);
                }
                yield answer(entry, Responses.faultResponse(fault), false);
            }
            case RESET -> {
                sleep(latency);
                yield reset(entry);
            }
            case RESET_AFTER_PROCESSING -> {
                sleep(latency);
                process(request, json);
                yield reset(entry);
            }
            case MALFORMED_BODY -> {
                sleep(latency);
                yield answer(entry, Responses.malformed(process(request, json), fault), true);
            }
            case ENDLESS_BODY -> {
                sleep(latency);
                yield answer(entry, Responses.endlessBody(stats), false);
            }
            case STALLED_BODY -> {
                sleep(latency);
                yield answer(entry, Responses.stalledBody(), false);
            }
        };
    }

    private Http.Response process(Http.Request request, JsonBody json) {
        try {
            return api.handle(request, json);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "internal error on " + request.method() + " " + request.path(), e);
            return Responses.problem(500, "internal simulator error: " + e, null);
        }
    }

    private Http.Response answer(RequestLog.Entry entry, Http.Response response, boolean malformed) {
        entry.status = response.status();
        stats.answered(response.status(), malformed);
        return response;
    }

    private Http.Response reset(RequestLog.Entry entry) {
        entry.status = 0;
        stats.connectionReset();
        return null;
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (d.isZero()) {
            return;
        }
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        TimeUnit.NANOSECONDS.sleep(nanos);
    }
}
