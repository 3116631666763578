package io.github.cameltamtam.benchmarks;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every scenario of the harness at tiny sizes (no rate limit, no latency, a few hundred IDs), so that the
 * benchmark code keeps working; the numbers mean nothing.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void everyScenarioRunsAndTheReportIsWritten() throws Exception {
        String markdown = BenchmarkMain.run(BenchmarkMain.Settings.quick(work), message -> {
        });

        assertTrue(markdown.contains("## 1. Throughput"), markdown);
        assertTrue(markdown.contains("## 2. CPU time"), markdown);
        assertTrue(markdown.contains("| 1,000 | "), markdown);
        assertTrue(markdown.contains("ok, 1000 added"), markdown);
    }
}
