/**
 * The append-only audit log: records the events other modules publish (sign-ins, sessions, membership, and {@link
 * io.datamind.audit.AuditEvent} from modules added later) and lets admins read their organization's entries.
 */
package io.datamind.audit;
