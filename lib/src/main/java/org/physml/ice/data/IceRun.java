package org.physml.ice.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.physml.ice.IcePhase;

/**
 * One molecular-dynamics run of the ice data set: a row of {@code tools/icedata/runs.tsv} (see {@link RunTable}).
 *
 * @param runId          unique name, also the run's directory name (letters, digits, '_', '-')
 * @param label          class label of the frames (e.g. ice_Ih, LDA, liquid)
 * @param protocol       LAMMPS protocol, the input file {@code tools/icedata/lammps/<protocol>.lmp}
 * @param phase          crystal the initial structure is built from
 * @param supercell      replication n1 n2 n3 of the crystallographic (or orthohexagonal) cell, each &gt;= 1
 * @param orthohexagonal whether the orthohexagonal cell of ice Ih is replicated instead of the hexagonal one
 * @param seed           seed of the proton arrangement (IceBuilder) and of the LAMMPS velocities
 * @param temperature    temperature of the production frames, K (&gt; 0)
 * @param pressure       pressure of the production frames, bar
 * @param variables      the protocol's further LAMMPS variables, name -&gt; value (times in ps, pressures in bar,
 *                       temperatures in K), in file order, unmodifiable
 */
public record IceRun(String runId, String label, String protocol, IcePhase phase, int[] supercell,
                     boolean orthohexagonal, long seed, double temperature, double pressure,
                     Map<String, String> variables) {

    /**
     * @throws IllegalArgumentException on an empty or ill-formed name, a supercell that is not three positive
     *                                  integers, an orthohexagonal cell of a phase other than Ih, or a temperature
     *                                  that is not positive
     */
    public IceRun {
        Objects.requireNonNull(phase, "phase");
        requireName(runId, "run id");
        requireName(label, "label");
        requireName(protocol, "protocol");
        if (supercell == null || supercell.length != 3 || Arrays.stream(supercell).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("supercell of run " + runId + " must be three positive integers, got "
                    + Arrays.toString(supercell));
        }
        if (orthohexagonal && phase != IcePhase.IH) {
            throw new IllegalArgumentException("run " + runId + ": the orthohexagonal cell exists only for ice Ih, "
                    + "not for ice " + phase.label());
        }
        if (!(temperature > 0) || !Double.isFinite(temperature) || !Double.isFinite(pressure)) {
            throw new IllegalArgumentException("run " + runId + ": expected T > 0 K and a finite pressure, got T = "
                    + temperature + " K, P = " + pressure + " bar");
        }
        supercell = supercell.clone();
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** The replication n1 n2 n3 (a copy). */
    @Override
    public int[] supercell() {
        return supercell.clone();
    }

    /** The supercell as written in the table, e.g. "4x3x3o" (trailing o: orthohexagonal). */
    public String supercellText() {
        return supercell[0] + "x" + supercell[1] + "x" + supercell[2] + (orthohexagonal ? "o" : "");
    }

    private static void requireName(String s, String what) {
        if (s == null || !s.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(what + " must be letters, digits, '_' or '-', got '" + s + "'");
        }
    }
}
