package io.datamind.auth;

import io.datamind.org.MemberRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A removed member's sessions end with the membership (same transaction). */
@Component
class MemberSessionsListener {

    private final Sessions sessions;

    MemberSessionsListener(Sessions sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(MemberRemoved event) {
        sessions.endOtherSessions(event.memberId(), null, "member_removed");
    }
}
