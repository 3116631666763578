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
package io.github.cameltamtam.component.tamtam.input;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the elements of one input — IDs as text, numbers, and rows ({@code Map}) — into its collector. The ID column of
 * the rows is chosen on the first row by {@link IdColumnSelector} and read from every row, so one instance serves one
 * input only.
 */
final class ElementReader {

    private final IdColumnSelector columns;
    private final CompanyIdCollector collector;
    /** The ID column of the rows, normalised, once chosen on the first row. */
    private String column;
    private String columnName;

    ElementReader(IdColumnSelector columns, CompanyIdCollector collector) {
        this.columns = columns;
        this.collector = collector;
    }

    CompanyIdCollector collector() {
        return collector;
    }

    /** One element of a list: text, a number, a row or null; anything else is rejected. */
    void add(Object element, String location) {
        if (element instanceof CharSequence text) {
            collector.add(text.toString(), location);
        } else if (element instanceof Number number) {
            addNumber(number, location);
        } else if (element instanceof Map<?, ?> row) {
            addRow(row, location);
        } else if (element == null) {
            collector.add(null, location);
        } else {
            collector.reject(String.valueOf(element), location,
                    "unsupported element type " + element.getClass().getName() + " (expected String or Number)");
        }
    }

    /**
     * A whole positive number. Its size is checked before any conversion, so a huge exponent ({@code 1e100000000}) or a
     * huge BigInteger is rejected at once instead of being expanded digit by digit.
     */
    void addNumber(Number number, String location) {
        String text;
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            text = number.toString();
        } else if (number instanceof BigInteger big) {
            if (big.bitLength() > 64) {
                collector.reject(describe(big), location,
                        "a LinkedIn company ID has at most " + CompanyLinkedinIdNormalizer.MAX_DIGITS + " digits");
                return;
            }
            text = big.toString();
        } else {
            BigDecimal decimal;
            try {
                decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
            } catch (NumberFormatException e) {
                collector.reject(number.toString(), location, "a LinkedIn company ID is a whole positive number");
                return;
            }
            long integerDigits = (long) decimal.precision() - decimal.scale();
            if (integerDigits > CompanyLinkedinIdNormalizer.MAX_DIGITS) {
                collector.reject(describe(decimal), location,
                        "a LinkedIn company ID has at most " + CompanyLinkedinIdNormalizer.MAX_DIGITS + " digits");
                return;
            }
            if (decimal.signum() < 0 || decimal.stripTrailingZeros().scale() > 0) {
                collector.reject(number.toString(), location, "a LinkedIn company ID is a whole positive number");
                return;
            }
            text = decimal.toBigInteger().toString();
        }
        collector.add(text, location);
    }

    /**
     * A row: its ID column is chosen on the first row (a LinkedIn column, by name or by its LinkedIn URL or URN value,
     * wins over {@code id}/{@code company_id}) and read from every row. Nested objects are never looked into.
     */
    void addRow(Map<?, ?> row, String location) {
        Map<String, Object> byName = new HashMap<>();
        List<String> names = new ArrayList<>(row.size());
        List<Object> values = new ArrayList<>(row.size());
        for (Map.Entry<?, ?> entry : row.entrySet()) {
            String name = IdColumnSelector.normalizeName(entry.getKey());
            if (!byName.containsKey(name)) {
                byName.put(name, entry.getValue());
                names.add(String.valueOf(entry.getKey()));
                values.add(entry.getValue());
            }
        }
        if (column == null) {
            int index = columns.select(names, values, location);
            if (index < 0) {
                collector.reject(String.valueOf(row.keySet()), location,
                        columns.noIdColumnReason(names) + nestedHint(values));
                return;
            }
            column = IdColumnSelector.normalizeName(names.get(index));
            columnName = names.get(index);
        }
        if (!byName.containsKey(column)) {
            collector.reject(String.valueOf(row.keySet()), location,
                    "a row needs the ID column '" + columnName + "' (chosen on the first row)");
            return;
        }
        Object value = byName.get(column);
        if (value instanceof Number number) {
            addNumber(number, location);
        } else {
            collector.add(value == null ? null : value.toString(), location);
        }
    }

    /** A hint for a row holding objects or lists: their content is not looked into. */
    private static String nestedHint(List<Object> values) {
        for (Object value : values) {
            if (value instanceof Map<?, ?> || value instanceof Collection<?>
                    || (value != null && value.getClass().isArray())) {
                return "; nested objects and lists are not looked into: select the rows or IDs with jsonpath or split "
                        + "first";
            }
        }
        return "";
    }

    /** A short text for a number that may be far too long to print. */
    private static String describe(Number number) {
        String text = number instanceof BigInteger big && big.bitLength() > 4096
                ? "a " + big.bitLength() + "-bit integer" : number.toString();
        return text.length() > 64 ? text.substring(0, 60) + "..." : text;
    }
}
