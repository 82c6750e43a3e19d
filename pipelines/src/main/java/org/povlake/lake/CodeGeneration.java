package org.povlake.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/**
 * Whether Spark compiles the expressions of a stage's queries to Java bytecode or evaluates them as
 * they are. Compiling pays off on millions of rows; on small work it is most of the cost: every
 * projection, filter and ordering of every plan is generated and compiled (Janino) before its first
 * row, and povlake's plans have many (ingest of the 2,308-row sample: 60 s compiled, 44 s
 * interpreted; the whole demo on the sample's counties: 159 s and 123 s). Each stage states the
 * bytes of its input and {@link #fit} chooses: interpreted under {@link #SMALL_BYTES}, compiled
 * above. The results are the same either way (the interpreted path is Spark's reference for the
 * generated one); only the time differs.
 *
 * <p>{@value #ENV} overrides the choice: {@code on} (always compile, Spark's default), {@code off}
 * (always interpret), {@code auto} (the default). The setting Spark reads, {@value #CONF}, is an
 * internal one of Spark SQL (its own tests use it); it is read where expressions are turned into
 * evaluators, so changing it between queries is safe.
 */
public final class CodeGeneration {
    public static final String ENV = "POVLAKE_CODEGEN";
    static final String CONF = "spark.sql.codegen.factoryMode";

    /**
     * Below this many bytes of input a stage interprets. Measured (bench/codegen.sh, whole
     * processes, 2 cores): interpreted, ingest and silver took 13–28 % less time on the sample and
     * on generated one-year inboxes of 7.6 MB and 20 MB, gold on the sample's three counties 19 %
     * less, gold on all of Gansu's regions 4–9 % more. Where compiling starts to pay above 20 MB
     * was not measured: the threshold stays near it.
     */
    public static final long SMALL_BYTES = 32L << 20;

    /** What a stage runs with. */
    public enum Mode {
        /** Spark's default: generated code, interpreted only where generation fails. */
        COMPILED("FALLBACK"),
        /** Expressions evaluated as they are: no code generation, no compilation. */
        INTERPRETED("NO_CODEGEN");

        final String factoryMode;

        Mode(String factoryMode) {
            this.factoryMode = factoryMode;
        }
    }

    private CodeGeneration() {}

    /**
     * Sets the session's mode for work on {@code inputBytes} of input (as {@link #choose} says for
     * {@value #ENV}) and returns it.
     */
    public static Mode fit(SparkSession spark, long inputBytes) {
        Mode mode = choose(System.getenv(ENV), inputBytes);
        spark.conf().set(CONF, mode.factoryMode);
        return mode;
    }

    /**
     * The mode for a setting of {@value #ENV} (null: auto) and an input size.
     *
     * @throws IllegalArgumentException for a setting other than on, off or auto
     */
    public static Mode choose(String setting, long inputBytes) {
        String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "on" -> Mode.COMPILED;
            case "off" -> Mode.INTERPRETED;
            case "auto", "" -> inputBytes < SMALL_BYTES ? Mode.INTERPRETED : Mode.COMPILED;
            default ->
                    throw new IllegalArgumentException(
                            ENV + " must be on, off or auto, not '" + setting + "'");
        };
    }

    /**
     * The size of what silver and gold read, in the unit {@link #fit} takes (text, as delivered):
     * bronze's data files hold about {@value #BRONZE_TO_TEXT} times fewer bytes than the files they
     * were loaded from.
     */
    public static long bronzeAsText(Lakehouse lake) {
        return BRONZE_TO_TEXT * layerBytes(lake, "bronze");
    }

    static final int BRONZE_TO_TEXT = 3;

    /**
     * The size of what gold and the assessment compute, in the unit {@link #fit} takes: bronze (as
     * {@link #bronzeAsText}) plus {@value #REGION_BYTES} bytes per region, since every indicator is
     * rolled up to every region of the reference whatever the households (a year of gold on all of
     * Gansu's 19,224 regions is faster compiled even for 2,000 households; on the 979 regions of
     * three counties, interpreted).
     */
    public static long rolledUp(Lakehouse lake, long regions) {
        return bronzeAsText(lake) + REGION_BYTES * regions;
    }

    static final int REGION_BYTES = 2_000;

    /**
     * The bytes of a layer's data files on disk (every version's, so an upper bound of what is
     * live): the size of what silver and gold read, without reading a Delta log.
     */
    public static long layerBytes(Lakehouse lake, String layer) {
        Path dir = new Path(lake.root(), layer);
        try {
            FileSystem fs = dir.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
            if (!fs.exists(dir)) {
                return 0;
            }
            long bytes = 0;
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
            while (files.hasNext()) {
                LocatedFileStatus f = files.next();
                if (f.getPath().getName().endsWith(".parquet")) {
                    bytes += f.getLen();
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
