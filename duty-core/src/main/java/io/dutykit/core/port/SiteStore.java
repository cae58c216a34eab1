package io.dutykit.core.port;

import io.dutykit.core.site.Site;

/** Stores the sites (their zone, calendar and duty windows); the key is the site id. */
public interface SiteStore extends RecordStore<Site> {}
