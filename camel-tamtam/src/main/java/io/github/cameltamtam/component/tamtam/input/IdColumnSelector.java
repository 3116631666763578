package io.github.cameltamtam.component.tamtam.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;

/**
 * Chooses the column holding the LinkedIn company IDs, for CSV header rows and for {@code Map} rows (camel-sql,
 * Salesforce, CSV unmarshalling), by the same rules:
 * <ol>
 * <li>the {@code csvColumn} option, when set, names it;</li>
 * <li>else a column whose name says LinkedIn ({@code LinkedIn Company ID}, {@code linkedin_url},
 * {@code Company LinkedIn ID}, ...) or whose first value is a LinkedIn company URL wins over a generic ID column;</li>
 * <li>else a generic ID column ({@code id}, {@code company_id}, {@code Company ID}).</li>
 * </ol>
 * When two columns remain at the same level, nothing is guessed: the input fails as ambiguous, naming both and
 * suggesting {@code csvColumn}. Names match case-, space-, {@code _}- and {@code -}-insensitively.
 */
public final class IdColumnSelector {

    /** Normalised generic ID column names, used only when no LinkedIn column is present. */
    private static final List<String> GENERIC = List.of("id", "ids", "companyid", "companyids");
    /** Endings that make a column whose name contains "linkedin" an ID or URL column. */
    private static final List<String> LINKEDIN_ENDINGS = List.of("id", "ids", "url", "urls", "link", "page", "profile");

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
        String text = name == null ? "" : CompanyLinkedinIdNormalizer.trim(String.valueOf(name));
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '_' && c != '-' && c != '.' && !CompanyLinkedinIdNormalizer.isBlankChar(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether any of the names is a known ID column (or the csvColumn): the row holding them is a header. */
    public boolean namesAnIdColumn(List<String> names) {
        for (String name : names) {
            String n = normalizeName(name);
            if (csvColumn != null ? n.equals(normalizeName(csvColumn)) : isLinkedinName(n) || GENERIC.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the names says LinkedIn (then the first data row's values are not needed to choose). */
    public boolean namesALinkedinColumn(List<String> names) {
        for (String name : names) {
            if (isLinkedinName(normalizeName(name))) {
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
        List<String> normalized = new ArrayList<>(names.size());
        names.forEach(name -> normalized.add(normalizeName(name)));
        if (csvColumn != null) {
            int index = normalized.indexOf(normalizeName(csvColumn));
            if (index < 0) {
                throw new TamtamInvalidInputException("csvColumn", csvColumn, location,
                        "no such column among " + names);
            }
            return index;
        }
        List<Integer> linkedin = new ArrayList<>();
        List<Integer> generic = new ArrayList<>();
        for (int i = 0; i < normalized.size(); i++) {
            String name = normalized.get(i);
            Object value = firstValues != null && i < firstValues.size() ? firstValues.get(i) : null;
            if (isLinkedinName(name)
                    || value instanceof CharSequence text && CompanyLinkedinIdNormalizer.isLinkedinCompanyUrl(text.toString())) {
                linkedin.add(i);
            } else if (GENERIC.contains(name)) {
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
        return "no column is named as a LinkedIn company ID column among " + names + " (known: a name with LinkedIn and "
               + "ID or URL, e.g. 'LinkedIn Company ID', 'linkedin_url', or else 'company_id' or 'id'): name the ID "
               + "column with the csvColumn option";
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
