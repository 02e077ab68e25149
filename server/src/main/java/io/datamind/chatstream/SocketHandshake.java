package io.datamind.chatstream;

import io.datamind.auth.Caller;
import io.datamind.auth.WebSocketPerimeter;
import io.datamind.common.ApiException;
import io.datamind.common.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a WebSocket handshake. A foreign {@code Origin} is refused with 403 before the socket opens (a page on
 * another site must not ride on the user's cookies). Credentials are read but a bad one does not refuse the
 * handshake: a browser's WebSocket API cannot see a refused handshake's status, so the socket opens and its first
 * event is a 401 error, after which it is closed.
 */
@Component
class SocketHandshake implements HandshakeInterceptor {

    static final String TOKEN = "datamind.token";
    static final String CALLER = "datamind.caller";
    static final String AUTH_FAILURE = "datamind.authFailure";
    static final String CLIENT_ADDRESS = "datamind.clientAddress";

    private final WebSocketPerimeter perimeter;
    private final SocketAuthFailures authFailures;
    private final JsonMapper json;

    SocketHandshake(WebSocketPerimeter perimeter, SocketAuthFailures authFailures, JsonMapper json) {
        this.perimeter = perimeter;
        this.authFailures = authFailures;
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (!(request instanceof ServletServerHttpRequest servletRequest)) {
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            return false;
        }
        HttpServletRequest http = servletRequest.getServletRequest();
        if (!perimeter.originAllowed(http)) {
            refuse(response, http, ApiException.forbidden("WebSocket connections from this origin are not allowed"));
            return false;
        }
        attributes.put(CLIENT_ADDRESS, authFailures.address(http));
        Optional<String> token = perimeter.handshakeToken(http);
        if (token.isPresent()) {
            try {
                Caller caller = perimeter.authenticate(token.get());
                attributes.put(TOKEN, token.get());
                attributes.put(CALLER, caller);
            } catch (ApiException failure) {
                if (response instanceof ServletServerHttpResponse servletResponse
                        && refusedOverLimit(http, servletResponse)) {
                    return false;
                }
                attributes.put(AUTH_FAILURE, failure);
            }
        }
        return true;
    }

    private boolean refusedOverLimit(HttpServletRequest request, ServletServerHttpResponse response) {
        try {
            return authFailures.refusedAtHandshake(request, response.getServletResponse());
        } catch (IOException e) {
            // The client left during its own handshake; end it.
            return true;
        }
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {}

    private void refuse(ServerHttpResponse response, HttpServletRequest request, ApiException failure) {
        response.setStatusCode(failure.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsString(
                        StreamEvents.problem(failure, request.getRequestURI(), RequestIds.current()))
                .getBytes(StandardCharsets.UTF_8);
        try {
            response.getBody().write(body);
        } catch (IOException e) {
            // The client left during its own handshake; the status alone is the answer.
        }
    }
}
