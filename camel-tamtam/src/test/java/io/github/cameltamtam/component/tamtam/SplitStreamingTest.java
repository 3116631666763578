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
package io.github.cameltamtam.component.tamtam;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The Camel way for very large files: {@code split(body().tokenize("\n", 1000, true)).streaming()} sends the file in
 * chunks of 1 000 lines through {@code tamtam:keyAccounts}, each chunk an exchange with its own result, while the
 * splitter reads the file lazily. Two recipes:
 * <ul>
 * <li>a CSV whose only column is the ID: skip the header line ({@code skipFirst=true}); every chunk is a plain list of
 * IDs;</li>
 * <li>a CSV with several columns: remember the header line before the split and put it back on top of every chunk,
 * so that each chunk is a complete CSV and the component finds the ID column by name.</li>
 * </ul>
 * Each chunk is validated and de-duplicated on its own: a bad ID fails only its chunk (earlier chunks are already
 * sent), and an ID repeated in a later chunk is sent again and comes back as already present (no credit charged).
 */
class SplitStreamingTest extends TamtamTestSupport {

    @TempDir
    Path dir;

    @Override
    protected TamtamSimulator startSimulator() {
        return TamtamSimulator.builder().rateLimit(0).demoCredits(100_000).start();
    }

    @Override
    protected void configure(TamtamConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestsPerSecond(100_000);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());

                // a CSV with several columns and a header row (docs/large-inputs.md)
                // tag::csv-with-header[]
                from("direct:csvWithHeader")
                        .process(SplitStreamingTest::rememberCsvHeader)          // the first line only
                        .split(body().tokenize("\n", 1000, true), new ChunkTotals()).streaming()
                        .setBody(simple("${exchangeProperty.CsvHeader}\n${body}"))
                        .to("tamtam:keyAccounts")
                        .to("mock:chunk")                                   // each chunk's result
                        .end()
                        .to("mock:total");                                      // the totals ChunkTotals summed
                // end::csv-with-header[]

                // a CSV whose only column is the ID (docs/large-inputs.md)
                // tag::id-column-only[]
                from("direct:idColumnOnly")
                        .split(body().tokenize("\n", 1000, true), new ChunkTotals()).streaming()
                        .to("tamtam:keyAccounts")
                        .to("mock:chunk")                                   // each chunk's result
                        .end()
                        .to("mock:total");
                // end::id-column-only[]
            }
        };
    }

    /** Puts the first line of a file body in the {@code CsvHeader} property, reading nothing else. */
    // tag::remember-header[]
    static void rememberCsvHeader(Exchange exchange) throws IOException {
        File file = exchange.getMessage().getBody(File.class);
        try (BufferedReader reader = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
            exchange.setProperty("CsvHeader", reader.readLine());
        }
    }
    // end::remember-header[]

    /** Per-chunk counts, summed by {@link ChunkTotals}: the split's output. */
    record Totals(int chunks, int failedChunks, int added, int already, int ignored, int failed, int requests) {
    }

    /** Sums the chunks' results; a failed chunk counts as failed with the result its exception carries, if any. */
    static final class ChunkTotals implements AggregationStrategy {
        @Override
        public Exchange aggregate(Exchange total, Exchange chunk) {
            Totals sum = total == null ? new Totals(0, 0, 0, 0, 0, 0, 0) : total.getMessage().getBody(Totals.class);
            Exception error = chunk.getException();
            KeyAccountsResult result = error instanceof TamtamException t ? t.getResult()
                    : chunk.getMessage().getBody(KeyAccountsResult.class);
            Totals next = new Totals(sum.chunks() + 1, sum.failedChunks() + (error == null ? 0 : 1),
                    sum.added() + (result == null ? 0 : result.getNewlyAddedCompanyLinkedinIds().size()),
                    sum.already() + (result == null ? 0 : result.getAlreadyInKeyAccountsLinkedinIds().size()),
                    sum.ignored() + (result == null ? 0 : result.getIgnoredCompanyLinkedinIds().size()),
                    sum.failed() + (result == null ? 0 : result.getFailedCompanyLinkedinIds().size()),
                    sum.requests() + (result == null ? 0 : result.getRequestCount()));
            Exchange into = total == null ? chunk : total;
            into.setException(null); // the chunk's failure is counted, not propagated
            into.getMessage().setBody(next);
            return into;
        }
    }

    @Test
    void csvWithHeaderInChunksEachWithItsOwnResult() throws Exception {
        Path csv = dir.resolve("companies.csv");
        List<String> ids = writeCsv(csv, "name,company_linkedin_id,domain,employees", 5_000,
                r -> "\"Company " + r + ", Inc.\"," + (40_000_000 + r) + ",c" + r + ".example.com," + r % 900);
        for (int r = 10; r < ids.size(); r += 100) {
            simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, ids.get(r), null, 1);
        }
        MockEndpoint chunks = getMockEndpoint("mock:chunk");
        chunks.expectedMessageCount(5);

        Exchange out = template.request("direct:csvWithHeader", e -> e.getMessage().setBody(csv.toFile()));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        chunks.assertIsSatisfied();
        for (int c = 0; c < 5; c++) {
            Exchange chunk = chunks.getExchanges().get(c);
            KeyAccountsResult result = chunk.getMessage().getBody(KeyAccountsResult.class);
            List<String> chunkIds = ids.subList(c * 1000, (c + 1) * 1000);
            List<String> expectedAdded = new ArrayList<>(chunkIds);
            expectedAdded.removeAll(result.getAlreadyInKeyAccountsLinkedinIds());
            assertEquals(10, result.getAlreadyInKeyAccountsLinkedinIds().size(), "chunk " + c);
            assertEquals(expectedAdded, result.getNewlyAddedCompanyLinkedinIds(), "chunk " + c);
            assertEquals(20, result.getRequestCount(), "chunk " + c);
            assertEquals(c, chunk.getProperty(Exchange.SPLIT_INDEX));
        }
        assertEquals(new Totals(5, 0, 4_950, 50, 0, 0, 100), out.getMessage().getBody(Totals.class));
        assertEquals(100, simulator.requests("POST", "/api/v2/key-accounts").size());
        assertEquals(4_950, simulator.demoAccount().usedCredits());
    }

    @Test
    void idOnlyCsvNeedsOnlyTheHeaderSkipped() throws Exception {
        Path csv = dir.resolve("ids.csv");
        writeCsv(csv, "company_linkedin_id", 2_500, r -> String.valueOf(50_000_000 + r));
        MockEndpoint chunks = getMockEndpoint("mock:chunk");
        chunks.expectedMessageCount(3);

        Exchange out = template.request("direct:idColumnOnly", e -> e.getMessage().setBody(csv.toFile()));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        chunks.assertIsSatisfied();
        assertEquals(List.of(1000, 1000, 500), chunks.getExchanges().stream()
                .map(e -> e.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds().size())
                .toList());
        assertEquals(new Totals(3, 0, 2_500, 0, 0, 0, 50), out.getMessage().getBody(Totals.class));
    }

    @Test
    void eachChunkIsValidatedAndDeduplicatedOnItsOwn() throws Exception {
        Path csv = dir.resolve("companies.csv");
        // row 2 500 (in chunk 3) is not an ID; rows of chunk 4 repeat IDs of chunk 1
        Map<Integer, String> special = Map.of(2_500, "12x34");
        List<String> ids = writeCsv(csv, "name,company_linkedin_id", 5_000, r -> "Company " + r + ","
                + special.getOrDefault(r, String.valueOf(60_000_000 + (r >= 3_000 && r < 3_100 ? r - 3_000 : r))));
        MockEndpoint chunks = getMockEndpoint("mock:chunk");
        chunks.expectedMessageCount(4); // the failed chunk never reaches the mock

        Exchange out = template.request("direct:csvWithHeader", e -> e.getMessage().setBody(csv.toFile()));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        chunks.assertIsSatisfied();
        // chunk 3 failed before sending anything: its bad row is line 502 of the chunk (line 1 is the header put back)
        assertEquals(new Totals(5, 1, 3_900, 100, 0, 0, 80), out.getMessage().getBody(Totals.class));
        KeyAccountsResult fourthChunk = chunks.getExchanges().get(2).getMessage().getBody(KeyAccountsResult.class);
        assertEquals(ids.subList(0, 100), fourthChunk.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(3_900, simulator.demoAccount().usedCredits());
        assertEquals(80, simulator.requests("POST", "/api/v2/key-accounts").size());
    }

    @Test
    void aFailedChunkCarriesWhereItsBadRowIs() throws Exception {
        Path csv = dir.resolve("companies.csv");
        writeCsv(csv, "name,company_linkedin_id", 1_500,
                r -> "Company " + r + "," + (r == 1_200 ? "n/a" : 70_000_000 + r));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:stopOnBadChunk")
                        .process(SplitStreamingTest::rememberCsvHeader)
                        .split(body().tokenize("\n", 1000, true)).streaming().stopOnException()
                        .setBody(simple("${exchangeProperty.CsvHeader}\n${body}"))
                        .to("tamtam:keyAccounts")
                        .end();
            }
        });

        Exchange out = template.request("direct:stopOnBadChunk", e -> e.getMessage().setBody(csv.toFile()));

        TamtamInvalidInputException error = assertInstanceOf(TamtamInvalidInputException.class,
                out.getException() instanceof TamtamInvalidInputException ? out.getException()
                        : out.getException().getCause());
        assertEquals("n/a", error.getValue());
        assertEquals("line 202", error.getLocation()); // data row 1 200 = row 200 of chunk 2, below the header
        assertEquals(1_000, simulator.demoAccount().usedCredits()); // chunk 1 went out before chunk 2 was read
    }

    /** Writes the header and {@code rows} lines; returns the second column's (or only column's) values. */
    private static List<String> writeCsv(Path file, String header, int rows, IntFunction<String> line)
            throws IOException {
        List<String> ids = new ArrayList<>();
        int idColumn = header.contains(",") ? 1 : 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (int r = 0; r < rows; r++) {
                String text = line.apply(r);
                out.write(text);
                out.write('\n');
                String unquoted = text.replaceAll("\"[^\"]*\"", "q");
                ids.add(unquoted.split(",", -1)[idColumn]);
            }
        }
        return ids;
    }
}
