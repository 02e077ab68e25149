package io.datamind.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which limit a request counts against. Paths are matched decoded, the way Spring MVC matches them, so
 * {@code /api/v1/auth/logi%6E} is still a login. Only the API is limited: the health check, static assets and the
 * API docs are not.
 */
final class RouteGroups {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final PathPattern API = PARSER.parse("/api/**");
    private static final List<PathPattern> EXEMPT = patterns("/api/v1/health", "/api/v1/health/**");
    private static final List<Route> POST_ROUTES = List.of(
            new Route(RouteGroup.LOGIN, patterns("/api/v1/auth/login", "/api/v1/auth/token")),
            new Route(RouteGroup.REGISTER, patterns("/api/v1/auth/register")),
            new Route(RouteGroup.REFRESH, patterns("/api/v1/auth/refresh")),
            new Route(RouteGroup.ASK, patterns("/api/v1/chat/messages", "/api/v1/chat/messages/stream")));

    private RouteGroups() {}

    static Optional<RouteGroup> classify(HttpServletRequest request) {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
        if (!API.matches(path) || matchesAny(EXEMPT, path)) {
            return Optional.empty();
        }
        if ("POST".equals(request.getMethod())) {
            for (Route route : POST_ROUTES) {
                if (matchesAny(route.patterns(), path)) {
                    return Optional.of(route.group());
                }
            }
        }
        return Optional.of(RouteGroup.API);
    }

    private static boolean matchesAny(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathPattern> patterns(String... paths) {
        return java.util.Arrays.stream(paths).map(PARSER::parse).toList();
    }

    private record Route(RouteGroup group, List<PathPattern> patterns) {}
}
