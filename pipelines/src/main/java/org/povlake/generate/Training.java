package org.povlake.generate;

/** A training course a member completed (an event of education/training). */
record Training(
        int year, int person, int sequence, String course, int completedDay, boolean certified) {}
