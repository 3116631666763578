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

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * A mix of fault probabilities for {@link Faults#random(long, RandomFaults)}, applied to
 * {@code POST /api/v2/key-accounts} only. Immutable: each setter returns a copy. For each request one uniform
 * number decides at most one fault; the probabilities must add up to at most 1.
 *
 * <p>Kinds: {@code rateLimited} → 429 {@code {"Message": "Too Many Requests"}}; {@code serverError} → 500, 502,
 * 503 or 504 (picked by the same seeded random), no state change; {@code reset}, {@code resetAfterProcessing},
 * {@code malformedBody} as in {@link Fault}; {@code slow} → {@link Fault#delay(Duration)}.
 */
public final class RandomFaults {

    private static final int[] SERVER_ERRORS = {500, 502, 503, 504};

    private final double rateLimited;
    private final double serverError;
    private final double reset;
    private final double resetAfterProcessing;
    private final double malformedBody;
    private final double slow;
    private final Duration slowDelay;

    private RandomFaults(double rateLimited, double serverError, double reset, double resetAfterProcessing,
            double malformedBody, double slow, Duration slowDelay) {
        double sum = rateLimited + serverError + reset + resetAfterProcessing + malformedBody + slow;
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault probabilities add up to more than 1: " + sum);
        }
        this.rateLimited = rateLimited;
        this.serverError = serverError;
        this.reset = reset;
        this.resetAfterProcessing = resetAfterProcessing;
        this.malformedBody = malformedBody;
        this.slow = slow;
        this.slowDelay = slowDelay;
    }

    /** Returns a mix with every probability 0 (no random faults). */
    public static RandomFaults none() {
        return new RandomFaults(0, 0, 0, 0, 0, 0, Duration.ZERO);
    }

    /**
     * Returns a copy with that probability.
     *
     * @param p probability of a 429 {@code {"Message": "Too Many Requests"}}
     * @return a copy with that probability
     */
    public RandomFaults rateLimited(double p) {
        return new RandomFaults(check(p), serverError, reset, resetAfterProcessing, malformedBody, slow, slowDelay);
    }

    /**
     * Returns a copy with that probability.
     *
     * @param p probability of a 5xx (500/502/503/504) without processing
     * @return a copy with that probability
     */
    public RandomFaults serverError(double p) {
        return new RandomFaults(rateLimited, check(p), reset, resetAfterProcessing, malformedBody, slow, slowDelay);
    }

    /**
     * Returns a copy with that probability.
     *
     * @param p probability of a connection reset before processing
     * @return a copy with that probability
     */
    public RandomFaults reset(double p) {
        return new RandomFaults(rateLimited, serverError, check(p), resetAfterProcessing, malformedBody, slow,
                slowDelay);
    }

    /**
     * Returns a copy with that probability.
     *
     * @param p probability of a connection reset after processing
     * @return a copy with that probability
     */
    public RandomFaults resetAfterProcessing(double p) {
        return new RandomFaults(rateLimited, serverError, reset, check(p), malformedBody, slow, slowDelay);
    }

    /**
     * Returns a copy with that probability.
     *
     * @param p probability of a processed request answered with invalid JSON
     * @return a copy with that probability
     */
    public RandomFaults malformedBody(double p) {
        return new RandomFaults(rateLimited, serverError, reset, resetAfterProcessing, check(p), slow, slowDelay);
    }

    /**
     * Returns a copy with that probability and delay.
     *
     * @param p     probability of an extra delay before a normal answer
     * @param delay the extra delay
     * @return a copy with that probability and delay
     */
    public RandomFaults slow(double p, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new RandomFaults(rateLimited, serverError, reset, resetAfterProcessing, malformedBody, check(p),
                delay);
    }

    /** Draws the fault for one request, or {@code null}. Caller synchronizes on {@code random}. */
    Fault pick(Random random) {
        double u = random.nextDouble();
        double c = rateLimited;
        if (u < c) {
            return Fault.status(429);
        }
        c += serverError;
        if (u < c) {
            return Fault.status(SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)]);
        }
        c += reset;
        if (u < c) {
            return Fault.reset();
        }
        c += resetAfterProcessing;
        if (u < c) {
            return Fault.resetAfterProcessing();
        }
        c += malformedBody;
        if (u < c) {
            return Fault.malformedBody();
        }
        c += slow;
        if (u < c) {
            return Fault.delay(slowDelay);
        }
        return null;
    }

    private static double check(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("probability must be 0..1: " + p);
        }
        return p;
    }

    @Override
    public String toString() {
        return "RandomFaults[rateLimited=" + rateLimited + ", serverError=" + serverError + ", reset=" + reset
                + ", resetAfterProcessing=" + resetAfterProcessing + ", malformedBody=" + malformedBody
                + ", slow=" + slow + "/" + slowDelay + "]";
    }
}
