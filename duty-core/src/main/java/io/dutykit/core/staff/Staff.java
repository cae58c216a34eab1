package io.dutykit.core.staff;

import io.dutykit.core.Checks;
import java.util.Set;

/** A person who may appear on the roster, sign, escalate or be escalated to. */
public record Staff(String id, String name, Set<Role> roles) {
    public Staff {
        Checks.requiredText(id, "staff.id");
        roles = Checks.set(roles);
    }

    public static Staff of(String id, String name, Role... roles) {
        return new Staff(id, name, Set.of(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isSupervisor() {
        return has(Role.SUPERVISOR);
    }

    public boolean isManagerLevel() {
        return roles.stream().anyMatch(Role::isManagerLevel);
    }
}
