package org.povlake.lake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.ExplainCommand;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The analysts' SQL door: a statement is let through only if its parsed plan reads lakehouse tables
 * and nothing else. Decided on the plan the parser (Spark's and Delta's) makes of it, never by
 * matching the text: every node must be one of the query nodes (projections, filters, joins,
 * aggregates, set operations, CTEs, windows, VALUES…) or a SHOW / DESCRIBE / EXPLAIN of one; every
 * relation must be {@code layer.table} of a layer the session may see (or a CTE's name); no
 * function may call into the JVM ({@code reflect}, {@code java_method}) or read files ({@code
 * read_files}). Anything else — a write, DDL, a configuration change, a file read by path, a script
 * — is refused with one line naming its kind.
 */
public final class ReadOnlySql {
    /** Nodes of a read-only query as the parser makes them (simple class names). */
    private static final Set<String> QUERY_NODES =
            Set.of(
                    "Project",
                    "Filter",
                    "Aggregate",
                    "Join",
                    "LateralJoin",
                    "AsOfJoin",
                    "Sort",
                    "GlobalLimit",
                    "LocalLimit",
                    "Offset",
                    "Tail",
                    "Distinct",
                    "Deduplicate",
                    "Union",
                    "Intersect",
                    "Except",
                    "SubqueryAlias",
                    "UnresolvedSubqueryColumnAliases",
                    "UnresolvedTVFAliases",
                    "UnresolvedWith",
                    "CTERelationRef",
                    "WithWindowDefinition",
                    "Window",
                    "Generate",
                    "Pivot",
                    "Unpivot",
                    "UnresolvedTranspose",
                    "Sample",
                    "OneRowRelation",
                    "LocalRelation",
                    "UnresolvedInlineTable",
                    "Range",
                    "Expand",
                    "RepartitionByExpression",
                    "Repartition",
                    "RebalancePartitions",
                    "UnresolvedHaving",
                    "UnresolvedQualify",
                    "UnresolvedHint",
                    "ResolvedHint",
                    "RelationTimeTravel",
                    "UnresolvedRelation",
                    "UnresolvedTableValuedFunction",
                    // SHOW and DESCRIBE read the catalogue; their identifiers are checked as
                    // relations are
                    "ShowTables",
                    "ShowTablesExtended",
                    "ShowColumns",
                    "ShowNamespaces",
                    "ShowViews",
                    "ShowFunctions",
                    "DescribeRelation",
                    "DescribeColumn",
                    "DescribeFunction",
                    "UnresolvedTableOrView",
                    // DESCRIBE HISTORY layer.table (Delta's; a path instead of a name is refused)
                    "DescribeDeltaHistory",
                    "UnresolvedTable",
                    "UnresolvedNamespace",
                    "UnresolvedFunctionName",
                    "ExplainCommand");

    /** Table-valued functions that only make rows from their arguments. */
    private static final Set<String> GENERATOR_FUNCTIONS =
            Set.of(
                    "range",
                    "explode",
                    "explode_outer",
                    "inline",
                    "inline_outer",
                    "posexplode",
                    "posexplode_outer",
                    "json_tuple",
                    "stack",
                    "sql_keywords",
                    "variant_explode",
                    "variant_explode_outer");

    /** Functions refused anywhere: they call JVM methods or read files. */
    private static final Set<String> REFUSED_FUNCTIONS =
            Set.of("reflect", "java_method", "try_reflect", "read_files", "input_file_name");

    /** The kind named in a refusal, by the first word of the node's class name. */
    private static final Map<String, String> KINDS =
            Map.ofEntries(
                    Map.entry("Insert", "a write (INSERT)"),
                    Map.entry("Append", "a write (INSERT)"),
                    Map.entry("Overwrite", "a write (INSERT OVERWRITE)"),
                    Map.entry("Merge", "a write (MERGE)"),
                    Map.entry("Delete", "a write (DELETE)"),
                    Map.entry("Update", "a write (UPDATE)"),
                    Map.entry("Truncate", "a write (TRUNCATE)"),
                    Map.entry("Restore", "a write (RESTORE)"),
                    Map.entry("Create", "DDL (CREATE)"),
                    Map.entry("Replace", "DDL (REPLACE)"),
                    Map.entry("Drop", "DDL (DROP)"),
                    Map.entry("Alter", "DDL (ALTER)"),
                    Map.entry("Rename", "DDL (ALTER … RENAME)"),
                    Map.entry("Add", "DDL (ALTER … ADD) or a resource (ADD JAR/FILE)"),
                    Map.entry("Comment", "DDL (COMMENT ON)"),
                    Map.entry("Repair", "DDL (REPAIR TABLE)"),
                    Map.entry("Recover", "DDL (RECOVER PARTITIONS)"),
                    Map.entry("Analyze", "a statistics write (ANALYZE)"),
                    Map.entry("Vacuum", "maintenance (VACUUM)"),
                    Map.entry("Optimize", "maintenance (OPTIMIZE)"),
                    Map.entry("Reorg", "maintenance (REORG)"),
                    Map.entry("Convert", "maintenance (CONVERT TO DELTA)"),
                    Map.entry("Clone", "a write (CLONE)"),
                    Map.entry("Set", "a configuration change (SET / USE)"),
                    Map.entry("Reset", "a configuration change (RESET)"),
                    Map.entry("Load", "a file read (LOAD DATA)"),
                    Map.entry("Cache", "a cache change (CACHE)"),
                    Map.entry("Uncache", "a cache change (UNCACHE)"),
                    Map.entry("Clear", "a cache change (CLEAR CACHE)"),
                    Map.entry("Refresh", "a cache change (REFRESH)"),
                    Map.entry("Call", "a procedure call (CALL)"),
                    Map.entry("Script", "a script (TRANSFORM … USING)"),
                    Map.entry("Compound", "a SQL script (BEGIN … END)"),
                    Map.entry("Declare", "a variable or cursor (DECLARE)"),
                    Map.entry("Execute", "a dynamic statement (EXECUTE IMMEDIATE)"),
                    Map.entry("Plan", "a statement with IDENTIFIER(…)"),
                    // analysed plans (ReadOnlyPlans): a DataFrame's save, Delta's own writes
                    Map.entry("Save", "a write (save)"),
                    Map.entry("Write", "a write"),
                    Map.entry("DeltaMerge", "a write (MERGE)"));

    /** A statement the door refuses: its message is the one line to print. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    private final SparkSession spark;
    private final Set<String> layers;

    /**
     * @param layers the lakehouse layers the session may read (bronze only with the personal-data
     *     option: it and its quarantine are the only tables with personal data)
     */
    public ReadOnlySql(SparkSession spark, Set<String> layers) {
        this.spark = spark;
        this.layers = Set.copyOf(layers);
    }

    /** The layers an analyst sees: every layer but bronze, unless personal data was asked for. */
    public static Set<String> visibleLayers(boolean personalData) {
        Set<String> all = new java.util.LinkedHashSet<>(Lakehouse.LAYERS);
        if (!personalData) {
            all.remove("bronze");
        }
        return all;
    }

    /**
     * Parses {@code sql} and refuses it unless it only reads what the session may see. A statement
     * that does not parse throws Spark's ParseException (its message has the position and what was
     * expected).
     *
     * @throws Refused naming the kind of statement or the relation or function refused
     */
    public void check(String sql) throws ParseException {
        checkParsed(spark.sessionState().sqlParser().parsePlan(sql));
    }

    /**
     * Refuses a parsed plan (what {@link #check} parses; the Connect server's parser hands it the
     * plans of its clients' SQL) unless it only reads what the session may see.
     *
     * @throws Refused naming the kind of statement or the relation or function refused
     */
    public void checkParsed(LogicalPlan plan) {
        List<String> ctes = new ArrayList<>();
        Deque<LogicalPlan> todo = new ArrayDeque<>();
        todo.push(plan);
        while (!todo.isEmpty()) {
            LogicalPlan node = todo.pop();
            String name = node.getClass().getSimpleName();
            if (!QUERY_NODES.contains(name)) {
                throw new Refused("refused: " + kindOf(name) + " — SQL here only reads");
            }
            if (node instanceof ExplainCommand explain) {
                todo.push(explain.logicalPlan());
            }
            if (name.equals("UnresolvedWith")) {
                for (QueryPlan<?> inner : CollectionConverters.asJava(node.innerChildren())) {
                    if (inner
                            instanceof
                            org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias a) {
                        ctes.add(a.alias().toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (node instanceof UnresolvedRelation r) {
                relation(CollectionConverters.asJava(r.multipartIdentifier()), ctes);
                if (!r.options().isEmpty()) {
                    throw new Refused(
                            "refused: options on a table ("
                                    + r.tableName()
                                    + " WITH (…)) — SQL here only reads tables as they are");
                }
            }
            if (node instanceof UnresolvedTableValuedFunction f) {
                String fn = last(CollectionConverters.asJava(f.name()));
                if (!GENERATOR_FUNCTIONS.contains(fn)) {
                    throw new Refused(
                            "refused: the table function "
                                    + fn
                                    + " — SQL here only reads lakehouse tables");
                }
            }
            if (node instanceof UnresolvedTableOrView t) {
                relation(CollectionConverters.asJava(t.multipartIdentifier()), ctes);
            }
            if (node instanceof UnresolvedTable t) {
                relation(CollectionConverters.asJava(t.multipartIdentifier()), List.of());
            }
            if (node instanceof UnresolvedNamespace n && !n.multipartIdentifier().isEmpty()) {
                relation(CollectionConverters.asJava(n.multipartIdentifier()), ctes);
            }
            for (QueryPlan<?> inner : CollectionConverters.asJava(node.innerChildren())) {
                if (inner instanceof LogicalPlan p) {
                    todo.push(p);
                }
            }
            for (LogicalPlan child : CollectionConverters.asJava(node.children())) {
                todo.push(child);
            }
            for (Expression e : CollectionConverters.asJava(node.expressions())) {
                expression(e, todo);
            }
        }
    }

    private void expression(Expression root, Deque<LogicalPlan> plans) {
        Deque<Expression> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expression e = todo.pop();
            if (e instanceof UnresolvedFunction f) {
                String fn = last(CollectionConverters.asJava(f.nameParts()));
                if (REFUSED_FUNCTIONS.contains(fn)) {
                    throw new Refused(
                            "refused: the function "
                                    + fn
                                    + " — it reaches outside the tables; SQL here only reads them");
                }
            }
            if (e instanceof SubqueryExpression s) {
                plans.push(s.plan());
            }
            for (Expression child : CollectionConverters.asJava(e.children())) {
                todo.push(child);
            }
        }
    }

    /**
     * A relation's name: {@code layer.table} of a visible layer, or one part naming a CTE. A format
     * prefix ({@code csv.`/etc/passwd`}) is a file read by path.
     */
    private void relation(List<String> parts, List<String> ctes) {
        String first = parts.get(0).toLowerCase(Locale.ROOT);
        if (parts.size() == 1 && ctes.contains(first)) {
            return;
        }
        String shown = String.join(".", parts);
        if (parts.size() <= 2 && layers.contains(first)) {
            return; // layer.table, or a layer alone (SHOW TABLES IN gold)
        }
        if (parts.size() <= 2 && first.equals("bronze")) {
            throw new Refused(
                    "refused: "
                            + shown
                            + " — bronze and its quarantine hold personal data; they are visible"
                            + " only with --personal-data (and every such query is logged)");
        }
        if (parts.size() == 2 && (parts.get(1).contains("/") || FILE_FORMATS.contains(first))) {
            throw new Refused(
                    "refused: a file read by path (" + shown + ") — SQL here only reads tables");
        }
        throw new Refused(
                "refused: "
                        + shown
                        + " is not a lakehouse table (layer.table; layers "
                        + String.join(", ", layers)
                        + ")");
    }

    private static final Set<String> FILE_FORMATS =
            Set.of(
                    "csv",
                    "json",
                    "parquet",
                    "orc",
                    "text",
                    "avro",
                    "binaryfile",
                    "delta",
                    "xml",
                    "jdbc",
                    "file");

    private static String last(List<String> parts) {
        return parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
    }

    /** The kind of statement a plan node is, in words (one line's worth). */
    static String kindOf(String node) {
        String statement = node.startsWith("Unresolved") ? node.substring(10) : node;
        for (Map.Entry<String, String> k : KINDS.entrySet()) {
            if (statement.startsWith(k.getKey())) {
                return k.getValue();
            }
        }
        return "the statement " + node;
    }
}
