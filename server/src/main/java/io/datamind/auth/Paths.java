package io.datamind.auth;

import jakarta.servlet.http.HttpServletRequest;

/** The paths the security rules refer to, relative to the context path. */
final class Paths {

    static final String AUTH = "/api/v1/auth";
    static final String LOGIN = AUTH + "/login";
    static final String REGISTER = AUTH + "/register";
    static final String TOKEN = AUTH + "/token";
    static final String HEALTH = "/api/v1/health";
    static final String ACTUATOR_HEALTH = "/actuator/health";

    private Paths() {}

    static String of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    static boolean authenticatedByToken(String path) {
        if (path.startsWith("/actuator/")) {
            return !under(path, ACTUATOR_HEALTH);
        }
        return path.startsWith("/api/") && !under(path, AUTH) && !under(path, HEALTH);
    }

    static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
