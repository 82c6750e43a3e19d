package org.povlake.assess;

/**
 * What a published assessment says about its disclosure control: the rules' version, the cells
 * hidden, the footnote, and the audit's summary ({@link DisclosureControl.Summary}).
 */
public record PublicationSummary(
        String rulesVersion,
        long cells,
        String footnoteZh,
        String footnoteEn,
        DisclosureControl.Summary audit) {}
