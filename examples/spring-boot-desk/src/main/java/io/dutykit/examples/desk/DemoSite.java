package io.dutykit.examples.desk;

import io.dutykit.core.port.DutyStores;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.usecase.DutyDesk;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code desk.demo-site=true}: on the first start, the site {@code garden-court} with a supervisor
 * (li), two duty officers (wang on even days, chen on odd days) and a manager (zhao), and published
 * rosters for this month and the next, so the endpoints can be tried at once. A real host sets up its
 * sites through its own screens, with the same {@link DutyDesk} calls.
 */
@Component
@ConditionalOnProperty(name = "desk.demo-site", havingValue = "true")
class DemoSite implements ApplicationRunner {
    static final String SITE = "garden-court";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DutyDesk desk;
    private final DutyStores stores;
    private final Clock clock;

    DemoSite(DutyDesk desk, DutyStores stores, Clock clock) {
        this.desk = desk;
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (stores.sites().find(SITE, SITE).isPresent()) {
            return;
        }
        desk.configureSite(Site.of(SITE, "Garden Court 花园阁", ZONE, SiteCalendar.WEEKDAYS_ONLY), "li");
        desk.registerStaff(SITE, Staff.of("li", "李强", Role.SUPERVISOR), "li");
        desk.registerStaff(SITE, Staff.of("wang", "王芳", Role.DUTY_OFFICER), "li");
        desk.registerStaff(SITE, Staff.of("chen", "陈伟", Role.DUTY_OFFICER), "li");
        desk.registerStaff(SITE, Staff.of("zhao", "赵敏", Role.MANAGER), "li");
        YearMonth thisMonth = YearMonth.now(clock.withZone(ZONE));
        for (YearMonth month : List.of(thisMonth, thisMonth.plusMonths(1))) {
            List<RosterDuty> duties = new ArrayList<>();
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                duties.add(new RosterDuty(month.atDay(day), day % 2 == 0 ? "wang" : "chen"));
            }
            desk.draftRoster(SITE, month, duties, "li");
            desk.publishRoster(SITE, month, "li");
        }
    }
}
