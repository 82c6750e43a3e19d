package org.povlake.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What ops.access_log keeps of a statement: its shape, no literal. */
class AccessLogTest {
    @Test
    void everyStringAndNumberLiteralIsMasked() {
        assertEquals(
                "SELECT * FROM bronze.registry_members WHERE id_number = '?' AND name = '?'",
                AccessLog.masked(
                        "SELECT * FROM bronze.registry_members WHERE id_number = '62010219800101123X'"
                                + " AND name = '王''小明'"));
        assertEquals(
                "SELECT mpi_ch_2, t1.x FROM gold.mpi t1 WHERE year = ? AND value > ? LIMIT ?",
                AccessLog.masked(
                        "SELECT mpi_ch_2, t1.x FROM gold.mpi t1 WHERE year = 2020 AND value > 0.5e3"
                                + " LIMIT 10"));
        assertEquals(
                "SELECT '?', '?' FROM `bronze`.`quarantine`",
                AccessLog.masked(
                        "SELECT \"620102198001011234\", 'it\\'s' FROM `bronze`.`quarantine`"));
        // an unterminated literal is masked to the end
        assertEquals("SELECT '?'", AccessLog.masked("SELECT '620102198001011234"));
    }
}
