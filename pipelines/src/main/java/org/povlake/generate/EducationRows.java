package org.povlake.generate;

/** education: schools and enrollment (snapshots), training (events). */
final class EducationRows {
    private final Vocabulary v;
    private final Extract schools;
    private final Extract enrollment;
    private final Extract training;
    private final int sCode,
            sVillage,
            sType,
            sBroadband,
            sBandwidth,
            sClassrooms,
            sMultimedia,
            sStudents;
    private final int eId, eSchool, eYear, eGrade, eStatus, eSubsidy;
    private final int tId, tPerson, tCourse, tCompleted, tCertified;

    EducationRows(Extracts extracts, Model model) {
        v = model.vocab;
        schools = extracts.get("education", "schools");
        sCode = schools.col("school_code");
        sVillage = schools.col("village_code");
        sType = schools.col("school_type");
        sBroadband = schools.col("broadband");
        sBandwidth = schools.col("bandwidth_mbps");
        sClassrooms = schools.col("classrooms");
        sMultimedia = schools.col("multimedia_classrooms");
        sStudents = schools.col("students");
        enrollment = extracts.get("education", "enrollment");
        eId = enrollment.col("id_number");
        eSchool = enrollment.col("school_code");
        eYear = enrollment.col("school_year");
        eGrade = enrollment.col("grade");
        eStatus = enrollment.col("status");
        eSubsidy = enrollment.col("subsidy");
        training = extracts.get("education", "training");
        tId = training.col("training_id");
        tPerson = training.col("id_number");
        tCourse = training.col("course");
        tCompleted = training.col("completed_date");
        tCertified = training.col("certified");
    }

    void school(Sinks out, School s, int year) {
        String[] row = schools.newRow();
        row[sCode] = s.code;
        row[sVillage] = s.village.code;
        row[sType] = v.label(Codes.SCHOOL, s.type);
        row[sBroadband] = Formats.bool(s.broadband(year));
        Integer bandwidth = s.bandwidth(year);
        row[sBandwidth] = bandwidth == null ? Formats.NULL : Formats.integer(bandwidth);
        row[sClassrooms] = Formats.integer(s.classrooms);
        row[sMultimedia] = Formats.integer(s.multimedia(year));
        row[sStudents] = Formats.integer(s.students + (year - 2016) * (s.students / 50));
        out.emit(schools, year, row);
    }

    /** The school year starting in this year: one row per enrolled child, two for a transfer. */
    void enrollment(Sinks out, HouseholdYear hy) {
        for (PersonYear py : hy.members) {
            if (py.enrollmentStatus == null) {
                continue;
            }
            if (py.transferredFrom != null) {
                out.emit(
                        enrollment,
                        hy.year,
                        row(py, hy.year, py.transferredFrom, Codes.TRANSFERRED, -1));
            }
            out.emit(
                    enrollment,
                    hy.year,
                    row(py, hy.year, py.school, py.enrollmentStatus, py.subsidyCents));
        }
    }

    private String[] row(PersonYear py, int year, School school, String status, long subsidy) {
        String[] row = enrollment.newRow();
        row[eId] = py.person.id;
        row[eSchool] = school.code;
        row[eYear] = Formats.integer(year);
        row[eGrade] = Formats.integer(py.grade);
        row[eStatus] = v.label(Codes.ENROLLMENT, status);
        row[eSubsidy] = subsidy < 0 ? Formats.NULL : Formats.money(subsidy);
        return row;
    }

    void training(Sinks out, Household h, int year) {
        for (Training t : h.trainings) {
            if (t.year() != year) {
                continue;
            }
            String[] row = training.newRow();
            row[tId] = "PX" + year + h.id + (t.sequence() < 10 ? "0" : "") + t.sequence();
            row[tPerson] = h.people.get(t.person()).id;
            row[tCourse] = v.label(Codes.COURSE, t.course());
            row[tCompleted] = Formats.date(t.completedDay());
            row[tCertified] = Formats.bool(t.certified());
            out.emit(training, year, row);
        }
    }
}
