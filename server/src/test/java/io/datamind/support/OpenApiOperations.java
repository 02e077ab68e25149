package io.datamind.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the live OpenAPI document, with what is needed to call it: tests that walk all endpoints
 * cover the ones added later without being edited.
 */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    private OpenApiOperations(JsonNode document) {
        this.document = document;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(path.getKey(), method.getKey(), path.getValue(), method.getValue()));
                }
            }
        }
    }

    public static OpenApiOperations load(HttpApi api) {
        HttpApi.Response response = api.request("GET", "/v3/api-docs").send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new OpenApiOperations(response.json());
    }

    public List<Operation> all() {
        return List.copyOf(operations);
    }

    /** A body that passes schema validation where it can: enums take their first value, ids the given one. */
    public String sampleBody(Operation operation, Supplier<String> id) {
        if (operation.requestSchema() == null) {
            return null;
        }
        return HttpApi.JSON.writeValueAsString(sample(operation.requestSchema(), id, "", 0));
    }

    private JsonNode sample(JsonNode schema, Supplier<String> id, String name, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode resolved = resolve(schema);
        if (depth > 6 || resolved == null) {
            return nodes.nullNode();
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        for (String composite : List.of("oneOf", "anyOf", "allOf")) {
            if (resolved.has(composite)) {
                return sample(resolved.get(composite).get(0), id, name, depth + 1);
            }
        }
        String type = type(resolved);
        String format = resolved.path("format").asString("");
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                JsonNode properties = resolved.path("properties");
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    object.set(property.getKey(), sample(property.getValue(), id, property.getKey(), depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(sample(resolved.path("items"), id, name, depth + 1));
                return array;
            }
            case "integer", "number" -> {
                return nodes.numberNode(1);
            }
            case "boolean" -> {
                return nodes.booleanNode(false);
            }
            default -> {
                if (format.equals("uuid")) {
                    return nodes.stringNode(id.get());
                }
                if (format.equals("email") || name.toLowerCase().contains("email")) {
                    return nodes.stringNode(TestAccounts.unique("sample") + "@example.com");
                }
                if (format.equals("date-time")) {
                    return nodes.stringNode("2025-01-01T00:00:00Z");
                }
                if (name.toLowerCase().contains("password")) {
                    return nodes.stringNode("sample-" + TestAccounts.PASSWORD);
                }
                return nodes.stringNode("sample-value");
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : "string";
        }
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!option.asString().equals("null")) {
                    return option.asString();
                }
            }
        }
        return type.asString();
    }

    private Operation operation(String path, String method, JsonNode pathItem, JsonNode node) {
        List<Parameter> pathParameters = new ArrayList<>();
        List<Parameter> queryParameters = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        node.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            JsonNode resolved = resolve(parameter);
            JsonNode schema = resolve(resolved.path("schema"));
            Parameter p = new Parameter(
                    resolved.get("name").asString(),
                    schema == null ? "" : schema.path("format").asString(""),
                    resolved.path("required").asBoolean(false));
            if (resolved.path("in").asString().equals("path")) {
                pathParameters.add(p);
            } else if (resolved.path("in").asString().equals("query")) {
                queryParameters.add(p);
            }
        }
        JsonNode body = node.path("requestBody").path("content");
        JsonNode schema = null;
        Iterator<Map.Entry<String, JsonNode>> contents = body.properties().iterator();
        if (contents.hasNext()) {
            schema = contents.next().getValue().get("schema");
        }
        return new Operation(method.toUpperCase(), path, pathParameters, queryParameters, schema);
    }

    public record Parameter(String name, String format, boolean required) {}

    public record Operation(
            String method,
            String path,
            List<Parameter> pathParameters,
            List<Parameter> queryParameters,
            JsonNode requestSchema) {

        public boolean hasPathParameters() {
            return !pathParameters.isEmpty();
        }

        /** The path with every path parameter replaced, and the given query parameters appended. */
        public String url(String pathValue, Map<String, String> query) {
            String url = path;
            for (Parameter parameter : pathParameters) {
                url = url.replace("{" + parameter.name() + "}", pathValue);
            }
            Map<String, String> parameters = new LinkedHashMap<>(query);
            if (!parameters.isEmpty()) {
                StringBuilder builder = new StringBuilder(url).append('?');
                parameters.forEach((key, value) ->
                        builder.append(key).append('=').append(value).append('&'));
                url = builder.substring(0, builder.length() - 1);
            }
            return url;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
