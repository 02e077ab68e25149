/**
 * The parser layer of the SQL defence: {@link io.datamind.query.guard.SqlGuard} accepts only one read-only query over
 * the connection's own tables. It sits behind the read-only JDBC connection and read-only session, never instead of
 * them (see docs/sql-guard.md).
 */
@org.springframework.modulith.NamedInterface("guard")
package io.datamind.query.guard;
