package io.datamind.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address as the servlet container reports it: behind a proxy, configure the container's forwarded
 * headers handling for trusted proxies so this is the real client.
 */
final class ClientInfo {

    private ClientInfo() {}

    static String ip(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
