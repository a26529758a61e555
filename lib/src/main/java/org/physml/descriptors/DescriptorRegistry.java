package org.physml.descriptors;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import org.physml.descriptors.nep.NepParameters;
import org.physml.descriptors.snap.BispectrumParameters;
import org.physml.descriptors.steinhardt.SteinhardtParameters;

/**
 * Every descriptor of the library by name, with its parameter record ({@link DescriptorParameters}), and the one
 * JSON form of those records:
 * <pre>
 *   {"descriptor":"soap","parameters":{"r_cut":5.0,"n_max":4,"l_max":8,"sigma":0.5,"rbf":"gto",...}}
 * </pre>
 * Parameter names are the record components in snake case (r_cut, n_max, l_max, twojmax, eta, zeta, lambda),
 * enums are lower-case words, numbers are written exactly ({@link Double#toString}), and a record nested in
 * another (the inner descriptor of an average, the parts of a concatenation, a cutoff function) carries its own
 * type name. The JSON of a record is canonical (components in declaration order, no spaces), so equal parameters
 * give equal text: it is the cache key and the {@code toString} of the descriptors.
 *
 * <p>Reading is strict: an unknown descriptor name, a missing or unknown parameter, or a value the record refuses
 * gives an {@link IllegalArgumentException} naming it and listing what is allowed.
 */
public final class DescriptorRegistry {

    /**
     * One registered descriptor.
     *
     * @param name    the name used in JSON and on the command line, e.g. "soap"
     * @param type    its parameter record
     * @param summary one line for listings
     */
    public record Entry(String name, Class<? extends DescriptorParameters> type, String summary) {
        /** The parameter names in JSON, in declaration order. */
        public List<String> parameterNames() {
            return componentNames(type);
        }
    }

    private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, Entry> BY_TYPE = new LinkedHashMap<>();
    /** Deepest nesting of JSON objects and arrays {@link #fromJson} reads. */
    public static final int MAX_NESTING = 64;

    static {
        register("acsf", AcsfParameters.class, "Behler's atom-centred symmetry functions G1-G5 (DScribe's ACSF)");
        register("acsf-g8", AcsfG8Parameters.class, "Geiger and Dellago's angular G8 in a radial window");
        register("soap", SoapParameters.class, "SOAP partial power spectrum (DScribe's SOAP)");
        register("bispectrum", BispectrumParameters.class, "SNAP bispectrum (LAMMPS compute sna/atom)");
        register("nep", NepParameters.class, "NEP descriptor: Chebyshev radial and angular terms (NEP_CPU)");
        register("steinhardt", SteinhardtParameters.class,
                "Steinhardt order parameters (LAMMPS compute orientorder/atom)");
        register("coulomb-matrix", CoulombMatrixParameters.class, "Coulomb-matrix eigenspectrum of a molecule");
        register("neighbour-average", NeighbourAverageParameters.class,
                "a descriptor averaged over a centre and its same-element neighbours");
        register("concatenation", ConcatenationParameters.class, "local descriptors side by side");
        register("species-subset", SpeciesSubsetParameters.class,
                "a descriptor of the atoms of some species only (the others removed)");
    }

    private static void register(String name, Class<? extends DescriptorParameters> type, String summary) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " is not a record");
        }
        Entry e = new Entry(name, type, summary);
        BY_NAME.put(name, e);
        BY_TYPE.put(type, e);
    }

    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapterFactory(new Factory())
            .disableHtmlEscaping()
            .create();

    private DescriptorRegistry() {
    }

    /** The registered descriptors, in registration order. */
    public static List<Entry> entries() {
        return List.copyOf(BY_NAME.values());
    }

    /**
     * The entry of a name.
     *
     * @throws IllegalArgumentException if no descriptor has that name (the message lists the names)
     */
    public static Entry entry(String name) {
        Entry e = BY_NAME.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown descriptor '" + name + "'; expected one of "
                    + BY_NAME.keySet());
        }
        return e;
    }

    /**
     * The registered name of a parameter record.
     *
     * @throws IllegalArgumentException if its type is not registered
     */
    public static String name(DescriptorParameters p) {
        Entry e = BY_TYPE.get(p.getClass());
        if (e == null) {
            throw new IllegalArgumentException(p.getClass().getName() + " is not a registered parameter type");
        }
        return e.name();
    }

    /** The canonical JSON {"descriptor": name, "parameters": {...}} of a parameter record (one line). */
    public static String toJson(DescriptorParameters p) {
        return GSON.toJson(p, DescriptorParameters.class);
    }

    /** The same JSON, indented for reading. */
    public static String toPrettyJson(DescriptorParameters p) {
        return GSON.newBuilder().setPrettyPrinting().create().toJson(p, DescriptorParameters.class);
    }

    /**
     * Reads {"descriptor": name, "parameters": {...}}.
     *
     * @throws IllegalArgumentException if the text is not such JSON, is nested more than {@value #MAX_NESTING}
     *                                  objects and arrays deep, the name is unknown, a parameter is missing or
     *                                  unknown, or a value is refused (the message says which)
     */
    public static DescriptorParameters fromJson(String json) {
        checkNesting(json);
        try {
            return GSON.fromJson(json, DescriptorParameters.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException("descriptor JSON: " + rootMessage(e), e);
        } catch (RuntimeException e) {
            IllegalArgumentException refused = refusal(e);
            if (refused != null) {
                throw new IllegalArgumentException("descriptor JSON: " + refused.getMessage(), refused);
            }
            throw e;
        }
    }

    /**
     * Refuses JSON nested deeper than {@value #MAX_NESTING} objects and arrays before any recursive reading sees it
     * (a hand-made average of an average of ... would otherwise end in a stack overflow). Brackets inside strings
     * do not count.
     */
    private static void checkNesting(String json) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{' || ch == '[') {
                if (++depth > MAX_NESTING) {
                    throw new IllegalArgumentException("descriptor JSON: nested more than " + MAX_NESTING
                            + " objects and arrays deep at character " + (i + 1) + " (a descriptor takes two, each"
                            + " wrapper such as neighbour-average two more)");
                }
            } else if (ch == '}' || ch == ']') {
                depth--;
            }
        }
    }

    /** The descriptor of a JSON text ({@link #fromJson} then {@link DescriptorParameters#create()}). */
    public static AnyDescriptor create(String json) {
        return fromJson(json).create();
    }

    private static IllegalArgumentException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException iae) {
                return iae;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The JSON name of a record component: the naming policy applied to the record's field of that name. */
    private static String jsonName(Class<?> record, String component) {
        try {
            return FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES.translateName(record.getDeclaredField(component));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(record + " has no field for its component " + component, e);
        }
    }

    /** Type names for the polymorphic parts: descriptor parameters by registry name, cutoff functions by kind. */
    private static final class Factory implements TypeAdapterFactory {
        private static final Map<String, Class<?>> CUTOFFS = Map.of("cosine", CutoffFunction.Cosine.class,
                "sigmoid", CutoffFunction.Sigmoid.class, "smooth-window", CutoffFunction.SmoothWindow.class);

        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<? super T> raw = type.getRawType();
            if (DescriptorParameters.class.isAssignableFrom(raw)) {
                Map<String, Class<?>> m = new LinkedHashMap<>();
                BY_NAME.forEach((name, e) -> m.put(name, e.type()));
                return (TypeAdapter<T>) new Tagged(gson, this, "descriptor", DescriptorParameters.class, m);
            }
            if (CutoffFunction.class.isAssignableFrom(raw)) {
                return (TypeAdapter<T>) new Tagged(gson, this, "kind", CutoffFunction.class, CUTOFFS);
            }
            if (raw.isEnum()) {
                return (TypeAdapter<T>) new LowerCaseEnum<>(raw.asSubclass(Enum.class));
            }
            if (raw.isRecord()) {
                return new StrictRecord<>(gson.getDelegateAdapter(this, type), raw);
            }
            return null;
        }
    }

    /**
     * {"TAG": name, "parameters": {...}} for the record implementations of an interface, whether the declared type
     * is the interface or the record itself.
     */
    private static final class Tagged extends TypeAdapter<Object> {
        private final Gson gson;
        private final TypeAdapterFactory skip;
        private final String tagKey;
        private final Class<?> base;
        private final Map<String, Class<?>> byTag;
        private final Map<Class<?>, String> tagOf = new HashMap<>();

        Tagged(Gson gson, TypeAdapterFactory skip, String tagKey, Class<?> base, Map<String, Class<?>> byTag) {
            this.gson = gson;
            this.skip = skip;
            this.tagKey = tagKey;
            this.base = base;
            this.byTag = byTag;
            byTag.forEach((tag, type) -> tagOf.put(type, tag));
        }

        /** The plain record adapter of a type (this factory skipped, so not this adapter again). */
        @SuppressWarnings("unchecked")
        private TypeAdapter<Object> plain(Class<?> type) {
            return (TypeAdapter<Object>) gson.getDelegateAdapter(skip, TypeToken.get(type));
        }

        @Override
        public void write(JsonWriter out, Object value) throws IOException {
            if (value == null) {
                out.nullValue();
                return;
            }
            String tag = tagOf.get(value.getClass());
            if (tag == null) {
                throw new IllegalArgumentException(value.getClass().getName() + " is not a registered "
                        + base.getSimpleName());
            }
            out.beginObject().name(tagKey).value(tag).name("parameters");
            plain(value.getClass()).write(out, value);
            out.endObject();
        }

        @Override
        public Object read(JsonReader in) throws IOException {
            JsonElement e = JsonParser.parseReader(in);
            if (e.isJsonNull()) {
                return null;
            }
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("expected an object {\"" + tagKey + "\": ..., \"parameters\":"
                        + " {...}}, got " + e);
            }
            JsonObject o = e.getAsJsonObject();
            checkKeys(o, List.of(tagKey, "parameters"), base.getSimpleName());
            String tag = o.get(tagKey).getAsString();
            Class<?> type = byTag.get(tag);
            if (type == null) {
                throw new IllegalArgumentException("unknown " + tagKey + " '" + tag + "'; expected one of "
                        + byTag.keySet());
            }
            JsonElement value = o.get("parameters");
            if (!value.isJsonObject()) {
                throw new IllegalArgumentException(tag + ": expected an object of parameters, got " + value);
            }
            checkKeys(value.getAsJsonObject(), componentNames(type), tag);
            return plain(type).fromJsonTree(value);
        }
    }

    /** An enum as its lower-case name, read by {@link ParameterChoice#parse}. */
    private static final class LowerCaseEnum<E extends Enum<E>> extends TypeAdapter<E> {
        private final Class<E> type;

        LowerCaseEnum(Class<E> type) {
            this.type = type;
        }

        @Override
        public void write(JsonWriter out, E value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(ParameterChoice.text(value));
            }
        }

        @Override
        public E read(JsonReader in) throws IOException {
            return ParameterChoice.parse(type, in.nextString(), type.getSimpleName());
        }
    }

    /** A record read only from an object with exactly its components (no missing, no unknown names). */
    private static final class StrictRecord<T> extends TypeAdapter<T> {
        private final TypeAdapter<T> delegate;
        private final Class<?> type;
        private final List<String> names;

        StrictRecord(TypeAdapter<T> delegate, Class<?> type) {
            this.delegate = delegate;
            this.type = type;
            this.names = componentNames(type);
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            delegate.write(out, value);
        }

        @Override
        public T read(JsonReader in) throws IOException {
            JsonElement e = JsonParser.parseReader(in);
            if (e.isJsonNull()) {
                return null;
            }
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(type.getSimpleName() + ": expected an object with " + names
                        + ", got " + e);
            }
            checkKeys(e.getAsJsonObject(), names, type.getSimpleName());
            return delegate.fromJsonTree(e);
        }
    }

    /** The JSON names of a record's components, in declaration order. */
    private static List<String> componentNames(Class<?> record) {
        List<String> n = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            n.add(jsonName(record, c.getName()));
        }
        return Collections.unmodifiableList(n);
    }

    private static void checkKeys(JsonObject o, List<String> expected, String what) {
        Set<String> unknown = new TreeSet<>(o.keySet());
        unknown.removeAll(expected);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(what + ": unknown parameter(s) " + unknown + "; expected " + expected);
        }
        for (String k : expected) {
            if (!o.has(k)) {
                throw new IllegalArgumentException(what + ": missing parameter '" + k + "'; expected " + expected);
            }
        }
    }
}
