package plancheck.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import plancheck.domain.Cadence;
import plancheck.domain.Kind;
import plancheck.domain.Status;
import plancheck.store.Json;

/**
 * The 台账 layout read from {@code data/ledger.json}: headers and their variants, the fill of each status and
 * reminder level, the word after a target by kind. Offices name their columns differently; the list is data.
 */
public final class Layout {

    private static final String RESOURCE = "/data/ledger.json";

    /** One column as the file names it. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record ColumnSpec(Column key, String header, List<String> variants) {
    }

    @JsonIgnoreProperties({"_about"})
    record File(List<ColumnSpec> columns, Map<Status, String> statusFill, Map<String, String> levelFill,
            Map<Kind, String> targetWords, Map<Cadence, List<String>> cadenceWords, Table.Limits importLimits) {
    }

    private final Map<Column, ColumnSpec> columns = new EnumMap<>(Column.class);
    private final File file;

    private Layout(File file) {
        this.file = file;
        file.columns().forEach(c -> columns.put(c.key(), c));
        if (columns.size() != Column.values().length || file.columns().size() != Column.values().length) {
            throw new IllegalStateException(RESOURCE + " must name each column once: " + List.of(Column.values()));
        }
    }

    public static Layout load() {
        try (InputStream in = Layout.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new Layout(Json.MAPPER.readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The header the export writes for a column. */
    public String header(Column c) {
        return columns.get(c).header();
    }

    /** Every header in column order. */
    public List<String> headers() {
        List<String> out = new ArrayList<>();
        for (Column c : Column.values()) {
            out.add(header(c));
        }
        return out;
    }

    /** The header and its variants, the names an import recognises for a column. */
    public List<String> names(Column c) {
        List<String> out = new ArrayList<>();
        out.add(header(c));
        out.addAll(columns.get(c).variants());
        return out;
    }

    /** What an import reads at most. */
    public Table.Limits importLimits() {
        return file.importLimits();
    }

    /** The word the export writes for a cadence (每月); null for none. */
    public String cadenceWord(Cadence c) {
        return c == null ? null : file.cadenceWords().get(c).get(0);
    }

    /** The cadence a 台账 cell names (any of its words, or its name: MONTHLY); empty when none does. */
    public java.util.Optional<Cadence> cadence(String word) {
        String bare = word.strip();
        for (Cadence c : Cadence.values()) {
            if (c.name().equalsIgnoreCase(bare) || file.cadenceWords().getOrDefault(c, List.of()).contains(bare)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /** ARGB fill of a status cell, e.g. "FFF8696B" (the file gives RGB; spreadsheet programs want the alpha). */
    public String fill(Status s) {
        return "FF" + file.statusFill().getOrDefault(s, "FFFFFF");
    }

    /** ARGB fill of a reminder level (BLUE, YELLOW, RED). */
    public String levelFill(String level) {
        return "FF" + file.levelFill().getOrDefault(level, "FFFFFF");
    }

    /** The word after a target of this kind (以上 for AT_LEAST); for BINARY and ONGOING the whole target text. */
    public String targetWord(Kind k) {
        return file.targetWords().getOrDefault(k, "");
    }
}
