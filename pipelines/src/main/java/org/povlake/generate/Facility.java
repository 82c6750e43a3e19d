package org.povlake.generate;

/** A health facility: county hospital, township health centre or village clinic. */
record Facility(String code, Village village, String level, int telemedicineYear) {}
