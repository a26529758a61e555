#!/usr/bin/env python3
"""Independent reference implementation of the SOAP conventions of DScribe 2.1 (numpy/scipy only).

Writes soap_reference.json next to this file; SoapReferenceTest compares the Java Soap against it.
It is NOT DScribe (which cannot be installed here): it re-implements, in a different language and with
scipy's own special functions, the definitions in shared/descriptor-conventions.md:

  * density: unnormalised Gaussians exp(-|r - r_j|^2 / (2 sigma^2)), centre atom included,
    neighbours with |r_j| <= r_cut + sigma sqrt(-2 ln 1e-3)
  * GTO: a = linspace(1, r_cut, n_max), alpha_lk = -ln(1e-3 / a_k^l) / a_k^2,
    S = 0.5 Gamma(l + 3/2) (alpha_k + alpha_k')^-(l + 3/2), beta = sqrtm(inv(S)) (as DScribe),
    analytic c_nlm
  * polynomial: beta = sqrtm(inv(S_poly)), 100-point Gauss-Legendre on [0, r_cut],
    4 pi exp(-eta (r^2 + r_j^2)) i_l(2 eta r r_j) with scipy.special.spherical_in
  * real Y_lm from scipy.special.sph_harm_y (Condon-Shortley phase): sqrt2 (-1)^m Re/Im
  * p = pi sqrt(8/(2l+1)) sum_m c c', order: species pairs, l, n, n' (n' >= n on the diagonal)

Run: python3 soap_reference.py   (numpy >= 1.20, scipy >= 1.15)
"""
import json
import os

import numpy as np
from scipy.linalg import sqrtm, inv
from scipy.special import gamma, sph_harm_y, spherical_in


def real_ylm(l, m, vec):
    r = np.linalg.norm(vec)
    theta = np.arccos(np.clip(vec[2] / r, -1.0, 1.0))
    phi = np.arctan2(vec[1], vec[0])
    y = sph_harm_y(l, abs(m), theta, phi)
    if m > 0:
        return np.sqrt(2.0) * (-1) ** m * y.real
    if m < 0:
        return np.sqrt(2.0) * (-1) ** m * y.imag
    return y.real


def environment(pos, numbers, cell, pbc, centre, cutoff):
    """All (vector, Z) with |vector| <= cutoff around atom `centre`, including the centre itself."""
    cell = np.asarray(cell, dtype=float)
    ranges = []
    for k in range(3):
        if pbc[k]:
            others = [cell[(k + 1) % 3], cell[(k + 2) % 3]]
            normal = np.cross(*others)
            h = abs(np.dot(cell[k], normal)) / np.linalg.norm(normal)
            n = int(np.ceil(cutoff / h)) + 1
            ranges.append(range(-n, n + 1))
        else:
            ranges.append(range(0, 1))
    out = []
    for a in ranges[0]:
        for b in ranges[1]:
            for c in ranges[2]:
                shift = a * cell[0] + b * cell[1] + c * cell[2]
                for j in range(len(pos)):
                    d = np.asarray(pos[j]) + shift - np.asarray(pos[centre])
                    if np.linalg.norm(d) <= cutoff:
                        out.append((d, numbers[j]))
    return out


def gto_coefficients(env, species, r_cut, n_max, l_max, sigma):
    eta = 1.0 / (2 * sigma ** 2)
    a = np.linspace(1, r_cut, n_max)
    c = np.zeros((len(species), n_max, (l_max + 1) ** 2))
    for l in range(l_max + 1):
        alphas = -np.log(1e-3 / np.power(a, l)) / a ** 2
        m = alphas[:, None] + alphas[None, :]
        s = 0.5 * gamma(l + 1.5) * m ** (-l - 1.5)
        betas = sqrtm(inv(s))
        assert betas.dtype != np.complex128
        for vec, z in env:
            si = species.index(z)
            r = np.linalg.norm(vec)
            radial = np.zeros(n_max)
            for k in range(n_max):
                al = alphas[k]
                term = (np.pi / (al + eta)) ** 1.5 * (eta / (al + eta)) ** l * r ** l \
                    * np.exp(-al * eta * r * r / (al + eta))
                radial += betas[:, k] * term
            for mm in range(-l, l + 1):
                if r == 0.0:
                    y = 1.0 / np.sqrt(4 * np.pi) if l == 0 else 0.0
                else:
                    y = real_ylm(l, mm, vec)
                c[si, :, l * l + l + mm] += radial * y
    return c


def poly_coefficients(env, species, r_cut, n_max, l_max, sigma):
    eta = 1.0 / (2 * sigma ** 2)
    s = np.zeros((n_max, n_max))
    for i in range(1, n_max + 1):
        for j in range(1, n_max + 1):
            s[i - 1, j - 1] = 2 * r_cut ** (7 + i + j) / ((5 + i + j) * (6 + i + j) * (7 + i + j))
    betas = sqrtm(np.linalg.inv(s))
    assert betas.dtype != np.complex128
    x, w = np.polynomial.legendre.leggauss(100)
    rq = r_cut * 0.5 * (x + 1)
    wq = r_cut * 0.5 * w
    fs = np.array([(r_cut - rq) ** (n + 2) for n in range(1, n_max + 1)])
    gss = betas @ fs                           # [n][q]
    c = np.zeros((len(species), n_max, (l_max + 1) ** 2))
    for vec, z in env:
        si = species.index(z)
        d = np.linalg.norm(vec)
        for l in range(l_max + 1):
            radial_l = 4 * np.pi * np.exp(-eta * (rq ** 2 + d ** 2)) * spherical_in(l, 2 * eta * rq * d)
            integral = gss @ (wq * rq ** 2 * radial_l)    # [n]
            for mm in range(-l, l + 1):
                if d == 0.0:
                    y = 1.0 / np.sqrt(4 * np.pi) if l == 0 else 0.0
                else:
                    y = real_ylm(l, mm, vec)
                c[si, :, l * l + l + mm] += integral * y
    return c


def power_spectrum(c, n_species, n_max, l_max, crossover):
    out = []
    for s1 in range(n_species):
        for s2 in range(s1, s1 + 1 if crossover else n_species):
            for l in range(l_max + 1):
                pref = np.pi * np.sqrt(8.0 / (2 * l + 1))
                sl = slice(l * l, (l + 1) * (l + 1))
                for n in range(n_max):
                    for n2 in range(n if s1 == s2 else 0, n_max):
                        out.append(pref * np.dot(c[s1, n, sl], c[s2, n2, sl]))
    return np.array(out)


def soap(structure, params):
    species = sorted(params["species"])
    sigma = params["sigma"]
    cutoff = params["r_cut"] + sigma * np.sqrt(-2 * np.log(1e-3))
    fn = gto_coefficients if params["rbf"] == "gto" else poly_coefficients
    crossover = params["compression"] == "crossover"
    coeffs = []
    for i in range(len(structure["positions"])):
        env = environment(structure["positions"], structure["numbers"], structure["cell"], structure["pbc"], i,
                          cutoff)
        coeffs.append(fn(env, species, params["r_cut"], params["n_max"], params["l_max"], sigma))
    per_atom = [power_spectrum(c, len(species), params["n_max"], params["l_max"], crossover) for c in coeffs]
    inner = power_spectrum(np.mean(coeffs, axis=0), len(species), params["n_max"], params["l_max"], crossover)
    outer = np.mean(per_atom, axis=0)
    return np.array(per_atom), inner, outer


def structures():
    rng = np.random.default_rng(20240611)
    molecule = {
        "name": "CH3OH-like cluster with an extra H2O",
        "positions": [[0.0, 0.0, 0.0], [1.43, 0.0, 0.0], [-0.36, 1.03, 0.0], [-0.36, -0.51, 0.89],
                      [-0.36, -0.51, -0.89], [1.75, 0.91, 0.0], [3.9, 0.4, 0.3], [4.6, 1.0, 0.1],
                      [4.2, -0.5, 0.4]],
        "numbers": [6, 8, 1, 1, 1, 1, 8, 1, 1],
        "cell": [[0.0] * 3] * 3,
        "pbc": [False, False, False],
    }
    # Si diamond conventional cell, a = 5.43 A (HyperPhysics, "Silicon Crystal Structure", after Kittel),
    # rattled by up to 0.1 A
    a = 5.43
    frac = np.array([[0, 0, 0], [0, .5, .5], [.5, 0, .5], [.5, .5, 0],
                     [.25, .25, .25], [.25, .75, .75], [.75, .25, .75], [.75, .75, .25]])
    si_pos = frac * a + rng.uniform(-0.1, 0.1, size=frac.shape)
    silicon = {
        "name": "rattled diamond Si, 8-atom cubic cell",
        "positions": si_pos.tolist(),
        "numbers": [14] * 8,
        "cell": (np.eye(3) * a).tolist(),
        "pbc": [True, True, True],
    }
    # an arbitrary triclinic cell with two species, periodic along a and b only (a slab)
    cell = np.array([[4.1, 0.0, 0.0], [0.9, 3.8, 0.0], [0.4, 0.6, 9.0]])
    tri_frac = rng.uniform(0.0, 1.0, size=(5, 3))
    tri_frac[:, 2] = rng.uniform(0.3, 0.7, size=5)
    triclinic = {
        "name": "triclinic two-species slab, periodic along a and b",
        "positions": (tri_frac @ cell).tolist(),
        "numbers": [3, 9, 9, 3, 9],
        "cell": cell.tolist(),
        "pbc": [True, True, False],
    }
    return molecule, silicon, triclinic


def main():
    molecule, silicon, triclinic = structures()
    cases = [
        (molecule, dict(rbf="gto", r_cut=3.5, n_max=4, l_max=4, sigma=0.5, species=[1, 6, 8],
                        compression="off")),
        (molecule, dict(rbf="gto", r_cut=4.0, n_max=3, l_max=3, sigma=0.8, species=[8, 1, 6],
                        compression="crossover")),
        (silicon, dict(rbf="gto", r_cut=5.0, n_max=8, l_max=6, sigma=0.5, species=[14], compression="off")),
        (triclinic, dict(rbf="gto", r_cut=4.5, n_max=5, l_max=5, sigma=0.4, species=[3, 9], compression="off")),
        (molecule, dict(rbf="polynomial", r_cut=4.0, n_max=5, l_max=5, sigma=0.6, species=[1, 6, 8],
                        compression="off")),
        (triclinic, dict(rbf="polynomial", r_cut=3.0, n_max=4, l_max=3, sigma=0.5, species=[3, 9],
                         compression="crossover")),
        (silicon, dict(rbf="polynomial", r_cut=5.0, n_max=8, l_max=6, sigma=0.5, species=[14],
                       compression="off")),
    ]
    out = []
    for structure, params in cases:
        per_atom, inner, outer = soap(structure, params)
        out.append({"structure": structure, "params": params, "per_atom": per_atom.tolist(),
                    "inner": inner.tolist(), "outer": outer.tolist()})
        print(structure["name"], params["rbf"], per_atom.shape)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "soap_reference.json")
    with open(path, "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
