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

import java.util.List;

import static io.github.cameltamtam.benchmarks.BenchmarkMain.f;
import static io.github.cameltamtam.benchmarks.BenchmarkMain.mib;
import static io.github.cameltamtam.benchmarks.Report.met;

/** Scenario 3 of {@code docs/performance.md}: its summary rows and its section, from the memory runs. */
final class MemorySection {

    /** The largest run: must succeed in this heap. */
    static final int MILLION = 1_000_000;
    static final String MILLION_HEAP = "128m";
    /**
     * The live heap per distinct ID measured before the exchange kept its IDs in compact form (issue 19): about 127
     * bytes from 10,000 to 100,000 rows on the page generated at commit {@code bae040a}, and 1,000,000 IDs did not fit
     * in {@code -Xmx128m}. History, not a number of this run: the page says so.
     */
    static final int PREVIOUS_BYTES_PER_ID = 127;
    static final String PREVIOUS_COMMIT = "bae040a";

    private final BenchmarkMain.MemoryRun big;
    private final BenchmarkMain.MemoryRun small;
    private final BenchmarkMain.MemoryRun wide;
    private final BenchmarkMain.MemoryRun million;
    private final List<BenchmarkMain.MemoryRun> memory;

    /** The runs compared: the smallest, the largest and the wide one in the first run's heap, and the million. */
    MemorySection(List<BenchmarkMain.MemoryRun> memory) {
        this.memory = memory;
        String firstHeap = memory.isEmpty() ? "" : memory.get(0).heap();
        List<BenchmarkMain.MemoryRun> narrow =
                memory.stream().filter(r -> !r.wide() && r.heap().equals(firstHeap)).toList();
        int maxRows = narrow.stream().mapToInt(BenchmarkMain.MemoryRun::rows).max().orElse(0);
        int minRows = narrow.stream().mapToInt(BenchmarkMain.MemoryRun::rows).min().orElse(0);
        big = narrow.stream().filter(r -> r.rows() == maxRows).findFirst().orElse(null);
        small = narrow.stream().filter(r -> r.rows() == minRows).findFirst().orElse(null);
        wide = memory.stream().filter(r -> r.rows() == maxRows && r.wide() && r.heap().equals(firstHeap))
                .findFirst().orElse(null);
        million = memory.stream().filter(r -> r.rows() == MILLION && !r.wide() && r.heap().equals(MILLION_HEAP))
                .findFirst().orElse(null);
    }

    /** The rows of the page's summary table. */
    void summary(StringBuilder md) {
        if (big != null) {
            md.append(f("| 3 | %,d-row CSV (%s MiB) through one exchange under -Xmx%s | succeeds | **%s** | %s |\n",
                    big.rows(), mib(big.fileBytes()), big.heap(), big.ok() ? "succeeded" : "failed", met(big.ok())));
        }
        if (million != null) {
            md.append(f("| 3 | %,d distinct IDs (a %s MiB CSV) through one exchange under -Xmx%s | succeeds | **%s** "
                    + "| %s |\n", million.rows(), mib(million.fileBytes()), million.heap(),
                    million.ok() ? "succeeded" : "failed", met(million.ok())));
        }
        if (bothOk(big, small)) {
            md.append(f(
                    "| 3 | peak live heap of the exchange, %,d vs %,d rows | grows with the IDs kept, not the file | %s vs %s MiB (files of %s vs %s MiB) | see 3 |\n",
                    small.rows(), big.rows(), mib(small.value("livePeak")), mib(big.value("livePeak")),
                    mib(small.fileBytes()), mib(big.fileBytes())));
        }
        BenchmarkMain.MemoryRun largest = bothOk(million, small) ? million : big;
        if (bothOk(largest, small)) {
            double perId = perId(small, largest);
            md.append(f("| 3 | live heap per distinct ID, %,d → %,d rows | less than the %d bytes before (commit `%s`) "
                    + "| **%.0f bytes** | %s |\n", small.rows(), largest.rows(), PREVIOUS_BYTES_PER_ID, PREVIOUS_COMMIT,
                    perId, met(perId < PREVIOUS_BYTES_PER_ID)));
        }
        if (bothOk(big, wide)) {
            md.append(f(
                    "| 3 | the same %,d IDs in a %s MiB file (1 KiB rows) vs a %s MiB file | the same | %s vs %s MiB live peak | see 3 |\n",
                    wide.rows(), mib(wide.fileBytes()), mib(big.fileBytes()), mib(wide.value("livePeak")),
                    mib(big.value("livePeak"))));
        }
    }

    /** Section 3. */
    void section(StringBuilder md) {
        md.append("## 3. Memory: a big CSV through one exchange\n\n")
                .append("Each run is a child JVM with the given `-Xmx` (and `-XX:+ExitOnOutOfMemoryError`) sending one ")
                .append("CSV `File` through `direct:tamtam` → `tamtam:keyAccounts` to a simulator in another JVM ")
                .append("(no rate limit). The CSV has a header and 7 columns (ID, quoted name with a comma, domain, ")
                .append("country, industry, employees, a free-text description): about 150 bytes a row. Heap figures are ")
                .append("above the baseline (heap in use after a full GC with the CamelContext started, before the ")
                .append("exchange):\n\n")
                .append("- *live peak*: the largest heap in use right after a full GC, sampled every 100 ms during the ")
                .append("exchange by a thread calling `System.gc()` — what the exchange really holds;\n")
                .append("- *after-GC peak*: the largest heap in use after any collection the JVM made on its own;\n")
                .append("- *pool peak*: the heap pools' peak usage (`MemoryPoolMXBean.getPeakUsage()`, garbage included);\n")
                .append("- *retained*: in use after a full GC once the exchange is done, its result (every ID's outcome) ")
                .append("still referenced.\n\n")
                .append("| Rows | Row | File MiB | -Xmx | Result | Seconds | Baseline MiB | Live peak MiB | After-GC peak MiB | Pool peak MiB | Retained MiB |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (BenchmarkMain.MemoryRun r : memory) {
            row(md, r);
        }
        if (bothOk(big, small)) {
            double perRowFile = (big.fileBytes() - small.fileBytes()) / (double) (big.rows() - small.rows());
            md.append(f("\nFrom %,d to %,d rows the live peak grows by about %.0f bytes per distinct ID (the file by "
                    + "%.0f bytes per row).", small.rows(), big.rows(), perId(small, big), perRowFile));
            if (bothOk(million, small)) {
                md.append(f(" From %,d to %,d rows (under -Xmx%s) it grows by about %.0f bytes per distinct ID; once "
                        + "the exchange is done its result, every ID's outcome, holds %.0f bytes per ID.",
                        small.rows(), million.rows(), million.heap(), perId(small, million),
                        million.value("retained") / (double) million.rows()));
            }
            md.append(f(" Before the exchange kept its IDs in compact form (a `long` per ID that is a plain number, "
                    + "the answers merged as they arrive into a byte per ID, the result lists read-only views of "
                    + "them), the same measure was about %d bytes per distinct ID (the page generated at commit `%s`) "
                    + "and %,d IDs ran out of memory under -Xmx%s.", PREVIOUS_BYTES_PER_ID, PREVIOUS_COMMIT, MILLION,
                    MILLION_HEAP));
            if (bothOk(big, wide)) {
                md.append(f(" With the same %,d IDs in rows of about 1 KiB (a %s MiB file) the live peak is %s MiB "
                        + "against %s MiB: the heap follows the distinct IDs the exchange must keep, not the file's "
                        + "bytes or its other columns.", wide.rows(), mib(wide.fileBytes()),
                        mib(wide.value("livePeak")), mib(big.value("livePeak"))));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, BenchmarkMain.MemoryRun r) {
        String row = r.wide() ? "~1 KiB" : "~150 B";
        if (r.result().isEmpty()) {
            md.append(f("| %,d | %s | %s | %s | **failed** (exit %d%s%s) | | | | | | |\n", r.rows(), row,
                    mib(r.fileBytes()), r.heap(), r.exitCode(), r.timedOut() ? ", timed out" : "",
                    r.tail().contains("OutOfMemoryError") ? ": OutOfMemoryError" : ""));
            return;
        }
        md.append(f("| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", r.rows(), row, mib(r.fileBytes()),
                r.heap(),
                r.ok() ? "ok, " + r.result().get("added") + " added in " + r.result().get("requests") + " requests"
                        : "**failed**: " + r.result().get("error").replace('_', ' '),
                r.result().get("seconds"), mib(r.value("baseline")), mib(r.value("livePeak")),
                mib(r.value("afterGcPeak")), mib(r.value("poolPeak")), mib(r.value("retained"))));
    }

    /** Live-peak growth per distinct ID from {@code from} to {@code to}. */
    private static double perId(BenchmarkMain.MemoryRun from, BenchmarkMain.MemoryRun to) {
        return (to.value("livePeak") - from.value("livePeak")) / (double) (to.rows() - from.rows());
    }

    private static boolean bothOk(BenchmarkMain.MemoryRun a, BenchmarkMain.MemoryRun b) {
        return a != null && b != null && !a.equals(b) && a.ok() && b.ok();
    }
}
