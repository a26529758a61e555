package org.physml.ice;

/**
 * A rigid four-site (TIP4P-type) water model: geometry, charges and the Lennard-Jones site on O.
 *
 * <p>The negative charge sits on a massless site M on the H-O-H bisector at distance d_OM from O; LAMMPS's
 * {@code lj/cut/tip4p/long} places it implicitly and reads the M charge from the O atom, so {@link #chargeO()}
 * is the charge written on O in a LAMMPS data file.
 *
 * @param rOH          O-H bond length, Angstrom
 * @param angleHOH     H-O-H angle, degrees
 * @param chargeH      charge of each H, e
 * @param dOM          O-M distance, Angstrom
 * @param sigma        Lennard-Jones sigma of O-O, Angstrom
 * @param epsilonK     Lennard-Jones epsilon / k_B of O-O, K
 */
public record WaterModel(double rOH, double angleHOH, double chargeH, double dOM, double sigma, double epsilonK) {

    /**
     * TIP4P/2005: r_OH = 0.9572 A, H-O-H = 104.52 deg, sigma = 3.1589 A, epsilon/k_B = 93.2 K, q_H = 0.5564 e,
     * q_M = -2 q_H, d_OM = 0.1546 A (J. L. F. Abascal and C. Vega, J. Chem. Phys. 123, 234505 (2005); values as
     * tabulated on SklogWiki, "TIP4P/2005 model of water").
     */
    public static final WaterModel TIP4P_2005 = new WaterModel(0.9572, 104.52, 0.5564, 0.1546, 3.1589, 93.2);

    /** @throws IllegalArgumentException if a length is not positive or the angle is outside (0, 180) */
    public WaterModel {
        if (!(rOH > 0) || !(dOM >= 0) || !(sigma > 0) || !(epsilonK >= 0) || !(angleHOH > 0 && angleHOH < 180)) {
            throw new IllegalArgumentException("invalid water model: r_OH=" + rOH + " A, angle=" + angleHOH
                    + " deg, d_OM=" + dOM + " A, sigma=" + sigma + " A, epsilon/k=" + epsilonK + " K");
        }
    }

    /** Charge carried by O in a LAMMPS TIP4P data file: the M-site charge -2 q_H, e. */
    public double chargeO() {
        return -2 * chargeH;
    }

    /**
     * Dipole moment of one molecule, |mu| = 2 q_H (r_OH cos(theta/2) - d_OM), e A (charges q_H at the H and
     * -2 q_H at M).
     */
    public double dipoleMoment() {
        return 2 * chargeH * (rOH * Math.cos(Math.toRadians(angleHOH / 2)) - dOM);
    }

    /** Lennard-Jones epsilon in kcal/mol (LAMMPS units real): epsilon/k_B times the molar gas constant. */
    public double epsilonKcalPerMol() {
        return epsilonK * 1.987204259e-3; // R = 8.314462618 J/(mol K) = 1.987204259e-3 kcal/(mol K), CODATA 2018
    }
}
