package org.povlake.lake;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.catalyst.parser.ParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.povlake.testing.TestSpark;

/** The analysts' SQL door on the plans Spark's and Delta's parser make: what it lets through. */
class ReadOnlySqlTest {
    private final ReadOnlySql analyst =
            new ReadOnlySql(TestSpark.get(), ReadOnlySql.visibleLayers(false));
    private final ReadOnlySql personal =
            new ReadOnlySql(TestSpark.get(), ReadOnlySql.visibleLayers(true));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT 1",
                "SELECT region_code, value FROM gold.indicators WHERE year = 2020 ORDER BY 2 DESC"
                        + " LIMIT 10",
                "WITH c AS (SELECT county_code, count(*) n FROM silver.households GROUP BY 1)"
                        + " SELECT * FROM c JOIN silver.regions r ON r.region_code = c.county_code",
                "SELECT *, rank() OVER (PARTITION BY year ORDER BY composite DESC) FROM"
                        + " gold.region_scores",
                "SELECT * FROM gold.indicators VERSION AS OF 3",
                "SELECT * FROM silver.orders WHERE shop_id IN (SELECT shop_id FROM silver.shops)",
                "SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(n, s)",
                "SELECT * FROM range(10)",
                "SELECT explode(array(1, 2))",
                "SELECT year FROM gold.indicators UNION ALL SELECT year FROM gold.mpi",
                "SHOW TABLES IN gold",
                "DESCRIBE gold.indicators",
                "DESCRIBE HISTORY gold.indicators LIMIT 5",
                "EXPLAIN SELECT * FROM gold.indicators"
            })
    void queriesOfTheVisibleLayersPass(String sql) {
        assertDoesNotThrow(() -> analyst.check(sql));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "INSERT INTO gold.indicators SELECT * FROM gold.indicators | a write (INSERT)",
                "INSERT OVERWRITE gold.indicators SELECT * FROM gold.indicators | a write (INSERT",
                "DELETE FROM gold.indicators WHERE year = 2020 | a write (DELETE)",
                "UPDATE gold.indicators SET value = 0 | a write (UPDATE)",
                "MERGE INTO gold.indicators t USING gold.indicators s ON t.year = s.year"
                        + " WHEN MATCHED THEN DELETE | a write (MERGE)",
                "DROP TABLE gold.indicators | DDL (DROP)",
                "CREATE TABLE gold.x AS SELECT 1 | DDL (CREATE)",
                "CREATE TEMPORARY VIEW v AS SELECT 1 | DDL (CREATE)",
                "ALTER TABLE gold.indicators ADD COLUMNS (x INT) | DDL (ALTER",
                "TRUNCATE TABLE gold.indicators | a write (TRUNCATE)",
                "VACUUM gold.indicators | maintenance (VACUUM)",
                "OPTIMIZE gold.indicators | maintenance (OPTIMIZE)",
                "SET spark.sql.ansi.enabled = false | a configuration change",
                "RESET | a configuration change (RESET)",
                "USE gold | a configuration change",
                "LOAD DATA INPATH '/etc/passwd' INTO TABLE gold.indicators | a file read (LOAD"
                        + " DATA)",
                "CACHE TABLE gold.indicators | a cache change (CACHE)",
                "ADD JAR /tmp/x.jar | a resource (ADD JAR/FILE)",
                "SELECT TRANSFORM(year) USING 'cat' FROM gold.indicators | a script (TRANSFORM",
                "EXECUTE IMMEDIATE 'DROP TABLE gold.indicators' | a dynamic statement",
                "SELECT * FROM csv.`/etc/passwd` | a file read by path (csv./etc/passwd)",
                "SELECT * FROM parquet.`/work/lake/bronze/registry_members` | a file read by path",
                "SELECT * FROM read_files('/etc/passwd') | the table function read_files",
                "SELECT reflect('java.lang.System', 'exit', 0) | the function reflect",
                "SELECT java_method('java.lang.Runtime', 'getRuntime') | the function"
                        + " java_method",
                "SELECT * FROM bronze.registry_members | bronze.registry_members — bronze and its"
                        + " quarantine hold personal data",
                "SELECT 1 FROM gold.indicators WHERE year IN (SELECT 1 FROM"
                        + " bronze.quarantine) | bronze.quarantine",
                "WITH c AS (SELECT * FROM bronze.registry_households) SELECT * FROM c |"
                        + " bronze.registry_households",
                "SELECT * FROM default.secrets | default.secrets is not a lakehouse table",
                "DESCRIBE bronze.registry_members | bronze.registry_members — bronze",
                "DESCRIBE HISTORY bronze.registry_members | bronze.registry_members — bronze",
                "DESCRIBE HISTORY '/tmp/lake/gold/indicators' | the statement",
                "SHOW TABLES IN bronze | bronze — bronze and its quarantine",
                "EXPLAIN DROP TABLE gold.indicators | DDL (DROP)"
            })
    void everythingElseIsRefusedWithItsKind(String sql, String expected) {
        ReadOnlySql.Refused refused =
                assertThrows(ReadOnlySql.Refused.class, () -> analyst.check(sql));
        assertTrue(refused.getMessage().startsWith("refused: "), refused.getMessage());
        assertTrue(
                refused.getMessage().contains(expected.strip()),
                refused.getMessage() + " should name " + expected);
        assertEquals(1, refused.getMessage().lines().count(), "one line");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT count(*) FROM bronze.registry_members",
                "SELECT * FROM bronze.quarantine",
                "SHOW TABLES IN bronze"
            })
    void bronzeIsVisibleWithThePersonalDataOption(String sql) {
        assertDoesNotThrow(() -> personal.check(sql));
        assertThrows(ReadOnlySql.Refused.class, () -> personal.check("DROP TABLE " + "gold.x"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELEC * FROM gold.indicators",
                "SELECT * FROM gold.indicators WHERE year ="
            })
    void aSyntaxErrorIsSparksParseError(String sql) {
        ParseException e = assertThrows(ParseException.class, () -> analyst.check(sql));
        assertTrue(e.getMessage().contains("PARSE_SYNTAX_ERROR"), e.getMessage());
    }
}
