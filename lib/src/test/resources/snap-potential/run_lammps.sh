#!/bin/sh
# Regenerates the LAMMPS reference of PublishedSnapLammpsTest: inputs (make_reference.py), then pair_style snap.
# Usage: ./run_lammps.sh [path to lmp built with ML-SNAP, see ../bispectrum/build_lammps.sh]
# Produced with LAMMPS 29 Sep 2021 - Update 2 (Debian source 20220106.git7586adbb6a+ds1), serial, ML-SNAP.
set -e
LMP=${1:-lmp_snap}
cd "$(dirname "$0")"
python3 make_reference.py
for input in in.*; do
    "$LMP" -in "$input" -log none -screen none
    echo "${input#in.}: $(cat "${input#in.}.energy")"
done
