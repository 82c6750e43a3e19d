package org.povlake.assess;

/** What a published assessment says about its suppression: the rules' version, the cells hidden, the footnote. */
public record PublicationSummary(String rulesVersion, long cells, String footnoteZh, String footnoteEn) {
}
