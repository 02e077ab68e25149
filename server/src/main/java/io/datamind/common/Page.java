package io.datamind.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list endpoint; {@code total} counts every matching row, not just this page. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public static <T> Page<T> of(List<T> items, long total, PageQuery query) {
        return new Page<>(items, total, query.offset(), query.limit());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, offset, limit);
    }
}
