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
