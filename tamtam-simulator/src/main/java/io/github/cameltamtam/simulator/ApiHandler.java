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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The TamTam endpoints: routing, authentication, validation and the stateful semantics. */
final class ApiHandler {

    static final String KEY_ACCOUNTS = "/api/v2/key-accounts";
    static final String CREDITS = "/api/v2/credits";
    static final String SEARCH = "/api/v2/companies/search";

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>(),;:\"\\[\\]]+@[^\\s@<>(),;:\"\\[\\]]+");
    private static final Object NO_VALUE = new Object();

    private final Map<String, Account> accounts;

    ApiHandler(Map<String, Account> accounts) {
        this.accounts = accounts;
    }

    Http.Response handle(Http.Request req, JsonBody json) {
        String method = req.method();
        return switch (req.path()) {
            case KEY_ACCOUNTS -> switch (method) {
                case "POST" -> authenticated(req, account -> addKeyAccounts(account, json));
                case "GET" -> authenticated(req, this::listKeyAccounts);
                default -> methodNotAllowed(req, "GET, POST");
            };
            case CREDITS -> method.equals("GET") ? authenticated(req, this::credits) : methodNotAllowed(req, "GET");
            case SEARCH -> method.equals("POST") ? authenticated(req, account -> search(json))
                    : methodNotAllowed(req, "POST");
            default -> Responses.problem(404, "no such endpoint: " + method + " " + req.path(), null);
        };
    }

    private interface Endpoint {
        Http.Response handle(Account account);
    }

    private Http.Response authenticated(Http.Request req, Endpoint endpoint) {
        String key = req.headers().get("authorization");
        if (key == null || key.isEmpty()) {
            return Responses.problem(401, "missing API key: send the raw key in the Authorization header", null);
        }
        Account account = accounts.get(key);
        if (account == null) {
            return Responses.problem(401, "invalid API key", null);
        }
        return endpoint.handle(account);
    }

    private Http.Response methodNotAllowed(Http.Request req, String allow) {
        Http.Response r = Responses.problem(405, "method " + req.method() + " not allowed on " + req.path(), null);
        return r.withHeaders(Map.of("Allow", allow));
    }

    // ---------------------------------------------------------------- POST /v2/key-accounts

    private Http.Response addKeyAccounts(Account account, JsonBody json) {
        if (json.node() == null) {
            return json.error() == null ? Responses.problem(400, "request body is required", null)
                    : Responses.problem(400, "malformed JSON request body: " + json.error(), null);
        }
        JsonNode root = json.node();
        if (!root.isObject()) {
            return validationFailed(List.of(error("body", "expected object", root)));
        }
        List<Map<String, Object>> errors = new ArrayList<>();

        List<String> ids = new ArrayList<>();
        String loc = "body.company_linkedin_ids";
        JsonNode idsNode = root.get("company_linkedin_ids");
        if (idsNode == null) {
            errors.add(error(loc, "expected required property company_linkedin_ids to be present", NO_VALUE));
        } else if (idsNode.isNull()) {
            errors.add(error(loc, "expected array length >= 1", idsNode));
        } else if (!idsNode.isArray()) {
            errors.add(error(loc, "expected array", idsNode));
        } else {
            if (idsNode.isEmpty()) {
                errors.add(error(loc, "expected array length >= 1", idsNode));
            } else if (idsNode.size() > 50) {
                errors.add(error(loc, "expected array length <= 50", idsNode));
            }
            for (int i = 0; i < idsNode.size(); i++) {
                JsonNode e = idsNode.get(i);
                if (!e.isTextual()) {
                    errors.add(error(loc + "[" + i + "]", "expected string", e));
                } else if (!DIGITS.matcher(e.textValue()).matches()) {
                    errors.add(error(loc + "[" + i + "]", "expected string to match pattern ^[0-9]+$", e));
                } else {
                    ids.add(e.textValue());
                }
            }
        }

        String email = null;
        JsonNode emailNode = root.get("user_email");
        if (emailNode == null) {
            errors.add(error("body.user_email", "expected required property user_email to be present", NO_VALUE));
        } else if (!emailNode.isTextual()) {
            errors.add(error("body.user_email", "expected string", emailNode));
        } else if (!EMAIL.matcher(emailNode.textValue()).matches()) {
            errors.add(error("body.user_email", "expected string to be RFC 5322 email", emailNode));
        } else {
            email = emailNode.textValue();
        }

        List<String> tags = null;
        JsonNode tagsNode = root.get("tags");
        if (tagsNode != null && !tagsNode.isNull()) {
            if (!tagsNode.isArray()) {
                errors.add(error("body.tags", "expected array", tagsNode));
            } else {
                tags = new ArrayList<>();
                for (int i = 0; i < tagsNode.size(); i++) {
                    JsonNode t = tagsNode.get(i);
                    if (!t.isTextual()) {
                        errors.add(error("body.tags[" + i + "]", "expected string", t));
                    } else {
                        tags.add(t.textValue());
                    }
                }
            }
        }

        Integer tier = null;
        JsonNode tierNode = root.get("tier_level");
        if (tierNode != null && !tierNode.isNull()) {
            if (!tierNode.isIntegralNumber() || !tierNode.canConvertToInt()) {
                errors.add(error("body.tier_level", "expected integer", tierNode));
            } else if (tierNode.intValue() < 1) {
                errors.add(error("body.tier_level", "expected number >= 1", tierNode));
            } else if (tierNode.intValue() > 3) {
                errors.add(error("body.tier_level", "expected number <= 3", tierNode));
            } else {
                tier = tierNode.intValue();
            }
        }

        if (!errors.isEmpty()) {
            return validationFailed(errors);
        }
        if (!account.hasUser(email)) {
            return Responses.problem(422, "user not found in account",
                    List.of(error("body.user_email", "user not found in account", emailNode)));
        }

        Account.AddResult result = account.addCompanies(email, ids, tags, tier);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("already_in_key_accounts_linkedin_ids", result.alreadyPresent());
        out.put("ignored_company_linkedin_ids", result.ignored());
        out.put("newly_added_company_linkedin_ids", result.newlyAdded());
        out.put("payment_required", result.paymentRequired());
        out.put("tags", tags);
        out.put("tier_level", tier == null ? 1 : tier);
        return Responses.json(200, out);
    }

    // ---------------------------------------------------------------- GET /v2/key-accounts

    private Http.Response listKeyAccounts(Account account) {
        List<Map<String, Object>> companies = new ArrayList<>();
        for (Account.Listed l : account.listing()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("company_linkedin_id", l.companyLinkedinId());
            c.put("tags", l.tags());
            c.put("tier_level", l.tierLevel());
            c.put("user_email", l.userEmail());
            companies.add(c);
        }
        return Responses.json(200, Map.of("companies", companies));
    }

    // ---------------------------------------------------------------- GET /v2/credits

    private Http.Response credits(Account account) {
        List<Map<String, Object>> credits = new ArrayList<>();
        for (Account.CreditLine line : account.creditLines()) {
            credits.add(credit(line.creditType(), line.remaining(), line.total(), line.used()));
        }
        return Responses.json(200, Map.of("credits", credits));
    }

    private static Map<String, Object> credit(String type, int remaining, int total, int used) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("credit_type", type);
        m.put("remaining_credits", remaining);
        m.put("total_credits", total);
        m.put("used_credits", used);
        return m;
    }

    // ---------------------------------------------------------------- POST /v2/companies/search

    private Http.Response search(JsonBody json) {
        if (json.node() == null) {
            return json.error() == null ? Responses.problem(400, "request body is required", null)
                    : Responses.problem(400, "malformed JSON request body: " + json.error(), null);
        }
        JsonNode q = json.node().isObject() ? json.node().get("query") : null;
        if (q == null || !q.isTextual() || q.textValue().isBlank()) {
            return validationFailed(List.of(error("body.query", "expected non-empty string",
                    q == null ? NO_VALUE : q)));
        }
        String query = q.textValue().trim();
        List<Map<String, Object>> companies = new ArrayList<>();
        if (DIGITS.matcher(query).matches()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("company_linkedin_id", query);
            c.put("name", "Company " + query);
            c.put("domain", "company-" + query + ".example");
            c.put("linkedin_url", "https://www.linkedin.com/company/" + query);
            companies.add(c);
        }
        return Responses.json(200, Map.of("companies", companies));
    }

    private static Http.Response validationFailed(List<Map<String, Object>> errors) {
        return Responses.problem(422, "validation failed", errors);
    }

    private static Map<String, Object> error(String location, String message, Object value) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("location", location);
        e.put("message", message);
        if (value != NO_VALUE) {
            e.put("value", value);
        }
        return e;
    }

}
