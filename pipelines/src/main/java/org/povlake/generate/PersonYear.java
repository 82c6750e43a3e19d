package org.povlake.generate;

/** One member in one year: decided once and shown alike by members, insurance and enrollment. */
final class PersonYear {
    final Person person;
    final int age;
    String education;
    boolean inSchool;
    String health;
    String labor;
    boolean skilled;

    /**
     * The registry's own medical_insurance flag (may disagree with health data); null if not
     * declared.
     */
    Boolean registryInsurance;

    /** Health data: a row for (id, year) exists. */
    boolean insured;

    boolean basicMedical;
    boolean seriousIllness;
    Boolean medicalAssistance;

    /** Enrollment: null when the child has no row this school year. */
    String enrollmentStatus;

    School school;

    /** A transfer's school of origin (a second row, status TRANSFERRED), or null. */
    School transferredFrom;

    int grade;

    /** Subsidy in cents, or -1 for none. */
    long subsidyCents = -1;

    PersonYear(Person person, int age) {
        this.person = person;
        this.age = age;
    }
}
