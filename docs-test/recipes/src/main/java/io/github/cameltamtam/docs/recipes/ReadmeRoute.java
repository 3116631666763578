package io.github.cameltamtam.docs.recipes;

import org.apache.camel.builder.RouteBuilder;

/** The README's and the reference page's route in the Java DSL. */
public class ReadmeRoute extends RouteBuilder {

    @Override
    public void configure() {
        // tag::route[]
        from("file:inbox?include=.*\\.csv&move=.done&moveFailed=.error")
                .to("tamtam:keyAccounts?tags=imported&tierLevel=2")
                .log("${file:name}: added ${header.TamtamNewlyAddedCompanyLinkedinIds}, "
                        + "already there ${header.TamtamAlreadyInKeyAccountsLinkedinIds}, "
                        + "not added for lack of credits ${header.TamtamIgnoredCompanyLinkedinIds}");
        // end::route[]
    }
}
