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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.cameltamtam.testkit.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every scenario of the harness at tiny sizes (no rate limit, no latency, a few hundred IDs; scale-out: 2 replica
 * JVMs in the shared PostgreSQL mode, 200 IDs), so that the benchmark code keeps working; the numbers mean nothing.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void everyScenarioRunsAndTheReportIsWritten() throws Exception {
        PostgresServer.assumeAvailable(); // the shared-mode scenario runs on a real PostgreSQL
        Report.Generated report = BenchmarkMain.run(BenchmarkMain.Settings.quick(work), message -> {
        });
        String markdown = report.markdown();

        assertTrue(markdown.contains("## 1. Throughput"), markdown);
        assertTrue(markdown.contains("## 2. CPU time"), markdown);
        assertTrue(markdown.contains("| 1,000 | "), markdown);
        assertTrue(markdown.contains("ok, 1000 added"), markdown);
        assertTrue(markdown.contains("| shared (PostgreSQL) | "), markdown);
        assertTrue(markdown.contains(" | 2 | "), "2 replicas ran: " + markdown);
        assertTrue(markdown.contains(" | 0 / 0 |"), "no replica failed: " + markdown);

        // one run: the page names its commit and shows the three charts drawn from the same numbers
        assertTrue(markdown.contains("at commit `"), markdown);
        assertEquals(List.of(Report.THROUGHPUT_SVG, Report.TIMELINE_SVG, Report.SCALE_OUT_SVG),
                List.copyOf(report.charts().keySet()));
        report.charts().forEach((name, svg) -> {
            assertTrue(markdown.contains("](images/" + name + ")"), name + " not shown: " + markdown);
            assertTrue(svg.startsWith("<svg ") && svg.strip().endsWith("</svg>"), svg);
        });
        assertTrue(report.charts().get(Report.SCALE_OUT_SVG).contains("shared (PostgreSQL)"));
        report.write(work.resolve("docs/performance.md"));
        assertTrue(Files.isRegularFile(work.resolve("docs/images/" + Report.TIMELINE_SVG)));
    }
}
