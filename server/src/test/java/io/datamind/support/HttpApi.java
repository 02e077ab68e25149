package io.datamind.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for integration tests against the real server, with an optional browser-like cookie jar
 * (cookies are sent only under their path, and a {@code Max-Age=0} cookie is forgotten).
 */
public final class HttpApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient client;

    public HttpApi(int port) {
        this("http://127.0.0.1:" + port);
    }

    public HttpApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Request request(String method, String path) {
        return new Request(method, path, null);
    }

    /** A browser: keeps the cookies the server sets and sends them back. */
    public Browser browser() {
        return new Browser();
    }

    public final class Browser {
        private final Map<String, StoredCookie> cookies = new LinkedHashMap<>();

        public Request request(String method, String path) {
            return new Request(method, path, this);
        }

        public Optional<String> cookie(String name) {
            return Optional.ofNullable(cookies.get(name)).map(StoredCookie::value);
        }

        public void setCookie(String name, String value, String path) {
            cookies.put(name, new StoredCookie(value, path));
        }

        public void removeCookie(String name) {
            cookies.remove(name);
        }

        /** Fetches the CSRF cookie with a GET, as the web app does first. */
        public String csrf() {
            request("GET", "/api/v1/auth/csrf").send();
            return cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie was set"));
        }

        String cookieHeader(String path) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, cookie) -> {
                if (path.startsWith(cookie.path())) {
                    if (!header.isEmpty()) {
                        header.append("; ");
                    }
                    header.append(name).append('=').append(cookie.value());
                }
            });
            return header.toString();
        }

        void remember(List<String> setCookies) {
            for (String setCookie : setCookies) {
                SetCookie parsed = SetCookie.parse(setCookie);
                if (parsed.maxAge() != null && parsed.maxAge() <= 0) {
                    cookies.remove(parsed.name());
                } else {
                    cookies.put(parsed.name(), new StoredCookie(parsed.value(), parsed.path()));
                }
            }
        }
    }

    private record StoredCookie(String value, String path) {}

    public final class Request {
        private final String method;
        private final String path;
        private final Browser browser;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private byte[] bytes;

        private Request(String method, String path, Browser browser) {
            this.method = method;
            this.path = path;
            this.browser = browser;
        }

        public Request json(Object value) {
            this.body = value instanceof String text ? text : JSON.writeValueAsString(value);
            headers.put("Content-Type", "application/json");
            return this;
        }

        /**
         * A multipart/form-data body: the text fields, then one file part (the way a browser's FormData sends it).
         */
        public Request multipart(Map<String, String> fields, String fileField, String fileName, byte[] content) {
            String boundary = "----datamind-test-" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data;"
                            + " name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                            + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            this.bytes = out.toByteArray();
            this.body = null;
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            return this;
        }

        public Request bearer(String token) {
            headers.put("Authorization", "Bearer " + token);
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sends the browser's CSRF cookie value in X-XSRF-TOKEN, as the web app does. */
        public Request withCsrf() {
            String token = browser.cookie("XSRF-TOKEN").orElseGet(browser::csrf);
            headers.put("X-XSRF-TOKEN", token);
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            method,
                            bytes != null
                                    ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                                    : body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            if (browser != null) {
                String cookieHeader = browser.cookieHeader(path.split("\\?")[0]);
                if (!cookieHeader.isEmpty() && !headers.containsKey("Cookie")) {
                    builder.header("Cookie", cookieHeader);
                }
            }
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                Response result = new Response(response);
                if (browser != null) {
                    browser.remember(result.setCookies());
                }
                return result;
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static final class Response {
        private final HttpResponse<String> response;

        Response(HttpResponse<String> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public List<String> setCookies() {
            return response.headers().allValues("Set-Cookie");
        }

        public Optional<SetCookie> setCookie(String name) {
            return setCookies().stream()
                    .map(SetCookie::parse)
                    .filter(cookie -> cookie.name().equals(name))
                    .findFirst();
        }

        @Override
        public String toString() {
            return response.request().method() + " " + response.uri() + " -> " + status() + " " + body();
        }
    }

    /** A parsed {@code Set-Cookie} header; attribute names are lower-cased. */
    public record SetCookie(String name, String value, Map<String, String> attributes) {

        static SetCookie parse(String header) {
            String[] parts = header.split(";");
            String[] nameValue = parts[0].split("=", 2);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] attribute = parts[i].trim().split("=", 2);
                attributes.put(attribute[0].toLowerCase(), attribute.length > 1 ? attribute[1] : "");
            }
            return new SetCookie(nameValue[0].trim(), nameValue.length > 1 ? nameValue[1] : "", attributes);
        }

        public String path() {
            return attributes.getOrDefault("path", "/");
        }

        public Long maxAge() {
            String value = attributes.get("max-age");
            return value == null ? null : Long.parseLong(value);
        }

        public boolean has(String attribute) {
            return attributes.containsKey(attribute.toLowerCase());
        }

        public String attribute(String attribute) {
            return attributes.get(attribute.toLowerCase());
        }
    }
}
