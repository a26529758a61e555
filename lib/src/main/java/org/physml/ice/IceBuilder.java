package org.physml.ice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.physml.structure.Structure;

/**
 * Builds proton-disordered ice: the O lattice of a phase from its crystallographic data, the hydrogen-bond
 * graph, a random arrangement of the protons that obeys the ice rules and carries (nearly) no net dipole, and
 * rigid water molecules on it (what GenIce does, Matsumoto, Yagasaki and Tanaka, J. Comput. Chem. 39, 61-64
 * (2018)).
 *
 * <pre>{@code
 * WaterSystem ice = IceBuilder.of(IcePhase.IH).orthohexagonal().atLeast(300).seed(7).build();
 * }</pre>
 *
 * <p>The repeat unit is the phase's crystallographic cell, or for ice VII the 2x2x2 cubic cell in which each of
 * its two diamond networks is periodic by itself ({@link IceCrystal#networkRepeat()}), optionally transformed
 * by {@link #cellTransform(int[][])}; {@link #repeat(int, int, int)} or {@link #atLeast(int)} then replicate it.
 * The same phase, options and seed always give the same structure.
 */
public final class IceBuilder {
    /** Rows of the matrix that turns a hexagonal cell (gamma = 120 deg) into its rectangular orthohexagonal cell. */
    public static final int[][] ORTHOHEXAGONAL = {{1, 0, 0}, {1, 2, 0}, {0, 0, 1}};
    /** Largest net dipole, in molecular dipoles, that counts as depolarised. */
    static final double MAX_RESIDUAL = 0.5;

    private final IcePhase phase;
    private int[][] transform = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    private int[] repeat = {1, 1, 1};
    private int atLeast = -1;
    private long seed = 1;
    private boolean depolarize = true;
    private WaterModel model = WaterModel.TIP4P_2005;
    private int[] chosen;

    private IceBuilder(IcePhase phase) {
        this.phase = phase;
    }

    /** A builder for one phase with defaults: one repeat unit, seed 1, depolarised, TIP4P/2005 geometry. */
    public static IceBuilder of(IcePhase phase) {
        return new IceBuilder(phase);
    }

    /**
     * Transforms the repeat unit before replication: new lattice vectors a'_i = sum_j P_ij a_j.
     *
     * @throws IllegalArgumentException if P is not an integer 3x3 matrix with det P != 0
     */
    public IceBuilder cellTransform(int[][] p) {
        if (p == null || p.length != 3 || p[0].length != 3 || p[1].length != 3 || p[2].length != 3) {
            throw new IllegalArgumentException("cell transform must be a 3x3 integer matrix");
        }
        double[][] d = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                d[i][j] = p[i][j];
            }
        }
        if (Math.round(Lattice.det(d)) == 0) {
            throw new IllegalArgumentException("cell transform " + Arrays.deepToString(p) + " is singular");
        }
        this.transform = new int[][]{p[0].clone(), p[1].clone(), p[2].clone()};
        chosen = null;
        return this;
    }

    /**
     * Uses the rectangular (orthohexagonal) cell a, sqrt(3) a, c of a hexagonal phase (twice the molecules of the
     * hexagonal cell), convenient for LAMMPS boxes.
     *
     * @throws IllegalArgumentException if the phase's cell is not hexagonal (gamma = 120 deg, a = b)
     */
    public IceBuilder orthohexagonal() {
        CellParameters c = phase.crystal().cell();
        if (c.gamma() != 120 || c.a() != c.b() || c.alpha() != 90 || c.beta() != 90) {
            throw new IllegalArgumentException("ice " + phase.label() + " has no hexagonal cell (a=" + c.a() + ", b="
                    + c.b() + ", gamma=" + c.gamma() + ")");
        }
        return cellTransform(ORTHOHEXAGONAL);
    }

    /**
     * Replicates the (transformed) repeat unit n1 x n2 x n3 times; clears {@link #atLeast(int)}.
     *
     * @throws IllegalArgumentException if a count is not positive
     */
    public IceBuilder repeat(int n1, int n2, int n3) {
        if (n1 < 1 || n2 < 1 || n3 < 1) {
            throw new IllegalArgumentException("repeat counts must be positive, got " + n1 + " x " + n2 + " x " + n3);
        }
        this.repeat = new int[]{n1, n2, n3};
        this.atLeast = -1;
        chosen = null;
        return this;
    }

    /**
     * Chooses the replication with at least this many molecules whose box is closest to a cube (smallest ratio of
     * the largest to the smallest distance between opposite faces) among those with at most 1.5 times as many
     * molecules (or the smallest larger one if there is none); ties go to fewer molecules.
     *
     * @throws IllegalArgumentException if molecules &lt; 1
     */
    public IceBuilder atLeast(int molecules) {
        if (molecules < 1) {
            throw new IllegalArgumentException("need at least 1 molecule, got " + molecules);
        }
        this.atLeast = molecules;
        chosen = null;
        return this;
    }

    /** Seed of the random proton arrangement. */
    public IceBuilder seed(long seed) {
        this.seed = seed;
        chosen = null;
        return this;
    }

    /** Whether to remove the net dipole (default true); false keeps the random ice-rule arrangement as drawn. */
    public IceBuilder depolarize(boolean depolarize) {
        this.depolarize = depolarize;
        chosen = null;
        return this;
    }

    /** Water geometry and charges (default {@link WaterModel#TIP4P_2005}). */
    public IceBuilder model(WaterModel model) {
        this.model = java.util.Objects.requireNonNull(model, "model");
        chosen = null;
        return this;
    }

    /** The repeat unit: the phase's crystallographic O lattice, network repeat and cell transform applied. */
    public OxygenLattice unit() {
        IceCrystal crystal = phase.crystal();
        int[] nr = crystal.networkRepeat();
        return OxygenLattice.generate(crystal).replicate(nr[0], nr[1], nr[2]).supercell(transform);
    }

    /**
     * The replication counts of the last {@link #build()}, or before any build the counts that will be tried first.
     */
    public int[] replication() {
        if (chosen != null) {
            return chosen.clone();
        }
        return atLeast > 0 ? candidateRepeats(unit(), atLeast).get(0) : repeat.clone();
    }

    /** The O lattice of {@link #replication()}. */
    public OxygenLattice oxygenLattice() {
        int[] n = replication();
        return unit().replicate(n[0], n[1], n[2]);
    }

    /**
     * Builds the ice.
     *
     * @throws IllegalStateException if the phase's bond rule does not give 4 bonds per O, or depolarisation was asked
     *                               for and the net dipole stays at 0.5 molecular dipoles or more (some cells cannot
     *                               be depolarised: e.g. the hexagonal cell of ice Ih replicated an odd number of
     *                               times along a or b keeps a dipole along c; use {@link #orthohexagonal()} or even
     *                               repeats). With {@link #atLeast(int)} such replications are skipped.
     */
    public WaterSystem build() {
        OxygenLattice unit = unit();
        List<int[]> candidates = atLeast > 0 ? candidateRepeats(unit, atLeast) : List.of(repeat.clone());
        String failure = null;
        for (int[] n : candidates.subList(0, Math.min(candidates.size(), 20))) {
            OxygenLattice lattice = unit.replicate(n[0], n[1], n[2]);
            HydrogenBondNetwork net = HydrogenBondNetwork.build(lattice, phase.crystal());
            ProtonArrangement protons = arrange(net, new SplittableRandom(seed), depolarize);
            double residual = HydrogenBondNetwork.norm(protons.bisectorSum());
            if (depolarize && residual >= MAX_RESIDUAL) {
                failure = "ice " + phase.label() + " replicated " + Arrays.toString(n) + " keeps a net dipole of "
                        + residual + " molecular dipoles after depolarisation";
                continue;
            }
            chosen = n.clone();
            return molecules(lattice, protons);
        }
        throw new IllegalStateException(failure + (phase == IcePhase.IH
                ? "; the hexagonal Ih cell needs even repeats along a and b, or use orthohexagonal()" : ""));
    }

    private WaterSystem molecules(OxygenLattice lattice, ProtonArrangement protons) {
        double[][] pos = HydrogenPlacement.place(lattice.cartesian(), protons, model);
        int[] z = new int[pos.length];
        int[] mol = new int[pos.length];
        for (int i = 0; i < pos.length; i++) {
            z[i] = i % 3 == 0 ? 8 : 1;
            mol[i] = i / 3;
        }
        Structure s = new Structure(pos, z, lattice.cell(), new boolean[]{true, true, true});
        return new WaterSystem(s, model, mol);
    }

    /**
     * A random ice-rule arrangement, depolarised if asked: up to 10 random arrangements are drawn and depolarised
     * (until |M| &lt; 1e-9 or 20 N + 2000 consecutive cycles fail to lower it), the first whose residual is below
     * 0.5 molecular dipoles is returned, else the best.
     */
    static ProtonArrangement arrange(HydrogenBondNetwork net, SplittableRandom rng, boolean depolarize) {
        ProtonArrangement best = null;
        double bestResidual = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < (depolarize ? 10 : 1); attempt++) {
            ProtonArrangement a = ProtonArrangement.random(net, rng);
            if (!depolarize) {
                return a;
            }
            double residual = a.depolarize(rng, 1e-9, 20 * net.vertexCount() + 2000);
            if (residual < bestResidual) {
                best = a;
                bestResidual = residual;
            }
            if (residual < MAX_RESIDUAL) {
                break;
            }
        }
        return best;
    }

    /**
     * Replications with at least {@code target} molecules in order of preference: those with at most 1.5 times
     * the target by increasing box aspect ratio (largest over smallest distance between opposite faces), then
     * fewer molecules; then the larger ones by molecule count.
     */
    static List<int[]> candidateRepeats(OxygenLattice unit, int target) {
        double[][] c = unit.cell();
        double vol = unit.volume();
        double[] h = new double[3];
        for (int k = 0; k < 3; k++) {
            double[] a = c[(k + 1) % 3], b = c[(k + 2) % 3];
            double[] x = {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
            h[k] = vol / HydrogenBondNetwork.norm(x);
        }
        int z = unit.size();
        int max = (int) Math.ceil(Math.cbrt((double) target / z) * 4) + 2;
        List<int[]> near = new ArrayList<>(), far = new ArrayList<>();
        for (int n1 = 1; n1 <= max; n1++) {
            for (int n2 = 1; n2 <= max; n2++) {
                for (int n3 = 1; n3 <= max; n3++) {
                    long n = (long) n1 * n2 * n3 * z;
                    if (n >= target) {
                        (n <= 1.5 * target ? near : far).add(new int[]{n1, n2, n3});
                    }
                }
            }
        }
        Comparator<int[]> byCount = Comparator.comparingLong(r -> (long) r[0] * r[1] * r[2]);
        near.sort(Comparator.<int[]>comparingDouble(r -> {
            double l1 = r[0] * h[0], l2 = r[1] * h[1], l3 = r[2] * h[2];
            return Math.rint(1e9 * Math.max(l1, Math.max(l2, l3)) / Math.min(l1, Math.min(l2, l3))) / 1e9;
        }).thenComparing(byCount));
        far.sort(byCount);
        near.addAll(far);
        return near;
    }
}
