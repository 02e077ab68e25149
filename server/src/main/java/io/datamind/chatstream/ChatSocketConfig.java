package io.datamind.chatstream;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Registers the chat socket. No allowed origins are set on the registration: {@link SocketHandshake} checks the
 * origin itself, against the same list as CORS ({@code datamind.security.cors-origins}) or the same host.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatSocketConfig implements WebSocketConfigurer {

    private final ChatSocketHandler handler;
    private final SocketHandshake handshake;

    ChatSocketConfig(ChatSocketHandler handler, SocketHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, ChatSocketHandler.PATH).addInterceptors(handshake);
    }
}
