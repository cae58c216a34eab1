package io.dutykit.reports;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.staff.Staff;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of one report language ({@code reports_en} / {@code reports_zh} bundles) and the way it
 * prints dates, times, minutes and shares, always in the site's zone.
 */
final class Messages {
    private static final String BUNDLE = "io.dutykit.reports.reports";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;
    private final Map<String, Staff> staff;
    private final ViolationMessages rules;

    private Messages(
            ResourceBundle bundle, Locale locale, ZoneId zone, Map<String, Staff> staff, ViolationMessages rules) {
        this.bundle = bundle;
        this.locale = locale;
        this.zone = zone;
        this.staff = staff;
        this.rules = rules;
    }

    /** Chinese for any Chinese locale, English for every other; the default rules' texts. */
    static Messages of(Locale requested, SiteRecords records) {
        return of(requested, records, ViolationMessages.defaults());
    }

    /** Chinese for any Chinese locale, English for every other; the rules' texts given (a company's included). */
    static Messages of(Locale requested, SiteRecords records, ViolationMessages rules) {
        Locale locale = "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                new Locale(locale.getLanguage()),
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale, records.site().zone(), records.staffById(), rules);
    }

    /** The rules' titles and messages (the defaults plus a company's). */
    ViolationMessages rules() {
        return rules;
    }

    /** {@code zh-CN} or {@code en}. */
    String languageTag() {
        return locale.toLanguageTag();
    }

    /** The locale the report is written in: {@code zh-CN} or {@code en}. */
    Locale locale() {
        return locale;
    }

    boolean isChinese() {
        return "zh".equals(locale.getLanguage());
    }

    ZoneId zone() {
        return zone;
    }

    /** The text of the key with {@code {0}}, {@code {1}}… replaced by the arguments. */
    String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new ReportException("report text '" + key + "' is missing from the " + languageTag() + " bundle");
        }
        String result = pattern;
        for (int i = 0; i < args.length; i++) {
            result = result.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return result;
    }

    /** The text of the key, or the fallback when the bundle has none (e.g. an unknown rule id). */
    String textOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant.atZone(zone));
    }

    String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant.atZone(zone));
    }

    /** The date with its weekday, e.g. {@code 2026-11-02 (Mon)} or {@code 2026-11-02（周一）}. */
    String date(LocalDate date) {
        if (date == null) {
            return "—";
        }
        String day = date.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale);
        return isChinese() ? date + "（" + day + "）" : date + " (" + day + ")";
    }

    /** An ISO-8601 instant with the site's offset, for JSON and CSV readers. */
    String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    String minutes(Double minutes) {
        return minutes == null ? "—" : text("unit.minutes", number(minutes));
    }

    /** A number without a trailing {@code .0}. */
    static String number(double value) {
        BigDecimal decimal =
                BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    /** A share from 0 to 1 as a percentage with one decimal. */
    static String percent(Double share) {
        return share == null ? "—" : number(share * 100) + "%";
    }

    /** The person's name and id, e.g. {@code 王芳 (wang)}; just the id when the name is unknown. */
    String staff(String id) {
        if (id == null) {
            return "—";
        }
        Staff person = staff.get(id);
        return person == null || person.name() == null || person.name().isBlank()
                ? id
                : person.name() + " (" + id + ")";
    }

    String yesNo(boolean value) {
        return text(value ? "yes" : "no");
    }
}
