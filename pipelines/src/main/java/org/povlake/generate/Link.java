package org.povlake.generate;

/** A household's tie to a county shop (ecommerce/shop_household_links). */
record Link(Shop shop, String type, int sinceDay, int sinceYear) {}
