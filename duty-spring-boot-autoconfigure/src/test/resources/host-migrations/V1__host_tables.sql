-- a host's own table, migrated by the host's Flyway before DutyKit's
CREATE TABLE resident (id VARCHAR(40) PRIMARY KEY, name VARCHAR(200) NOT NULL);
