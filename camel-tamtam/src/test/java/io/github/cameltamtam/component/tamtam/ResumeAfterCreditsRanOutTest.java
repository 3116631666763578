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
package io.github.cameltamtam.component.tamtam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.Builder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runbook of docs/operations.md, "credits ran out mid-file": the import route writes the IDs not added for lack of
 * credits ({@code TamtamIgnoredCompanyLinkedinIds}, which holds the unsent ones) to a resume file; once the account
 * has credits again, dropping that file into the inbox adds exactly those, and nothing is added twice.
 */
class ResumeAfterCreditsRanOutTest extends TamtamTestSupport {

    @TempDir
    Path dir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("inbox") + "?include=.*\\.csv&move=.done").routeId("import")
                        .to("tamtam:keyAccounts")
                        .filter(header(TamtamConstants.PAYMENT_REQUIRED))
                        .process(e -> {
                            List<?> notAdded = e.getMessage().getHeader(TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS,
                                    List.class);
                            StringBuilder csv = new StringBuilder("company_linkedin_id\n");
                            notAdded.forEach(id -> csv.append(id).append('\n'));
                            e.getMessage().setBody(csv.toString());
                        })
                        .to("file:" + dir.resolve("resume") + "?fileName=${file:onlyname.noext}-resume.csv");
            }
        };
    }

    @Test
    void creditsRunningOutMidFileIsResumedWithOnlyTheIdsNotAdded() throws Exception {
        simulator.demoAccount().setCredits(70);
        List<String> ids = ids(3_000_000, 120);
        Files.createDirectories(dir.resolve("inbox"));
        NotifyBuilder first = fileDone("leads.csv");
        Files.writeString(dir.resolve("inbox/leads.csv"), "company_linkedin_id\n" + String.join("\n", ids) + "\n");

        assertTrue(first.matches(20, TimeUnit.SECONDS), "the file was processed");
        Path resume = dir.resolve("resume/leads-resume.csv");
        List<String> toResume = Files.readAllLines(resume).subList(1, 51);
        Set<String> present = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).keySet();
        assertEquals(70, present.size());
        List<String> notPresent = new ArrayList<>(ids);
        notPresent.removeAll(present);
        assertEquals(new HashSet<>(notPresent), new HashSet<>(toResume),
                "the resume file holds exactly the IDs not added");
        assertEquals(51, Files.readAllLines(resume).size());

        simulator.demoAccount().setCredits(100);
        int requestsBefore = simulator.requests("POST", "/api/v2/key-accounts").size();
        NotifyBuilder second = fileDone("leads-resume.csv");
        Files.move(resume, dir.resolve("inbox/leads-resume.csv"), StandardCopyOption.ATOMIC_MOVE);

        assertTrue(second.matches(20, TimeUnit.SECONDS), "the resume file was processed");
        assertEquals(new HashSet<>(ids), simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).keySet());
        assertEquals(120, simulator.demoAccount().usedCredits(), "each company paid once");
        assertEquals(requestsBefore + 1, simulator.requests("POST", "/api/v2/key-accounts").size(),
                "only the 50 IDs not added are sent again");
        assertFalse(Files.exists(dir.resolve("resume/leads-resume-resume.csv")));
    }

    /** Matches once the import route has completed the exchange of this file (and no other). */
    private NotifyBuilder fileDone(String fileName) {
        return new NotifyBuilder(context).fromRoute("import")
                .filter(Builder.header(Exchange.FILE_NAME).isEqualTo(fileName))
                .whenCompleted(1).create();
    }
}
