#!/bin/sh
# Regenerates the reference dumps: structures and inputs (make_reference.py), then compute sna/atom in LAMMPS.
# Usage: ./run_lammps.sh [path to lmp built with ML-SNAP, see build_lammps.sh]
# Produced with LAMMPS 29 Sep 2021 - Update 2 (Debian source 20220106.git7586adbb6a+ds1), serial, ML-SNAP.
set -e
LMP=${1:-lmp_snap}
cd "$(dirname "$0")"
python3 make_reference.py
for input in in.*; do
    "$LMP" -in "$input" -log none -screen none
    echo "${input#in.}: $(tail -n +10 "${input#in.}.dump" | wc -l) atoms"
done
