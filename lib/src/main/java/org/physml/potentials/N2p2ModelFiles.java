package org.physml.potentials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.physml.structure.Elements;

/**
 * Reads a Behler-Parrinello potential of one element in n2p2's files ({@code input.nn}, {@code scaling.data},
 * {@code weights.ZZZ.data} with ZZZ the atomic number in three digits) into a
 * {@link BehlerParrinelloPotential}.
 *
 * <p>Conventions, from n2p2's documentation (keywords page; class documentation of {@code SymFncExpRad},
 * {@code SymFncExpAngn}, {@code SymFnc::ScalingType}; "Units" page):
 * <ul>
 *   <li>{@code input.nn}: one keyword per line, {@code #} comments. Used: {@code number_of_elements} (must be 1
 *       here), {@code elements}, {@code atom_energy <symbol> <E>} (added to the energy for every atom),
 *       {@code cutoff_type 1 [alpha]} (cosine, alpha = 0 only), {@code scale_symmetry_functions} with
 *       {@code scale_min_short}/{@code scale_max_short} (or no scaling at all), {@code global_hidden_layers_short},
 *       {@code global_nodes_short}, {@code global_activation_short} (hidden layers and output), and
 *       {@code symfunction_short} lines of type 2 ({@code <e> 2 <e> eta r_s r_c}) and type 3
 *       ({@code <e> 3 <e> <e> eta lambda zeta r_c [r_s]}). Keywords that change the prediction but are not
 *       implemented ({@code normalize_nodes}, {@code center_symmetry_functions},
 *       {@code scale_symmetry_functions_sigma}, {@code normalize_data_set}, {@code mean_energy},
 *       {@code conv_energy}, {@code conv_length}, other cutoff or symmetry-function types) are rejected; all
 *       other keywords only steer training and are ignored.</li>
 *   <li>n2p2 sorts the symmetry functions of an element ({@link BehlerSymmetryFunction#N2P2_ORDER});
 *       {@code scaling.data} ({@code element index, function index, G_min, G_max, G_mean, sigma} per line) and
 *       the network inputs follow that order.</li>
 *   <li>{@code weights.ZZZ.data}: one number per line with its label, {@code value a index l_from n_from l_to
 *       n_to} (weight from neuron n_from of layer l_from to neuron n_to of layer l_to = l_from + 1; layer 0 is
 *       the input, neurons count from 1) or {@code value b index layer neuron} (bias).</li>
 *   <li>Units: n2p2 applies none; the numbers are in the units of the training data. mlearn wrote those in Bohr
 *       and Hartree ({@code mlearn/potentials/nnp.py}: positions divided by pymatgen's bohr_to_angstrom, energies
 *       times eV_to_Ha, and its LAMMPS line {@code pair_style nnp ... cflength 1.8897261328 cfenergy
 *       0.0367493254}); {@link #MLEARN_CFLENGTH} and {@link #MLEARN_CFENERGY} are those factors, in the meaning of
 *       LAMMPS's {@code pair_style nnp}: model length per Angstrom and model energy per eV.</li>
 * </ul>
 */
public final class N2p2ModelFiles {
    /** Bohr per Angstrom used by mlearn for its n2p2 models (the cflength of its LAMMPS pair_style line). */
    public static final double MLEARN_CFLENGTH = 1.8897261328;
    /** Hartree per eV used by mlearn for its n2p2 models (the cfenergy of its LAMMPS pair_style line). */
    public static final double MLEARN_CFENERGY = 0.0367493254;

    private static final Set<String> UNSUPPORTED = Set.of("normalize_nodes", "center_symmetry_functions",
            "scale_symmetry_functions_sigma", "normalize_data_set", "mean_energy", "conv_energy", "conv_length");

    private N2p2ModelFiles() {
    }

    /**
     * Reads {@code input.nn}, {@code scaling.data} and {@code weights.ZZZ.data} of a folder. If several weight
     * files of the element exist under other names (n2p2's per-epoch {@code weights.ZZZ.NNNNNN.out}), only
     * {@code weights.ZZZ.data} counts; the mlearn folders hold one {@code weights.ZZZ.data}.
     *
     * @param dir      the folder
     * @param cflength model length units per Angstrom (e.g. {@link #MLEARN_CFLENGTH} for Bohr)
     * @param cfenergy model energy units per eV (e.g. {@link #MLEARN_CFENERGY} for Hartree)
     * @throws IOException              if a file is missing or unreadable
     * @throws IllegalArgumentException on a malformed or unsupported file; the message names the file, the line
     *                                  and what was expected
     */
    public static BehlerParrinelloPotential read(Path dir, double cflength, double cfenergy) throws IOException {
        if (!(cflength > 0) || !(cfenergy > 0)) {
            throw new IllegalArgumentException("unit factors must be positive, got " + cflength + ", " + cfenergy);
        }
        ModelFileLines in = ModelFileLines.read(dir.resolve("input.nn"));
        String element = null;
        int hidden = -1;
        int[] nodes = null;
        char[] act = null;
        double atomEnergy = 0, sMin = 0, sMax = 1;
        boolean scale = false;
        List<BehlerSymmetryFunction> sf = new ArrayList<>();
        List<ModelFileLines.Line> sfLines = new ArrayList<>();
        ModelFileLines.Line hiddenLine = null;
        for (ModelFileLines.Line line : in.lines()) {
            String key = line.words()[0];
            if (UNSUPPORTED.contains(key)) {
                throw in.error(line, "keyword '" + key + "' is not supported by this reader");
            }
            switch (key) {
                case "number_of_elements" -> {
                    int n = in.integer(line, 1, "the number of elements");
                    if (n != 1) {
                        throw in.error(line, "expected number_of_elements 1 (single-element potentials only), found "
                                + n);
                    }
                }
                case "elements" -> {
                    if (line.words().length != 2) {
                        throw in.error(line, "expected one element symbol, found " + (line.words().length - 1));
                    }
                    element = symbol(in, line, 1);
                }
                case "atom_energy" -> {
                    symbol(in, line, 1);
                    atomEnergy = in.real(line, 2, "the atomic reference energy");
                }
                case "cutoff_type" -> {
                    int type = in.integer(line, 1, "the cutoff type");
                    if (type != 1) {
                        throw in.error(line, "expected cutoff_type 1 (cosine), found " + type);
                    }
                    if (line.words().length > 2 && in.real(line, 2, "alpha") != 0) {
                        throw in.error(line, "expected cutoff alpha 0, found " + line.words()[2]);
                    }
                }
                case "scale_symmetry_functions" -> scale = true;
                case "scale_min_short" -> sMin = in.real(line, 1, "S_min");
                case "scale_max_short" -> sMax = in.real(line, 1, "S_max");
                case "global_hidden_layers_short" -> {
                    hidden = in.integer(line, 1, "the number of hidden layers");
                    hiddenLine = line;
                    if (hidden < 0) {
                        throw in.error(line, "expected a non-negative number of hidden layers, found " + hidden);
                    }
                }
                case "global_nodes_short" -> {
                    nodes = new int[line.words().length - 1];
                    for (int w = 1; w < line.words().length; w++) {
                        nodes[w - 1] = in.integer(line, w, "a number of neurons");
                        if (nodes[w - 1] < 1) {
                            throw in.error(line, "expected a positive number of neurons, found " + nodes[w - 1]);
                        }
                    }
                }
                case "global_activation_short" -> {
                    act = new char[line.words().length - 1];
                    for (int w = 1; w < line.words().length; w++) {
                        String a = line.words()[w];
                        if (a.length() != 1 || "ltsp".indexOf(a.charAt(0)) < 0) {
                            throw in.error(line, "expected an activation letter l, t, s or p in column " + (w + 1)
                                    + ", found '" + a + "'");
                        }
                        act[w - 1] = a.charAt(0);
                    }
                }
                case "symfunction_short" -> {
                    sf.add(symmetryFunction(in, line, cflength));
                    sfLines.add(line);
                }
                default -> {
                    // training keywords: ignored
                }
            }
        }
        if (element == null) {
            throw in.error(0, "the keyword 'elements' is missing");
        }
        if (hidden < 0 || nodes == null || act == null) {
            throw in.error(0, "the network needs global_hidden_layers_short, global_nodes_short and"
                    + " global_activation_short");
        }
        if (nodes.length != hidden || act.length != hidden + 1) {
            throw in.error(hiddenLine, hidden + " hidden layers need " + hidden + " entries in global_nodes_short"
                    + " (found " + nodes.length + ") and " + (hidden + 1) + " in global_activation_short (found "
                    + act.length + ")");
        }
        if (sf.isEmpty()) {
            throw in.error(0, "no symfunction_short lines");
        }
        for (ModelFileLines.Line line : sfLines) {
            String[] w = line.words();
            for (int c : w[2].equals("2") ? new int[]{1, 3} : new int[]{1, 3, 4}) {
                if (!w[c].equals(element)) {
                    throw in.error(line, "element '" + w[c] + "' in column " + (c + 1) + " is not the model's"
                            + " element " + element);
                }
            }
        }
        if (scale && !(sMax > sMin)) {
            throw in.error(0, "expected scale_max_short > scale_min_short, found " + sMin + " and " + sMax);
        }
        List<BehlerSymmetryFunction> sorted = new ArrayList<>(sf);
        sorted.sort(BehlerSymmetryFunction.N2P2_ORDER);
        int n = sorted.size();
        double[] gMin = new double[n], gMax = new double[n];
        if (scale) {
            readScaling(ModelFileLines.read(dir.resolve("scaling.data")), gMin, gMax);
        } else {
            java.util.Arrays.fill(gMax, 1.0);
            sMin = 0;
            sMax = 1;
        }
        int z = Elements.atomicNumber(element);
        int[] sizes = new int[hidden + 2];
        sizes[0] = n;
        System.arraycopy(nodes, 0, sizes, 1, hidden);
        sizes[hidden + 1] = 1;
        Path weights = dir.resolve(String.format("weights.%03d.data", z));
        AtomicNetwork net = readWeights(ModelFileLines.read(weights), sizes, act);
        return new BehlerParrinelloPotential(z, sorted, gMin, gMax, sMin, sMax, net, atomEnergy, 1 / cfenergy);
    }

    private static String symbol(ModelFileLines in, ModelFileLines.Line line, int w) {
        String s = in.word(line, w, "an element symbol");
        if (!Elements.isSymbol(s)) {
            throw in.error(line, "expected an element symbol in column " + (w + 1) + ", found '" + s + "'");
        }
        return s;
    }

    private static BehlerSymmetryFunction symmetryFunction(ModelFileLines in, ModelFileLines.Line line,
                                                           double cflength) {
        symbol(in, line, 1);
        int type = in.integer(line, 2, "the symmetry function type");
        int words = line.words().length;
        try {
            if (type == 2) {
                if (words != 7) {
                    throw in.error(line, "expected 'symfunction_short <e> 2 <e> eta r_s r_c' (7 columns), found "
                            + words);
                }
                symbol(in, line, 3);
                return BehlerSymmetryFunction.radial(in.real(line, 4, "eta"), in.real(line, 5, "r_s"),
                        in.real(line, 6, "r_c")).scaleLengths(1 / cflength);
            }
            if (type == 3) {
                if (words != 9 && words != 10) {
                    throw in.error(line, "expected 'symfunction_short <e> 3 <e> <e> eta lambda zeta r_c [r_s]' (9 or"
                            + " 10 columns), found " + words);
                }
                symbol(in, line, 3);
                symbol(in, line, 4);
                double rs = words == 10 ? in.real(line, 9, "r_s") : 0.0;
                return BehlerSymmetryFunction.angular(in.real(line, 5, "eta"), in.real(line, 6, "lambda"),
                        in.real(line, 7, "zeta"), in.real(line, 8, "r_c"), rs).scaleLengths(1 / cflength);
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(in.file())) {
                throw e;
            }
            throw in.error(line, e.getMessage());
        }
        throw in.error(line, "symmetry function type " + type + " is not supported (2 or 3)");
    }

    private static void readScaling(ModelFileLines sc, double[] gMin, double[] gMax) {
        int n = gMin.length;
        List<ModelFileLines.Line> lines = sc.lines();
        if (lines.size() != n) {
            throw sc.error(lines.isEmpty() ? 0 : lines.get(Math.min(n, lines.size() - 1)).number(),
                    "expected " + n + " lines (one per symmetry function of element 1), found " + lines.size());
        }
        for (int t = 0; t < n; t++) {
            ModelFileLines.Line line = lines.get(t);
            if (line.words().length != 6) {
                throw sc.error(line, "expected 'element index G_min G_max G_mean sigma' (6 columns), found "
                        + line.words().length);
            }
            int e = sc.integer(line, 0, "the element index");
            int index = sc.integer(line, 1, "the symmetry function index");
            if (e != 1 || index != t + 1) {
                throw sc.error(line, "expected element 1, symmetry function " + (t + 1) + "; found " + e + ", "
                        + index);
            }
            gMin[t] = sc.real(line, 2, "G_min");
            gMax[t] = sc.real(line, 3, "G_max");
            if (!(gMax[t] > gMin[t])) {
                throw sc.error(line, "expected G_max > G_min, found " + gMax[t] + " <= " + gMin[t]);
            }
        }
    }

    private static AtomicNetwork readWeights(ModelFileLines wf, int[] sizes, char[] act) {
        int layers = sizes.length - 1;
        double[][][] a = new double[layers][][];
        double[][] b = new double[layers][];
        boolean[][][] seenA = new boolean[layers][][];
        boolean[][] seenB = new boolean[layers][];
        int expected = 0;
        for (int l = 0; l < layers; l++) {
            a[l] = new double[sizes[l + 1]][sizes[l]];
            seenA[l] = new boolean[sizes[l + 1]][sizes[l]];
            b[l] = new double[sizes[l + 1]];
            seenB[l] = new boolean[sizes[l + 1]];
            expected += sizes[l + 1] * (sizes[l] + 1);
        }
        for (ModelFileLines.Line line : wf.lines()) {
            double v = wf.real(line, 0, "a weight value");
            String kind = wf.word(line, 1, "the label a or b");
            if (kind.equals("a")) {
                if (line.words().length != 7) {
                    throw wf.error(line, "expected 'value a index l_from n_from l_to n_to' (7 columns), found "
                            + line.words().length);
                }
                int lf = wf.integer(line, 3, "l_from"), nf = wf.integer(line, 4, "n_from");
                int lt = wf.integer(line, 5, "l_to"), nt = wf.integer(line, 6, "n_to");
                if (lf < 0 || lf >= layers || lt != lf + 1 || nf < 1 || nf > sizes[lf] || nt < 1
                        || nt > sizes[lt]) {
                    throw wf.error(line, "weight (" + lf + ", " + nf + ") -> (" + lt + ", " + nt + ") does not fit"
                            + " the network " + java.util.Arrays.toString(sizes));
                }
                if (seenA[lf][nt - 1][nf - 1]) {
                    throw wf.error(line, "weight (" + lf + ", " + nf + ") -> (" + lt + ", " + nt + ") given twice");
                }
                seenA[lf][nt - 1][nf - 1] = true;
                a[lf][nt - 1][nf - 1] = v;
            } else if (kind.equals("b")) {
                if (line.words().length != 5) {
                    throw wf.error(line, "expected 'value b index layer neuron' (5 columns), found "
                            + line.words().length);
                }
                int l = wf.integer(line, 3, "the layer"), nn = wf.integer(line, 4, "the neuron");
                if (l < 1 || l > layers || nn < 1 || nn > sizes[l]) {
                    throw wf.error(line, "bias of neuron " + nn + " in layer " + l + " does not fit the network "
                            + java.util.Arrays.toString(sizes));
                }
                if (seenB[l - 1][nn - 1]) {
                    throw wf.error(line, "bias of neuron " + nn + " in layer " + l + " given twice");
                }
                seenB[l - 1][nn - 1] = true;
                b[l - 1][nn - 1] = v;
            } else {
                throw wf.error(line, "expected the label 'a' (weight) or 'b' (bias) in column 2, found '" + kind
                        + "'");
            }
        }
        if (wf.lines().size() != expected) {
            throw wf.error(0, "expected " + expected + " weights and biases for the network "
                    + java.util.Arrays.toString(sizes) + ", found " + wf.lines().size());
        }
        return new AtomicNetwork(sizes, act, a, b);
    }
}
