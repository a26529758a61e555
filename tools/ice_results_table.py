#!/usr/bin/env python3
"""Prints the README's ice-study table (Markdown) from notebooks/data/ice-models-v2/results.json.

Usage: tools/ice_results_table.py [results.json]
"""
import json
import sys


def pct(x, digits=1):
    return f"{100 * x:.{digits}f}"


def main(path):
    with open(path) as f:
        rows = json.load(f)["rows"]
    print("| descriptor | balanced accuracy (mean +- sd, 3 seeds) | ensemble of the 3 | recall LDA / MDA / HDA "
          "| false alarms | ice II | ice VII | ice Ih with vacancies |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        rec, ood = r["recall"], r["ood"]
        det = ood["detection_rate"]
        print(f"| {r['descriptor']} | {pct(r['balanced_accuracy_mean'])} +- {pct(r['balanced_accuracy_sd'])} % "
              f"| {pct(r['ensemble']['balanced_accuracy'])} % "
              f"| {pct(rec['LDA'])} / {pct(rec['MDA'])} / {pct(rec['HDA'])} % "
              f"| {pct(ood['false_alarm_rate'])} % | {pct(det['ice_II'], 0)} % | {pct(det['ice_VII'], 0)} % "
              f"| {pct(det['ice_Ih_vacancies'], 0)} % |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "notebooks/data/ice-models-v2/results.json")
