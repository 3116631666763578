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
package io.github.cameltamtam.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Scenario 1: IDs per second through a simulator that enforces the API's rate limit and answers after a fixed
 * latency, for camel-tamtam and for the route a user would hand-write with {@code marshal().json()} and camel-http.
 * Each client gets its own, fresh simulator (embedded: its counters give the 429s and the busiest 1-second window).
 */
final class ThroughputBenchmark {

    /** What one client achieved. */
    @SuppressWarnings("ArrayRecordComponent") // a measurement, never compared or hashed
    record Run(String client, int ids, double seconds, long requests, long rateLimited, int busiestSecond,
            long added, Gaps gaps, double[] idsPerSecondOverTime) {

        double idsPerSecond() {
            return ids / seconds;
        }

        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private static final String PATH = "/api/v2/key-accounts";

    /**
     * The spacing of the requests' arrivals at the server: median and largest gap between two consecutive arrivals,
     * and the time from the first to the last arrival.
     */
    record Gaps(double medianMs, double p95Ms, double maxMs, double spanSeconds) {

        static Gaps of(TamtamSimulator sim) {
            long[] arrivals = sim.requests("POST", PATH).stream().mapToLong(RecordedRequest::arrivalNanos).sorted()
                    .toArray();
            if (arrivals.length < 2) {
                return new Gaps(0, 0, 0, 0);
            }
            double[] gaps = new double[arrivals.length - 1];
            for (int i = 1; i < arrivals.length; i++) {
                gaps[i - 1] = (arrivals[i] - arrivals[i - 1]) / 1e6;
            }
            java.util.Arrays.sort(gaps);
            return new Gaps(gaps[gaps.length / 2],
                    gaps[(int) Math.min(gaps.length - 1, Math.ceil(gaps.length * 0.95) - 1)],
                    gaps[gaps.length - 1], (arrivals[arrivals.length - 1] - arrivals[0]) / 1e9);
        }
    }

    private ThroughputBenchmark() {
    }

    /** camel-tamtam with its defaults: 10 requests/s, up to 10 requests of the exchange in flight. */
    static Run camelTamtam(int ids, int rateLimit, Duration latency) throws Exception {
        try (TamtamSimulator sim = simulator(rateLimit, latency)) {
            CamelContext context = Camels.tamtam(sim.baseUrl().toString(), 10);
            try {
                ProducerTemplate template = context.createProducerTemplate();
                template.requestBody("direct:tamtam", Camels.ids(9_000_000_000L, 100)); // connections, JIT
                quiesce(sim);
                List<String> input = Camels.ids(1_000_000_000L, ids);
                long start = System.nanoTime();
                KeyAccountsResult result = template.requestBody("direct:tamtam", input, KeyAccountsResult.class);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Run("camel-tamtam", ids, seconds, sim.requests("POST", PATH).size(),
                        sim.stats().rateLimited(), sim.stats().maxRequestsInAnyOneSecondWindow(Camels.API_KEY),
                        result.getNewlyAddedCompanyLinkedinIds().size(), Gaps.of(sim), perSecond(sim, start));
            } finally {
                context.close();
            }
        }
    }

    /**
     * The route a user writes by hand: split the IDs into batches of 50, marshal each to JSON, POST it with camel-http,
     * one after the other; a 429 or 5xx (an HttpOperationFailedException) is redelivered with exponential backoff from
     * 1 s, as the API's guide recommends.
     */
    static Run camelHttp(int ids, int rateLimit, Duration latency) throws Exception {
        try (TamtamSimulator sim = simulator(rateLimit, latency)) {
            CamelContext context = new DefaultCamelContext();
            String url = sim.baseUrl() + "/v2/key-accounts";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(HttpOperationFailedException.class)
                            .maximumRedeliveries(5).redeliveryDelay(1000).useExponentialBackOff()
                            .retryAttemptedLogLevel(LoggingLevel.DEBUG);
                    from("direct:camel-http")
                            .split(simple("${collate(50)}"), new SumAdded())
                            .process(e -> e.getMessage().setBody(Map.of(
                                    "company_linkedin_ids", e.getMessage().getBody(List.class),
                                    "user_email", Camels.USER_EMAIL)))
                            .marshal().json()
                            .setHeader("Authorization", constant(Camels.API_KEY))
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .to(url)
                            .unmarshal().json(Map.class)
                            .end();
                }
            });
            context.start();
            try {
                ProducerTemplate template = context.createProducerTemplate();
                template.requestBody("direct:camel-http", Camels.ids(9_000_000_000L, 100));
                quiesce(sim);
                List<String> input = Camels.ids(1_000_000_000L, ids);
                long start = System.nanoTime();
                Long added = template.requestBody("direct:camel-http", input, Long.class);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Run("camel-http route", ids, seconds, sim.requests("POST", PATH).size(),
                        sim.stats().rateLimited(), sim.stats().maxRequestsInAnyOneSecondWindow(Camels.API_KEY),
                        added == null ? 0 : added, Gaps.of(sim), perSecond(sim, start));
            } finally {
                context.close();
            }
        }
    }

    /** IDs the server accepted (answered 200) in each second from {@code start}. */
    private static double[] perSecond(TamtamSimulator sim, long start) {
        List<RecordedRequest> ok = sim.requests("POST", PATH).stream().filter(r -> r.status() == 200).toList();
        return Charts.perSecond(start, ok.stream().mapToLong(RecordedRequest::arrivalNanos).toArray(),
                ok.stream().mapToInt(r -> r.companyLinkedinIds() == null ? 0 : r.companyLinkedinIds().size())
                        .toArray());
    }

    private static TamtamSimulator simulator(int rateLimit, Duration latency) {
        return TamtamSimulator.builder().rateLimit(rateLimit).latency(latency).demoCredits(100_000_000).start();
    }

    /** After the warm-up: lets the server's 1-second window empty and forgets the warm-up's requests. */
    private static void quiesce(TamtamSimulator sim) throws InterruptedException {
        if (sim.rateLimit() > 0) {
            Thread.sleep(1_100);
        }
        sim.clearRequests();
        sim.stats().reset();
    }

    /** Sums {@code newly_added_company_linkedin_ids} of the batches' answers. */
    private static final class SumAdded implements AggregationStrategy {
        @Override
        public Exchange aggregate(Exchange total, Exchange batch) {
            long sum = total == null ? 0 : total.getMessage().getBody(Long.class);
            Object answer = batch.getMessage().getBody();
            if (answer instanceof Map<?, ?> map
                    && map.get("newly_added_company_linkedin_ids") instanceof List<?> added) {
                sum += added.size();
            }
            Exchange into = total == null ? batch : total;
            into.getMessage().setBody(sum);
            return into;
        }
    }
}
