package io.dutykit.reports;

import java.time.Instant;
import java.time.ZoneId;

/** What every report prints at its top: the site, its time zone and the as-of instant. */
public record ReportHeader(String siteId, String siteName, ZoneId zone, Instant asOf) {}
