package io.github.cameltamtam.component.tamtam.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal application: one route, no tamtam option in Java, everything in application.properties. */
@SpringBootApplication
public class TamtamStarterTestApplication {

    @Bean
    RouteBuilder keyAccountsRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:addKeyAccounts").routeId("add-key-accounts").to("tamtam:keyAccounts");
            }
        };
    }
}
