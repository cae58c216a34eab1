package io.dutykit.reference;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one site indexed once per evaluation, so that every rule looks things up by key
 * instead of scanning the lists (SPEC section 10: the reference engine is the speed baseline).
 */
final class SiteIndex {
    final SiteRecords records;
    final Site site;
    final Map<String, Staff> staffById = new HashMap<>();
    /** Every person with the SUPERVISOR role, ids sorted. */
    final List<String> supervisors;

    final Map<YearMonth, Roster> rosterByMonth = new HashMap<>();
    /** The rostered officer of each duty date, over every roster. */
    final Map<LocalDate, String> rostered = new HashMap<>();

    final Map<LocalDate, List<Handover>> handoversByDate = new HashMap<>();
    final Map<LocalDate, List<Leave>> leavesByDate = new HashMap<>();
    /** Entries that can be open work, per author, in order of {@code at}. */
    final Map<String, List<LogEntry>> workByAuthor = new HashMap<>();
    /** Every entry by id. */
    final Map<String, LogEntry> entriesById = new HashMap<>();
    /** Every incident by id. */
    final Map<String, Incident> incidentsById = new HashMap<>();
    /** The site's checklist of public items: the expected count of each item, in the checklist's order. */
    final Map<String, Integer> checklist = new LinkedHashMap<>();
    /** The supervisors' spot checks, by the month of their date. */
    final Map<YearMonth, List<SpotCheck>> spotChecksByMonth = new HashMap<>();
    /** The instants of every PATROL entry, sorted. */
    final Instant[] patrols;
    /** Incidents per reporter, in order of {@code openedAt}. */
    final Map<String, List<Incident>> incidentsByReporter = new HashMap<>();

    final Map<LocalDate, List<SupervisorReview>> reviewsByDate = new HashMap<>();
    final Map<LocalDate, List<DutyReport>> reportsByDate = new HashMap<>();
    final Map<YearMonth, List<ProcessReview>> processReviewsByMonth = new HashMap<>();

    private final Map<LocalDate, DutyShift> shifts = new HashMap<>();

    SiteIndex(SiteRecords records) {
        this.records = records;
        this.site = records.site();
        List<String> sups = new ArrayList<>();
        for (Staff s : records.staff()) {
            staffById.put(s.id(), s);
            if (s.has(Role.SUPERVISOR)) {
                sups.add(s.id());
            }
        }
        sups.sort(Comparator.naturalOrder());
        supervisors = List.copyOf(sups);

        for (Roster r : records.rosters()) {
            rosterByMonth.putIfAbsent(r.month(), r);
            for (RosterDuty d : r.duties()) {
                rostered.putIfAbsent(d.date(), d.staff());
            }
        }
        for (Handover h : records.handovers()) {
            handoversByDate.computeIfAbsent(h.date(), k -> new ArrayList<>(2)).add(h);
        }
        for (Leave l : records.leaves()) {
            leavesByDate.computeIfAbsent(l.date(), k -> new ArrayList<>(1)).add(l);
        }
        List<Instant> patrolList = new ArrayList<>();
        for (InventoryItem item : site.inventory()) {
            checklist.put(item.item(), item.expected());
        }
        for (SpotCheck s : records.spotChecks()) {
            spotChecksByMonth
                    .computeIfAbsent(YearMonth.from(s.date()), k -> new ArrayList<>())
                    .add(s);
        }
        for (LogEntry e : records.entries()) {
            entriesById.put(e.id(), e);
            if (e.kind() == EntryKind.PATROL) {
                patrolList.add(e.at());
            } else if (e.isWork()) {
                workByAuthor.computeIfAbsent(e.author(), k -> new ArrayList<>()).add(e);
            }
        }
        patrols = patrolList.toArray(new Instant[0]);
        Arrays.sort(patrols);
        workByAuthor.values().forEach(list -> list.sort(Comparator.comparing(LogEntry::at)));
        for (Incident i : records.incidents()) {
            incidentsById.put(i.id(), i);
            incidentsByReporter
                    .computeIfAbsent(i.reportedBy(), k -> new ArrayList<>())
                    .add(i);
        }
        incidentsByReporter.values().forEach(list -> list.sort(Comparator.comparing(Incident::openedAt)));
        for (SupervisorReview r : records.reviews()) {
            reviewsByDate.computeIfAbsent(r.date(), k -> new ArrayList<>(1)).add(r);
        }
        for (DutyReport r : records.dutyReports()) {
            reportsByDate.computeIfAbsent(r.date(), k -> new ArrayList<>(1)).add(r);
        }
        for (ProcessReview r : records.processReviews()) {
            processReviewsByMonth
                    .computeIfAbsent(r.month(), k -> new ArrayList<>(1))
                    .add(r);
        }
    }

    /** The duty shift of the date, computed once. */
    DutyShift shift(LocalDate date) {
        DutyShift shift = shifts.get(date);
        if (shift == null) {
            shift = site.shiftOf(date);
            shifts.put(date, shift);
        }
        return shift;
    }

    /** The handover whose date is D and whose scheduledAt is D's shift start, or null. */
    Handover handoverAtStart(LocalDate date) {
        List<Handover> list = handoversByDate.get(date);
        if (list == null) {
            return null;
        }
        Instant start = shift(date).start();
        for (Handover h : list) {
            if (h.scheduledAt().equals(start)) {
                return h;
            }
        }
        return null;
    }

    /** The incoming of the handover at D's shift start, else the rostered officer, else null. */
    String officerOnDuty(LocalDate date) {
        Handover h = handoverAtStart(date);
        return h != null ? h.incoming() : rostered.get(date);
    }

    /** The duty date of the shift containing the instant, else its site-local date (SPEC section 4). */
    LocalDate dutyDateOf(Instant instant) {
        LocalDate local = site.localDate(instant);
        if (shift(local).contains(instant)) {
            return local;
        }
        LocalDate previous = local.minusDays(1);
        return shift(previous).contains(instant) ? previous : local;
    }

    /** The shift containing the instant, or null. */
    DutyShift shiftContaining(Instant instant) {
        LocalDate local = site.localDate(instant);
        DutyShift today = shift(local);
        if (today.contains(instant)) {
            return today;
        }
        DutyShift yesterday = shift(local.minusDays(1));
        return yesterday.contains(instant) ? yesterday : null;
    }

    /** The first shift that ends after the instant: the one containing it, else the next to start. */
    DutyShift shiftEndingAfter(Instant instant) {
        DutyShift containing = shiftContaining(instant);
        if (containing != null) {
            return containing;
        }
        LocalDate date = site.localDate(instant).minusDays(1);
        // shifts start on their own date, so the next one starts within two days
        for (int i = 0; i < 4; i++, date = date.plusDays(1)) {
            DutyShift shift = shift(date);
            if (shift.start().isAfter(instant)) {
                return shift;
            }
        }
        return shift(date);
    }

    boolean hasRole(String staffId, Role role) {
        Staff s = staffById.get(staffId);
        return s != null && s.has(role);
    }

    boolean isManagerLevel(String staffId) {
        Staff s = staffById.get(staffId);
        return s != null && s.isManagerLevel();
    }
}
