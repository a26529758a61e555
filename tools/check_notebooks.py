#!/usr/bin/env python3
"""Check committed notebooks: valid nbformat, the course kernel, no outputs (the run command
produces executed copies under build/) and code lines of at most MAX_LINE characters. Exits non-zero
naming each offending notebook, cell and line."""
import sys
from pathlib import Path

import nbformat

KERNEL_NAME = "physml-java"
MAX_LINE = 100  # characters per line of a code cell (the course standard)


def problems(path):
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # report any parse/validation failure with the file name
        return [f"{path}: not a valid notebook: {e}"]
    found = []
    name = nb.metadata.get("kernelspec", {}).get("name")
    if name != KERNEL_NAME:
        found.append(f"{path}: kernelspec is {name!r}, expected {KERNEL_NAME!r}")
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            found.append(f"{path}: cell {i} has outputs or an execution count; commit notebooks cleared")
        if cell.cell_type == "code":
            for n, line in enumerate(cell.source.split("\n"), start=1):
                if len(line) > MAX_LINE:
                    found.append(f"{path}: cell {i} line {n} has {len(line)} characters, "
                                 f"at most {MAX_LINE} allowed: {line[:60].strip()}...")
    return found


def main(folders):
    paths = sorted(p for f in folders for p in Path(f).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    errors = [e for p in paths for e in problems(p)]
    for e in errors:
        print(e, file=sys.stderr)
    print(f"checked {len(paths)} notebooks: {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["notebooks"]))
