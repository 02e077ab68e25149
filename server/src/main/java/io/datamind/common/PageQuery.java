package io.datamind.common;

/**
 * The {@code ?offset=&limit=} of a list request, already checked: controllers take it as a parameter and it is
 * resolved by {@code PageQueryArgumentResolver}.
 */
public record PageQuery(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageQuery {
        if (offset < 0) {
            throw ApiException.invalidField("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
