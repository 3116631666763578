package io.github.cameltamtam.docs.main;

// tag::main[]
import org.apache.camel.main.Main;

/** Runs the routes of classpath:routes/ with the configuration of application.properties until stopped. */
public final class KeyAccountsApplication {

    public static void main(String[] args) throws Exception {
        new Main(KeyAccountsApplication.class).run(args);
    }
}
// end::main[]
