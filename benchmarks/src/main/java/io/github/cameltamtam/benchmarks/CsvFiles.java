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
package io.github.cameltamtam.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CSV inputs of the memory scenario: a header and one company per row, with several columns besides the ID. */
final class CsvFiles {

    static final String HEADER = "company_linkedin_id,name,domain,country,industry,employees,description";

    private CsvFiles() {
    }

    private static final String FILLER =
            " Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor"
                    + " incididunt ut labore et dolore magna aliqua.";

    /**
     * Writes {@code rows} rows of distinct IDs from {@code firstId}: about 150 bytes a row, or about 1 KiB when
     * {@code wide} (a longer description).
     */
    static Path write(Path file, int rows, long firstId, boolean wide) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (int r = 0; r < rows; r++) {
                out.write(String.valueOf(firstId + r));
                out.write(",\"Company ");
                out.write(String.valueOf(r));
                out.write(", Inc.\",company");
                out.write(String.valueOf(r));
                out.write(".example.com,DE,\"Software, B2B\",");
                out.write(String.valueOf(10 + r % 5000));
                out.write(",\"Makes things for other companies; founded ");
                out.write(String.valueOf(1950 + r % 70));
                out.write(", offices in three countries.");
                if (wide) {
                    for (int i = 0; i < 7; i++) {
                        out.write(FILLER);
                    }
                }
                out.write("\"\n");
            }
        }
        return file;
    }
}
