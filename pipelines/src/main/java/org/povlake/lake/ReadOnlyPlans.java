package org.povlake.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ScalaUDF;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LeafNode;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ObjectConsumer;
import org.apache.spark.sql.catalyst.plans.logical.ObjectProducer;
import org.apache.spark.sql.delta.catalog.DeltaTableV2;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The read-only door on <em>analysed</em> plans, for sessions that do not come through {@link
 * ReadOnlySql}'s text door: the Spark Connect server's clients (SQL and DataFrames alike). A plan
 * passes only if every relation it reads is a lakehouse table of a visible layer (or in-memory
 * rows), it runs no command but SHOW / DESCRIBE / EXPLAIN and session-local temporary views, and it
 * calls no user code (Scala, Java or Python functions, typed map/filter closures, {@code reflect}).
 * Anything else is refused with one line naming its kind, as {@link ReadOnlySql.Refused}.
 */
public final class ReadOnlyPlans {
    /** Commands an analyst may run: they read the catalogue or a table's log, nothing else. */
    private static final Set<String> READ_COMMANDS =
            Set.of(
                    "ShowTablesCommand",
                    "ShowTables",
                    "ShowTablesExtended",
                    "ShowNamespaces",
                    "ShowNamespacesCommand",
                    "ShowColumnsCommand",
                    "ShowColumns",
                    "ShowViews",
                    "ShowViewsCommand",
                    "ShowFunctions",
                    "ShowFunctionsCommand",
                    "DescribeTableCommand",
                    "DescribeColumnCommand",
                    "DescribeRelation",
                    "DescribeColumn",
                    "DescribeNamespace",
                    "DescribeDatabaseCommand",
                    "DescribeFunction",
                    "DescribeFunctionCommand",
                    "DescribeDeltaHistory",
                    "DescribeDeltaHistoryCommand",
                    "DescribeDeltaDetailCommand",
                    "ExplainCommand");

    /** Expressions that run code the client supplies, or any JVM method. */
    private static final Set<String> CODE_EXPRESSIONS =
            Set.of(
                    "ScalaUDF",
                    "ScalaAggregator",
                    "ScalaUDAF",
                    "PythonUDF",
                    "PythonUDAF",
                    "PythonUDTF",
                    "UserDefinedGenerator",
                    "CallMethodViaReflection",
                    "TryReflect");

    private final List<String> visibleRoots = new ArrayList<>();

    /**
     * @param lake the lakehouse whose tables may be read
     * @param layers the layers visible ({@link ReadOnlySql#visibleLayers})
     */
    public ReadOnlyPlans(SparkSession spark, String root, Set<String> layers) {
        try {
            Path rootPath = new Path(root);
            FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (String layer : layers) {
                visibleRoots.add(fs.makeQualified(new Path(rootPath, layer)).toString() + "/");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the lakehouse at " + root, e);
        }
    }

    /**
     * Refuses the plan (analysed) unless it only reads visible tables; returns the paths it reads.
     */
    public List<String> check(LogicalPlan plan) {
        List<String> read = new ArrayList<>();
        plan.foreachWithSubqueries(
                node -> {
                    checkNode(node, read);
                    return scala.runtime.BoxedUnit.UNIT;
                });
        return read;
    }

    private void checkNode(LogicalPlan node, List<String> read) {
        String kind = node.getClass().getSimpleName();
        if (node instanceof Command) {
            if (node instanceof CreateViewCommand view
                    && view.viewType()
                            == org.apache.spark.sql.catalyst.analysis.LocalTempView$.MODULE$) {
                return; // a temporary view of this session: its query is checked when it is read
            }
            if (!READ_COMMANDS.contains(kind)) {
                throw new ReadOnlySql.Refused(
                        "refused: "
                                + ReadOnlySql.kindOf(kind)
                                + " — only queries of the lakehouse tables are allowed here");
            }
            return;
        }
        if ((node instanceof ObjectProducer || node instanceof ObjectConsumer)
                && !deltaCode(function(node))) {
            throw new ReadOnlySql.Refused(
                    "refused: " + kind + " runs client code — only SQL expressions are allowed");
        }
        if (kind.contains("Pandas")
                || kind.contains("Arrow")
                || kind.contains("Python")
                || kind.endsWith("InR")) {
            throw new ReadOnlySql.Refused(
                    "refused: " + kind + " runs client code — only SQL expressions are allowed");
        }
        for (Expression e : CollectionConverters.asJava(node.expressions())) {
            e.foreach(
                    x -> {
                        String name = x.getClass().getSimpleName();
                        if (x instanceof ScalaUDF udf && deltaCode(udf.function())) {
                            return scala.runtime.BoxedUnit.UNIT;
                        }
                        if (CODE_EXPRESSIONS.contains(name)) {
                            throw new ReadOnlySql.Refused(
                                    "refused: "
                                            + name
                                            + " calls code outside SQL — user-defined functions"
                                            + " and JVM calls are not allowed");
                        }
                        return scala.runtime.BoxedUnit.UNIT;
                    });
        }
        if (node instanceof LeafNode) {
            read.addAll(checkRelation(node, kind));
        }
    }

    /**
     * The function a typed node runs ({@code map}, {@code filter}, {@code mapPartitions}…), or null
     * for one that runs none (an encoder's (de)serialisation).
     */
    private static Object function(LogicalPlan node) {
        try {
            return node.getClass().getMethod("func").invoke(node);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /**
     * Whether code in a plan is Delta's own: a client's query of a Delta table makes Delta replay
     * the table's log in the client's session, with its own typed operations and functions.
     */
    private static boolean deltaCode(Object function) {
        return function == null
                || function.getClass().getName().startsWith("org.apache.spark.sql.delta.");
    }

    /** Whether a read path is a table's log (what Delta reads for itself), not its rows. */
    public static boolean isLog(String path) {
        return path.contains("/_delta_log");
    }

    private List<String> checkRelation(LogicalPlan leaf, String kind) {
        List<String> paths = new ArrayList<>();
        if (leaf instanceof LogicalRelation lr) {
            if (!(lr.relation() instanceof HadoopFsRelation fs)) {
                throw refusedRead(kind + " of " + lr.relation().getClass().getSimpleName());
            }
            CollectionConverters.asJava(fs.location().rootPaths())
                    .forEach(p -> paths.add(p.toString()));
        } else if (leaf instanceof DataSourceV2Relation v2) {
            if (!(v2.table() instanceof DeltaTableV2 delta)) {
                throw refusedRead(v2.table().name());
            }
            paths.add(delta.path().toString());
        } else if (kind.equals("LocalRelation")
                || kind.equals("OneRowRelation")
                || kind.equals("Range")
                || kind.equals("CTERelationRef")
                || kind.equals("EmptyRelation")
                // a Dataset the server made (Delta's log state); what SHOW / DESCRIBE name
                || kind.equals("LogicalRDD")
                || kind.startsWith("Resolved")) {
            return paths;
        } else {
            throw refusedRead(kind);
        }
        for (String p : paths) {
            String dir = p.endsWith("/") ? p : p + "/";
            if (visibleRoots.stream().noneMatch(dir::startsWith)) {
                throw refusedRead("a path outside the visible lakehouse tables");
            }
        }
        return paths;
    }

    private static ReadOnlySql.Refused refusedRead(String what) {
        return new ReadOnlySql.Refused(
                "refused: a read of "
                        + what.toLowerCase(Locale.ROOT).replace('`', '\'')
                        + " — only the lakehouse tables (layer.table) can be read here");
    }
}
