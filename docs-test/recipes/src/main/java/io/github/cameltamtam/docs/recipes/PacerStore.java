package io.github.cameltamtam.docs.recipes;

// tag::pacer-store[]
import javax.sql.DataSource;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** Binds the replicas' shared bucket store as "tamtamProxyManager" (listed in camel.main.configuration-classes). */
public class PacerStore implements CamelConfiguration {

    @BindToRegistry("tamtamProxyManager")
    public ProxyManager<String> tamtamProxyManager(@BeanInject("dataSource") DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .build();
    }
}
// end::pacer-store[]
