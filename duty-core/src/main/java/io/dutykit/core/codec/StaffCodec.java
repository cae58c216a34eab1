package io.dutykit.core.codec;

import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.util.Set;

/** A staff member ({@code STAFF_REGISTERED}, {@code staff[]}). */
public final class StaffCodec {
    private StaffCodec() {}

    public static final Field<Staff, String> ID = Field.id("id", Staff::id, "a staff id");
    public static final Field<Staff, String> NAME = Field.text("name", Staff::name);
    public static final Field<Staff, Set<Role>> ROLES =
            Field.enumSet("roles", Staff::roles, Role.class, "a role").requiredList("roles");

    public static final Codec<Staff> CODEC = Codec.of(
            Staff.class, "a staff member", v -> new Staff(v.get(ID), v.get(NAME), v.get(ROLES)), ID, NAME, ROLES);
}
