#!/usr/bin/env bash
# Grading time at class scale (grading/README.md, Timing): N submissions of hw02-ftcs (default 30: solutions,
# exercises and crafted fixtures, mixed as a class would hand them in) graded by `./physml grade submit` with
# --jobs 1 and with --jobs 2, each run timed; prints the wall time in all and per submission with the load
# averages (uptime) before and after each run, checks that both runs gave every student the same score, and
# writes the report to build/grading/timing/report.txt.
#
#   tools/grade_timing.sh [N] [JOBS...]      e.g. tools/grade_timing.sh 30 1 2  (the default)
#
# Left out of the mix: infinite-loop (two 60 s cell timeouts in each of the two runs, about 4 minutes alone: a
# worst case, not a class), oversized and symlink-to-solution (refused before anything runs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-30}"
shift || true
JOBS=("$@")
[ "${#JOBS[@]}" -gt 0 ] || JOBS=(1 2)
HW=hw02-ftcs
FIX="$ROOT/grading/fixtures/$HW"
OUT="$ROOT/build/grading/timing"
case "$N" in ''|*[!0-9]*) echo "grade_timing: N must be a number, got '$N'" >&2; exit 2 ;; esac

# 30 submissions in hand-in order: 10 solutions, 5 exercises (nothing done), 15 fixtures
fixtures=(wrong-values exception compile-error tampered-test deleted-cells noisy-correct system-exit shadow-library
          deletes-files throws-hidden-text shadow-declarators shadow-unicode kill-everything huge-allocation
          isolation-probe)
mix=()
for k in $(seq 0 14); do
  mix+=("fixture:${fixtures[$k]}")
  if [ $((k % 3)) = 2 ]; then mix+=(exercise); else mix+=(solution); fi
done
[ "$N" -ge 1 ] && [ "$N" -le "${#mix[@]}" ] || { echo "grade_timing: N must be 1..${#mix[@]}" >&2; exit 2; }

# grading runs of any checkout share the sandbox users (uid 64000 + slot): their process limits, and the leftover
# check of grade check/validate would count this run's processes as its own leftovers
# (also a ./physml grade wrapper still building before its GradeCli starts)
busy='(org.physml.grading.GradeCli|physml grade) (check|validate|submit|autograde|gradescope-check)'
if pgrep -f "$busy" >/dev/null; then
  echo "grade_timing: another grading run is active (it shares the sandbox users); try later:" >&2
  pgrep -af "$busy" >&2
  exit 1
fi

rm -rf "$OUT"
mkdir -p "$OUT/submissions"
counts=""
for i in $(seq 1 "$N"); do
  kind="${mix[$((i - 1))]}"
  case "$kind" in
    solution) src="$ROOT/solutions/$HW.ipynb" ;;
    exercise) src="$ROOT/exercises/$HW.ipynb" ;;
    fixture:*) src="$FIX/${kind#fixture:}.ipynb" ;;
  esac
  cp "$src" "$OUT/submissions/$(printf 'student%02d' "$i").ipynb"
  printf '%s %s\n' "$(printf 'student%02d' "$i")" "$kind" >> "$OUT/mix.txt"
done
counts="$(cut -d' ' -f2 "$OUT/mix.txt" | sed 's/^fixture:.*/fixture/' | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}')"

report="$OUT/report.txt"
{
  echo "grading time of $N submissions of $HW ($counts) on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
  printf '%-8s %10s %14s %14s  %s\n' "--jobs" "wall (s)" "per sub. (s)" "mean sub. (s)" "load averages before -> after (1, 5, 15 min)"
} > "$report"

for j in "${JOBS[@]}"; do
  before="$(uptime | sed 's/.*load average: //')"
  t0=$(date +%s.%N)
  "$ROOT/physml" grade submit "$OUT/submissions" --assignment "$HW" --jobs "$j" --out "$OUT/jobs$j" \
    > "$OUT/jobs$j.log" 2>&1 || echo "grade_timing: grade submit --jobs $j exited $? (see $OUT/jobs$j.log)" >&2
  t1=$(date +%s.%N)
  after="$(uptime | sed 's/.*load average: //')"
  # the per-student table of grade submit: "studentNN  score  time s  ..."
  # rows: "student01   8/11 auto   21.7 s  notes" (older reports: "student01   8/11   21.7 s"): the first "<number> s"
  mean="$(awk '/^student[0-9]+ / { if (match($0, / [0-9.]+ s( |$)/)) { s += substr($0, RSTART + 1) + 0; n++ } }
               END { if (n) printf "%.1f", s / n; else print "-" }' "$OUT/jobs$j.log")"
  wall="$(echo "$t1 - $t0" | bc)"
  printf '%-8s %10.0f %14.1f %14s  %s -> %s\n' "$j" "$wall" "$(echo "$wall / $N" | bc -l)" "$mean" "$before" "$after" >> "$report"
done

# the same score for every student whatever the parallelism
first="${JOBS[0]}"
for j in "${JOBS[@]:1}"; do
  if ! diff <(cut -d, -f1,3,4 "$OUT/jobs$first/grades.csv" | sort) <(cut -d, -f1,3,4 "$OUT/jobs$j/grades.csv" | sort) \
       > "$OUT/scores-differ.txt"; then
    echo "SCORES DIFFER between --jobs $first and --jobs $j (see $OUT/scores-differ.txt)" >> "$report"
  else
    echo "scores identical with --jobs $first and --jobs $j" >> "$report"
  fi
done
echo "(wall = the whole grade submit command incl. its JVM start; mean sub. = the grader's time per submission)" >> "$report"
cat "$report"
