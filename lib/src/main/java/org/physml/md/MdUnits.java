package org.physml.md;

/**
 * The unit system of {@code org.physml.md}: lengths in Angstrom, energies in eV, masses in u (unified atomic mass
 * unit, "amu"), times in fs, temperatures in K; velocities in Angstrom/fs, forces in eV/Angstrom.
 *
 * <p>Newton's law a = F/m in these units needs one conversion factor,
 * <pre>
 *   1 eV / (Angstrom u) = e / (1e-10 m * m_u) = {@value #EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2} Angstrom/fs^2
 * </pre>
 * and the kinetic energy is E_kin = (1/2) m v^2 / that factor (1 u Angstrom^2/fs^2 = 103.6427 eV). The constants
 * are the CODATA 2018 values (E. Tiesinga, P. J. Mohr, D. B. Newell and B. N. Taylor, Rev. Mod. Phys. 93, 025010
 * (2021); physics.nist.gov/cuu/Constants): the elementary charge e = 1.602176634e-19 C and the Boltzmann constant
 * k = 1.380649e-23 J/K are exact in the SI of 2019, the atomic mass constant is m_u = 1.66053906660(50)e-27 kg.
 */
public final class MdUnits {
    /** Elementary charge, C (exact): 1 eV = this many J. */
    public static final double ELEMENTARY_CHARGE = 1.602176634e-19;
    /** Atomic mass constant m_u, kg (CODATA 2018). */
    public static final double ATOMIC_MASS_CONSTANT = 1.66053906660e-27;
    /** Boltzmann constant, J/K (exact). */
    public static final double BOLTZMANN_SI = 1.380649e-23;

    /**
     * Acceleration of 1 eV/Angstrom acting on 1 u, in Angstrom/fs^2: e / (1e-10 m * m_u) * (1e10 Angstrom/m)
     * * (1e-15 s/fs)^2 = e / m_u * 1e-10 = 9.648533212e-3.
     */
    public static final double EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2 =
            ELEMENTARY_CHARGE / ATOMIC_MASS_CONSTANT * 1e-10;

    /** Boltzmann constant k_B in eV/K: k / e = 8.617333262e-5. */
    public static final double K_B = BOLTZMANN_SI / ELEMENTARY_CHARGE;

    /** Femtoseconds per picosecond. */
    public static final double FS_PER_PS = 1000.0;
    /** Femtoseconds per nanosecond. */
    public static final double FS_PER_NS = 1.0e6;

    private MdUnits() {
    }

    /** Kinetic energy (1/2) m v^2 in eV of mass m (u) moving at speed v (Angstrom/fs). */
    public static double kineticEnergy(double massAmu, double speed) {
        return 0.5 * massAmu * speed * speed / EV_PER_ANGSTROM_AMU_IN_ANGSTROM_PER_FS2;
    }
}
