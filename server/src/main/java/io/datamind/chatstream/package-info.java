/**
 * Streams the answer to a question as it is made: a WebSocket at {@code /ws} and server-sent events at {@code POST
 * /api/v1/chat/messages/stream}, both relaying the ask pipeline's stages, tokens, result and final answer.
 */
package io.datamind.chatstream;
