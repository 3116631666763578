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
package io.github.cameltamtam.component.tamtam.pacing;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.cameltamtam.testkit.PostgresServer;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared pacer on Bucket4j's PostgreSQL store (a real server on loopback): the first request of a fresh pacer
 * goes alone, so that a cold HTTP client cannot send several slots' requests in one burst; and after its shared slot
 * a request passes this JVM's own window guard.
 */
class SharedKeyPacerTest {

    @Test
    void theFirstRequestGoesAloneAndTheOthersTakeTheirSlotsOnceItWasAnswered() throws Exception {
        PostgresServer.assumeAvailable();
        List<String> events = new CopyOnWriteArrayList<>();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try (PostgresServer postgres = PostgresServer.start()) {
            KeyPacer pacer = sharedPacer(postgres, 50);

            KeyPacer.Permit first = pacer.acquire(scheduler, () -> true).get(30, TimeUnit.SECONDS);
            CompletableFuture<Void> second = pacer.acquire(scheduler, () -> true).thenAccept(p -> events.add("second"));
            CompletableFuture<Void> third = pacer.acquire(scheduler, () -> true).thenAccept(p -> events.add("third"));

            assertThrows(TimeoutException.class, () -> second.get(500, TimeUnit.MILLISECONDS),
                    "no other slot while the first request is unanswered");
            assertEquals(List.of(), events);

            events.add("first answered");
            first.finished();

            second.get(30, TimeUnit.SECONDS);
            third.get(30, TimeUnit.SECONDS);
            assertEquals("first answered", events.get(0), events::toString);
            assertEquals(Set.of("second", "third"), Set.copyOf(events.subList(1, events.size())), events::toString);
            assertNotNull(pacer.acquire(scheduler, () -> true).get(30, TimeUnit.SECONDS),
                    "once warm, a slot is taken as soon as asked");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void afterItsSharedSlotARequestPassesThisJvmsWindowGuard() throws Exception {
        PostgresServer.assumeAvailable();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try (PostgresServer postgres = PostgresServer.start()) {
            KeyPacer pacer = sharedPacer(postgres, 50); // a window guard of 50 requests
            List<KeyPacer.Permit> unanswered = new ArrayList<>();
            KeyPacer.Permit first = pacer.acquire(scheduler, () -> true).get(30, TimeUnit.SECONDS);
            unanswered.add(first);
            first.finished(); // warm: from now on slots are taken as soon as asked
            for (int k = 1; k <= 50; k++) { // requests 1 to 50 stay unanswered
                unanswered.add(pacer.acquire(scheduler, () -> true).get(30, TimeUnit.SECONDS));
            }

            CompletableFuture<KeyPacer.Permit> request51 = pacer.acquire(scheduler, () -> true);

            assertThrows(TimeoutException.class, () -> request51.get(500, TimeUnit.MILLISECONDS),
                    "request 51 waits while request 1 is unanswered, although its shared slot came");
            unanswered.get(1).finished();
            assertNotNull(request51.get(30, TimeUnit.SECONDS));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aFirstSlotGivenUpLetsTheOthersGo() throws Exception {
        PostgresServer.assumeAvailable();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try (PostgresServer postgres = PostgresServer.start()) {
            KeyPacer pacer = sharedPacer(postgres, 100);

            CompletableFuture<KeyPacer.Permit> unwanted = pacer.acquire(scheduler, () -> false);
            CompletableFuture<KeyPacer.Permit> next = pacer.acquire(scheduler, () -> true);

            assertEquals(null, unwanted.get(30, TimeUnit.SECONDS), "the first request was abandoned unsent");
            assertNotNull(next.get(30, TimeUnit.SECONDS), "with no answer to wait for, the next one goes");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aRequestGivenUpWhileItsStoreCallHangsFreesItsPlaceAheadAtOnce() throws Exception {
        PostgresServer.assumeAvailable();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try (PostgresServer postgres = PostgresServer.start()) {
            KeyPacer pacer = sharedPacer(postgres, 1); // one slot reserved ahead at a time; the store timeout is 10 s
            try {
                pacer.acquire(scheduler, () -> true).get(30, TimeUnit.SECONDS).finished(); // the bucket's row exists
                try (PostgresServer.HeldLock lock = postgres.lock("SELECT id FROM bucket")) {
                    CountDownLatch firstAtStore = new CountDownLatch(1);
                    CountDownLatch secondAtStore = new CountDownLatch(1);
                    CompletableFuture<KeyPacer.Permit> first = pacer.acquire(scheduler, atStore(firstAtStore));
                    assertTrue(firstAtStore.await(30, TimeUnit.SECONDS));
                    CompletableFuture<KeyPacer.Permit> second = pacer.acquire(scheduler, atStore(secondAtStore));
                    assertFalse(secondAtStore.await(300, TimeUnit.MILLISECONDS),
                            "the second waits while the first's store call is under way");

                    first.complete(null); // what a call failed by its watchdog does: its slot is given up

                    assertTrue(secondAtStore.await(5, TimeUnit.SECONDS),
                            "the second goes to the store at once, not when the first's store call times out (10 s)");
                    second.complete(null);
                }
            } finally {
                pacer.close();
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** A request that counts down {@code reached} when the pacer first tells it of a wait: its call of the store. */
    private static KeyPacer.Waiter atStore(CountDownLatch reached) {
        return new KeyPacer.Waiter() {
            @Override
            public boolean wanted() {
                return true;
            }

            @Override
            public void waitsAtMost(long nanos) {
                reached.countDown();
            }
        };
    }

    /** A shared pacer on Bucket4j's documented PostgreSQL table, with String keys. */
    private static KeyPacer sharedPacer(PostgresServer postgres, double requestsPerSecond) throws Exception {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bucket(id VARCHAR PRIMARY KEY, state BYTEA, expires_at BIGINT)");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
        return SharedKeyPacer.create(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING).build(), URI.create("http://localhost"), "key",
                requestsPerSecond, java.time.Duration.ofSeconds(10), false);
    }
}
