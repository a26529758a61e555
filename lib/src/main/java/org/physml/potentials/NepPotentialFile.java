package org.physml.potentials;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import org.physml.descriptors.nep.NepParameters;

/**
 * Reads and writes a trained {@link NepPotential} as JSON (Gson): the descriptor hyper-parameters, the fixed radial
 * coefficients c, q_scaler and the network weights (w0 per species H x D row-major, b0, w1, shared b1), plus free
 * text saying how the model was made. The file is this course's own format, not GPUMD's nep.txt.
 */
public final class NepPotentialFile {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private NepPotentialFile() {
    }

    /** The JSON layout. */
    static final class Content {
        String comment;
        String[] species;
        double[] cutoffRadial;
        double[] cutoffAngular;
        int nMaxRadial;
        int nMaxAngular;
        int basisSizeRadial;
        int basisSizeAngular;
        int lMax;
        int lMax4Body;
        int lMax5Body;
        double[] c;
        double[] qScaler;
        double[][] w0;
        double[][] b0;
        double[][] w1;
        double b1;
    }

    /**
     * Writes a potential with a comment (e.g. the command and settings that trained it).
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(NepPotential potential, String comment, Path file) throws IOException {
        NepParameters p = potential.parameters();
        NepNetwork n = potential.network();
        Content c = new Content();
        c.comment = comment;
        c.species = p.species().toArray(new String[0]);
        int t = p.speciesCount();
        c.cutoffRadial = new double[t];
        c.cutoffAngular = new double[t];
        for (int i = 0; i < t; i++) {
            c.cutoffRadial[i] = p.pairCutoffRadial(i, i);
            c.cutoffAngular[i] = p.pairCutoffAngular(i, i);
        }
        c.nMaxRadial = p.nMaxRadial();
        c.nMaxAngular = p.nMaxAngular();
        c.basisSizeRadial = p.basisSizeRadial();
        c.basisSizeAngular = p.basisSizeAngular();
        c.lMax = p.lMax();
        c.lMax4Body = p.lMax4Body();
        c.lMax5Body = p.lMax5Body();
        c.c = p.coefficients();
        c.qScaler = p.qScaler();
        c.w0 = new double[t][];
        c.b0 = new double[t][];
        c.w1 = new double[t][];
        for (int i = 0; i < t; i++) {
            c.w0[i] = n.w0(i);
            c.b0[i] = n.b0(i);
            c.w1[i] = n.w1(i);
        }
        c.b1 = n.b1();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GSON.toJson(c, w);
        }
    }

    /**
     * Reads a potential written by {@link #write}.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException naming the file if it is not valid JSON or its parameters are inconsistent
     */
    public static NepPotential read(Path file) throws IOException {
        Content c;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c = GSON.fromJson(r, Content.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not a NEP potential JSON file (" + e.getMessage() + ")", e);
        }
        if (c == null || c.species == null || c.c == null || c.qScaler == null || c.w0 == null || c.b0 == null
                || c.w1 == null || c.cutoffRadial == null || c.cutoffAngular == null) {
            throw new IllegalArgumentException(file + ": missing fields (species, cutoffs, c, qScaler, w0, b0, w1 "
                    + "are required)");
        }
        try {
            NepParameters p = NepParameters.builder(c.species).cutoffs(c.cutoffRadial, c.cutoffAngular)
                    .nMax(c.nMaxRadial, c.nMaxAngular).basisSize(c.basisSizeRadial, c.basisSizeAngular)
                    .lMax(c.lMax, c.lMax4Body, c.lMax5Body).coefficients(c.c).qScaler(c.qScaler).build();
            return new NepPotential(p, new NepNetwork(c.w0, c.b0, c.w1, c.b1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
