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

import java.util.ArrayList;
import java.util.List;

import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;

/**
 * Chooses the column holding the LinkedIn company IDs, for CSV header rows and for {@code Map} rows (camel-sql,
 * Salesforce, CSV unmarshalling), by the same rules:
 * <ol>
 * <li>the {@code csvColumn} option, when set, names it;</li>
 * <li>else a column whose name says LinkedIn ({@code LinkedIn Company ID}, {@code linkedin_url},
 * {@code Company LinkedIn ID}, ...) or whose first value is a LinkedIn company URL or URN wins over a generic ID
 * column;</li>
 * <li>else a generic ID column ({@code id}, {@code company_id}, {@code Company ID}).</li>
 * </ol>
 * When two columns remain at the same level, nothing is guessed: the input fails as ambiguous, naming both and
 * suggesting {@code csvColumn}. Names match case-, space-, {@code _}-, {@code -}- and {@code .}-insensitively, after
 * the CRM decorations described in {@link CrmColumnName} are taken off ({@code LinkedIn_Company_ID__c},
 * {@code Organization - LinkedIn profile}); a column about a person ({@code Person - LinkedIn profile}) is never chosen
 * by these rules.
 */
public final class IdColumnSelector {

    /** Normalised generic ID column names, used only when no LinkedIn column is present. */
    private static final List<String> GENERIC = List.of("id", "ids", "companyid", "companyids");
    /** Endings that make a column whose name contains "linkedin" an ID or URL column. */
    private static final List<String> LINKEDIN_ENDINGS = List.of("id", "ids", "url", "urls", "link", "page", "profile");

    private static final int NONE = 0;
    private static final int GENERIC_ID = 1;
    private static final int LINKEDIN = 2;

    private final String csvColumn;

    /** @param csvColumn the column named by the {@code csvColumn} option, or null */
    public IdColumnSelector(String csvColumn) {
        this.csvColumn = csvColumn == null || CompanyLinkedinIdNormalizer.isBlank(csvColumn)
                ? null : CompanyLinkedinIdNormalizer.trim(csvColumn);
    }

    /** The {@code csvColumn} option, trimmed, or null. */
    public String csvColumn() {
        return csvColumn;
    }

    /** A column name in comparable form: lower case, without spaces, {@code _}, {@code -} or {@code .}. */
    public static String normalizeName(Object name) {
        return CrmColumnName.normalize(name);
    }

    /** Whether any of the names is a known ID column (or the csvColumn): the row holding them is a header. */
    public boolean namesAnIdColumn(List<String> names) {
        for (String name : names) {
            if (csvColumn != null ? normalizeName(name).equals(normalizeName(csvColumn)) : level(name, null) != NONE) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the names says LinkedIn (then the first data row's values are not needed to choose). */
    public boolean namesALinkedinColumn(List<String> names) {
        for (String name : names) {
            if (level(name, null) == LINKEDIN) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index of the ID column.
     *
     * @param  names                       the column names (a header row, or a {@code Map} row's keys)
     * @param  firstValues                 the first data row's values in the same order, or null when not known yet
     * @param  location                    where the names are, for messages ({@code line 1}, {@code index 0})
     * @return                             the index, or -1 when no column is named as an ID column
     * @throws TamtamInvalidInputException when csvColumn names no column, or when two columns are equally good
     */
    public int select(List<String> names, List<?> firstValues, String location) {
        if (csvColumn != null) {
            List<String> normalized = new ArrayList<>(names.size());
            names.forEach(name -> normalized.add(normalizeName(name)));
            int index = normalized.indexOf(normalizeName(csvColumn));
            if (index < 0) {
                throw new TamtamInvalidInputException("csvColumn", csvColumn, location,
                        "no such column among " + names);
            }
            return index;
        }
        List<Integer> linkedin = new ArrayList<>();
        List<Integer> generic = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Object value = firstValues != null && i < firstValues.size() ? firstValues.get(i) : null;
            int level = level(names.get(i), value);
            if (level == LINKEDIN) {
                linkedin.add(i);
            } else if (level == GENERIC_ID) {
                generic.add(i);
            }
        }
        List<Integer> candidates = linkedin.isEmpty() ? generic : linkedin;
        if (candidates.size() > 1) {
            throw new TamtamInvalidInputException("company_linkedin_ids", null, location,
                    "several columns may hold the company IDs (" + quote(names, candidates)
                            + "): nothing is guessed, name the ID column with the csvColumn option, e.g. csvColumn="
                            + names.get(candidates.get(0)));
        }
        return candidates.isEmpty() ? -1 : candidates.get(0);
    }

    /** The reason to give when a row or header names no ID column. */
    public String noIdColumnReason(List<String> names) {
        return "no column is named as a LinkedIn company ID column among " + names
                + " (known: a name with LinkedIn and "
                + "ID, URL or page, e.g. 'LinkedIn Company ID', 'linkedin_url', 'LinkedIn_Company_ID__c', or else "
                + "'company_id' or 'id'): name the ID column with the csvColumn option";
    }

    /**
     * The level of one column: {@link #LINKEDIN} when its name says LinkedIn or its first value is a LinkedIn company
     * URL or URN, {@link #GENERIC_ID} for a generic ID name, else {@link #NONE}; always {@link #NONE} for a column about
     * a person.
     */
    private static int level(String name, Object firstValue) {
        if (CrmColumnName.isAboutAPerson(name)) {
            return NONE;
        }
        if (isLinkedinName(CrmColumnName.companyStem(name)) || (firstValue instanceof CharSequence text
                && CompanyLinkedinIdNormalizer.isLinkedinCompanyReference(text.toString()))) {
            return LINKEDIN;
        }
        return GENERIC.contains(CrmColumnName.stem(name)) ? GENERIC_ID : NONE;
    }

    private static boolean isLinkedinName(String normalized) {
        if (!normalized.contains("linkedin")) {
            return false;
        }
        if (normalized.equals("linkedin")) {
            return true;
        }
        for (String ending : LINKEDIN_ENDINGS) {
            if (normalized.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static String quote(List<String> names, List<Integer> indexes) {
        List<String> quoted = new ArrayList<>();
        for (int i : indexes) {
            quoted.add("'" + names.get(i) + "'");
        }
        return String.join(" and ", quoted);
    }
}
