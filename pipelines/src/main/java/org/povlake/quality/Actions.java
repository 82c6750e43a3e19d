package org.povlake.quality;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.povlake.contract.FileRejection;
import org.povlake.contract.ReasonCode;

/** What an agency should do about each kind of problem: the "action" text of {@link Problem}. */
final class Actions {
    private Actions() {}

    private static final Map<ReasonCode, String> REASON = new EnumMap<>(ReasonCode.class);

    static {
        REASON.put(
                ReasonCode.MISSING_REQUIRED,
                "fill the required column(s) or drop the rows; they were not loaded");
        REASON.put(
                ReasonCode.BAD_TYPE,
                "give each value its column's type (a boolean as 是/否, text not a JSON number,"
                        + " one JSON object per line); the rows were not loaded");
        REASON.put(
                ReasonCode.BAD_NUMBER,
                "write numbers as plain digits with '.' for decimals and no thousands"
                        + " separator; the rows were not loaded");
        REASON.put(
                ReasonCode.BAD_DATE,
                "write dates as YYYY-MM-DD (timestamps YYYY-MM-DD HH:MM:SS) and check that"
                        + " they exist; the rows were not loaded");
        REASON.put(
                ReasonCode.BAD_ENUM,
                "use the Chinese label or the code of the column's enumeration in the"
                        + " contract (EXTRACTS.md); the rows were not loaded");
        REASON.put(
                ReasonCode.OUT_OF_RANGE,
                "correct values outside the column's range or inconsistent between"
                        + " columns (e.g. exit year before identification year, discharge before admission, payments above"
                        + " the total cost); the rows were not loaded");
        REASON.put(
                ReasonCode.BAD_ID_NUMBER,
                "correct the resident ID numbers (18 characters, GB 11643 check"
                        + " character); the rows were not loaded");
        REASON.put(
                ReasonCode.ID_MISMATCH,
                "make birth_date and sex agree with the resident ID number (or correct"
                        + " the ID); the rows were not loaded");
        REASON.put(
                ReasonCode.UNKNOWN_REGION,
                "use current Gansu division codes of the column's level (12-digit"
                        + " village, 9-digit township, 6-digit county); the rows were not loaded");
        REASON.put(
                ReasonCode.FUTURE_DATE,
                "dates after the extract's as-of date: correct the date or deliver the row"
                        + " in a later extract; the rows were not loaded");
        REASON.put(
                ReasonCode.DUPLICATE_ROW,
                "remove the exact copies from the export; the first copy was loaded,"
                        + " these later copies were not");
        REASON.put(
                ReasonCode.CONFLICTING_KEY,
                "these rows share a primary key but differ: keep one row per key and"
                        + " re-deliver; none of them was loaded");
        REASON.put(
                ReasonCode.BAD_ENCODING,
                "export the whole file in one encoding (UTF-8, or GB18030); these rows"
                        + " do not decode and were not loaded");
        REASON.put(
                ReasonCode.BAD_RECORD,
                "fix the CSV structure of these records (field count differs from the"
                        + " header: quote values holding commas, quotes or line breaks; close every quote); they were not"
                        + " loaded");
        if (REASON.size() != ReasonCode.values().length) {
            throw new IllegalStateException("an action is missing for a reason code");
        }
    }

    private static final Map<FileRejection, String> REJECTION = new EnumMap<>(FileRejection.class);

    static {
        REJECTION.put(
                FileRejection.NOT_A_REGULAR_FILE,
                "deliver the file itself (a regular file), not a link, a"
                        + " device or a pipe; links are never followed");
        REJECTION.put(
                FileRejection.BAD_LOCATION,
                "deliver the file as INBOX/<source>/<extract>_<YYYYMMDD>.csv");
        REJECTION.put(
                FileRejection.UNKNOWN_SOURCE,
                "deliver into one of the folders registry, telecom, health,"
                        + " education, ecommerce");
        REJECTION.put(
                FileRejection.UNKNOWN_EXTRACT, "name the file after one of the source's extracts");
        REJECTION.put(
                FileRejection.BAD_FILE_NAME,
                "name the file <extract>_<YYYYMMDD>.csv or .jsonl (optionally"
                        + " .gz) with the real as-of date");
        REJECTION.put(
                FileRejection.WRONG_SOURCE,
                "deliver the file in the folder of the source it belongs to");
        REJECTION.put(
                FileRejection.NO_HEADER,
                "re-deliver the file with its header row (column names only: letters,"
                        + " digits, '_' and spaces, not starting with a digit)");
        REJECTION.put(
                FileRejection.MISSING_REQUIRED_COLUMN,
                "add the missing required column(s) and re-deliver");
        REJECTION.put(
                FileRejection.DUPLICATE_HEADER,
                "name each column once in the header and re-deliver");
        REJECTION.put(
                FileRejection.UNREADABLE,
                "re-export the file and re-deliver it complete (a whole,"
                        + " uncorrupted .gz of a plain export)");
        REJECTION.put(
                FileRejection.RUNAWAY_QUOTE,
                "close the quote at the line named (or remove the stray quote)"
                        + " and re-deliver the whole file; it was not loaded, so that no rows were lost inside the quote");
        REJECTION.put(
                FileRejection.SNAPSHOT_SHRANK,
                "if the export was cut short, re-deliver the complete snapshot;"
                        + " if the drop is real, tell the data office so that it loads the file with an override");
        REJECTION.put(FileRejection.EMPTY_SNAPSHOT, "re-deliver the snapshot with its rows");
        REJECTION.put(
                FileRejection.AMBIGUOUS_DELIVERY,
                "deliver one file per extract and as-of date: withdraw the"
                        + " wrong one and re-deliver");
        if (REJECTION.size() != FileRejection.values().length) {
            throw new IllegalStateException("an action is missing for a file rejection code");
        }
    }

    static String reason(String code) {
        ReasonCode c = reasonCode(code);
        return c == null
                ? "correct these rows and re-deliver; they were not loaded"
                : REASON.get(c);
    }

    static ReasonCode reasonCode(String code) {
        try {
            return code == null ? null : ReasonCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String rejection(String code, String message) {
        String hint;
        try {
            hint = REJECTION.get(FileRejection.valueOf(code));
        } catch (IllegalArgumentException | NullPointerException e) {
            hint = "correct the file and re-deliver it";
        }
        String why = message == null || message.isBlank() ? "" : ": " + message.strip();
        return "the whole file was rejected, nothing of it was loaded" + why + " — " + hint;
    }

    static String orphan(String extract, String link) {
        String join = "; the rows join automatically once the parent arrives";
        switch (link) {
            case "household":
                if ("registry_members".equals(extract)) {
                    return "these members name a household that is not in the households snapshot of the same date:"
                            + " deliver the households or correct household_id"
                            + join;
                }
                return "these rows name a household that is in no households snapshot: deliver the households or"
                        + " correct household_id"
                        + join;
            case "shop":
                return "these rows name a shop that is in no shops snapshot: deliver the shops or correct shop_id"
                        + join;
            case "operator_household":
                return "these shops name an operator household that is in no households snapshot: correct"
                        + " operator_household_id or deliver the households; the shops are loaded, only the link"
                        + " waits for the parent";
            default:
                return "these rows name a parent ("
                        + link
                        + ") that has not been delivered: deliver it or correct"
                        + " the key"
                        + join;
        }
    }

    static final String DRIFT =
            "the file's columns differ from the contract: extra columns were kept aside and are"
                    + " not used, missing optional columns were loaded as empty; align the export with EXTRACTS.md, or tell"
                    + " the data office about a new column";

    static final String NOT_REGISTERED =
            "these rows name persons who are not members in the poverty registry:"
                    + " expected for residents outside the registry; no action unless they should be registered (then the"
                    + " registry office adds them)";

    static String stale(String latestAsOf, long daysBehind) {
        return "the latest delivery is as of "
                + latestAsOf
                + ", "
                + daysBehind
                + " days behind the most recent"
                + " agency: deliver current extracts";
    }

    static String sizeMismatch(SnapshotSignals s) {
        return share(s.sizeMismatchHouseholds(), s.households())
                + " households declare a household_size"
                + " different from their member rows in the members snapshot of "
                + s.asOfDate()
                + ": correct household_size or the member list";
    }

    static String multipleHouseholds(SnapshotSignals s) {
        return "persons listed as members of more than one household in the members snapshot of "
                + s.asOfDate()
                + ": keep each person in one household (check relocated and split households)";
    }

    static String registryHealth(SnapshotSignals s) {
        return "for "
                + share(s.registryHealthDisagree(), s.registryHealthCompared())
                + " persons compared,"
                + " the registry's medical_insurance disagrees with the health commission's insurance enrollment"
                + " (the health data is the authority): update medical_insurance in the registry";
    }

    /** "12 of 3,400 (0.4 %)". */
    static String share(long part, long whole) {
        return whole > 0
                ? String.format(
                        Locale.ROOT, "%,d of %,d (%.1f %%)", part, whole, 100.0 * part / whole)
                : String.format(Locale.ROOT, "%,d of %,d", part, whole);
    }
}
