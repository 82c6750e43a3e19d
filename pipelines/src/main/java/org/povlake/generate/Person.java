package org.povlake.generate;

/** A member of a household over its whole life in the registry. */
final class Person {
    final int index;
    final String relation;
    final boolean male;
    final int birthDay;
    final int birthYear;
    final int birthMonthDay;
    final String id;
    final String name;

    /** First year the person is no longer listed (died), or NEVER. */
    int diesYear = Years.NEVER;

    /** Highest education the person reaches (a code of the education enumeration). */
    String finalEducation;

    String health;
    boolean skilledInitially;

    /** First year with a certified training, or NEVER. */
    int certifiedYear = Years.NEVER;

    /** Started school a year late. */
    boolean behind;

    /** Goes to the county's vocational school rather than senior high. */
    boolean vocational;

    Person(int index, String relation, boolean male, int birthDay, String id, String name) {
        this.index = index;
        this.relation = relation;
        this.male = male;
        this.birthDay = birthDay;
        java.time.LocalDate d = Days.date(birthDay);
        this.birthYear = d.getYear();
        this.birthMonthDay = d.getMonthValue() * 100 + d.getDayOfMonth();
        this.id = id;
        this.name = name;
    }

    int age(int year) {
        return Days.ageOnAug31(birthYear, birthMonthDay, year);
    }

    boolean alive(int year) {
        return birthYear <= year && year < diesYear;
    }

    boolean skilled(int year) {
        return skilledInitially || certifiedYear <= year;
    }

    /**
     * The school grade the person would be in (≤ 0: not yet at school); a late starter repeats
     * grade 1.
     */
    int grade(int year) {
        int age = age(year);
        return age - 5 - (behind && age >= 7 ? 1 : 0);
    }
}
