package io.dutykit.test.data;

import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.util.List;

/**
 * The people of the test data, one of each role: the duty officers wang, chen and liu, the supervisor
 * li, the manager zhao, the security supervisor sun, the maintenance supervisor ma and the day clerk he
 * (no role). The builders' defaults name them (chen hands over to wang, li reviews).
 */
public final class TestStaff {
    public static final Staff WANG = Staff.of("wang", "王芳", Role.DUTY_OFFICER);
    public static final Staff CHEN = Staff.of("chen", "陈军", Role.DUTY_OFFICER);
    public static final Staff LIU = Staff.of("liu", "刘洋", Role.DUTY_OFFICER);
    public static final Staff LI = Staff.of("li", "李强", Role.SUPERVISOR);
    public static final Staff ZHAO = Staff.of("zhao", "赵敏", Role.MANAGER);
    public static final Staff SUN = Staff.of("sun", "孙伟", Role.SECURITY_SUPERVISOR);
    public static final Staff MA = Staff.of("ma", "马丽", Role.MAINTENANCE_SUPERVISOR);
    public static final Staff HE = Staff.of("he", "何静");

    /** The supervisor the builders' defaults name (reviews, decisions). */
    public static final String SUPERVISOR = LI.id();

    private TestStaff() {}

    /** Everyone, in the order above. */
    public static List<Staff> all() {
        return List.of(WANG, CHEN, LIU, LI, ZHAO, SUN, MA, HE);
    }
}
