package com.loyalty.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.HandBuiltEconomy;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.WhoMayCall;
import com.loyalty.support.Till;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends every root Query and Mutation field boundary inputs, generated from the schema: for each
 * argument leaf (recursing into input objects and lists) a baseline value that is valid or nearly
 * so (real ids of this test's stores, members, coupons...), then one leaf at a time replaced by
 * null, empty and blank text, control characters, RTL overrides, long and 1 MB text, zero,
 * negative and huge numbers, impossible and far dates, non-numeric, unknown and overflowing ids,
 * and ids of another store, member or brand; lists empty, doubled and very long. Each request
 * goes as anonymous, member, clerk, manager, marketer and admin (every variant for the roles the
 * field is for, see {@code security/who-may-call.txt}; the baseline for the others).
 *
 * <p>Every answer must be a clear one: no HTTP 5xx, no INTERNAL_ERROR, and every GraphQL error
 * has a message that is not Java or SQL text. The money, points and coupon invariants of
 * {@link IntegrationTest} are checked after the sweep as after every test.
 */
class BoundaryInputsTest extends IntegrationTest {

    /** Who calls. */
    enum Role { ANONYMOUS, MEMBER, CLERK, STORE_MANAGER, MARKETER, ADMIN }

    /** Fields run after all others, in this order: they may end sessions or remove what others use. */
    private static final List<String> LAST = List.of("deleteSavedMemberFilter", "deleteTag", "closeStore", "reopenStore", "moveStaff",
            "updateStaff", "resetStaffPassword", "setStaffEnabled", "changeMyPassword", "logout", "refreshSession",
            "closeAccount", "endMySessions");

    /** Jobs change every brand's data: only this one, for a day long past, is swept (as in AuthorizationMatrixTest). */
    private static final String SAFE_JOB = "POINTS_EXPIRY";

    /** Text a GraphQL error must not carry: Java or SQL internals. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|java\\.|javax\\.|org\\.springframework|io\\.r2dbc|com\\.loyalty|SQLState|duplicate key|"
                    + "violates|\\bnull\\b.*\\bnull\\b|NullPointer|Cannot invoke|at [a-z]+\\.[a-z]+\\.|R2dbc");

    private static final String FRESH = "@@fresh@@";
    private static final String FRESH_CODE = "@@member-code@@";
    /** The proof of a scan of the sweep's member by the calling staff member, new for each request. */
    private static final String FRESH_PROOF = "@@till-proof@@";
    private static final String HUGE = "界".repeat(350_000); // 1 MB of UTF-8 text, past the body limit
    private static final String LONG = "长".repeat(10_000);  // long, but within the body limit

    /** What a variant does to its leaf. */
    enum Kind {
        BASELINE, NULL, EMPTY, BLANK, NUL, CONTROL, RTL, LONG_TEXT, HUGE_TEXT, ZERO, NEGATIVE, MAX, MIN,
        INT_OVERFLOW, LONG_OVERFLOW, FLOAT_EXTREME, FALSE, ENUM, IMPOSSIBLE_DATE, NOT_A_DATE, FAR_DATE, UNSTORABLE_DATE,
        ID_EMPTY, ID_NOT_NUMERIC, ID_UNKNOWN, ID_OVERFLOW, ID_FOREIGN, LIST_EMPTY, LIST_DOUBLED, LIST_LONG, OBJECT_EMPTY
    }

    /** Variants sent as the roles a field admits besides its primary ones. */
    private static final Set<Kind> LIGHT = EnumSet.of(Kind.NULL, Kind.ZERO, Kind.NEGATIVE, Kind.ID_UNKNOWN,
            Kind.ID_FOREIGN, Kind.LIST_EMPTY);

    record Variant(Kind kind, String label, Object value) {
    }

    /** One argument position: the path from the arguments map, and the declared type there. */
    record Leaf(List<Object> path, GraphQLInputType type, List<GraphQLInputType> parents) {

        String name() {
            for (int i = path.size() - 1; i >= 0; i--) {
                if (path.get(i) instanceof String s) {
                    return s;
                }
            }
            return "";
        }

        String label() {
            return path.stream().map(p -> p instanceof Integer ? "[" + p + "]" : "." + p)
                    .collect(Collectors.joining()).substring(1).replace(".[", "[");
        }
    }

    /** Kinds of ids, by argument name. */
    enum IdKind { STORE, MEMBER, TEMPLATE, PACK, CAMPAIGN, TAG, STAFF, TASK, APPROVAL, PACKAGE, RECHARGE, COUPON, SAVED_FILTER }

    @Autowired
    GraphQlSource graphQl;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brand;
    @Autowired
    JsonMapper json;

    private WebTestClient client;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final Map<IdKind, String> own = new EnumMap<>(IdKind.class);
    private final Map<IdKind, List<String>> foreign = new EnumMap<>(IdKind.class);
    /** Extra variants of named leaves (e.g. another member's recharge order). */
    private final Map<String, List<String>> foreignText = new HashMap<>();
    /** Which of the foreign ids belong to the other brand (the rest: to store B of this brand). */
    private final Map<IdKind, Set<String>> otherBrand = new EnumMap<>(IdKind.class);
    private final Map<String, Map<String, Object>> baselines = new HashMap<>();
    private String memberName;
    private String orderA;
    private String ownOutTradeNo;
    private String ownCodeToken;
    private final List<String> tillMembers = new ArrayList<>();
    private int codes;

    private int sent;
    private final Map<String, Integer> outcomes = new java.util.TreeMap<>();
    private final List<String> baselineMisses = new ArrayList<>();
    /** Every request and its outcome, written to target/boundary-sweep.txt for reading. */
    private final List<String> journal = new ArrayList<>();
    private final Map<String, long[]> timings = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyRootFieldAnswersBoundaryInputsWithoutInternalError() throws IOException {
        long started = System.nanoTime();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(PATIENCE)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
        Map<String, Set<Role>> rules = WhoMayCall.rules(Role.class);
        List<Map<String, Object>> automationRules = db.sql("select * from automation_rule where brand_id = 1")
                .fetch().all().collectList().block();
        try {
            setUp();
            GraphQLSchema schema = graphQl.schema();
            List<GraphQLFieldDefinition> fields = new ArrayList<>();
            fields.addAll(schema.getQueryType().getFieldDefinitions());
            fields.addAll(schema.getMutationType().getFieldDefinitions());
            fields.sort((a, b) -> Integer.compare(LAST.indexOf(a.getName()), LAST.indexOf(b.getName())));
            Set<Role> rolesUsed = new TreeSet<>();
            boolean checkedSessions = false;
            for (GraphQLFieldDefinition field : fields) {
                if (!checkedSessions && LAST.contains(field.getName())) {
                    // until here no request may have ended the sweep's own sign-ins: a dead one would make
                    // every later answer for that role an UNAUTHENTICATED that proves nothing
                    sessionsStillLive();
                    checkedSessions = true;
                }
                boolean mutation = schema.getMutationType().getFieldDefinition(field.getName()) == field;
                Set<Role> admitted = rules.getOrDefault((mutation ? "Mutation." : "Query.") + field.getName(),
                        EnumSet.noneOf(Role.class));
                long fieldStarted = System.nanoTime();
                int before = sent;
                sweep(schema, field, mutation, admitted, rolesUsed);
                timings.put(field.getName(), new long[] {sent - before, (System.nanoTime() - fieldStarted) / 1_000_000});
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Boundary sweep: %d requests, %d root fields (%d queries, %d mutations), roles %s, "
                            + "%d failures, %.1f s%n", sent, fields.size(),
                    schema.getQueryType().getFieldDefinitions().size(),
                    schema.getMutationType().getFieldDefinitions().size(), rolesUsed, failures.size(), seconds);
            System.out.println("Answers: " + outcomes);
            java.nio.file.Files.write(java.nio.file.Path.of("target", "boundary-sweep.txt"), journal);
            System.out.println("Baselines that did not go through (expected for roles a field refuses):\n  "
                    + String.join("\n  ", baselineMisses));
            System.out.println("Slowest fields (requests, ms): " + timings.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(12)
                    .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1])
                    .collect(Collectors.joining(", ")));
            assertThat(failures).as("answers to boundary inputs that were not clear errors (%d of %d requests)",
                    failures.size(), sent).isEmpty();
        } finally {
            restoreAutomationRules(automationRules);
        }
    }

    // ---------------------------------------------------------------- the sweep

    private void sweep(GraphQLSchema schema, GraphQLFieldDefinition field, boolean mutation, Set<Role> admitted,
                       Set<Role> rolesUsed) {
        List<Leaf> leaves = new ArrayList<>();
        for (var arg : field.getArguments()) {
            walk(List.of(arg.getName()), arg.getType(), List.of(), leaves, 0);
        }
        Map<String, Object> baseline = baseline(field);
        String selection = selection(GraphQLTypeUtil.unwrapAll(field.getType()), 0);
        Set<Role> primary = primary(admitted);
        for (Role role : Role.values()) {
            rolesUsed.add(role);
            send(field, mutation, role, "baseline", Kind.BASELINE, null, baseline, selection);
            if (!admitted.contains(role)) {
                continue;
            }
            for (Leaf leaf : leaves) {
                for (Variant variant : variants(field, leaf)) {
                    if (!primary.contains(role) && !LIGHT.contains(variant.kind())) {
                        continue;
                    }
                    Map<String, Object> args = deepCopy(baseline);
                    set(field, args, leaf, deepCopy(variant.value()));
                    send(field, mutation, role, leaf.label() + " = " + variant.label(), variant.kind(), leaf, args,
                            selection);
                }
            }
        }
        if (Boolean.getBoolean("sweep.deep")) {
            deep(field, mutation, leaves, baseline, selection, primary);
        }
    }

    /**
     * With -Dsweep.deep=true (by hand, not in the suite: it takes several minutes): every value of
     * every enum leaf becomes a baseline of its own, and every other leaf's non-text variants are sent
     * on it, as the field's primary roles.
     */
    private void deep(GraphQLFieldDefinition field, boolean mutation, List<Leaf> leaves, Map<String, Object> baseline,
                      String selection, Set<Role> primary) {
        Set<Kind> text = EnumSet.of(Kind.NUL, Kind.CONTROL, Kind.RTL, Kind.LONG_TEXT, Kind.HUGE_TEXT, Kind.BLANK,
                Kind.EMPTY, Kind.LIST_LONG);
        for (Leaf enumLeaf : leaves) {
            if (!(GraphQLTypeUtil.unwrapNonNull(enumLeaf.type()) instanceof GraphQLEnumType e)
                    || field.getName().equals("runJob")) {
                continue;
            }
            for (GraphQLEnumValueDefinition value : e.getValues()) {
                Map<String, Object> rebased = deepCopy(baseline);
                set(field, rebased, enumLeaf, value.getName());
                for (Role role : primary) {
                    send(field, mutation, role, enumLeaf.label() + "=" + value.getName(), Kind.ENUM, enumLeaf,
                            rebased, selection);
                    for (Leaf leaf : leaves) {
                        if (leaf.equals(enumLeaf)) {
                            continue;
                        }
                        for (Variant variant : variants(field, leaf)) {
                            if (text.contains(variant.kind())) {
                                continue;
                            }
                            Map<String, Object> args = deepCopy(rebased);
                            set(field, args, leaf, deepCopy(variant.value()));
                            send(field, mutation, role, enumLeaf.label() + "=" + value.getName() + ", "
                                    + leaf.label() + " = " + variant.label(), variant.kind(), leaf, args, selection);
                        }
                    }
                }
            }
        }
    }

    /** The roles that get every variant: the admin (if admitted) and the role the field is most for. */
    private static Set<Role> primary(Set<Role> admitted) {
        Set<Role> primary = EnumSet.noneOf(Role.class);
        if (admitted.contains(Role.ADMIN)) {
            primary.add(Role.ADMIN);
        }
        for (Role role : List.of(Role.ANONYMOUS, Role.MEMBER, Role.STORE_MANAGER, Role.CLERK, Role.MARKETER)) {
            if (admitted.contains(role)) {
                primary.add(role);
                break;
            }
        }
        if (primary.isEmpty()) {
            primary.addAll(admitted);
        }
        return primary;
    }

    private void walk(List<Object> path, GraphQLInputType type, List<GraphQLInputType> parents, List<Leaf> leaves,
                      int depth) {
        leaves.add(new Leaf(path, type, parents));
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        List<GraphQLInputType> inside = new ArrayList<>(parents);
        inside.add(type);
        if (bare instanceof GraphQLList list && depth < 4) {
            walk(append(path, 0), (GraphQLInputType) list.getWrappedType(), inside, leaves, depth + 1);
        } else if (bare instanceof GraphQLInputObjectType object && depth < 4) {
            for (GraphQLInputObjectField f : object.getFieldDefinitions()) {
                walk(append(path, f.getName()), f.getType(), inside, leaves, depth + 1);
            }
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    private List<Variant> variants(GraphQLFieldDefinition field, Leaf leaf) {
        List<Variant> variants = new ArrayList<>();
        GraphQLInputType type = leaf.type();
        boolean nullable = !GraphQLTypeUtil.isNonNull(type);
        variants.add(new Variant(Kind.NULL, "null", null));
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        String name = leaf.name();
        if (field.getName().equals("runJob") && name.equals("asOf")) {
            // null means today, a run of the job for real: only the invalid and far dates
            variants.removeIf(v -> v.kind() == Kind.NULL);
        }
        if (bare instanceof GraphQLList) {
            variants.add(new Variant(Kind.LIST_EMPTY, "[]", List.of()));
            Object one = baselineValue(field, leaf.path(), (GraphQLInputType) ((GraphQLList) bare).getWrappedType());
            variants.add(new Variant(Kind.LIST_DOUBLED, "[x, x]", List.of(one, one)));
            boolean objects = GraphQLTypeUtil.unwrapAll(bare) instanceof GraphQLInputObjectType;
            variants.add(new Variant(Kind.LIST_LONG, objects ? "300 elements" : "1000 elements",
                    Collections.nCopies(objects ? 300 : 1000, one)));
        } else if (bare instanceof GraphQLInputObjectType) {
            variants.add(new Variant(Kind.OBJECT_EMPTY, "{}", Map.of()));
        } else if (bare instanceof GraphQLEnumType e) {
            if (!field.getName().equals("runJob")) {
                for (GraphQLEnumValueDefinition value : e.getValues().subList(1, e.getValues().size())) {
                    variants.add(new Variant(Kind.ENUM, value.getName(), value.getName()));
                }
            }
        } else if (bare instanceof GraphQLScalarType scalar) {
            switch (scalar.getName()) {
                case "String" -> {
                    variants.add(new Variant(Kind.EMPTY, "\"\"", ""));
                    variants.add(new Variant(Kind.BLANK, "blank", "   "));
                    variants.add(new Variant(Kind.NUL, "NUL", "a\u0000b"));
                    variants.add(new Variant(Kind.CONTROL, "BEL/ESC", "a\u0007b\u001b[2Jc"));
                    variants.add(new Variant(Kind.RTL, "RTL override", "\u202eabc\u202c"));
                    variants.add(new Variant(Kind.LONG_TEXT, "10 000 chars", LONG));
                    variants.add(new Variant(Kind.HUGE_TEXT, "1 MB", HUGE));
                    for (String other : foreignText.getOrDefault(name, List.of())) {
                        variants.add(new Variant(Kind.ID_FOREIGN, "another member's", other));
                    }
                }
                case "Int" -> {
                    variants.add(new Variant(Kind.ZERO, "0", 0));
                    variants.add(new Variant(Kind.NEGATIVE, "-1", -1));
                    variants.add(new Variant(Kind.MAX, "2147483647", Integer.MAX_VALUE));
                    variants.add(new Variant(Kind.MIN, "-2147483648", Integer.MIN_VALUE));
                    variants.add(new Variant(Kind.INT_OVERFLOW, "2147483648", 2_147_483_648L));
                }
                case "Long" -> {
                    variants.add(new Variant(Kind.ZERO, "0", 0));
                    variants.add(new Variant(Kind.NEGATIVE, "-1", -1));
                    variants.add(new Variant(Kind.MAX, "9223372036854775807", Long.MAX_VALUE));
                    variants.add(new Variant(Kind.MIN, "-9223372036854775808", Long.MIN_VALUE));
                    variants.add(new Variant(Kind.LONG_OVERFLOW, "99999999999999999999",
                            new BigInteger("99999999999999999999")));
                    variants.add(new Variant(Kind.LONG_OVERFLOW, "\"99999999999999999999\"", "99999999999999999999"));
                }
                case "Float" -> {
                    variants.add(new Variant(Kind.ZERO, "0", 0.0));
                    variants.add(new Variant(Kind.NEGATIVE, "-1", -1.0));
                    variants.add(new Variant(Kind.FLOAT_EXTREME, "1e308", 1e308));
                    variants.add(new Variant(Kind.FLOAT_EXTREME, "1e-300", 1e-300));
                }
                case "Boolean" -> variants.add(new Variant(Kind.FALSE, "false", false));
                case "Date" -> {
                    variants.add(new Variant(Kind.IMPOSSIBLE_DATE, "2026-02-30", "2026-02-30"));
                    variants.add(new Variant(Kind.IMPOSSIBLE_DATE, "2026-13-01", "2026-13-01"));
                    variants.add(new Variant(Kind.NOT_A_DATE, "\"abc\"", "abc"));
                    variants.add(new Variant(Kind.NOT_A_DATE, "\"\"", ""));
                    variants.add(new Variant(Kind.FAR_DATE, "0001-01-01", "0001-01-01"));
                    variants.add(new Variant(Kind.FAR_DATE, "9999-12-31", "9999-12-31"));
                }
                case "DateTime" -> {
                    variants.add(new Variant(Kind.IMPOSSIBLE_DATE, "2026-02-30T10:00+08:00", "2026-02-30T10:00:00+08:00"));
                    variants.add(new Variant(Kind.NOT_A_DATE, "no offset", "2026-01-01T10:00:00"));
                    variants.add(new Variant(Kind.NOT_A_DATE, "\"abc\"", "abc"));
                    variants.add(new Variant(Kind.FAR_DATE, "0001-01-01T00:00Z", "0001-01-01T00:00:00Z"));
                    variants.add(new Variant(Kind.FAR_DATE, "9999-12-31T23:59Z", "9999-12-31T23:59:59Z"));
                    // a valid ISO instant that PostgreSQL cannot store (its timestamps end in the year 294276)
                    variants.add(new Variant(Kind.UNSTORABLE_DATE, "+999999999 year", "+999999999-12-31T23:59:59Z"));
                }
                case "ID" -> {
                    variants.add(new Variant(Kind.ID_EMPTY, "\"\"", ""));
                    variants.add(new Variant(Kind.ID_NOT_NUMERIC, "\"abc\"", "abc"));
                    variants.add(new Variant(Kind.ID_UNKNOWN, "0", "0"));
                    variants.add(new Variant(Kind.ID_UNKNOWN, "-1", "-1"));
                    variants.add(new Variant(Kind.ID_UNKNOWN, "999999999", "999999999"));
                    variants.add(new Variant(Kind.ID_OVERFLOW, "99999999999999999999", "99999999999999999999"));
                    IdKind kind = idKind(field.getName(), name);
                    if (kind != null) {
                        for (String other : foreign.getOrDefault(kind, List.of())) {
                            variants.add(new Variant(Kind.ID_FOREIGN, (otherBrand.getOrDefault(kind, Set.of()).contains(other) ? "another brand's "
                                    : "another store's ") + kind.name().toLowerCase() + " " + other, other));
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (!nullable) {
            // null for a non-null position is refused by GraphQL validation: once is enough (the baseline role)
            variants.removeIf(v -> v.kind() == Kind.NULL && leaf.path().size() > 1);
        }
        return variants;
    }

    // ---------------------------------------------------------------- requests and checks

    private void send(GraphQLFieldDefinition field, boolean mutation, Role role, String variant, Kind kind, Leaf leaf,
                      Map<String, Object> args, String selection) {
        Map<String, Object> variables = fresh(args, role);
        String declarations = field.getArguments().stream().filter(a -> variables.containsKey(a.getName()))
                .map(a -> "$" + a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType()))
                .collect(Collectors.joining(", "));
        String call = field.getArguments().stream().filter(a -> variables.containsKey(a.getName()))
                .map(a -> a.getName() + ": $" + a.getName()).collect(Collectors.joining(", "));
        String document = (mutation ? "mutation" : "query") + " Sweep" + (declarations.isEmpty() ? "" : "(" + declarations + ")")
                + " { " + field.getName() + (call.isEmpty() ? "" : "(" + call + ")")
                + (selection.isEmpty() ? "" : " " + selection) + " }";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        String token = token(field, role);
        var request = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        sent++;
        EntityExchangeResult<byte[]> result;
        try {
            result = request.bodyValue(json.writeValueAsBytes(body)).exchange().expectBody(byte[].class).returnResult();
        } catch (RuntimeException | AssertionError e) {
            note(field, role, variant, kind, leaf, "no answer: " + e);
            return;
        }
        int status = result.getStatus().value();
        byte[] raw = result.getResponseBody();
        String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        if (status >= 500) {
            note(field, role, variant, kind, leaf, "HTTP " + status + " " + shorten(text));
            return;
        }
        if (status == 413) {
            return; // the body limit: a clear refusal
        }
        Map<?, ?> answer;
        try {
            answer = json.readValue(raw, Map.class);
        } catch (RuntimeException e) {
            note(field, role, variant, kind, leaf, "HTTP " + status + ", not a GraphQL answer: " + shorten(text));
            return;
        }
        Object errors = answer.get("errors");
        String outcome = outcome(field, answer);
        outcomes.merge(outcome.replaceAll(":.*", ""), 1, Integer::sum);
        journal.add(field.getName() + " | " + role + " | " + variant + " | " + outcome
                + (outcome.equals("data") ? " | " + shorten(String.valueOf(answer.get("data"))) : ""));
        if (kind == Kind.BASELINE && !outcome.equals("data") && !outcome.startsWith("FORBIDDEN")
                && !outcome.startsWith("UNAUTHENTICATED")) {
            baselineMisses.add(field.getName() + " as " + role + ": " + outcome);
        }
        if (errors instanceof List<?> list) {
            for (Object e : list) {
                Map<?, ?> error = (Map<?, ?>) e;
                Object message = error.get("message");
                Object extensions = error.get("extensions");
                Object classification = extensions instanceof Map<?, ?> ext ? ext.get("classification") : null;
                String problem = null;
                if ("INTERNAL_ERROR".equals(classification)) {
                    problem = "INTERNAL_ERROR";
                } else if (!(message instanceof String m) || m.isBlank() || m.strip().equals("null")) {
                    problem = "an error without a message";
                } else if (LEAK.matcher(m).find()) {
                    problem = "an error message with Java/SQL text";
                }
                if (problem != null) {
                    note(field, role, variant, kind, leaf, problem + ": " + shorten(String.valueOf(e)));
                    return;
                }
            }
        }
    }

    /** data, userErrors:CODE, or the first error's classification (and code). */
    private static String outcome(GraphQLFieldDefinition field, Map<?, ?> answer) {
        if (answer.get("errors") instanceof List<?> list && !list.isEmpty()) {
            Map<?, ?> error = (Map<?, ?>) list.get(0);
            Map<?, ?> ext = error.get("extensions") instanceof Map<?, ?> m ? m : Map.of();
            return String.valueOf(ext.get("classification")) + (ext.get("code") != null ? ":" + ext.get("code") : "");
        }
        if (answer.get("data") instanceof Map<?, ?> data && data.get(field.getName()) instanceof Map<?, ?> payload
                && payload.get("userErrors") instanceof List<?> userErrors && !userErrors.isEmpty()) {
            return "userErrors:" + ((Map<?, ?>) userErrors.get(0)).get("code");
        }
        return "data";
    }

    private void note(GraphQLFieldDefinition field, Role role, String variant, Kind kind, Leaf leaf, String what) {
        failures.add(field.getName() + " as " + role + " with " + variant + ": " + what);
    }

    private static String shorten(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
    }

    /** The role's token; closeAccount signs in a new member each time, so the sweep's member stays. */
    private String token(GraphQLFieldDefinition field, Role role) {
        if (role == Role.MEMBER && field.getName().equals("closeAccount")) {
            return (String) login(unique("closing")).get("accessToken");
        }
        return tokens.get(role);
    }

    /** Fills the placeholders: a new unique text, a new member code of the sweep's member. */
    @SuppressWarnings("unchecked")
    private Object freshValue(Object value, Role role) {
        if (value instanceof String s) {
            if (s.equals(FRESH_CODE)) {
                // members at the till in turn: each may recharge only so often (WALLET_OPERATION)
                return memberCode(tillMembers.get(Math.floorMod(codes++, tillMembers.size())));
            }
            if (s.equals(FRESH_PROOF)) {
                return tillProof(tokens.get(role));
            }
            return s.contains(FRESH) ? s.replace(FRESH, UUID.randomUUID().toString().substring(0, 8)) : s;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, freshValue(v, role)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object v : list) {
                copy.add(freshValue(v, role));
            }
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fresh(Map<String, Object> args, Role role) {
        return (Map<String, Object>) freshValue(args, role);
    }

    private void sessionsStillLive() {
        for (Role role : Role.values()) {
            if (tokens.get(role) == null) {
                continue;
            }
            String query = role == Role.MEMBER ? "{ me { id } }" : "{ currentStaff { id } }";
            Map<?, ?> answer = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + tokens.get(role))
                    .bodyValue(json.writeValueAsBytes(Map.of("query", query))).exchange()
                    .expectBody(Map.class).returnResult().getResponseBody();
            if (answer == null || answer.get("errors") != null) {
                failures.add("the sweep's " + role + " session ended before the session-ending fields: " + answer);
            }
        }
    }

    /** The staff member scans the sweep's member: the proof that lets one order spend; "x" when refused. */
    private String tillProof(String staff) {
        if (staff == null) {
            return "x";
        }
        Map<?, ?> answer = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + staff)
                .bodyValue(json.writeValueAsBytes(Map.of("query", "mutation($t: String!) { scanMemberCode(input: "
                        + "{ token: $t }) { tillProof { token } } }", "variables",
                        Map.of("t", memberCode(tokens.get(Role.MEMBER))))))
                .exchange().expectBody(Map.class).returnResult().getResponseBody();
        return answer != null && answer.get("data") instanceof Map<?, ?> data
                && data.get("scanMemberCode") instanceof Map<?, ?> scan && scan.get("tillProof") instanceof Map<?, ?> proof
                ? (String) proof.get("token") : "x";
    }

    // ---------------------------------------------------------------- values

    private Map<String, Object> baseline(GraphQLFieldDefinition field) {
        Map<String, Object> given = baselines.get(field.getName());
        if (given != null) {
            return deepCopy(given);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (var arg : field.getArguments()) {
            if (GraphQLTypeUtil.isNonNull(arg.getType()) && !arg.hasSetDefaultValue() || arg.getName().equals("storeId")) {
                args.put(arg.getName(), baselineValue(field, List.of(arg.getName()), arg.getType()));
            }
        }
        return args;
    }

    /** A valid-ish value of the type at the path: required fields of input objects only. */
    private Object baselineValue(GraphQLFieldDefinition field, List<Object> path, GraphQLInputType type) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            return List.of(baselineValue(field, append(path, 0), (GraphQLInputType) list.getWrappedType()));
        }
        if (bare instanceof GraphQLInputObjectType object) {
            Map<String, Object> value = new LinkedHashMap<>();
            for (GraphQLInputObjectField f : object.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(f.getType()) && !f.hasSetDefaultValue() || f.getName().equals("storeId")) {
                    value.put(f.getName(), baselineValue(field, append(path, f.getName()), f.getType()));
                }
            }
            return value;
        }
        if (bare instanceof GraphQLEnumType e) {
            return e.getValues().get(0).getName();
        }
        String name = "";
        for (int i = path.size() - 1; i >= 0 && name.isEmpty(); i--) {
            name = path.get(i) instanceof String s ? s : "";
        }
        return switch (((GraphQLScalarType) bare).getName()) {
            case "ID" -> {
                IdKind kind = idKind(field.getName(), name);
                yield kind != null && own.containsKey(kind) ? own.get(kind) : "999999999";
            }
            case "Int" -> name.equals("month") ? 1 : name.equals("birthdayMonth") ? 5 : 1;
            case "Long" -> name.equals("amountCents") || name.equals("unitPriceCents") ? 100L : 1L;
            case "Float" -> 1.5;
            case "Boolean" -> true;
            case "Date" -> "2026-01-01";
            case "DateTime" -> OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).toString();
            default -> textFor(field.getName(), name);
        };
    }

    private String textFor(String field, String name) {
        return switch (name) {
            case "idempotencyKey", "orderNo", "refundNo", "receiptNo", "name" -> "sweep-" + FRESH;
            case "username" -> "u-" + FRESH;
            case "password" -> "password-1234";
            case "code" -> field.equals("login") ? "dev-sweep-" + FRESH : "x";
            case "month" -> "2026-01";
            case "page" -> "pages/index/index";
            case "avatarUrl" -> "https://example.com/a.png";
            case "action" -> "ADJUST_POINTS";
            case "templateIds" -> "test-tmpl-points-expiring";
            case "category" -> "蛋糕";
            case "sku" -> "sku-1";
            case "outTradeNo" -> ownOutTradeNo;
            case "token" -> field.equals("scanMemberCode") ? FRESH_CODE : ownCodeToken;
            case "memberCodeToken" -> FRESH_CODE;
            default -> "x";
        };
    }

    private static IdKind idKind(String field, String name) {
        return switch (name) {
            case "storeId", "storeIds" -> IdKind.STORE;
            case "memberId", "memberIds" -> IdKind.MEMBER;
            case "templateId" -> IdKind.TEMPLATE;
            case "packId", "couponPackId" -> IdKind.PACK;
            case "campaignId" -> IdKind.CAMPAIGN;
            case "tagId", "tagIds", "tags" -> IdKind.TAG;
            case "staffId" -> IdKind.STAFF;
            case "taskId" -> IdKind.TASK;
            case "approvalId" -> IdKind.APPROVAL;
            case "packageId" -> IdKind.PACKAGE;
            case "rechargeId" -> IdKind.RECHARGE;
            case "couponIds" -> IdKind.COUPON;
            case "savedFilterId" -> IdKind.SAVED_FILTER;
            case "id" -> switch (field) {
                case "savedMemberFilter", "updateSavedMemberFilter", "deleteSavedMemberFilter" -> IdKind.SAVED_FILTER;
                case "campaign" -> IdKind.CAMPAIGN;
                case "member" -> IdKind.MEMBER;
                case "couponTemplate" -> IdKind.TEMPLATE;
                case "couponPack" -> IdKind.PACK;
                case "tag" -> IdKind.TAG;
                case "followUpTask" -> IdKind.TASK;
                case "rechargePackage" -> IdKind.PACKAGE;
                default -> null;
            };
            default -> null;
        };
    }

    /** Sets the leaf to the value, making its parents (baseline values) where the baseline has none. */
    @SuppressWarnings("unchecked")
    private void set(GraphQLFieldDefinition field, Map<String, Object> args, Leaf leaf, Object value) {
        Object container = args;
        List<Object> path = leaf.path();
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            GraphQLInputType childType = leaf.parents().get(i);
            Object child = get(container, step);
            if (child == null || child instanceof List<?> l && l.isEmpty()) {
                child = GraphQLTypeUtil.unwrapNonNull(childType) instanceof GraphQLList ? new ArrayList<>()
                        : new LinkedHashMap<String, Object>();
                if (child instanceof List<?>) {
                    GraphQLInputType element = (GraphQLInputType) ((GraphQLList) GraphQLTypeUtil.unwrapNonNull(childType))
                            .getWrappedType();
                    ((List<Object>) child).add(baselineValue(field, path.subList(0, i + 2), element));
                } else {
                    ((Map<String, Object>) child).putAll((Map<String, Object>) baselineValue(field,
                            path.subList(0, i + 1), childType));
                }
                child = deepCopy(child);
                put(container, step, child);
            }
            container = child;
        }
        put(container, path.get(path.size() - 1), value);
    }

    private static Object get(Object container, Object step) {
        return container instanceof Map<?, ?> map ? map.get(step) : ((List<?>) container).get((Integer) step);
    }

    @SuppressWarnings("unchecked")
    private static void put(Object container, Object step, Object value) {
        if (container instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).put(step, value);
        } else {
            ((List<Object>) container).set((Integer) step, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }

    /** Scalars of the type, and one level of objects below the root type, with {@code __typename}. */
    private static String selection(GraphQLType type, int depth) {
        if (!(type instanceof GraphQLFieldsContainer container)) {
            return type instanceof GraphQLScalarType || type instanceof GraphQLEnumType ? "" : "{ __typename }";
        }
        List<String> parts = new ArrayList<>();
        parts.add("__typename");
        for (GraphQLFieldDefinition f : container.getFieldDefinitions()) {
            if (f.getArguments().stream().anyMatch(a -> GraphQLTypeUtil.isNonNull(a.getType()) && !a.hasSetDefaultValue())) {
                continue;
            }
            GraphQLType inner = GraphQLTypeUtil.unwrapAll(f.getType());
            if (inner instanceof GraphQLScalarType || inner instanceof GraphQLEnumType) {
                parts.add(f.getName());
            } else if (depth < 1 || f.getName().equals("userErrors")) {
                parts.add(f.getName() + " " + selection(inner, depth + 1));
            } else if (depth < 2 && (f.getName().equals("edges") || f.getName().equals("node"))) {
                parts.add(f.getName() + " " + selection(inner, depth + 1));
            }
        }
        return "{ " + String.join(" ", parts) + " }";
    }

    // ---------------------------------------------------------------- the world the sweep acts in

    /**
     * Stores A and B of the default brand with staff, a member of each (who bought there), coupons,
     * a pack, tags, a campaign, a pending points approval, recharge packages and recharges, a
     * follow-up task of each store; and another brand with its own store, member, tag, coupon
     * template, pack and campaign, for the ids that belong to someone else.
     */
    private void setUp() {
        String admin = staffToken("root-admin", "root-admin-password");
        String storeA = createStore("sweep-a");
        String storeB = createStore("sweep-b");
        String clerk = staffToken(createStaff(storeA, "CLERK"), STAFF_PASSWORD);
        String manager = staffToken(createStaff(storeA, "STORE_MANAGER"), STAFF_PASSWORD);
        String clerkBName = createStaff(storeB, "CLERK");
        String clerkB = staffToken(clerkBName, STAFF_PASSWORD);
        String marketerName = unique("marketer");
        call(admin, "mutation($input: CreateStaffInput!) { createStaff(input: $input) { userErrors { code } } }",
                Map.of("input", Map.of("username", marketerName, "password", STAFF_PASSWORD, "role", "MARKETER")));
        String marketer = staffToken(marketerName, STAFF_PASSWORD);
        String victimName = createStaff(storeA, "CLERK");
        String victim = staffId(victimName);

        memberName = unique("sweep");
        Map<String, Object> sessionA = login(memberName);
        String member = (String) sessionA.get("accessToken");
        String memberA = (String) ((Map<?, ?>) sessionA.get("member")).get("id");
        Map<String, Object> sessionB = login(unique("sweep-b"));
        String memberBToken = (String) sessionB.get("accessToken");
        String memberB = (String) ((Map<?, ?>) sessionB.get("member")).get("id");
        for (int i = 0; i < 6; i++) {
            tillMembers.add((String) login(unique("till")).get("accessToken"));
        }
        tokens.put(Role.ANONYMOUS, null);
        tokens.put(Role.MEMBER, member);
        tokens.put(Role.CLERK, clerk);
        tokens.put(Role.STORE_MANAGER, manager);
        tokens.put(Role.MARKETER, marketer);
        tokens.put(Role.ADMIN, admin);

        orderA = unique("order");
        new Till(withToken(clerk)).earn(memberA, orderA, 100_000);
        new Till(withToken(clerkB)).earn(memberB, unique("order"), 100_000);

        String template = (String) path(call(admin, """
                mutation($input: CreateCouponTemplateInput!) { createCouponTemplate(input: $input) {
                  template { id } userErrors { code message } } }""", Map.of("input", Map.of(
                "name", unique("sweep-券"), "kind", "AMOUNT_OFF", "amountOffCents", 100, "validDays", 30,
                "perMemberLimit", 1000, "pointsPrice", 1, "totalStock", 100_000))), "createCouponTemplate.template.id");
        String couponA = claim(member, template);
        String couponB = claim(memberBToken, template);
        String pack = (String) path(call(admin, """
                mutation($t: ID!) { createCouponPack(input: { name: "sweep-券包", items: [{ templateId: $t, quantity: 1 }] }) {
                  pack { id } userErrors { code message } } }""", Map.of("t", template)), "createCouponPack.pack.id");
        String tag = createTag(marketer);
        String doomedTag = createTag(marketer);
        String savedFilter = (String) path(call(marketer, """
                mutation($input: SaveMemberFilterInput!) { saveMemberFilter(input: $input) {
                  savedFilter { id } userErrors { code message } } }""", Map.of("input", Map.of(
                "name", unique("sweep-筛选"), "filter", Map.of("tags", List.of(tag))))), "saveMemberFilter.savedFilter.id");
        String campaign = (String) path(call(admin, """
                mutation($input: CreateCampaignInput!) { createCampaign(input: $input) {
                  campaign { id } userErrors { code message } } }""", Map.of("input", campaignInput(memberA))),
                "createCampaign.campaign.id");
        String approval = (String) path(call(manager, """
                mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) {
                  pendingApproval { id } userErrors { code message } } }""", Map.of("input", Map.of(
                "memberId", memberA, "delta", 600, "reason", "sweep", "idempotencyKey", unique("k")))),
                "adjustPoints.pendingApproval.id");
        String packageA = rechargePackage(admin, storeA);
        String packageB = rechargePackage(admin, storeB);
        String rechargeA = recharge(clerk, member, packageA);
        String rechargeB = recharge(clerkB, memberBToken, packageB);
        ownOutTradeNo = outTradeNo(member, packageA, storeA);
        foreignText.put("outTradeNo", List.of(outTradeNo(memberBToken, packageB, storeB)));
        ownCodeToken = memberCode(member);
        foreignText.put("token", List.of(memberCode(memberBToken)));
        String taskA = followUpTask(Long.parseLong(storeA), Long.parseLong(memberA));
        String taskB = followUpTask(Long.parseLong(storeB), Long.parseLong(memberB));

        HandBuiltBrand other = new HandBuiltBrand(db, passwords, brand.zone(), STAFF_PASSWORD);
        HandBuiltEconomy economy = new HandBuiltEconomy(other, db, passwords, brand.zone());
        long otherMember = other.member(unique("other"), LocalDate.now(brand.zone()).minusDays(3));
        long otherTemplate = economy.couponTemplate("别家券", 100);
        long otherCoupon = economy.coupon(otherTemplate, otherMember, LocalDate.now(brand.zone()).minusDays(1), null);
        long otherPack = db.sql("insert into coupon_pack (brand_id, name, created_by, created_at) "
                        + "values (:b, 'other', :s, now()) returning id")
                .bind("b", other.brandId).bind("s", other.managerId).map(row -> row.get("id", Long.class)).one().block();

        own.put(IdKind.STORE, storeA);
        own.put(IdKind.MEMBER, memberA);
        own.put(IdKind.TEMPLATE, template);
        own.put(IdKind.PACK, pack);
        own.put(IdKind.CAMPAIGN, campaign);
        own.put(IdKind.TAG, tag);
        own.put(IdKind.STAFF, victim);
        own.put(IdKind.TASK, taskA);
        own.put(IdKind.APPROVAL, approval);
        own.put(IdKind.PACKAGE, packageA);
        own.put(IdKind.RECHARGE, rechargeA);
        own.put(IdKind.COUPON, couponA);
        own.put(IdKind.SAVED_FILTER, savedFilter);
        otherBrand.put(IdKind.STORE, Set.of(String.valueOf(other.storeId)));
        otherBrand.put(IdKind.MEMBER, Set.of(String.valueOf(otherMember)));
        otherBrand.put(IdKind.STAFF, Set.of(String.valueOf(other.managerId)));
        otherBrand.put(IdKind.COUPON, Set.of(String.valueOf(otherCoupon)));
        foreign.put(IdKind.STORE, List.of(storeB, String.valueOf(other.storeId)));
        foreign.put(IdKind.MEMBER, List.of(memberB, String.valueOf(otherMember)));
        foreign.put(IdKind.TEMPLATE, List.of(String.valueOf(otherTemplate)));
        foreign.put(IdKind.PACK, List.of(String.valueOf(otherPack)));
        foreign.put(IdKind.CAMPAIGN, List.of(String.valueOf(economy.campaign("别家活动", "POINTS",
                LocalDate.now(brand.zone()).minusDays(1), LocalDate.now(brand.zone()).plusDays(1)))));
        foreign.put(IdKind.TAG, List.of(String.valueOf(economy.tag("别家标签", otherMember))));
        for (IdKind kind : List.of(IdKind.TEMPLATE, IdKind.PACK, IdKind.CAMPAIGN, IdKind.TAG)) {
            otherBrand.put(kind, Set.copyOf(foreign.getOrDefault(kind, List.of())));
        }
        foreign.put(IdKind.STAFF, List.of(String.valueOf(other.managerId), staffId(clerkBName)));
        foreign.put(IdKind.TASK, List.of(taskB));
        foreign.put(IdKind.PACKAGE, List.of(packageB));
        foreign.put(IdKind.RECHARGE, List.of(rechargeB));
        foreign.put(IdKind.COUPON, List.of(couponB, String.valueOf(otherCoupon)));
        String otherSavedFilter = String.valueOf(db.sql("insert into saved_member_filter (brand_id, name, filter, created_by,"
                        + " created_at, updated_at) values (:b, 'other', '{}'::jsonb, :s, now(), now()) returning id")
                .bind("b", other.brandId).bind("s", other.managerId).map(row -> row.get("id", Long.class)).one().block());
        foreign.put(IdKind.SAVED_FILTER, List.of(otherSavedFilter));
        otherBrand.put(IdKind.SAVED_FILTER, Set.of(otherSavedFilter));

        // baselines that generated values would not make valid
        baselines.put("runJob", Map.of("input", Map.of("job", SAFE_JOB, "asOf", "2001-01-01")));
        baselines.put("createCampaign", Map.of("input", campaignInput(memberA)));
        baselines.put("createCouponTemplate", Map.of("input", Map.of("name", "sweep-" + FRESH, "kind", "AMOUNT_OFF",
                "amountOffCents", 100, "validDays", 30, "totalStock", 5)));
        // the member at the till (a scan's proof), so that spending points, coupons and stored value is swept too
        baselines.put("recordPurchase", Map.of("input", Map.of("tillProof", FRESH_PROOF, "storeId", storeA,
                "orderNo", "sweep-" + FRESH, "amountCents", 100)));
        baselines.put("refundPurchase", Map.of("input", Map.of("orderNo", orderA, "storeId", storeA,
                "refundNo", "sweep-" + FRESH, "amountCents", 1)));
        baselines.put("createStaff", Map.of("input", Map.of("username", "u-" + FRESH, "password", "password-1234",
                "role", "CLERK", "storeId", storeA)));
        baselines.put("createRechargePackage", Map.of("input", Map.of("name", "sweep-" + FRESH, "payCents", 10_000,
                "storeIds", List.of(storeA))));
        baselines.put("rechargeAtTill", Map.of("input", Map.of("memberCodeToken", FRESH_CODE, "packageId", packageA,
                "storeId", storeA, "receiptNo", "sweep-" + FRESH, "paidBy", "CASH")));
        baselines.put("couponsForOrder", Map.of("input", Map.of("memberId", memberA, "storeId", storeA,
                "amountCents", 10_000)));
        // fields that change or remove what they name get objects of their own
        baselines.put("deleteTag", Map.of("input", Map.of("tagId", doomedTag)));
        baselines.put("updateTag", Map.of("input", Map.of("tagId", createTag(marketer))));
        baselines.put("setRechargePackageActive", Map.of("input", Map.of("packageId", rechargePackage(admin, storeA),
                "active", true)));
        baselines.put("staffLogin", Map.of("input", Map.of("username", victimName, "password", STAFF_PASSWORD)));
        Map<String, Object> range = Map.of("from", "2026-01-01", "to", "2026-01-31", "storeId", storeA);
        for (String analytics : List.of("churnReport", "tierReport", "pointsEconomy", "couponReport", "memberGrowth",
                "memberActivity", "salesAnalytics", "walletReport", "eventReport")) {
            baselines.put(analytics, Map.of("range", range));
        }
        baselines.put("exportReport", Map.of("input", Map.of("report", "MEMBER_GROWTH", "range", range)));
        baselines.put("backfillAnalytics", Map.of("input", Map.of("from", "2026-01-01", "to", "2026-01-02")));
    }

    private Map<String, Object> campaignInput(String member) {
        return Map.of("name", "sweep-" + FRESH,
                "startsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString(),
                "endsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).truncatedTo(ChronoUnit.SECONDS).toString(),
                "audience", "MEMBERS", "memberIds", List.of(member), "benefit", "POINTS", "points", 10, "budget", 100,
                "controlPercent", 0);
    }

    private String createTag(String marketer) {
        return (String) path(call(marketer, "mutation($input: CreateTagInput!) { createTag(input: $input) { "
                        + "tag { id } userErrors { code message } } }", Map.of("input", Map.of("name", unique("sweep")))),
                "createTag.tag.id");
    }

    private String claim(String member, String template) {
        return (String) path(call(member, "mutation($t: ID!, $k: String!) { claimCoupon(input: { templateId: $t, "
                        + "idempotencyKey: $k }) { coupon { id } userErrors { code message } } }",
                Map.of("t", template, "k", unique("k"))), "claimCoupon.coupon.id");
    }

    private String rechargePackage(String admin, String store) {
        return (String) path(call(admin, "mutation($input: CreateRechargePackageInput!) { createRechargePackage("
                        + "input: $input) { rechargePackage { id } userErrors { code message } } }",
                Map.of("input", Map.of("name", unique("储值"), "payCents", 10_000, "bonusCents", 1_000,
                        "storeIds", List.of(store)))), "createRechargePackage.rechargePackage.id");
    }

    private String recharge(String clerk, String member, String pack) {
        return (String) path(call(clerk, "mutation($input: RechargeAtTillInput!) { rechargeAtTill(input: $input) { "
                        + "recharge { id } userErrors { code message } } }",
                Map.of("input", Map.of("memberCodeToken", memberCode(member), "packageId", pack,
                        "receiptNo", unique("r"), "paidBy", "CASH"))), "rechargeAtTill.recharge.id");
    }

    private String outTradeNo(String member, String pack, String store) {
        return (String) path(call(member, "mutation($input: StartWalletRechargeInput!) { startWalletRecharge("
                        + "input: $input) { order { outTradeNo } userErrors { code message } } }",
                Map.of("input", Map.of("packageId", pack, "storeId", store, "idempotencyKey", unique("k")))),
                "startWalletRecharge.order.outTradeNo");
    }

    private String memberCode(String member) {
        return (String) path(call(member, "{ memberCode { token } }", Map.of()), "memberCode.token");
    }

    private String followUpTask(long store, long member) {
        long action = db.sql("""
                        insert into automation_action (brand_id, rule, member_id, episode, acted_on, created_at)
                        values (1, 'PACK_FOLLOW_UP', :m, :e, current_date, now()) returning id
                        """)
                .bind("m", member).bind("e", unique("sweep")).map(row -> row.get("id", Long.class)).one().block();
        return String.valueOf(db.sql("""
                        insert into follow_up_task (brand_id, store_id, member_id, action_id, reason, due_on, created_at)
                        values (1, :s, :m, :a, 'sweep', current_date, now()) returning id
                        """)
                .bind("s", store).bind("m", member).bind("a", action).map(row -> row.get("id", Long.class)).one()
                .block());
    }

    private String staffId(String username) {
        return String.valueOf(db.sql("select id from staff where username = :u").bind("u", username)
                .map(row -> row.get("id", Long.class)).one().block());
    }

    private String staffToken(String username, String password) {
        return (String) path(call(null, "mutation($input: StaffLoginInput!) { staffLogin(input: $input) { "
                        + "accessToken userErrors { code message } } }",
                Map.of("input", Map.of("username", username, "password", password))), "staffLogin.accessToken");
    }

    /** Sends a setup request and returns its data; fails on any error. */
    private Map<?, ?> call(String token, String document, Map<String, Object> variables) {
        var request = (client != null ? client : http()).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        Map<?, ?> answer = request.bodyValue(json.writeValueAsBytes(Map.of("query", document, "variables", variables)))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer.get("errors")).as(document).isNull();
        return (Map<?, ?>) answer.get("data");
    }

    /** The value at a dotted path of the data; fails when the payload had userErrors. */
    private static Object path(Map<?, ?> data, String path) {
        Object at = data;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length; i++) {
            Map<?, ?> map = (Map<?, ?>) at;
            if (i == 1) {
                assertThat(map.get("userErrors")).as(path).satisfiesAnyOf(
                        e -> assertThat(e).isNull(), e -> assertThat((List<?>) e).isEmpty());
            }
            at = map.get(steps[i]);
        }
        return Objects.requireNonNull(at, path);
    }

    private void restoreAutomationRules(List<Map<String, Object>> rules) {
        for (Map<String, Object> rule : rules) {
            db.sql("""
                            update automation_rule set enabled = :enabled, threshold = :threshold, pack_id = :pack,
                                message = :message where brand_id = 1 and rule = :rule
                            """)
                    .bind("enabled", rule.get("enabled")).bind("threshold", rule.get("threshold"))
                    .bind("pack", org.springframework.r2dbc.core.Parameter.fromOrEmpty(rule.get("pack_id"), Long.class))
                    .bind("message", rule.get("message")).bind("rule", rule.get("rule")).then().block();
        }
    }
}
