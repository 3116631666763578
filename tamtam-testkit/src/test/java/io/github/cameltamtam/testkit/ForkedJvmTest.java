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
package io.github.cameltamtam.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkedJvmTest {

    @TempDir
    Path dir;

    /** A child: prints its arguments and a RESULT line, then either exits or waits for its standard input. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            System.out.println("started " + String.join(",", args) + " env=" + System.getenv("FORKED_JVM_TEST"));
            System.out.println("RESULT ids=3 note=two words");
            System.out.flush();
            if (args.length > 0 && args[0].equals("hang")) {
                System.in.read(); // never returns: the parent does not write to it
            }
            System.exit(args.length > 0 && args[0].equals("fail") ? 3 : 0);
        }
    }

    @Test
    void aChildRunsWithThisClassPathAndItsOutputIsKeptAndWritten() throws Exception {
        Path file = dir.resolve("logs/child.log");
        ForkedJvm.Outcome outcome = ForkedJvm.of(Child.class).args("a", "b").env("FORKED_JVM_TEST", "yes")
                .output(file).run(Duration.ofSeconds(60));

        assertEquals(0, outcome.exitCode());
        assertFalse(outcome.timedOut());
        assertEquals("started a,b env=yes", outcome.lines().get(0));
        assertEquals("3", outcome.results().get(0).get("ids"));
        assertEquals("two words", outcome.results().get(0).get("note"));
        assertEquals(outcome.lines(), Files.readAllLines(file));
    }

    @Test
    void theExitCodeOfAFailingChildIsReported() throws Exception {
        assertEquals(3, ForkedJvm.of(Child.class).args("fail").run(Duration.ofSeconds(60)).exitCode());
    }

    @Test
    void aChildThatDoesNotEndInTimeIsKilled() throws Exception {
        ForkedJvm.Outcome outcome = ForkedJvm.of(Child.class).args("hang").run(Duration.ofSeconds(3));

        assertTrue(outcome.timedOut());
        assertEquals(-1, outcome.exitCode());
    }

    @Test
    void awaitLineSeesTheChildsOutputAndKillEndsItAtOnce() throws Exception {
        try (ForkedJvm child = ForkedJvm.of(Child.class).args("hang").start()) {
            assertEquals("started hang env=null",
                    child.awaitLine(l -> l.startsWith("started"), Duration.ofSeconds(60)));
            assertTrue(child.isAlive());

            child.kill();

            assertFalse(child.isAlive());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> child.awaitLine(l -> l.equals("never"), Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("ended (exit"), e.getMessage());
        }
    }
}
