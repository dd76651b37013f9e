package plancheck.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import plancheck.service.FieldError;
import plancheck.store.Json;

/** Reads request bodies into domain facts and writes answers, turning every mapping error into field errors. */
final class JsonBodies {

    private JsonBodies() {
    }

    static byte[] bytes(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(RoutingContext ctx, Class<T> type) {
        return read(ctx, Json.MAPPER.constructType(type));
    }

    static <T> T read(RoutingContext ctx, TypeReference<T> type) {
        return read(ctx, Json.MAPPER.getTypeFactory().constructType(type));
    }

    static JsonNode tree(RoutingContext ctx) {
        return read(ctx, Json.MAPPER.constructType(JsonNode.class));
    }

    /** Maps an already parsed tree, with the same field errors as a body. */
    static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw refused(e);
        }
    }

    /**
     * The body's text, checked before it is parsed: sent as application/json (UTF-8, the only charset JSON has),
     * decoded strictly (no invalid or overlong byte sequences), and non-empty.
     */
    private static String text(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("content-type");
        if (!isJson(contentType)) {
            throw new Problem.Raised(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "the body must be sent as application/json (charset utf-8), not " + (contentType == null
                            ? "without a content type" : contentType),
                    List.of(new FieldError("Content-Type", "expected application/json"))));
        }
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw Problem.badRequest("malformed-json", "Malformed JSON", "a JSON body is required",
                    List.of(new FieldError("", "required")));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body.getBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest("invalid-utf8", "Body is not UTF-8", "the body is not valid UTF-8 text",
                    List.of(new FieldError("", "invalid UTF-8")));
        }
    }

    /** application/json with no parameter but charset=utf-8; any case, as media types are. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(java.util.Locale.ROOT).replace("\"", "");
            if (!param.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** Field names and strings must be text: an escaped lone surrogate ("\\ud800") is not a character. */
    private static void refuseLoneSurrogates(JsonNode node, String path) {
        if (node.isTextual()) {
            checkText(node.textValue(), path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseLoneSurrogates(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                checkText(e.getKey(), field);
                refuseLoneSurrogates(e.getValue(), field);
            }
        }
    }

    private static void checkText(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw Problem.badRequest("invalid-text", "Text that is not Unicode", "a string holds a lone"
                        + " surrogate (\\u" + Integer.toHexString(c) + ")",
                        List.of(new FieldError(path, "lone surrogate \\u" + Integer.toHexString(c))));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(RoutingContext ctx, JavaType type) {
        String body = text(ctx);
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            if (tree != null) {
                refuseLoneSurrogates(tree, "");
            }
            T value = tree == null || tree.isNull() ? null
                    : type.getRawClass() == JsonNode.class ? (T) tree : Json.MAPPER.treeToValue(tree, type);
            if (value == null) {
                throw Problem.badRequest("malformed-json", "Malformed JSON", "the body is null",
                        List.of(new FieldError("", "must not be null")));
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw refused(e);
        }
    }

    private static Problem.Raised refused(Exception e) {
        if (e instanceof StreamReadException parse) {
            String where = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return Problem.badRequest("malformed-json", "Malformed JSON", "the body is not valid JSON" + where,
                    List.of(new FieldError("", parse.getOriginalMessage())));
        }
        if (e instanceof JsonMappingException mapping) {
            return Problem.badRequest("wrong-types", "Fields of the wrong type or value", reason(mapping),
                    List.of(new FieldError(path(mapping), reason(mapping))));
        }
        if (e instanceof JacksonException other) {
            return Problem.badRequest("malformed-json", "Malformed JSON", other.getOriginalMessage(), List.of());
        }
        return Problem.badRequest("malformed-json", "Malformed JSON", String.valueOf(e.getMessage()), List.of());
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException bad && bad.getTargetType() != null && bad.getTargetType().isEnum()) {
            return "unknown value '" + bad.getValue() + "'; one of " + Arrays.stream(bad.getTargetType()
                    .getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException bad) {
            return "'" + bad.getValue() + "' is not a valid " + simple(bad.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + simple(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String simple(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }

    /** "source.document", "[2].kind": where in the body the error is. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
