package io.github.cameltamtam.docs.boot;

// tag::application[]
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class KeyAccountsApplication {

    public static void main(String[] args) {
        SpringApplication.run(KeyAccountsApplication.class, args);
    }

    @Bean
    RouteBuilder keyAccountsRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:push?repeatCount=1")
                        .routeId("push-key-accounts")
                        .setBody(constant(List.of("1035", "1441", "2382910")))
                        .to("tamtam:keyAccounts")
                        .log("${header.TamtamNewlyAddedCompanyCount} added, "
                                + "${header.TamtamAlreadyInKeyAccountsCount} already there");
            }
        };
    }
}
// end::application[]
