package org.physml.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * One notebook cell (a view on its JSON object): type, source, outputs and the grading metadata
 * {@code metadata.physml} ({@link CellSpec}).
 */
public final class Cell {
    /** Key of the grading metadata inside a cell's metadata. */
    public static final String METADATA_KEY = "physml";

    private final JsonObject json;

    Cell(JsonObject json) {
        this.json = json;
        if (!json.has("metadata") || !json.get("metadata").isJsonObject()) {
            json.add("metadata", new JsonObject());
        }
    }

    /**
     * A new cell of the given type ("code" or "markdown") with the given source and cell id.
     *
     * @throws IllegalArgumentException for another cell type
     */
    public static Cell create(String type, String id, String source) {
        if (!"code".equals(type) && !"markdown".equals(type)) {
            throw new IllegalArgumentException("cell type must be \"code\" or \"markdown\", got " + type);
        }
        JsonObject o = new JsonObject();
        o.addProperty("cell_type", type);
        o.addProperty("id", id);
        o.add("metadata", new JsonObject());
        o.addProperty("source", source);
        if ("code".equals(type)) {
            o.add("outputs", new JsonArray());
            o.add("execution_count", JsonNull.INSTANCE);
        }
        return new Cell(o);
    }

    JsonObject json() {
        return json;
    }

    /** A deep copy. */
    public Cell copy() {
        return new Cell(json.deepCopy());
    }

    /** "code", "markdown" or "raw". */
    public String type() {
        return json.get("cell_type").getAsString();
    }

    /** True for a code cell. */
    public boolean isCode() {
        return "code".equals(type());
    }

    /** The nbformat 4.5 cell id, or null if the notebook has none. */
    public String id() {
        JsonElement id = json.get("id");
        return id == null || id.isJsonNull() ? null : id.getAsString();
    }

    /** The source as one string (a list of lines in the file is joined). */
    public String source() {
        return joined(json.get("source"));
    }

    /** Replace the source. */
    public void setSource(String source) {
        json.addProperty("source", source);
    }

    /** The cell metadata object (live). */
    public JsonObject metadata() {
        return json.getAsJsonObject("metadata");
    }

    /**
     * The grading metadata, if the cell has a {@code metadata.physml} object.
     *
     * @throws IllegalArgumentException if that object is malformed (see {@link CellSpec#fromJson})
     */
    public Optional<CellSpec> spec() {
        JsonElement e = metadata().get(METADATA_KEY);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        return Optional.of(CellSpec.fromJson(e));
    }

    /** The grade id if the cell has grading metadata with a readable grade_id, else empty (never throws). */
    public Optional<String> gradeIdLenient() {
        JsonElement e = metadata().get(METADATA_KEY);
        if (e == null || !e.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement id = e.getAsJsonObject().get("grade_id");
        return id != null && id.isJsonPrimitive() ? Optional.of(id.getAsString()) : Optional.empty();
    }

    /** Set (or with null remove) the grading metadata. */
    public void setSpec(CellSpec spec) {
        if (spec == null) {
            metadata().remove(METADATA_KEY);
        } else {
            metadata().add(METADATA_KEY, spec.toJson());
        }
    }

    /** The outputs of a code cell (empty for other cells); each output is its JSON object. */
    public List<JsonObject> outputs() {
        List<JsonObject> list = new ArrayList<>();
        JsonElement outs = json.get("outputs");
        if (outs != null && outs.isJsonArray()) {
            outs.getAsJsonArray().forEach(o -> list.add(o.getAsJsonObject()));
        }
        return list;
    }

    /** Remove outputs and the execution count (code cells only). */
    public void clearOutputs() {
        if (isCode()) {
            json.add("outputs", new JsonArray());
            json.add("execution_count", JsonNull.INSTANCE);
        }
    }

    /** Join an nbformat multiline string (a string or a list of strings). */
    static String joined(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            e.getAsJsonArray().forEach(s -> sb.append(s.getAsString()));
            return sb.toString();
        }
        return e.getAsString();
    }

    /** Split a string into lines that keep their "\n", as nbformat stores multiline strings. */
    static JsonArray toLines(String s) {
        JsonArray a = new JsonArray();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                a.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            a.add(s.substring(start));
        }
        return a;
    }
}
