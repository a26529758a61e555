package org.physml.grading;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

/**
 * A Jupyter notebook (nbformat 4) held as its JSON tree (Gson), so that fields this class does not know about
 * survive a read/write round trip.
 *
 * <p>{@link #toJson()} writes the layout of Jupyter's own writer (nbformat): keys sorted, one-space indent,
 * multi-line strings of {@code source} split into a list of lines, a final newline. Generated files therefore
 * diff cleanly against notebooks saved by Jupyter. Format reference: the nbformat 4 JSON schema,
 * <a href="https://nbformat.readthedocs.io/en/latest/format_description.html">nbformat format description</a>.
 */
public final class Notebook {
    private final JsonObject root;
    private final List<Cell> cells;

    private Notebook(JsonObject root) {
        this.root = root;
        this.cells = new ArrayList<>();
        for (JsonElement c : root.getAsJsonArray("cells")) {
            cells.add(new Cell(c.getAsJsonObject()));
        }
    }

    /**
     * Read a notebook file.
     *
     * @throws IllegalArgumentException if the file cannot be read, is not JSON, or is not an nbformat 4 notebook
     *                                  (message names the file and what was wrong)
     */
    public static Notebook read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read notebook " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parse notebook JSON; {@code name} is used in error messages.
     *
     * @throws IllegalArgumentException if the text is not an nbformat 4 notebook
     */
    public static Notebook parse(String json, String name) {
        JsonElement tree;
        try {
            tree = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(name + " is not a notebook: invalid JSON (" + e.getMessage() + ")", e);
        }
        if (!tree.isJsonObject()) {
            throw new IllegalArgumentException(name + " is not a notebook: expected a JSON object at the top level");
        }
        JsonObject root = tree.getAsJsonObject();
        JsonElement format = root.get("nbformat");
        if (format == null || !format.isJsonPrimitive() || format.getAsInt() != 4) {
            throw new IllegalArgumentException(name + " is not an nbformat 4 notebook (nbformat = " + format + ")");
        }
        JsonElement cells = root.get("cells");
        if (cells == null || !cells.isJsonArray()) {
            throw new IllegalArgumentException(name + " is not a notebook: no \"cells\" array");
        }
        for (int i = 0; i < cells.getAsJsonArray().size(); i++) {
            checkCell(cells.getAsJsonArray().get(i), name + ": cell " + i);
        }
        if (!root.has("metadata") || !root.get("metadata").isJsonObject()) {
            root.add("metadata", new JsonObject());
        }
        return new Notebook(root);
    }

    /**
     * The parts of the nbformat 4 schema (nbformat.v4.schema.json, "cell") that the grader relies on: a cell is an
     * object with cell_type "code", "markdown" or "raw", a source that is a string or a list of strings, a metadata
     * object if present, and for code cells an outputs array of objects if present.
     */
    private static void checkCell(JsonElement c, String where) {
        if (!c.isJsonObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        JsonObject o = c.getAsJsonObject();
        JsonElement type = o.get("cell_type");
        String t = type != null && type.isJsonPrimitive() && type.getAsJsonPrimitive().isString() ? type.getAsString() : null;
        if (!"code".equals(t) && !"markdown".equals(t) && !"raw".equals(t)) {
            throw new IllegalArgumentException(where + ": cell_type must be \"code\", \"markdown\" or \"raw\", got " + type);
        }
        JsonElement src = o.get("source");
        boolean ok = src != null && (isString(src)
                || src.isJsonArray() && src.getAsJsonArray().asList().stream().allMatch(Notebook::isString));
        if (!ok) {
            throw new IllegalArgumentException(where + ": \"source\" must be a string or a list of strings, got "
                    + (src == null ? "nothing" : kind(src)));
        }
        JsonElement meta = o.get("metadata");
        if (meta != null && !meta.isJsonObject()) {
            throw new IllegalArgumentException(where + ": \"metadata\" must be an object, got " + kind(meta));
        }
        JsonElement outs = o.get("outputs");
        if ("code".equals(t) && outs != null && !(outs.isJsonArray()
                && outs.getAsJsonArray().asList().stream().allMatch(JsonElement::isJsonObject))) {
            throw new IllegalArgumentException(where + ": \"outputs\" must be a list of objects, got " + kind(outs));
        }
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static String kind(JsonElement e) {
        return e.isJsonNull() ? "null" : e.isJsonObject() ? "an object" : e.isJsonArray() ? "a list with other values"
                : e.getAsJsonPrimitive().isString() ? "a string" : "the value " + e;
    }

    /** The cells, in order; the list is live (add, remove and reorder to change the notebook). */
    public List<Cell> cells() {
        return cells;
    }

    /** The notebook-level metadata object (live). */
    public JsonObject metadata() {
        return root.getAsJsonObject("metadata");
    }

    /** A deep copy. */
    public Notebook copy() {
        syncCells();
        return new Notebook(root.deepCopy());
    }

    /** Clear outputs and execution counts of every code cell. */
    public void clearOutputs() {
        cells.forEach(Cell::clearOutputs);
    }

    /** The notebook as JSON text in Jupyter's layout (sorted keys, indent 1, source as lines, final newline). */
    public String toJson() {
        syncCells();
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setIndent(" ");
            w.setHtmlSafe(false);
            write(w, canonical(root, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /**
     * Write the notebook to a file (UTF-8), creating parent directories.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write notebook " + file + ": " + e.getMessage(), e);
        }
    }

    private void syncCells() {
        JsonArray arr = new JsonArray();
        cells.forEach(c -> arr.add(c.json()));
        root.add("cells", arr);
    }

    /** Keys sorted; the "source" and stream "text" strings split into lines as nbformat writes them. */
    private static JsonElement canonical(JsonElement e, String key) {
        if (e.isJsonObject()) {
            Map<String, JsonElement> sorted = new TreeMap<>();
            e.getAsJsonObject().entrySet().forEach(en -> sorted.put(en.getKey(), en.getValue()));
            JsonObject o = new JsonObject();
            sorted.forEach((k, v) -> o.add(k, canonical(v, k)));
            return o;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            e.getAsJsonArray().forEach(v -> a.add(canonical(v, null)));
            return a;
        }
        if (("source".equals(key) || "text".equals(key)) && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return Cell.toLines(e.getAsString());
        }
        return e;
    }

    private static void write(JsonWriter w, JsonElement e) throws IOException {
        if (e.isJsonObject()) {
            w.beginObject();
            for (Map.Entry<String, JsonElement> en : e.getAsJsonObject().entrySet()) {
                w.name(en.getKey());
                write(w, en.getValue());
            }
            w.endObject();
        } else if (e.isJsonArray()) {
            w.beginArray();
            for (JsonElement v : e.getAsJsonArray()) {
                write(w, v);
            }
            w.endArray();
        } else if (e.isJsonNull()) {
            w.nullValue();
        } else if (e.getAsJsonPrimitive().isBoolean()) {
            w.value(e.getAsBoolean());
        } else if (e.getAsJsonPrimitive().isNumber()) {
            w.value(e.getAsNumber());
        } else {
            w.value(e.getAsString());
        }
    }
}
