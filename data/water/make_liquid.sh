#!/usr/bin/env bash
# Builds the two water configurations of data/water/ (see README.md there):
#   ice_Ih.extxyz      proton-disordered ice Ih, TIP4P/2005 geometry, from org.physml.ice.IceBuilder
#   liquid_300K.extxyz one snapshot of TIP4P/2005 liquid water at 300 K, 1 bar: the ice melted with LAMMPS
#                      (10 ps NVT at 400 K, then 20 ps NPT at 300 K, 1 bar; in.melt.lmp)
# Rerunnable; about 3-5 minutes on one core. Environment: SEED (default 2024), MOLECULES (default 300,
# the builder picks the most nearly cubic orthohexagonal box with at least that many), WORK (scratch
# directory, default a fresh mktemp directory), LMP (LAMMPS binary, default lmp or lmp_serial).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seed="${SEED:-2024}"
molecules="${MOLECULES:-300}"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
log() { printf '[make_liquid] %s\n' "$*" >&2; }

# --- LAMMPS (Debian package lammps) ---
lmp="${LMP:-}"
if [ -z "$lmp" ]; then
  for cand in lmp lmp_serial; do
    if command -v "$cand" >/dev/null 2>&1; then lmp="$cand"; break; fi
  done
fi
if [ -z "$lmp" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's lammps"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq lammps >/dev/null
    lmp=lmp
  else
    log "LAMMPS not found; as root run: apt-get update && apt-get install -y lammps"
    exit 1
  fi
fi

# --- the library (same staleness rule as ./physml) ---
cd "$root"
jar=lib/target/physml-lib.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml lib/pom.xml lib/src/main -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
  log "building lib/ (mvn package)"
  mvn -o -B -q -ntp -Dstyle.color=never -pl lib package -DskipTests \
    || mvn -B -q -ntp -Dstyle.color=never -pl lib package -DskipTests
fi
cp="$jar:lib/target/dependency/*"

# --- 1) ice Ih from the builder ---
log "building ice Ih (seed $seed, at least $molecules molecules)"
java -cp "$cp" org.physml.ice.IceMain --phase Ih --orthohexagonal --at-least "$molecules" --seed "$seed" \
  --lammps "$work/ice_Ih.data" --extxyz "$here/ice_Ih.extxyz"

# --- 2) melt and equilibrate with LAMMPS ---
log "running LAMMPS ($lmp) in $work"
TIMEFORMAT='wall %R s, cpu %U s user + %S s system'
{ time (cd "$work" && "$lmp" -in "$here/in.melt.lmp" -var data ice_Ih.data -var seed "$seed" -var dump final.dump \
  -log melt.log -screen none) ; } 2> "$work/lammps_time.txt"
log "LAMMPS time: $(cat "$work/lammps_time.txt")"
grep -E "^(FINAL_DENSITY|MEAN_DENSITY_LAST_10PS)" "$work/melt.log" >&2

# --- 3) last frame -> extended XYZ: O wrapped into the box, each H at its O plus the minimum-image O-H vector ---
awk -v seed="$seed" '
  /^ITEM: BOX BOUNDS/ {
    if (NF != 6) { print "triclinic box in dump; expected an orthogonal box" > "/dev/stderr"; exit 1 }
    for (k = 0; k < 3; k++) { getline; lo[k] = $1; L[k] = $2 - $1 }
    next }
  /^ITEM: ATOMS/ { reading = 1; next }
  /^ITEM:/ { reading = 0; next }
  reading { n++; mol[n] = $2; type[n] = $3; x[n, 0] = $4 - lo[0]; x[n, 1] = $5 - lo[1]; x[n, 2] = $6 - lo[2] }
  END {
    printf "%d\n", n
    printf "Lattice=\"%.10f 0.0 0.0 0.0 %.10f 0.0 0.0 0.0 %.10f\" Properties=species:S:1:pos:R:3:mol_id:I:1 ", L[0], L[1], L[2]
    printf "temperature_K=300.0 pressure_bar=1.0 water_model=TIP4P/2005 seed=%d pbc=\"T T T\"\n", seed
    for (i = 1; i <= n; i++) {
      if (type[i] == 1) {            # O: wrap into [0, L)
        for (k = 0; k < 3; k++) { o[k] = x[i, k] - L[k] * int(x[i, k] / L[k]); if (o[k] < 0) o[k] += L[k]; p[k] = o[k] }
        if (mol[i + 1] != mol[i] || mol[i + 2] != mol[i]) { print "atoms not ordered O H H per molecule" > "/dev/stderr"; exit 1 }
      } else {                       # H: minimum image relative to its O
        for (k = 0; k < 3; k++) { d = x[i, k] - o[k]; d -= L[k] * int(d / L[k] + (d >= 0 ? 0.5 : -0.5)); p[k] = o[k] + d }
      }
      printf "%s %.8f %.8f %.8f %d\n", (type[i] == 1 ? "O" : "H"), p[0], p[1], p[2], mol[i] - 1
    }
  }' "$work/final.dump" > "$here/liquid_300K.extxyz"
log "wrote $here/ice_Ih.extxyz and $here/liquid_300K.extxyz"
