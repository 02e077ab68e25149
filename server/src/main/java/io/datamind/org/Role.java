package io.datamind.org;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a member may do, in increasing power; each role can do everything the roles before it can. */
public enum Role {
    /** Sees dashboards and saved answers. */
    VIEWER,
    /** Also asks questions, runs SQL, creates dashboards and alerts. */
    ANALYST,
    /** Also manages members, connections, AI settings and budget. */
    ADMIN,
    /** Also transfers ownership; an organization always has exactly one. */
    OWNER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** The name used in the API, tokens and the database. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromValue(String value) {
        if (value == null) {
            return null;
        }
        for (Role role : values()) {
            if (role.value().equalsIgnoreCase(value.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role " + value + "; expected viewer, analyst, admin or owner");
    }
}
