package io.github.cameltamtam.component.tamtam.client;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.cameltamtam.testkit.PostgresServer;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The shared pacer on Bucket4j's PostgreSQL store (a real server on loopback): the first request of a fresh pacer
 * goes alone, so that a cold HTTP client cannot send several slots' requests in one burst.
 */
class SharedKeyPacerTest {

    @Test
    void theFirstRequestGoesAloneAndTheOthersTakeTheirSlotsOnceItWasAnswered() throws Exception {
        PostgresServer.assumeAvailable();
        List<String> events = new CopyOnWriteArrayList<>();
        // runs every slot at once, recording it: what is checked is the order, not the clock
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                events.add("slot");
                command.run();
                return super.schedule(() -> { }, 0, unit);
            }
        };
        try (PostgresServer postgres = PostgresServer.start()) {
            KeyPacer pacer = sharedPacer(postgres, 10);

            KeyPacer.Permit first = pacer.acquire(scheduler, () -> true).get(30, TimeUnit.SECONDS);
            CompletableFuture<KeyPacer.Permit> second = pacer.acquire(scheduler, () -> true);
            CompletableFuture<KeyPacer.Permit> third = pacer.acquire(scheduler, () -> true);

            assertThrows(TimeoutException.class, () -> second.get(500, TimeUnit.MILLISECONDS),
                    "no other slot while the first request is unanswered");
            assertEquals(List.of("slot"), events);

            events.add("first answered");
            first.finished();

            assertNotNull(second.get(30, TimeUnit.SECONDS));
            assertNotNull(third.get(30, TimeUnit.SECONDS));
            assertEquals(List.of("slot", "first answered", "slot", "slot"), events);

            CompletableFuture<KeyPacer.Permit> later = pacer.acquire(scheduler, () -> true);
            assertNotNull(later.get(30, TimeUnit.SECONDS), "once warm, a slot is taken as soon as asked");
            assertEquals(5, events.size(), events::toString);
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
                requestsPerSecond);
    }
}
