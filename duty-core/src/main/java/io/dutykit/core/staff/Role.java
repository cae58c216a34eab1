package io.dutykit.core.staff;

/** What a person does at the service centre; one person may hold several roles. */
public enum Role {
    /** 值班管理员: does duty and handovers (3.2). */
    DUTY_OFFICER,
    /** 公共事务部主管: arranges duty, approves leave, signs the log each morning (3.1, 4.3). */
    SUPERVISOR,
    /** 管理处经理: decides major problems (4.1.5). */
    MANAGER,
    /** 保安部主管: keeps the phone on after hours (4.1.7). */
    SECURITY_SUPERVISOR,
    /** 机电维修部主管: keeps the phone on after hours (4.1.7). */
    MAINTENANCE_SUPERVISOR;

    /** Manager-level roles keep their phones on after hours and on holidays (4.1.7). */
    public boolean isManagerLevel() {
        return this != DUTY_OFFICER;
    }
}
