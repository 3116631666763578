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
