package io.datamind.query;

/**
 * One column of a result.
 *
 * @param type one of {@code number, integer, text, boolean, date, timestamp, time, binary, other}
 * @param nativeType the database's own type name, for people and the LLM
 */
public record ResultColumn(String name, String type, String nativeType) {}
