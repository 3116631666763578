package io.github.cameltamtam.karaf.route;

import org.apache.camel.builder.RouteBuilder;

/**
 * Every {@code *.csv} dropped into the inbox goes to {@code tamtam:keyAccounts} (tagged {@code karaf}); one log line
 * per file tells the outcome of every company ID.
 */
public final class CsvKeyAccountsRoute extends RouteBuilder {

    /** Marker of the route's outcome line in Karaf's log. */
    public static final String OUTCOME = "TAMTAM-KARAF-IT outcome";

    private final String inbox;

    /** @param inbox absolute path of the folder the route reads CSV files from */
    public CsvKeyAccountsRoute(String inbox) {
        this.inbox = inbox;
    }

    @Override
    public void configure() {
        from("file:" + inbox + "?include=.*\\.csv&move=.done")
                .routeId("csv-to-key-accounts")
                .to("tamtam:keyAccounts?tags=karaf")
                .log(OUTCOME + " file=${header.CamelFileName}"
                        + " added=${header.TamtamNewlyAddedCompanyLinkedinIds}"
                        + " already=${header.TamtamAlreadyInKeyAccountsLinkedinIds}"
                        + " ignored=${header.TamtamIgnoredCompanyLinkedinIds}");
    }
}
