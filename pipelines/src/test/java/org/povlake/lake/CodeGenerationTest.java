package org.povlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.testing.TestSpark;

class CodeGenerationTest {
    @TempDir Path tmp;

    @Test
    void smallWorkIsInterpretedLargeWorkCompiledAndTheOperatorDecidesFirst() {
        long small = CodeGeneration.SMALL_BYTES - 1;
        long large = CodeGeneration.SMALL_BYTES;
        assertEquals(CodeGeneration.Mode.INTERPRETED, CodeGeneration.choose(null, small));
        assertEquals(CodeGeneration.Mode.COMPILED, CodeGeneration.choose(null, large));
        assertEquals(CodeGeneration.Mode.COMPILED, CodeGeneration.choose(" AUTO ", large));
        assertEquals(CodeGeneration.Mode.COMPILED, CodeGeneration.choose("on", small));
        assertEquals(CodeGeneration.Mode.INTERPRETED, CodeGeneration.choose("off", large));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> CodeGeneration.choose("fast", small));
        assertTrue(
                e.getMessage().contains("POVLAKE_CODEGEN must be on, off or auto"), e.getMessage());
    }

    @Test
    void fitSetsTheSessionsModeAndQueriesAnswerTheSameInBoth() {
        assumeTrue(System.getenv(CodeGeneration.ENV) == null, "the environment forces a mode");
        SparkSession spark = TestSpark.get();
        String sql =
                "SELECT id % 7 AS k, sum(CAST(id AS DECIMAL(20, 2)) / 3) AS s, max(concat('x', id)) AS m"
                        + " FROM range(0, 5000) GROUP BY id % 7 ORDER BY k";
        try {
            assertEquals(CodeGeneration.Mode.INTERPRETED, CodeGeneration.fit(spark, 0));
            assertEquals("NO_CODEGEN", spark.conf().get(CodeGeneration.CONF));
            var interpreted = spark.sql(sql).collectAsList();
            assertEquals(CodeGeneration.Mode.COMPILED, CodeGeneration.fit(spark, 1L << 40));
            assertEquals("FALLBACK", spark.conf().get(CodeGeneration.CONF));
            assertEquals(interpreted, spark.sql(sql).collectAsList());
        } finally {
            spark.conf().unset(CodeGeneration.CONF);
        }
    }

    @Test
    void aLayersBytesAreItsDataFiles() throws Exception {
        Lakehouse lake = new Lakehouse(TestSpark.get(), tmp.resolve("lake").toString());
        assertEquals(0, CodeGeneration.layerBytes(lake, "bronze"), "no layer yet");
        Path table = tmp.resolve("lake/bronze/t");
        Files.createDirectories(table.resolve("_delta_log"));
        Files.write(table.resolve("part-0.parquet"), new byte[100]);
        Files.createDirectories(table.resolve("d=1"));
        Files.write(table.resolve("d=1/part-1.parquet"), new byte[20]);
        Files.write(table.resolve("_delta_log/00000.json"), new byte[1000]);
        assertEquals(120, CodeGeneration.layerBytes(lake, "bronze"));
        assertEquals(360, CodeGeneration.bronzeAsText(lake));
        assertEquals(360 + 2 * CodeGeneration.REGION_BYTES, CodeGeneration.rolledUp(lake, 2));
    }
}
