package org.physml.ice.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How much of each class's decision a group of features carries: the share of the class's total mean |IG|
 * ({@link ClassImportance#share}) that falls on the group, next to the group's share of the features. A group that
 * "singles out" a class carries a clearly larger share of that class's attribution than of the others', and more
 * than its share of the features.
 *
 * <p>Used for the claim of the reference study that a symmetry function (Geiger and Dellago's G8, the window
 * function f_b) singles out MDA: {@code ./physml ice study} records it for every descriptor with G8 features in
 * {@code feature-groups.json}.
 *
 * @param descriptor    descriptor name
 * @param group         group name, e.g. "G8"
 * @param groupFeatures number of features in the group, &gt;= 1
 * @param features      number of features of the descriptor, &gt;= groupFeatures
 * @param igShare       per class the group's share of the class's mean |IG|, in [0, 1]
 */
public record FeatureGroupShare(String descriptor, String group, int groupFeatures, int features,
                                Map<String, Double> igShare) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    /** @throws IllegalArgumentException for an empty group, counts out of range or shares outside [0, 1] */
    public FeatureGroupShare {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(group, "group");
        if (groupFeatures < 1 || features < groupFeatures) {
            throw new IllegalArgumentException("group " + group + " of " + descriptor + " has " + groupFeatures
                    + " of " + features + " features; expected 1 <= group <= features");
        }
        igShare = new LinkedHashMap<>(Objects.requireNonNull(igShare, "igShare"));
        igShare.forEach((c, v) -> {
            if (v == null || !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("IG share of " + c + " must be in [0, 1], got " + v);
            }
        });
        igShare = java.util.Collections.unmodifiableMap(igShare);
    }

    /**
     * The shares of a group in computed importances.
     *
     * @param descriptor descriptor name
     * @param imp        integrated-gradients importances of its network
     * @param group      group name
     * @param member     which feature names belong to the group
     * @throws IllegalArgumentException if no feature belongs to the group
     */
    public static FeatureGroupShare of(String descriptor, ClassImportance imp, String group,
                                       Predicate<String> member) {
        int n = (int) imp.features().stream().filter(member).count();
        if (n == 0) {
            throw new IllegalArgumentException(descriptor + " has no feature of group " + group);
        }
        Map<String, Double> share = new LinkedHashMap<>();
        for (int c = 0; c < imp.classes().size(); c++) {
            share.put(imp.classes().get(c), imp.share(c, member));
        }
        return new FeatureGroupShare(descriptor, group, n, imp.features().size(), share);
    }

    /** The group's share of the features, in (0, 1]. */
    public double featureShare() {
        return (double) groupFeatures / features;
    }

    /**
     * A table: one row per class, one column per entry (its IG share of the group, percent), and a last row with
     * the group's share of the features.
     */
    public static Table table(String title, List<FeatureGroupShare> shares) {
        Table t = Table.create(title, StringColumn.create("class"));
        for (FeatureGroupShare s : shares) {
            t.addColumns(DoubleColumn.create(s.group() + " share of |IG|, " + s.descriptor() + " (%)"));
        }
        if (shares.isEmpty()) {
            return t;
        }
        for (String c : shares.get(0).igShare().keySet()) {
            t.stringColumn(0).append(c);
            for (int k = 0; k < shares.size(); k++) {
                t.doubleColumn(k + 1).append(100 * shares.get(k).igShare().getOrDefault(c, Double.NaN));
            }
        }
        t.stringColumn(0).append("(share of the features)");
        for (int k = 0; k < shares.size(); k++) {
            t.doubleColumn(k + 1).append(100 * shares.get(k).featureShare());
        }
        return t;
    }

    /**
     * Writes a list as JSON (snake_case keys), creating parent directories.
     *
     * @throws UncheckedIOException on write errors
     */
    public static void write(Path file, List<FeatureGroupShare> shares) {
        JsonFile.write(GSON, shares, file, "feature-group shares");
    }

    /**
     * Reads a list written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the file if it is not such a list
     * @throws UncheckedIOException     if it cannot be read
     */
    public static List<FeatureGroupShare> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            FeatureGroupShare[] a = GSON.fromJson(r, FeatureGroupShare[].class);
            if (a == null) {
                throw new IllegalArgumentException(file + " is empty; expected a JSON list of feature-group shares");
            }
            return List.copyOf(Arrays.asList(a));
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(file + " is not a JSON list of feature-group shares: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
