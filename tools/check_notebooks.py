#!/usr/bin/env python3
"""Check committed notebooks: valid nbformat, the course kernel, and no outputs (the run command
produces executed copies under build/). Exits non-zero naming each offending notebook and cell."""
import sys
from pathlib import Path

import nbformat

KERNEL_NAME = "physml-java"


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
