#!/bin/sh
# Regenerates the compute orientorder/atom reference dumps: structures (make_structures.py, numpy only), then
# every in.* input through LAMMPS, then the Faure Beaulieu et al. preset references (ASE, SciPy, SymPy).
# Produced with the Debian lammps package 20220106.git7586adbb6a+ds1 (LAMMPS 29 Sep 2021 - Update 2), serial,
# and Debian bookworm python3 (numpy 1.24.2, scipy 1.10.1, sympy 1.11.1, ase 3.22.1).
# Usage: ./run_lammps.sh [path to lmp]
set -e
LMP=${1:-lmp}
PY=${PYTHON:-/usr/bin/python3}
cd "$(dirname "$0")"
"$PY" make_structures.py
for input in in.*; do
    "$LMP" -in "$input" -log none -screen none
    echo "${input#in.}: $(tail -n +10 "${input#in.}.dump" | wc -l) atoms"
done
"$PY" make_faure_beaulieu_reference.py
