#!/usr/bin/env bash
# Generates the ice data set of data/ice/ (see data/ice/README.md): builds the initial structures with
# org.physml.ice.IceMain, runs the LAMMPS protocols of lammps/ listed in runs.tsv two at a time (each a
# single-process lmp, OMP_NUM_THREADS=1), then assembles the frames into compressed extended XYZ and a manifest
# with org.physml.ice.data.IceDataSet.
#
#   tools/icedata/generate.sh            the full data set: runs in build/icedata/runs, output in data/ice
#   tools/icedata/generate.sh --smoke    one 96-molecule run of 75 steps (about 10-30 s), output in
#                                        build/icedata-smoke/data, then reads the output back and checks it
#   tools/icedata/generate.sh --check    no LAMMPS: only reads the shipped data/ice back and checks it
#                                        (with --v2 before the v2 set is assembled: the runs staged so far)
#   tools/icedata/generate.sh --v2       the second data set (runs-v2.tsv): runs in build/icedata/runs-v2, every
#                                        finished run staged in data/ice-v2/staged (commit it: a later session
#                                        resumes from there), assembled into data/ice-v2 once all runs are staged
# Options: --table FILE (runs, default runs.tsv), --work DIR (run directories), --out DIR (data set),
#          --jobs N (parallel runs, default 2), --no-assemble (only the runs), --stage DIR (stage every finished
#          run in DIR and skip the runs staged there; assemble from DIR), --description TEXT (of the manifest).
# Resumable: a run whose directory holds DONE (written only after LAMMPS printed ICEDATA_COMPLETE) is skipped;
# any other run directory is deleted and the run starts again from the beginning.
# Environment: LMP (LAMMPS binary, default lmp or lmp_serial).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
table="$here/runs.tsv"
work="$root/build/icedata/runs"
out="$root/data/ice"
jobs=2
assemble=1
smoke=0
check_only=0
stage=""
description=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1; table="$here/smoke.tsv"
             work="$root/build/icedata-smoke/runs"; out="$root/build/icedata-smoke/data"
             stage="$root/build/icedata-smoke/staged" ;;
    --table) table="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
    --work) work="$2"; shift ;;
    --out) out="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    --no-assemble) assemble=0 ;;
    --check) check_only=1 ;;
    --v2) table="$here/runs-v2.tsv"; work="$root/build/icedata/runs-v2"; out="$root/data/ice-v2"
          stage="$root/data/ice-v2/staged"
          description="$(sed -n 's/^# description: //p' "$table")" ;;
    --stage) stage="$2"; shift ;;
    --description) description="$2"; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$smoke" = 1 ]; then rm -rf "$work" "$out" "$stage"; fi
cp="$root/lib/target/physml-lib.jar:$root/lib/target/dependency/*"
build_lib() {
  local jar="$root/lib/target/physml-lib.jar"
  local newer=""
  # find -newer fails on a missing reference file (a fresh clone): only compare when the jar exists
  if [ -f "$jar" ]; then
    newer="$(cd "$root" && find pom.xml lib/pom.xml lib/src/main -newer "$jar" -type f 2>/dev/null | head -n 1)"
  fi
  if [ ! -f "$jar" ] || [ -n "$newer" ]; then
    printf '[icedata] building lib/ (mvn package)\n' >&2
    (cd "$root" && { mvn -o -B -q -ntp -Dstyle.color=never -pl lib package -DskipTests \
      || mvn -B -q -ntp -Dstyle.color=never -pl lib package -DskipTests; })
  fi
}
if [ -n "$stage" ]; then mkdir -p "$stage"; stage="$(cd "$stage" && pwd)"; fi
if [ "$check_only" = 1 ]; then
  build_lib
  if [ -n "$stage" ] && [ ! -f "$out/manifest.json" ]; then
    # generation still under way: check the runs staged so far
    exec java -cp "$cp" org.physml.ice.data.IceDataSet check-staged --runs "$table" --staged "$stage"
  fi
  exec java -cp "$cp" org.physml.ice.data.IceDataSet check --out "$out"
fi
mkdir -p "$work"
work="$(cd "$work" && pwd)"
log() { printf '[icedata %s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$work/generation.log" >&2; }

lmp="${LMP:-}"
if [ -z "$lmp" ]; then
  for cand in lmp lmp_serial; do
    if command -v "$cand" >/dev/null 2>&1; then lmp="$cand"; break; fi
  done
fi
[ -n "$lmp" ] || { log "LAMMPS not found; as root run: apt-get update && apt-get install -y lammps"; exit 1; }

cd "$root"
build_lib

# run ids of the table, in order
mapfile -t ids < <(awk '!/^#/ && NF { print $1 }' "$table")
row() { awk -v id="$1" '!/^#/ && $1 == id' "$table"; }

# 1) initial structures of the unfinished runs (sequentially: one JVM at a time)
t0=$(date +%s)
log "table $table: ${#ids[@]} runs; work $work; LAMMPS $("$lmp" -h | grep -m1 -o '[0-9]* [A-Z][a-z]* 20[0-9][0-9].*')"
todo=()
for id in "${ids[@]}"; do
  dir="$work/$id"
  if [ -n "$stage" ] && [ -f "$stage/$id.json" ] && [ -f "$stage/$id.extxyz.gz" ]; then
    log "$id: staged earlier in $stage"; continue
  fi
  if [ -f "$dir/DONE" ] && [ -n "$stage" ]; then todo+=("$id"); continue; fi
  if [ -f "$dir/DONE" ]; then log "$id: finished earlier ($(grep '^density' "$dir/DONE" | tr '\n' ' '))"; continue; fi
  read -r _ _ _ phase cell seed _ _ _ <<< "$(row "$id")"
  IFS=x read -r n1 n2 n3 <<< "${cell%o}"
  ortho=(); [ "${cell: -1}" = o ] && ortho=(--orthohexagonal)
  rm -rf "$dir"; mkdir -p "$dir"
  java -cp "$cp" org.physml.ice.IceMain --phase "$phase" --repeat "$n1" "$n2" "$n3" "${ortho[@]}" --seed "$seed" \
    --lammps "$dir/initial.data" --extxyz "$dir/initial.extxyz" > "$dir/initial.txt"
  todo+=("$id")
done

# 2) the LAMMPS runs, $jobs at a time
stage_one() {
  [ -n "$stage" ] || return 0
  java -cp "$cp" org.physml.ice.data.IceDataSet stage --runs "$table" --work "$work" --run "$1" --out "$stage" \
    | while read -r line; do log "$line"; done
}
run_one() {
  local id="$1" dir="$work/$1" label protocol phase cell seed T P vars
  if [ -f "$dir/DONE" ]; then stage_one "$id"; return; fi
  read -r _ label protocol phase cell seed T P vars <<< "$(row "$id")"
  local args=(-var dir "$here/lammps" -var data initial.data -var seed "$seed" -var T "$T" -var P "$P")
  for kv in $vars; do args+=(-var "${kv%%=*}" "${kv#*=}"); done
  log "$id: start ($label, $protocol, $(cut -d, -f1 "$dir/initial.txt"), T = $T K, P = $P bar)"
  local start end rc=0
  start=$(date +%s.%N)
  (cd "$dir" && OMP_NUM_THREADS=1 "$lmp" -in "$here/lammps/$protocol.lmp" "${args[@]}" \
     -log log.lammps -screen none) || rc=$?
  end=$(date +%s.%N)
  if [ "$rc" != 0 ] || ! grep -q '^ICEDATA_COMPLETE' "$dir/log.lammps"; then
    log "$id: FAILED (lmp exit $rc; see $dir/log.lammps: $(grep -m1 ERROR "$dir/log.lammps" || true))"
    return 1
  fi
  # density of the production frames (frames.dat: step t_ps T P density; the frame at t = 0 is not used)
  awk -v wall="$(echo "$end - $start" | bc)" '!/^#/ && $2 > 0 { n++; s += $5; q += $5 * $5; t += $3; p += $4 }
    END { m = s / n; printf "frames=%d\ndensity_mean=%.5f\ndensity_std=%.5f\nT_mean=%.2f\nP_mean=%.1f\nwall_s=%.1f\n",
          n, m, sqrt((q - n * m * m) / (n - 1)), t / n, p / n, wall }' "$dir/frames.dat" > "$dir/DONE.tmp"
  grep -h '^ICEDATA_DENSITY' "$dir/log.lammps" | sed 's/^ICEDATA_\([A-Z_]*\) /\L\1=/' >> "$dir/DONE.tmp" || true
  mv "$dir/DONE.tmp" "$dir/DONE"
  log "$id: done, $(tr '\n' ' ' < "$dir/DONE")"
  stage_one "$id"
}
export -f run_one stage_one row log
export work here table lmp stage cp
rc=0
if [ "${#todo[@]}" -gt 0 ]; then
  printf '%s\n' "${todo[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one "$1"' _ {} || rc=$?
fi
log "runs finished in $(( $(date +%s) - t0 )) s (this invocation)"
[ "$rc" = 0 ] || { log "some runs failed (xargs exit $rc); rerun to retry them"; exit 1; }

# 3) the data set
if [ "$assemble" = 1 ] && [ -n "$stage" ]; then
  desc=(); [ -n "$description" ] && desc=(--description "$description")
  java -cp "$cp" org.physml.ice.data.IceDataSet assemble --runs "$table" --staged "$stage" --out "$out" "${desc[@]}"
  java -cp "$cp" org.physml.ice.data.IceDataSet check --out "$out"
elif [ "$assemble" = 1 ]; then
  java -cp "$cp" org.physml.ice.data.IceDataSet assemble --runs "$table" --work "$work" --out "$out"
  java -cp "$cp" org.physml.ice.data.IceDataSet check --out "$out"
fi
