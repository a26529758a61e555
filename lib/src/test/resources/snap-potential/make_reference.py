#!/usr/bin/env python3
"""Inputs of the LAMMPS reference for the published SNAP models of Zuo et al. (PublishedSnapLammpsTest).

Plain Python 3. Writes next to this script:
  <element>_test<i>.data  test structure i of data/mlearn/<element>/test.json.gz (orthogonal cells only) as a LAMMPS
                          data file (atom_style atomic, %.17g; positions wrapped into the box: a periodic translation)
  <model>.snapparam       the published parameter file without its 'diagonalstyle 3' line (LAMMPS 29 Sep 2021
                          rejects that pre-2019 keyword; 3 is the only style current LAMMPS computes)
  in.<element>_<kind>_test<i>  LAMMPS input: pair_style snap with the published files, run 0, total energy and
                          forces (sorted by id) with %.17g into <element>_<kind>_test<i>.dump
run_lammps.sh runs LAMMPS built with ML-SNAP (see ../bispectrum/build_lammps.sh) on every in.* file.
"""
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../../../.."))
CASES = {"Si": [9, 19], "Mo": [0, 3]}
MASS = {"Si": 28.0855, "Mo": 95.95}   # CIAAW standard atomic weights (as org.physml.structure.Elements)


def write_data(path, structure):
    m = structure["lattice"]["matrix"]
    size = [m[0][0], m[1][1], m[2][2]]
    with open(path, "w") as f:
        f.write("mlearn test structure (Zuo et al. 2020), positions wrapped into the box\n\n")
        f.write("%d atoms\n1 atom types\n\n" % len(structure["sites"]))
        for k, name in enumerate("xyz"):
            f.write("0 %.17g %slo %shi\n" % (size[k], name, name))
        f.write("\nMasses\n\n1 %.17g\n\nAtoms # atomic\n\n" % MASS[structure["sites"][0]["species"][0]["element"]])
        for i, site in enumerate(structure["sites"]):
            x = [site["xyz"][k] % size[k] for k in range(3)]
            f.write("%d 1 %.17g %.17g %.17g\n" % (i + 1, x[0], x[1], x[2]))


def main():
    for element, indices in CASES.items():
        data = json.load(gzip.open(os.path.join(ROOT, "data/mlearn/%s/test.json.gz" % element)))
        for kind in ("snap", "qsnap"):
            src = os.path.join(ROOT, "data/mlearn/models/%s/%s/SNAPotential" % (element, kind))
            param = "%s_%s.snapparam" % (element, kind)
            with open(src + ".snapparam") as f, open(os.path.join(HERE, param), "w") as g:
                for line in f.read().splitlines():
                    if not line.startswith("diagonalstyle"):
                        g.write(line + "\n")
            for i in indices:
                name = "%s_test%d" % (element, i)
                write_data(os.path.join(HERE, name + ".data"), data[i]["structure"])
                case = "%s_%s_test%d" % (element, kind, i)
                with open(os.path.join(HERE, "in." + case), "w") as f:
                    f.write("units metal\natom_style atomic\nboundary p p p\n")
                    f.write("read_data %s.data\n" % name)
                    f.write("pair_style snap\n")
                    f.write("pair_coeff * * ../../../../../data/mlearn/models/%s/%s/SNAPotential.snapcoeff "
                            "%s %s\n" % (element, kind, param, element))
                    f.write("neighbor 1.0 bin\n")
                    f.write("dump d all custom 1 %s.dump id fx fy fz\n" % case)
                    f.write("dump_modify d sort id format float %.17g\n")
                    f.write("run 0\n")
                    f.write('print "energy $(pe:%%.17g)" file %s.energy\n' % case)


main()
