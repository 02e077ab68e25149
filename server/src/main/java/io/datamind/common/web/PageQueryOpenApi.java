package io.datamind.common.web;

import io.datamind.common.PageQuery;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Documents a {@link PageQuery} parameter as what the client sends: {@code ?offset=&limit=}. */
@Configuration(proxyBeanMethods = false)
class PageQueryOpenApi {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageQuery.class);
    }

    @Bean
    OperationCustomizer pageQueryParameters() {
        return (operation, handlerMethod) -> {
            boolean paged = Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType().equals(PageQuery.class));
            if (paged) {
                operation.addParametersItem(new Parameter()
                        .in("query")
                        .name("offset")
                        .description("How many items to skip")
                        .schema(new IntegerSchema()._default(0).minimum(java.math.BigDecimal.ZERO)));
                operation.addParametersItem(new Parameter()
                        .in("query")
                        .name("limit")
                        .description("How many items to return")
                        .schema(new IntegerSchema()
                                ._default(PageQuery.DEFAULT_LIMIT)
                                .minimum(java.math.BigDecimal.ONE)
                                .maximum(java.math.BigDecimal.valueOf(PageQuery.MAX_LIMIT))));
            }
            return operation;
        };
    }
}
