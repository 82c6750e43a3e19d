package org.povlake.generate;

/** A school; its equipment (broadband, bandwidth, multimedia classrooms) improves year by year. */
final class School {
    private static final int[] BANDWIDTH = {10, 20, 50, 100, 200, 1000};

    final String code;
    final Village village;
    final String type;

    /** Highest grade taught (teaching points only teach the first grades). */
    final int lowestGrade;

    final int highestGrade;
    final int classrooms;
    final int students;
    final int broadbandYear;
    final int firstTier;
    final double multimediaShare2014;
    final double multimediaGrowth;

    School(
            String code,
            Village village,
            String type,
            int lowestGrade,
            int highestGrade,
            int classrooms,
            int students,
            int broadbandYear,
            int firstTier,
            double multimediaShare2014,
            double multimediaGrowth) {
        this.code = code;
        this.village = village;
        this.type = type;
        this.lowestGrade = lowestGrade;
        this.highestGrade = highestGrade;
        this.classrooms = classrooms;
        this.students = students;
        this.broadbandYear = broadbandYear;
        this.firstTier = firstTier;
        this.multimediaShare2014 = multimediaShare2014;
        this.multimediaGrowth = multimediaGrowth;
    }

    boolean teaches(int grade) {
        return grade >= lowestGrade && grade <= highestGrade;
    }

    boolean broadband(int year) {
        return year >= broadbandYear;
    }

    /** Mbps, or null without broadband: doubles every other year after connection. */
    Integer bandwidth(int year) {
        if (!broadband(year)) {
            return null;
        }
        return BANDWIDTH[
                Math.min(BANDWIDTH.length - 1, firstTier + (year - broadbandYear + 1) / 2)];
    }

    int multimedia(int year) {
        double share = Math.min(1.0, multimediaShare2014 + multimediaGrowth * (year - 2014));
        return (int) Math.min(classrooms, Math.round(classrooms * Math.max(0, share)));
    }
}
