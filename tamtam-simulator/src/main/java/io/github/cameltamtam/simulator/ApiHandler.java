package io.github.cameltamtam.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The TamTam endpoints: routing, authentication, validation and the stateful semantics. */
final class ApiHandler {

    static final String KEY_ACCOUNTS = "/api/v2/key-accounts";
    static final String CREDITS = "/api/v2/credits";
    static final String SEARCH = "/api/v2/companies/search";

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String TOO_MANY_REQUESTS_BODY = "{\"Message\": \"Too Many Requests\"}";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>(),;:\"\\[\\]]+@[^\\s@<>(),;:\"\\[\\]]+");
    private static final Object NO_VALUE = new Object();

    private final Map<String, Account> accounts;

    ApiHandler(Map<String, Account> accounts) {
        this.accounts = accounts;
    }

    /** A request body parsed once: {@code node} is {@code null} when the body was empty or not JSON. */
    record JsonBody(JsonNode node, String error) {

        static JsonBody parse(byte[] body) {
            if (body.length == 0) {
                return new JsonBody(null, null);
            }
            try {
                return new JsonBody(MAPPER.readTree(body), null);
            } catch (JsonProcessingException e) {
                return new JsonBody(null, e.getOriginalMessage());
            } catch (IOException e) {
                return new JsonBody(null, String.valueOf(e.getMessage()));
            }
        }

        /** @return the textual {@code company_linkedin_ids} of a JSON object body, or {@code null} */
        List<String> companyIds() {
            if (node == null || !node.isObject()) {
                return null;
            }
            JsonNode ids = node.get("company_linkedin_ids");
            if (ids == null || !ids.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>(ids.size());
            ids.forEach(n -> out.add(n.isTextual() ? n.textValue() : n.toString()));
            return out;
        }
    }

    Http.Response handle(Http.Request req, JsonBody json) {
        String method = req.method();
        switch (req.path()) {
            case KEY_ACCOUNTS:
                if (method.equals("POST")) {
                    return authenticated(req, account -> addKeyAccounts(account, json));
                }
                if (method.equals("GET")) {
                    return authenticated(req, this::listKeyAccounts);
                }
                return methodNotAllowed(req, "GET, POST");
            case CREDITS:
                if (method.equals("GET")) {
                    return authenticated(req, this::credits);
                }
                return methodNotAllowed(req, "GET");
            case SEARCH:
                if (method.equals("POST")) {
                    return authenticated(req, account -> search(json));
                }
                return methodNotAllowed(req, "POST");
            default:
                return problem(404, "no such endpoint: " + method + " " + req.path(), null);
        }
    }

    private interface Endpoint {
        Http.Response handle(Account account);
    }

    private Http.Response authenticated(Http.Request req, Endpoint endpoint) {
        String key = req.headers().get("authorization");
        if (key == null || key.isEmpty()) {
            return problem(401, "missing API key: send the raw key in the Authorization header", null);
        }
        Account account = accounts.get(key);
        if (account == null) {
            return problem(401, "invalid API key", null);
        }
        return endpoint.handle(account);
    }

    private Http.Response methodNotAllowed(Http.Request req, String allow) {
        Http.Response r = problem(405, "method " + req.method() + " not allowed on " + req.path(), null);
        return r.withHeaders(Map.of("Allow", allow));
    }

    // ---------------------------------------------------------------- POST /v2/key-accounts

    private Http.Response addKeyAccounts(Account account, JsonBody json) {
        if (json.node() == null) {
            return json.error() == null ? problem(400, "request body is required", null)
                    : problem(400, "malformed JSON request body: " + json.error(), null);
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
            return problem(422, "user not found in account",
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
        return json(200, out);
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
        return json(200, Map.of("companies", companies));
    }

    // ---------------------------------------------------------------- GET /v2/credits

    private Http.Response credits(Account account) {
        List<Map<String, Object>> credits = new ArrayList<>();
        for (Account.CreditLine line : account.creditLines()) {
            credits.add(credit(line.creditType(), line.remaining(), line.total(), line.used()));
        }
        return json(200, Map.of("credits", credits));
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
            return json.error() == null ? problem(400, "request body is required", null)
                    : problem(400, "malformed JSON request body: " + json.error(), null);
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
        return json(200, Map.of("companies", companies));
    }

    // ---------------------------------------------------------------- responses

    static Http.Response json(int status, Object body) {
        return new Http.Response(status, JSON, bytes(body), Map.of());
    }

    static Http.Response problem(int status, String detail, List<Map<String, Object>> errors) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", Http.reason(status));
        p.put("status", status);
        p.put("detail", detail);
        if (errors != null) {
            p.put("errors", errors);
        }
        return new Http.Response(status, PROBLEM_JSON, bytes(p), Map.of());
    }

    static Http.Response tooManyRequests() {
        return new Http.Response(429, JSON, TOO_MANY_REQUESTS_BODY.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The answer of a {@link Fault#status(int)} fault. */
    static Http.Response faultResponse(Fault fault) {
        int status = fault.statusCode();
        Http.Response base;
        if (fault.bodyText() != null) {
            base = new Http.Response(status, fault.contentType(), fault.bodyText().getBytes(StandardCharsets.UTF_8),
                    Map.of());
        } else if (status == 429) {
            base = tooManyRequests();
        } else if (status >= 400) {
            base = problem(status, "injected fault", null);
        } else {
            base = new Http.Response(status, null, new byte[0], Map.of());
        }
        return base.withHeaders(fault.headers());
    }

    /** The answer of a {@link Fault#malformedBody()} fault, given the real answer. */
    static Http.Response malformed(Http.Response real, Fault fault) {
        String contentType = JSON;
        byte[] body;
        if (fault.bodyText() != null) {
            contentType = fault.contentType();
            body = fault.bodyText().getBytes(StandardCharsets.UTF_8);
        } else if (real.body() == null || real.body().length < 2) {
            body = "{\"newly_added_company_linkedin_ids\":[".getBytes(StandardCharsets.UTF_8);
        } else {
            // a proper prefix of a JSON object is never valid JSON
            body = Arrays.copyOf(real.body(), Math.max(1, real.body().length / 2));
        }
        return new Http.Response(200, contentType, body, Map.of()).withHeaders(fault.headers());
    }

    /** The answer of a {@link Fault#endlessBody()} fault: 200, chunked, a JSON array that never closes. */
    static Http.Response endlessBody(Stats stats) {
        byte[] chunk = ("\"1234567890123\"," .repeat(4096)).getBytes(StandardCharsets.US_ASCII);
        byte[] framed = frame(chunk);
        return new Http.Response(200, JSON, null, Map.of("Transfer-Encoding", "chunked"), (in, out) -> {
            out.write(frame("{\"newly_added_company_linkedin_ids\":[".getBytes(StandardCharsets.US_ASCII)));
            while (true) { // until the client closes the connection: the write then fails
                out.write(framed);
                stats.streamed(chunk.length);
            }
        });
    }

    /** The answer of a {@link Fault#stalledBody()} fault: announces 100 000 bytes, sends a few, waits for the client. */
    static Http.Response stalledBody() {
        return new Http.Response(200, JSON, null, Map.of("Content-Length", "100000"), (in, out) -> {
            out.write("{\"newly_added_company_linkedin_ids\":[".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] sink = new byte[1024];
            while (in.read(sink) >= 0) { // until the client closes the connection (or the simulator does)
                // a well-behaved client sends nothing more on this connection
            }
        });
    }

    private static byte[] frame(byte[] data) {
        byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, framed, 0, head.length);
        System.arraycopy(data, 0, framed, head.length, data.length);
        framed[framed.length - 2] = '\r';
        framed[framed.length - 1] = '\n';
        return framed;
    }

    private static Http.Response validationFailed(List<Map<String, Object>> errors) {
        return problem(422, "validation failed", errors);
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

    private static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
