#!/bin/sh
# Builds a serial LAMMPS with the ML-SNAP package (Debian's lammps binary does not include compute sna/atom).
# Source: the Debian bookworm source package of lammps 20220106 (the same version as Debian's binary).
# Needs a deb-src line for bookworm main in /etc/apt/sources.list.d, cmake and g++. Result: $DIR/build-snap/lmp_snap
set -e
DIR=${1:-/tmp/lammps-src}
mkdir -p "$DIR" && cd "$DIR"
apt-get source --download-only lammps
tar xJf lammps_*.orig.tar.xz
cd lammps-*/
mkdir -p build-snap && cd build-snap
cmake ../cmake -DCMAKE_DISABLE_FIND_PACKAGE_MPI=ON -DBUILD_MPI=off -DBUILD_OMP=off -DPKG_ML-SNAP=on \
      -DCMAKE_BUILD_TYPE=Release -DLAMMPS_MACHINE=snap -DWITH_JPEG=off -DWITH_PNG=off -DWITH_GZIP=off \
      -DWITH_FFMPEG=off
make -j2
