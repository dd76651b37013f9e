package plancheck.store;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import plancheck.domain.Commitment;

/**
 * Makes equal values read in one go one object. The rows read at start repeat the same districts, categories, units,
 * reporters and days many times over, and a result names its commitment by the id the commitment already holds;
 * without this each row keeps its own copies, the largest part of the heap.
 */
final class Shared {

    /** Fields of a commitment that no other row repeats (a string in a list has no field name). */
    private static final java.util.Set<String> UNIQUE = java.util.Set.of("title", "quote");

    /** Passes every value through as read. */
    static final Shared NONE = new Shared(null);

    private final Map<Object, Object> seen;

    Shared() {
        this(new HashMap<>());
    }

    private Shared(Map<Object, Object> seen) {
        this.seen = seen;
    }

    /** The first value read equal to {@code value}, or {@code value} itself. */
    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (value == null || seen == null) {
            return value;
        }
        Object first = seen.putIfAbsent(value, value);
        return first == null ? value : (T) first;
    }

    /** A reader of stored commitment bodies whose strings go through {@link #of}. */
    ObjectReader commitments() {
        SimpleModule strings = new SimpleModule().addDeserializer(String.class,
                new StdScalarDeserializer<String>(String.class) {
                    @Override
                    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                        if (!p.hasToken(JsonToken.VALUE_STRING)) {
                            return StringDeserializer.instance.deserialize(p, ctxt);
                        }
                        // titles and quotes are each their own: looking them up would only cost time
                        String field = p.currentName();
                        return field != null && UNIQUE.contains(field) ? p.getText() : of(p.getText());
                    }
                });
        return Json.MAPPER.copy().registerModule(strings).readerFor(Commitment.class);
    }
}
