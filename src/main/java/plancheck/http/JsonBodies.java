package plancheck.http;

import java.io.IOException;
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

    private static <T> T read(RoutingContext ctx, JavaType type) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw Problem.badRequest("malformed-json", "Malformed JSON", "a JSON body is required",
                    List.of(new FieldError("", "required")));
        }
        try {
            T value = Json.MAPPER.readValue(body.getBytes(), type);
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
        if (Number.class.isAssignableFrom(type) || type == int.class || type == double.class
                || type == long.class) {
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
