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

import java.io.File;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Scenario 3, run in a child JVM with a small {@code -Xmx}: one exchange whose body is a big CSV {@link File}, sent to a
 * simulator in another JVM (no rate limit, no latency). Measures the heap the exchange needs:
 * <ul>
 * <li>{@code livePeak}: the largest heap in use right after a full GC, sampled every 100 ms during the exchange
 * by a thread that calls {@code System.gc()} (so garbage is not counted);</li>
 * <li>{@code afterGcPeak}: the largest heap in use after any collection the JVM made during the exchange;</li>
 * <li>{@code poolPeak}: the heap pools' peak usage (garbage included);</li>
 * <li>{@code retained}: the heap in use after a full GC once the exchange is done, its result still referenced;</li>
 * </ul>
 * all minus the {@code baseline} (heap in use after a full GC with the CamelContext started, before the exchange).
 * <p>
 * Arguments: {@code baseUrl csvFile expectedIds}. Prints {@code RESULT key=value ...}.
 */
public final class MemoryBenchmark {

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        File csv = new File(args[1]);
        int expected = Integer.parseInt(args[2]);

        CamelContext context = Camels.tamtam(baseUrl, 100_000);
        ProducerTemplate template = context.createProducerTemplate();
        template.requestBody("direct:tamtam", Camels.ids(9_000_000_000L, 60)); // load every class on the path

        long baseline = liveHeap();
        AtomicLong afterGcPeak = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum()
                            - nonHeapPoolsUsed(info.getGcInfo().getMemoryUsageAfterGc());
                    afterGcPeak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        AtomicLong livePeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                livePeak.accumulateAndGet(liveHeap(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "live-heap-sampler");
        sampler.setDaemon(true);

        boolean ok;
        String error = "";
        long added = 0;
        long requests = 0;
        long start = System.nanoTime();
        KeyAccountsResult result = null;
        sampler.start();
        try {
            Exchange out = template.request("direct:tamtam", e -> e.getMessage().setBody(csv));
            if (out.getException() != null) {
                throw out.getException();
            }
            result = out.getMessage().getBody(KeyAccountsResult.class);
            added = result.getNewlyAddedCompanyLinkedinIds().size();
            requests = result.getRequestCount();
            ok = added == expected;
            if (!ok) {
                error = "added " + added + " of " + expected;
            }
        } catch (Throwable t) {
            ok = false;
            error = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        long retained = liveHeap();
        long poolPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeak += pool.getPeakUsage().getUsed();
            }
        }
        livePeak.accumulateAndGet(retained, Math::max);
        System.out.println("RESULT ok=" + ok + " added=" + added + " requests=" + requests
                + " seconds=" + String.format(java.util.Locale.ROOT, "%.2f", seconds)
                + " baseline=" + baseline + " livePeak=" + (livePeak.get() - baseline)
                + " afterGcPeak=" + Math.max(0, afterGcPeak.get() - baseline)
                + " poolPeak=" + (poolPeak - baseline) + " retained=" + (retained - baseline)
                + " maxHeap=" + Runtime.getRuntime().maxMemory()
                + " resultHeld=" + (result != null)
                + " error=" + error.replace(' ', '_'));
        System.out.flush();
        context.close();
    }

    /** Heap in use right after a full collection. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long nonHeapPoolsUsed(java.util.Map<String, MemoryUsage> usage) {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.NON_HEAP && usage.containsKey(pool.getName())) {
                sum += usage.get(pool.getName()).getUsed();
            }
        }
        return sum;
    }
}
