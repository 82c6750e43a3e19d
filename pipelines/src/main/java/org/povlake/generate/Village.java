package org.povlake.generate;

/** A village-level unit of the Gansu reference, with what the generator decided about it. */
final class Village {
    final String code;
    final long key;
    final Township township;

    /** 行政村: code digits 10–12 in 200–399. */
    final boolean admin;

    /** 居委会/社区: code digits 10–12 in 001–199. */
    final boolean community;

    boolean poor;
    int designatedYear = Years.NEVER;
    int poorExitYear = Years.NEVER;
    double weight;
    int households;
    long firstHousehold;

    Village(String code, Township township, boolean admin) {
        this.code = code;
        this.key = Long.parseLong(code);
        this.township = township;
        this.admin = admin;
        this.community = Integer.parseInt(code.substring(9, 12)) < 200;
    }

    County county() {
        return township.county;
    }

    @Override
    public String toString() {
        return code;
    }
}
