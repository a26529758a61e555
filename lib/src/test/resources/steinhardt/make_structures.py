#!/usr/bin/env python3
"""Writes the LAMMPS data files of the compute orientorder/atom reference cases (see run_lammps.sh).

Only numpy is needed. Every structure is seeded, so rerunning reproduces the files bit for bit.

* random_triclinic.data : 40 atoms at random positions (minimum separation 1.8 A) in a triclinic cell.
* random_small.data     : 6 atoms in a triclinic cell with edges of about 4.5 A, smaller than twice the
                          5 A cutoff used on it, so a centre sees several periodic images of one atom.
* ice_ih.data           : oxygen positions of hexagonal ice Ih, 4 x 2 x 2 orthorhombic cells (128 O), each atom
                          displaced by a Gaussian of standard deviation 0.15 A per axis.
* water_like.data       : the ice Ih oxygens plus two "H" atoms per oxygen at 1 A in random directions (types
                          1 = O, 2 = H), for the species-filtered case.

Ice Ih (P6_3/mmc, O on Wyckoff 4f (1/3, 2/3, z)): a = 4.511 A, c = 7.346 A, z = 0.06226, from A. Goto,
T. Hondoh and S. Mae, J. Chem. Phys. 93, 1412 (1990), as tabulated by the AIST crystal-structure page
http://staff.aist.go.jp/nomura-k/common/struc-coord/Ice-c.htm .
"""
import numpy as np

ICE_A, ICE_C, ICE_Z = 4.511, 7.346, 0.06226


def write_data(path, cell, pos, types, masses, comment):
    """LAMMPS data file, atom style atomic, restricted triclinic cell (a along x, b in the xy plane)."""
    (lx, _, _), (xy, ly, _), (xz, yz, lz) = cell
    with open(path, "w") as f:
        f.write(f"# {comment}\n\n{len(pos)} atoms\n{len(masses)} atom types\n\n")
        f.write(f"0.0 {lx!r} xlo xhi\n0.0 {ly!r} ylo yhi\n0.0 {lz!r} zlo zhi\n")
        if xy != 0.0 or xz != 0.0 or yz != 0.0:
            f.write(f"{xy!r} {xz!r} {yz!r} xy xz yz\n")
        f.write("\nMasses\n\n")
        for t, m in enumerate(masses, start=1):
            f.write(f"{t} {m}\n")
        f.write("\nAtoms # atomic\n\n")
        for i, (p, t) in enumerate(zip(pos, types), start=1):
            f.write(f"{i} {t} {p[0]!r} {p[1]!r} {p[2]!r}\n")


def wrap(cell, pos):
    frac = np.linalg.solve(np.asarray(cell).T, np.asarray(pos).T).T
    return (frac - np.floor(frac)) @ np.asarray(cell)


def random_cell(cell, n, dmin, rng):
    cell = np.asarray(cell)
    pos = []
    while len(pos) < n:
        p = rng.random(3) @ cell
        ok = True
        for q in pos:
            d = p - q
            f = np.linalg.solve(cell.T, d)
            d = (f - np.round(f)) @ cell
            if np.linalg.norm(d) < dmin:
                ok = False
                break
        if ok:
            pos.append(p)
    return np.array(pos)


def ice_ih(n1, n2, n3, sigma, rng):
    a1 = np.array([ICE_A, 0.0, 0.0])
    a2 = np.array([-ICE_A / 2, ICE_A * np.sqrt(3) / 2, 0.0])
    a3 = np.array([0.0, 0.0, ICE_C])
    hexfrac = [(1 / 3, 2 / 3, ICE_Z), (2 / 3, 1 / 3, ICE_Z + 0.5), (2 / 3, 1 / 3, -ICE_Z), (1 / 3, 2 / 3, 0.5 - ICE_Z)]
    ortho = np.array([a1, a1 + 2 * a2, a3])  # orthorhombic cell a x a sqrt(3) x c, 8 molecules
    unit = []
    for f in hexfrac:
        p = f[0] * a1 + f[1] * a2 + f[2] * a3
        unit.append(p)
        unit.append(p + a2)
    unit = wrap(ortho, unit)
    pos = []
    for i in range(n1):
        for j in range(n2):
            for k in range(n3):
                shift = i * ortho[0] + j * ortho[1] + k * ortho[2]
                pos.extend(unit + shift)
    cell = np.array([n1 * ortho[0], n2 * ortho[1], n3 * ortho[2]])
    pos = np.array(pos) + rng.normal(0.0, sigma, (len(pos), 3))
    return cell, wrap(cell, pos)


def main():
    rng = np.random.default_rng(20240229)
    cell = np.array([[9.0, 0.0, 0.0], [1.5, 8.5, 0.0], [-1.0, 0.8, 8.8]])
    pos = random_cell(cell, 40, 1.8, rng)
    types = rng.integers(1, 3, len(pos))
    write_data("random_triclinic.data", cell, pos, types, [26.982, 63.546], "40 random atoms, triclinic")

    cell = np.array([[4.6, 0.0, 0.0], [0.9, 4.3, 0.0], [0.5, -0.7, 4.8]])
    pos = random_cell(cell, 6, 1.6, rng)
    write_data("random_small.data", cell, pos, [1] * len(pos), [26.982], "6 random atoms, cell < 2 r_cut")

    cell, pos = ice_ih(4, 2, 2, 0.15, rng)
    write_data("ice_ih.data", cell, pos, [1] * len(pos), [15.999], "ice Ih oxygens, 0.15 A Gaussian noise")

    h = []
    for p in pos:
        for _ in range(2):
            v = rng.normal(size=3)
            h.append(p + v / np.linalg.norm(v))
    allpos = np.vstack([pos, wrap(cell, h)])
    types = [1] * len(pos) + [2] * len(h)
    write_data("water_like.data", cell, allpos, types, [15.999, 1.008], "ice Ih oxygens + 2 random H each")


if __name__ == "__main__":
    main()
