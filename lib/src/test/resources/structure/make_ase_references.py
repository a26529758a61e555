"""Reference extended-XYZ files written by ASE, and what ASE reads back from them.

Run with Debian's python3-ase (ASE 3.22.1):  /usr/bin/python3 make_ase_references.py
Writes, next to this script:
  ase_frames.extxyz        three frames written by ase.io.write (format extxyz)
  ase_frames.extxyz.gz     the same frames, gzip-compressed by ASE
  ase_plain.xyz            a molecule written by ase.io.write(format="xyz") (plain XYZ, free comment)
  ase_frames.json          every frame of ase_frames.extxyz as ase.io.read returns it
  ase_plain.json           the same for ase_plain.xyz
The JUnit tests (ExtXyzAseReferenceTest) read the .extxyz/.xyz files with org.physml.structure.io and compare
with the .json files exactly.

  /usr/bin/python3 make_ase_references.py check FILE.extxyz OUT.json
reads FILE (e.g. one written by ExtXyzWriter) with ASE and dumps what ASE got, for the reverse check.
"""
import json
import sys

import numpy as np
from ase import Atoms
from ase.build import bulk, fcc111, molecule
from ase.calculators.singlepoint import SinglePointCalculator
from ase.io import read, write


def frames():
    rng = np.random.default_rng(7)

    # 1: triclinic periodic cell, results from a calculator, several array types
    cu = bulk("Cu", "fcc", a=3.615) * (2, 1, 1)
    cu.set_cell(cu.cell[:] + np.array([[0.0, 0.1, 0.2], [0.3, 0.0, -0.1], [0.05, -0.2, 0.0]]), scale_atoms=True)
    cu.positions += rng.normal(scale=0.05, size=cu.positions.shape)
    cu.positions[1] += cu.cell[0]  # an atom outside the cell
    cu.set_tags([1, 2])
    cu.new_array("fixed", np.array([True, False]))
    cu.new_array("label", np.array(["a1", "b2"]))
    cu.info["config_type"] = "bulk fcc"
    cu.info["step"] = 42
    cu.info["temperature"] = 300.0
    cu.info["converged"] = True
    cu.info["flags"] = np.array([1, 2, 3])
    cu.info["weights"] = np.array([0.5, 1.25e-7])
    forces = rng.normal(size=(len(cu), 3))
    stress = np.array([0.01, 0.02, 0.03, -0.004, 0.005, -0.006])
    cu.calc = SinglePointCalculator(cu, energy=-7.123456789012345, forces=forces, stress=stress)

    # 2: slab periodic in x and y only, with vacuum along z
    slab = fcc111("Al", size=(2, 2, 2), vacuum=5.0, a=4.05)
    slab.pbc = (True, True, False)
    slab.set_initial_charges(np.linspace(-0.2, 0.3, len(slab)))
    slab.info["config_type"] = "slab"
    slab.info["energy_per_atom"] = -3.3e-1

    # 3: molecule, no cell, no pbc
    water = molecule("H2O")
    water.new_array("momenta", rng.normal(size=(3, 3)))
    water.info["comment_text"] = 'say "hi"'
    return [cu, slab, water]


def to_json(images):
    out = []
    for a in images:
        info = {}
        for k, v in a.info.items():
            if isinstance(v, np.ndarray):
                info[k] = {"type": "ndarray", "dtype": v.dtype.kind, "value": v.tolist()}
            elif isinstance(v, (bool, np.bool_)):
                info[k] = {"type": "bool", "value": bool(v)}
            elif isinstance(v, (int, np.integer)):
                info[k] = {"type": "int", "value": int(v)}
            elif isinstance(v, (float, np.floating)):
                info[k] = {"type": "float", "value": float(v)}
            else:
                info[k] = {"type": type(v).__name__, "value": v}
        arrays = {}
        for k, v in a.arrays.items():
            if k in ("numbers", "positions"):
                continue
            arrays[k] = {"dtype": v.dtype.kind, "value": v.tolist()}
        out.append({
            "numbers": a.numbers.tolist(),
            "positions": a.positions.tolist(),
            "cell": a.cell[:].tolist(),
            "pbc": [bool(p) for p in a.pbc],
            "info": info,
            "arrays": arrays,
        })
    return out


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "check":
        images = read(sys.argv[2], index=":", format="extxyz")
        with open(sys.argv[3], "w") as f:
            json.dump(to_json(images), f, indent=1)
        return
    images = frames()
    write("ase_frames.extxyz", images, format="extxyz")
    write("ase_frames.extxyz.gz", images, format="extxyz")
    write("ase_plain.xyz", images[2], format="xyz", comment="water molecule, plain xyz")
    with open("ase_frames.json", "w") as f:
        json.dump(to_json(read("ase_frames.extxyz", index=":", format="extxyz")), f, indent=1)
    with open("ase_plain.json", "w") as f:
        json.dump(to_json(read("ase_plain.xyz", index=":", format="extxyz")), f, indent=1)


if __name__ == "__main__":
    main()
