#!/usr/bin/env python3
"""Reference numbers for Steinhardt.faureBeaulieu2024(), computed the way the authors' published code does it.

Z. Faure Beaulieu, V. L. Deringer and F. Martelli, J. Chem. Phys. 160, 081101 (2024); code and data:
github.com/ZoeFaureBeaulieu/NN-amorphous-ices, src/steinhardt.py, called with cutoff_radius = 5,
numb_neighbours = 16, q_l_values = 3..12, w_l_values = 4, 6, 8, 10, 12 (the header of their
data/ice_Ih/ice_Ih_conf1.extxyz records these settings). Their procedure, re-implemented here independently
with ASE, SciPy and SymPy (Debian packages python3-ase, python3-scipy, python3-sympy):

* neighbour candidates: ase.neighborlist.NeighborList(cutoffs=[5.0] * n, self_interaction=False,
  bothways=True) with ASE's default skin 0.3, i.e. every atom closer than 2 (5.0 + 0.3) = 10.6 A (ASE adds the
  two per-atom radii); the 16 closest candidates are the neighbours N_i;
* q_lm(i) = (1/16) sum_{j in N_i} Y_lm(r_j - r_i); qbar_lm(i) = (q_lm(i) + sum_{j in N_i} q_lm(j)) / 17;
* q_l = sqrt(4 pi / (2l + 1) sum_m |q_lm|^2) (and the same for qbar);
* w_l = Re sum_{m1+m2+m3=0} (l l l; m1 m2 m3) q_lm1 q_lm2 q_lm3 / (sum_m |q_lm|^2)^(3/2), i.e. the normalised
  w-hat_l of Steinhardt et al. (and the same for qbar);
* 30 columns: q_3..q_12, qbar_3..qbar_12, what_4..what_12 (even), whatbar_4..whatbar_12 (even).

Structures: ice_ih.data (from make_structures.py) and a random oxygen cell at about the density of low-density
amorphous ice, where some atoms have fewer than 16 neighbours within 5 A (the 10.6 A candidate radius matters).
Writes extended XYZ with 17 significant digits.
"""
from functools import lru_cache

import numpy as np
from ase import Atoms
from ase.neighborlist import NeighborList
from scipy.special import sph_harm
from sympy.physics.wigner import wigner_3j

Q_L = list(range(3, 13))
W_L = [4, 6, 8, 10, 12]
N_NEIGH = 16
CUTOFF_RADIUS = 5.0


def read_data(path):
    lines = open(path).read().splitlines()
    lx = ly = lz = None
    xy = xz = yz = 0.0
    for line in lines:
        t = line.split()
        if line.endswith("xlo xhi"):
            lx = float(t[1]) - float(t[0])
        elif line.endswith("ylo yhi"):
            ly = float(t[1]) - float(t[0])
        elif line.endswith("zlo zhi"):
            lz = float(t[1]) - float(t[0])
        elif line.endswith("xy xz yz"):
            xy, xz, yz = map(float, t[:3])
    start = lines.index("Atoms # atomic") + 2
    pos = [list(map(float, l.split()[2:5])) for l in lines[start:] if l.strip()]
    cell = np.array([[lx, 0, 0], [xy, ly, 0], [xz, yz, lz]])
    return Atoms("O" * len(pos), positions=pos, cell=cell, pbc=True)


def random_oxygen_cell(n, box, dmin, seed):
    rng = np.random.default_rng(seed)
    pos = []
    while len(pos) < n:
        p = rng.random(3) * box
        d = np.array(pos) - p if pos else np.zeros((0, 3))
        d -= box * np.round(d / box)
        if len(d) == 0 or np.min(np.linalg.norm(d, axis=1)) >= dmin:
            pos.append(p)
    return Atoms("O" * n, positions=pos, cell=[box, box, box], pbc=True)


def neighbours(atoms):
    nl = NeighborList([CUTOFF_RADIUS] * len(atoms), self_interaction=False, bothways=True)
    nl.update(atoms)
    vecs, idx, short = [], [], 0
    for i in range(len(atoms)):
        j, off = nl.get_neighbors(i)
        v = atoms.positions[j] + off @ atoms.cell.array - atoms.positions[i]
        d = np.linalg.norm(v, axis=1)
        short += np.sum(d < CUTOFF_RADIUS) < N_NEIGH
        order = np.argsort(d, kind="stable")[:N_NEIGH]
        assert len(order) == N_NEIGH
        vecs.append(v[order])
        idx.append(j[order])
    return np.array(vecs), np.array(idx), short


def qlm(vecs, l):
    r = np.linalg.norm(vecs, axis=-1)
    azimuth = np.arctan2(vecs[..., 1], vecs[..., 0])
    polar = np.arccos(vecs[..., 2] / r)
    y = np.stack([sph_harm(m, l, azimuth, polar) for m in range(-l, l + 1)], axis=-1)
    return y.mean(axis=1)  # [atoms][2l+1], m = -l..l


@lru_cache(maxsize=None)
def w3j_terms(l):
    terms = []
    for m1 in range(-l, l + 1):
        for m2 in range(-l, l + 1):
            m3 = -m1 - m2
            if abs(m3) <= l:
                c = float(wigner_3j(l, l, l, m1, m2, m3))
                if c != 0.0:
                    terms.append((m1 + l, m2 + l, m3 + l, c))
    return terms


def invariants(q, l):
    s = np.sum(np.abs(q) ** 2, axis=1)
    ql = np.sqrt(4 * np.pi / (2 * l + 1) * s)
    w = np.zeros(len(q))
    for a, b, c, coef in w3j_terms(l):
        w += (q[:, a] * q[:, b] * q[:, c]).real * coef
    return ql, w / s ** 1.5


def descriptor(atoms):
    vecs, idx, short = neighbours(atoms)
    cols = {}
    for l in sorted(set(Q_L) | set(W_L)):
        q = qlm(vecs, l)
        qbar = (q + q[idx].sum(axis=1)) / (N_NEIGH + 1)
        cols[l] = invariants(q, l), invariants(qbar, l)
    out = [cols[l][0][0] for l in Q_L] + [cols[l][1][0] for l in Q_L]
    out += [cols[l][0][1] for l in W_L] + [cols[l][1][1] for l in W_L]
    return np.array(out).T, short


def write_extxyz(path, atoms, desc, comment):
    c = atoms.cell.array
    lattice = " ".join(repr(float(v)) for v in c.ravel())
    with open(path, "w") as f:
        f.write(f"{len(atoms)}\n")
        f.write(f'Lattice="{lattice}" Properties=species:S:1:pos:R:3:steinhardt:R:{desc.shape[1]} '
                f'pbc="T T T" comment="{comment}"\n')
        for s, p, d in zip(atoms.get_chemical_symbols(), atoms.positions, desc):
            f.write(s + " " + " ".join(f"{v:.17g}" for v in p) + " " + " ".join(f"{v:.17g}" for v in d) + "\n")


def main():
    for name, atoms in [("faure_beaulieu_ice_ih", read_data("ice_ih.data")),
                        ("faure_beaulieu_random_lda", random_oxygen_cell(96, 14.8, 2.5, 12))]:
        desc, short = descriptor(atoms)
        write_extxyz(name + ".extxyz", atoms, desc,
                     f"{short} atoms have fewer than 16 neighbours within 5 A")
        print(name, len(atoms), "atoms,", short, "with fewer than 16 neighbours within 5 A")


if __name__ == "__main__":
    main()
