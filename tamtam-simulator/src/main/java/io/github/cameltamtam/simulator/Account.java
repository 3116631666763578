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
package io.github.cameltamtam.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A TamTam account of the simulator: one API key, a pool of {@code MaxKeyAccountsUnlocked} credits shared by
 * its users, and per user an ordered Key Accounts list.
 *
 * <p>Thread-safe: every method locks the account, so one API request's batch is applied atomically. User emails
 * are matched case-insensitively.
 */
public final class Account {

    private final String apiKey;
    private final Map<String, User> users = new LinkedHashMap<>();
    /** The other credit lines of {@code GET /v2/credits}: type to {remaining, total}; no endpoint here spends them. */
    private final Map<String, int[]> otherCreditLines = new LinkedHashMap<>();
    private int credits;
    private int usedCredits;
    private long sequence;

    Account(String apiKey, int credits) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        requireCredits(credits);
        this.apiKey = apiKey;
        this.credits = credits;
        otherCreditLines.put("MaxLookalikeSearches", new int[] {100, 100});
        otherCreditLines.put("MaxCompanyExports", new int[] {500, 500});
        otherCreditLines.put("MaxCompanyEnrichments", new int[] {1000, 1000});
        otherCreditLines.put("MaxPeopleEnrichments", new int[] {1000, 1000});
    }

    /** Returns the account's API key (the raw value clients send in {@code Authorization}). */
    public String apiKey() {
        return apiKey;
    }

    /** Returns the remaining {@code MaxKeyAccountsUnlocked} credits. */
    public synchronized int credits() {
        return credits;
    }

    /**
     * Sets the remaining credits (used credits are kept; total = remaining + used).
     *
     * @param credits the new remaining credits, at least 0
     */
    public synchronized void setCredits(int credits) {
        requireCredits(credits);
        this.credits = credits;
    }

    /**
     * Sets one of the credit lines {@code GET /v2/credits} reports besides {@code MaxKeyAccountsUnlocked}
     * ({@code MaxLookalikeSearches}, {@code MaxCompanyExports}, {@code MaxCompanyEnrichments},
     * {@code MaxPeopleEnrichments}, or any other type); used = total - remaining.
     *
     * @param creditType the line's {@code credit_type}; not {@code MaxKeyAccountsUnlocked} (see {@link #setCredits(int)})
     * @param remaining  its remaining credits, 0..total
     * @param total      its total credits
     */
    public synchronized void setCreditLine(String creditType, int remaining, int total) {
        if (creditType == null || creditType.isBlank() || creditType.equals(KEY_ACCOUNTS_CREDIT_TYPE)) {
            throw new IllegalArgumentException("creditType must name another line than " + KEY_ACCOUNTS_CREDIT_TYPE
                    + ": " + creditType);
        }
        if (remaining < 0 || remaining > total) {
            throw new IllegalArgumentException("remaining must be 0.." + total + ": " + remaining);
        }
        otherCreditLines.put(creditType, new int[] {remaining, total});
    }

    /** Returns the credits charged so far by newly added companies. */
    public synchronized int usedCredits() {
        return usedCredits;
    }

    /**
     * Adds a user to the account (no effect if present).
     *
     * @param email the user's email
     */
    public synchronized void addUser(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("email must not be blank");
        }
        users.putIfAbsent(normalize(email), new User(email.trim()));
    }

    /** Returns a snapshot of the users' emails, in the order they were added. */
    public synchronized Set<String> users() {
        Set<String> emails = new LinkedHashSet<>();
        users.values().forEach(u -> emails.add(u.email));
        return Collections.unmodifiableSet(emails);
    }

    /**
     * Returns a snapshot of a user's Key Accounts.
     *
     * @param userEmail the user's email
     * @return LinkedIn ID to entry, in the order the companies were added
     * @throws IllegalArgumentException if the user is not in the account
     */
    public synchronized Map<String, KeyAccount> keyAccounts(String userEmail) {
        User user = user(userEmail);
        Map<String, KeyAccount> copy = new LinkedHashMap<>();
        user.keyAccounts.forEach((id, e) -> copy.put(id, new KeyAccount(id, e.tags, e.tier)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Puts a company into a user's Key Accounts without charging a credit, e.g. to pre-seed "already present".
     * If present, its tags and tier are replaced.
     *
     * @param userEmail  a user of the account
     * @param linkedinId the LinkedIn numeric company ID
     * @param tags       the tags, {@code null} for none
     * @param tier       the tier, 1..3
     * @throws IllegalArgumentException if the user is unknown or an argument is invalid
     */
    public synchronized void addKeyAccount(String userEmail, String linkedinId, List<String> tags, int tier) {
        Objects.requireNonNull(linkedinId, "linkedinId");
        if (tier < 1 || tier > 3) {
            throw new IllegalArgumentException("tier must be 1..3: " + tier);
        }
        User user = user(userEmail);
        List<String> tagCopy = tags == null ? List.of() : List.copyOf(tags);
        Entry existing = user.keyAccounts.get(linkedinId);
        if (existing != null) {
            existing.tags = tagCopy;
            existing.tier = tier;
        } else {
            user.keyAccounts.put(linkedinId, new Entry(tagCopy, tier, ++sequence));
        }
    }

    /** The API key is deliberately left out. */
    @Override
    public synchronized String toString() {
        return "Account[users=" + users() + ", credits=" + credits + ", usedCredits=" + usedCredits + "]";
    }

    // ---------------------------------------------------------------- used by the request handler

    /** The credit type {@code POST /v2/key-accounts} charges. */
    static final String KEY_ACCOUNTS_CREDIT_TYPE = "MaxKeyAccountsUnlocked";

    /** One line of {@code GET /v2/credits}. */
    record CreditLine(String creditType, int remaining, int total, int used) {
    }

    /** Returns every credit line, {@code MaxKeyAccountsUnlocked} first, read atomically. */
    synchronized List<CreditLine> creditLines() {
        List<CreditLine> lines = new ArrayList<>();
        lines.add(new CreditLine(KEY_ACCOUNTS_CREDIT_TYPE, credits, credits + usedCredits, usedCredits));
        otherCreditLines.forEach((type, c) -> lines.add(new CreditLine(type, c[0], c[1], c[1] - c[0])));
        return lines;
    }

    synchronized boolean hasUser(String email) {
        return users.containsKey(normalize(email));
    }

    /** Outcome of one add request. */
    record AddResult(List<String> newlyAdded, List<String> alreadyPresent, List<String> ignored,
            boolean paymentRequired) {
    }

    /**
     * Applies the add semantics of {@code POST /v2/key-accounts} atomically.
     *
     * @param tags {@code null} when the request had none (then new companies get no tags, present ones keep theirs)
     * @param tier {@code null} when the request had none (then new companies get 1, present ones keep theirs)
     */
    synchronized AddResult addCompanies(String userEmail, List<String> ids, List<String> tags, Integer tier) {
        User user = user(userEmail);
        List<String> newly = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> tagCopy = tags == null ? null : List.copyOf(tags);
        for (String id : ids) {
            Entry existing = user.keyAccounts.get(id);
            if (existing != null) {
                already.add(id);
                if (tagCopy != null) {
                    existing.tags = tagCopy;
                }
                if (tier != null) {
                    existing.tier = tier;
                }
            } else if (credits > 0) {
                credits--;
                usedCredits++;
                user.keyAccounts.put(id, new Entry(tagCopy == null ? List.of() : tagCopy,
                        tier == null ? 1 : tier, ++sequence));
                newly.add(id);
            } else {
                ignored.add(id);
            }
        }
        return new AddResult(newly, already, ignored, !ignored.isEmpty());
    }

    /** One row of {@code GET /v2/key-accounts}. */
    record Listed(String companyLinkedinId, List<String> tags, int tierLevel, String userEmail) {
    }

    /** Returns the Key Accounts of all users, deduplicated by company (newest entry wins), newest first. */
    synchronized List<Listed> listing() {
        record Row(long seq, Listed listed) {
        }
        List<Row> rows = new ArrayList<>();
        for (User u : users.values()) {
            u.keyAccounts.forEach((id, e) -> rows.add(new Row(e.seq, new Listed(id, e.tags, e.tier, u.email))));
        }
        rows.sort(Comparator.comparingLong(Row::seq).reversed());
        List<Listed> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (seen.add(r.listed().companyLinkedinId())) {
                out.add(r.listed());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- internals

    private User user(String email) {
        User user = email == null ? null : users.get(normalize(email));
        if (user == null) {
            throw new IllegalArgumentException("no such user in account: " + email);
        }
        return user;
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static void requireCredits(int credits) {
        if (credits < 0) {
            throw new IllegalArgumentException("credits must be >= 0: " + credits);
        }
    }

    private static final class User {
        final String email;
        final Map<String, Entry> keyAccounts = new LinkedHashMap<>();

        User(String email) {
            this.email = email;
        }
    }

    private static final class Entry {
        List<String> tags;
        int tier;
        final long seq;

        Entry(List<String> tags, int tier, long seq) {
            this.tags = tags;
            this.tier = tier;
            this.seq = seq;
        }
    }
}
