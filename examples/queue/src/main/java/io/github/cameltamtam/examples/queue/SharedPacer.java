package io.github.cameltamtam.examples.queue;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * The replicas' shared pacer: Bucket4j's PostgreSQL {@link ProxyManager} on the replicas' database (table
 * {@code bucket}, created if missing), given to the component as {@code pacerProxyManager}. Every replica then takes
 * each request's slot from one bucket per API key, so that together they stay within the key's 10 requests/s.
 */
final class SharedPacer {

    private SharedPacer() {
    }

    static ProxyManager<String> proxyManager(DataSource dataSource) throws SQLException {
        ReplicaSchema.create(dataSource, List.of(
                "CREATE TABLE IF NOT EXISTS bucket (id VARCHAR PRIMARY KEY, state BYTEA, expires_at BIGINT)"));
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .build();
    }
}
