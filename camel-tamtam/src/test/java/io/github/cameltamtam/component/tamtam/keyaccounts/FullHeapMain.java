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
package io.github.cameltamtam.component.tamtam.keyaccounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Child JVM of {@link ErrorInTheAsyncPathTest}, run with a small heap: sends {@code args[3]} IDs to a
 * {@code tamtam:keyAccounts} producer (the simulator at {@code args[0]}, no rate limit), and once the exchange is on its way
 * (read, planned, its first requests sent) fills the heap for 5 seconds, leaving 512 KiB, so that what comes next on the exchange's
 * asynchronous path — answers read and parsed, batches merged into the result lists — runs out of memory (the test
 * makes every other ID already present, so that the result lists are positions, not ranges, see
 * {@code ids.IdListBuilder}). Prints {@code RESULT completed=<whether the
 * callback came within args[4] seconds> async=<whether the producer went asynchronous> error=<the exchange's exception and causes>}.
 * <p>
 * Arguments: {@code baseUrl apiKey userEmail ids waitSeconds}.
 */
public final class FullHeapMain {

    /** How long the heap stays full. */
    private static final long PRESSURE_SECONDS = 5;

    private static volatile boolean done;
    /** Filled with the heap; released before anything is printed. */
    private static List<byte[]> ballast = new ArrayList<>(4096);
    /** The gaps between the blocks of {@link #ballast}, filled; sized so that it never grows (256 MiB). */
    private static List<byte[]> smallBallast = new ArrayList<>(65_536);

    private FullHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[3]);
        long waitSeconds = Long.parseLong(args[4]);
        try (CamelContext context = new DefaultCamelContext()) {
            TamtamComponent tamtam = new TamtamComponent();
            tamtam.getConfiguration().setBaseUrl(args[0]);
            tamtam.getConfiguration().setApiKey(args[1]);
            tamtam.getConfiguration().setUserEmail(args[2]);
            context.addComponent("tamtam", tamtam);
            context.start();
            Endpoint endpoint = context.getEndpoint("tamtam:keyAccounts?maxRetries=0&requestTimeout=5s"
                    + "&requestsPerSecond=1000&maxConcurrentRequests=20");
            AsyncProducer producer = endpoint.createAsyncProducer();
            producer.start();
            Exchange warmUp = endpoint.createExchange(); // loads the classes of the whole path
            warmUp.getMessage().setBody(List.of("1"));
            producer.process(warmUp);

            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(ids(count));
            // the callback allocates nothing: a full heap cannot keep it from being recorded
            boolean sync = producer.process(exchange, doneSync -> done = true);
            System.out.println("sent, filling the heap");
            fillHeap(2); // the IDs are read and planned, the first requests sent: what follows is asynchronous
            long start = System.nanoTime();
            while (!done && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(PRESSURE_SECONDS)) {
                Thread.sleep(20); // polling allocates nothing, unlike waiting on a latch
            }
            ballast = null; // the pressure ends: whatever the OutOfMemoryErrors left pending must now come to an end
            smallBallast = null;
            while (!done && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(waitSeconds)) {
                Thread.sleep(20);
            }
            String line = "RESULT completed=" + done + " async=" + !sync + " error=" + chain(exchange.getException());
            System.out.println(line);
            System.out.flush();
        }
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Long.toString(10_000_000L + i));
        }
        return ids;
    }

    /**
     * Allocates 256 KiB blocks until none fits, then 4 KiB blocks until none fits (no gap left between them), then
     * frees {@code headroomBlocks} of the 256 KiB blocks: the exchange has that much left for what it still has to do,
     * less than it needs to merge the answers into its result lists.
     */
    private static void fillHeap(int headroomBlocks) {
        try {
            while (true) {
                ballast.add(new byte[256 * 1024]);
            }
        } catch (OutOfMemoryError full) {
            // the heap holds no further 256 KiB block
        }
        try {
            while (true) {
                smallBallast.add(new byte[4 * 1024]);
            }
        } catch (OutOfMemoryError full) {
            for (int i = 0; i < headroomBlocks && !ballast.isEmpty(); i++) {
                ballast.remove(ballast.size() - 1);
            }
        }
    }

    private static String chain(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.length() == 0 ? "" : "<-").append(t.getClass().getName());
        }
        return text.length() == 0 ? "none" : text.toString();
    }
}
