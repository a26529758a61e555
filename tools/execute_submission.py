#!/usr/bin/env python3
"""Execute one notebook for the grader (org.physml.grading): a fresh course kernel with limits, every cell in
order, errors allowed, and a status recorded for each code cell.

    execute_submission.py IN.ipynb|- OUT.ipynb|- --workdir DIR [--cell-timeout 60] [--notebook-timeout 600]
                          [--heap 1g] [--address-space 6g] [--max-restarts 2] [--kernel physml-java]
                          [--kernel-log FILE]

The kernel is the course kernelspec (tools/install_kernel.py: build/jupyter of this checkout, else wherever
JUPYTER_PATH and the user's Jupyter dirs have it) with, for this run only:
  * -Xmx and the ND4J off-heap cap set to --heap;
  * an OS address-space limit (prlimit --as) of --address-space on the kernel process, no core files and
    files of at most 1 GiB; the kernel JVM reserves about 2.7 GB of address space at start, so keep this
    several GB above the heap;
  * the kernel's own per-snippet timeout (RJK_TIMEOUT_MILLIS) set to --cell-timeout: a runaway snippet gets an
    error output and the kernel carries on (its thread keeps spinning until the kernel ends);
  * working directory --workdir.
The client waits --cell-timeout + 15 s per cell. If a cell exceeds that (the kernel hangs) or the kernel dies
(System.exit, crash, memory limit), the kernel is restarted, the cells that ran before are run again silently,
and execution continues with the next cell - at most --max-restarts times. The whole run, replays included,
stops at --notebook-timeout; the remaining cells are marked not run.

IN "-" reads the notebook from stdin (then written into --workdir as --name, the only file there), OUT "-" writes the
executed notebook to stdout, with the kernel's log (at most 256 kB: head and tail) in metadata.physml_run.kernel_log:
the grader runs this script that way inside its sandbox (org.physml.grading.Sandbox), where nothing but stdin and
stdout connects it to the grader. The process makes itself non-dumpable (prctl), so that the kernel's processes,
which run as the same user, can neither read its memory nor write to its stdout through /proc.

Each code cell gets metadata.physml_run = {"status": ok | error | timeout | kernel_died | not_run,
"seconds": s, "reason": ...}; the notebook gets metadata.physml_run with the run's facts. Output text beyond
200 kB per cell is dropped (error outputs are always kept). Exit status 0 when the notebook was processed
(whatever the student's code did), 2 when the kernel could not be started at all.
"""
import argparse
import asyncio
import atexit
import copy
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from run_notebooks import MeasuredClient, ready_seconds

ROOT = Path(__file__).resolve().parent.parent
# Where tools/install_kernel.py puts this checkout's kernelspec (./physml also puts it on JUPYTER_PATH).
COURSE_JUPYTER = ROOT / "build" / "jupyter" / "share" / "jupyter"
GRACE_SECONDS = 15
GRADING_KERNEL = "physml-grading"
MAX_OUTPUT_CHARS = 200_000
FILE_SIZE_LIMIT = 1 << 30
LOG_KEEP = 128 * 1024   # bytes of the kernel log kept at its head and at its tail when it goes to stdout


def parse_bytes(text):
    """'512m', '6g', '1048576' -> bytes."""
    m = re.fullmatch(r"(\d+)([kmgKMG]?)", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"expected a size such as 512m or 6g, got {text!r}")
    return int(m.group(1)) * {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[m.group(2).lower()]


def grading_kernelspec(base, heap, address_space, cell_timeout):
    """kernel.json of the course kernel with this run's limits."""
    spec = KernelSpecManager().get_kernel_spec(base)
    argv = []
    for a in spec.argv:
        if a.startswith("-Xmx"):
            a = f"-Xmx{heap}"
        elif a.startswith("-Dorg.bytedeco.javacpp.maxbytes="):
            a = f"-Dorg.bytedeco.javacpp.maxbytes={heap}"
        argv.append(a)
    if not any(a.startswith("-Xmx") for a in argv):
        argv.insert(1, f"-Xmx{heap}")
    if address_space is not None:
        prlimit = shutil.which("prlimit")
        if prlimit is None:
            sys.exit("execute_submission: prlimit (util-linux) is needed for the memory limit;"
                     " install util-linux or pass --address-space unlimited")
        # never above the limits the sandbox already set (an unprivileged process cannot raise them)
        import resource
        hard_as = resource.getrlimit(resource.RLIMIT_AS)[1]
        hard_fsize = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        address_space = address_space if hard_as == resource.RLIM_INFINITY else min(address_space, hard_as)
        fsize = FILE_SIZE_LIMIT if hard_fsize == resource.RLIM_INFINITY else min(FILE_SIZE_LIMIT, hard_fsize)
        argv = [prlimit, f"--as={address_space}", "--core=0", f"--fsize={fsize}", "--"] + argv
    env = dict(spec.env)
    env.update(RJK_TIMEOUT_MILLIS=str(cell_timeout * 1000), MALLOC_ARENA_MAX="2")
    return {"argv": argv, "display_name": "physml grading", "language": spec.language,
            "interrupt_mode": spec.interrupt_mode, "env": env}


class GradingClient(MeasuredClient):
    """Caps the output text kept per cell (error outputs are always kept). Start-up hang detection is
    MeasuredClient's (tools/run_notebooks.py)."""

    _chars = {}

    def output(self, outs, msg, display_id, cell_index):
        if msg["msg_type"] == "error":
            return super().output(outs, msg, display_id, cell_index)
        used = self._chars.get(cell_index, 0)
        size = len(json.dumps(msg.get("content", {})))
        if used > MAX_OUTPUT_CHARS:
            return None
        self._chars[cell_index] = used + size
        if used + size > MAX_OUTPUT_CHARS:
            outs.append(nbformat.v4.new_output("stream", name="stderr",
                                               text=f"[grader: output beyond {MAX_OUTPUT_CHARS} characters dropped]\n"))
            return None
        return super().output(outs, msg, display_id, cell_index)


def set_run(cell, status, seconds=None, reason=None):
    run = {"status": status}
    if seconds is not None:
        run["seconds"] = round(seconds, 2)
    if reason:
        run["reason"] = reason
    cell.metadata["physml_run"] = run


def code_indices(nb):
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()]


class Runner:
    def __init__(self, nb, args):
        self.nb = nb
        self.args = args
        self.deadline = time.monotonic() + args.notebook_timeout
        self.done = []          # cells that ran without killing or hanging the kernel (replayed after a restart)
        self.restarts = 0
        self.start_attempts = 0
        self.start_retries = 0   # starts that never answered and were replaced (a kernel fault; expected 0)
        self.peak_mb = None
        self.notes = []

    def client(self, attempt=0):
        c = GradingClient(self.nb, kernel_name=GRADING_KERNEL, timeout=self.args.cell_timeout + GRACE_SECONDS,
                          allow_errors=True, shutdown_kernel="immediate", startup_timeout=self.args.startup_timeout,
                          record_timing=False, resources={"metadata": {"path": str(self.args.workdir)}})
        c._chars = {}
        c.ready_timeout = ready_seconds(attempt, self.args.ready_timeout)
        return c

    def cell_timeout(self):
        return max(1, int(min(self.args.cell_timeout + GRACE_SECONDS, self.deadline - time.monotonic())))

    def mark_rest(self, start, reason):
        for i in code_indices(self.nb):
            if i >= start and "physml_run" not in self.nb.cells[i].metadata:
                set_run(self.nb.cells[i], "not_run", reason=reason)

    async def run(self, log):
        todo = code_indices(self.nb)
        pos = 0
        while pos < len(todo):
            try:
                client, setup = await self.start_kernel(log)
            except KernelStartError as e:  # nothing the student did
                if self.restarts == 0:
                    raise
                self.notes.append(f"the kernel did not restart: {e}")
                self.mark_rest(todo[pos], "restart_failed")
                return
            try:
                if self.restarts > 0 and not await self.replay(client):
                    self.mark_rest(todo[pos], "replay_failed")
                    return
                pos = await self.run_cells(client, todo, pos)
            finally:
                await setup.__aexit__(None, None, None)
                if client.peak_mb is not None:
                    self.peak_mb = max(self.peak_mb or 0, client.peak_mb)
            if pos < len(todo):
                if time.monotonic() >= self.deadline:
                    self.mark_rest(todo[pos], "notebook_timeout")
                    return
                if self.restarts >= self.args.max_restarts:
                    self.notes.append(f"the kernel was lost again after {self.restarts} restarts; no further restart")
                    self.mark_rest(todo[pos], "restarts_exhausted")
                    return
                self.restarts += 1

    async def start_kernel(self, log):
        """A started kernel and its context; a kernel that does not answer is killed and started again.

        See GradingClient for why a start can fail; a new start succeeds.
        """
        problems = []
        for attempt in range(self.args.start_attempts):
            client = self.client(attempt)
            setup = client.async_setup_kernel(stdout=log, stderr=log)
            try:
                await setup.__aenter__()
                if problems:   # the kernel's problem, not the student's: for the grader's log only
                    print(f"execute_submission: the kernel started at attempt {attempt + 1} ({'; '.join(problems)})",
                          file=sys.stderr, flush=True)
                self.start_attempts += attempt + 1
                self.start_retries += attempt
                return client, setup
            except Exception as e:
                problems.append(f"{type(e).__name__}: {e}")
                # nbclient has already killed the kernel; drop its exit hook for it
                atexit.unregister(client._cleanup_kernel)
                if client.km is not None:
                    await client._async_cleanup_kernel()
        raise KernelStartError("; ".join(problems))

    async def run_cells(self, client, todo, pos):
        """Run cells from todo[pos]; return the position to continue from after a restart (len(todo) when done)."""
        while pos < len(todo):
            i = todo[pos]
            cell = self.nb.cells[i]
            if time.monotonic() >= self.deadline - 1:
                self.mark_rest(i, "notebook_timeout")
                return len(todo)
            client.timeout = self.cell_timeout()
            t0 = time.monotonic()
            try:
                await client.async_execute_cell(cell, i)
            except CellTimeoutError:
                set_run(cell, "timeout", time.monotonic() - t0)
                return pos + 1
            except DeadKernelError:
                set_run(cell, "kernel_died", time.monotonic() - t0)
                return pos + 1
            failed = any(o.get("output_type") == "error" for o in cell.outputs)
            set_run(cell, "error" if failed else "ok", time.monotonic() - t0)
            self.done.append(i)
            pos += 1
        return pos

    async def replay(self, client):
        """Run the cells that ran before on the new kernel, outputs discarded; False if that fails."""
        saved = list(self.nb.cells)
        try:
            for i in self.done:
                if time.monotonic() >= self.deadline:
                    return False
                client.timeout = self.cell_timeout()
                await client.async_execute_cell(copy.deepcopy(saved[i]), i)
            return True
        except (CellTimeoutError, DeadKernelError):
            return False
        finally:
            self.nb.cells[:] = saved


class KernelStartError(Exception):
    pass


def non_dumpable():
    """prctl(PR_SET_DUMPABLE, 0): /proc/<pid>/fd, /proc/<pid>/mem and ptrace of this process need privileges."""
    try:
        import ctypes
        if ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")
    except (OSError, AttributeError) as e:
        sys.exit(f"execute_submission: cannot make the executor non-dumpable: {e}")


def capped_log(path):
    """The kernel log as text, at most LOG_KEEP bytes of its head and of its tail."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            if size <= 2 * LOG_KEEP:
                data = f.read()
            else:
                head = f.read(LOG_KEEP)
                f.seek(size - LOG_KEEP)
                data = head + f"\n[grader: {size - 2 * LOG_KEEP} bytes of the kernel log dropped]\n".encode() + f.read()
        return data.decode("utf-8", "replace")
    except OSError as e:
        return f"(no kernel log: {e})"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("notebook", help="the notebook, or - for stdin")
    p.add_argument("out", help="the executed notebook, or - for stdout")
    p.add_argument("--name", default="submission.ipynb", help="file name of a notebook read from stdin")
    p.add_argument("--workdir", type=Path, required=True, help="the kernel's working directory")
    p.add_argument("--cell-timeout", type=int, default=60, help="seconds per cell (default 60)")
    p.add_argument("--notebook-timeout", type=int, default=600, help="seconds for the notebook (default 600)")
    p.add_argument("--startup-timeout", type=int, default=60,
                   help="seconds for a started kernel to open its ports (default 60)")
    p.add_argument("--ready-timeout", type=int, default=10,
                   help="seconds for the kernel to answer once its ports are open, doubled at every new "
                        "start attempt up to 60 (default 10)")
    p.add_argument("--start-attempts", type=int, default=8, help="kernel starts before giving up (default 8)")
    p.add_argument("--heap", default="1g", help="kernel JVM heap (default 1g)")
    p.add_argument("--address-space", default="6g",
                   help="OS address-space limit of the kernel process, or 'unlimited' (default 6g)")
    p.add_argument("--max-restarts", type=int, default=2, help="kernel restarts after a hang or death (default 2)")
    p.add_argument("--kernel", default="physml-java", help="installed kernelspec to base the run on")
    p.add_argument("--kernel-log", type=Path, help="file for the kernel's own stdout/stderr")
    args = p.parse_args()
    parse_bytes(args.heap)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(COURSE_JUPYTER), os.environ.get("JUPYTER_PATH")) if p)
    address_space = None if args.address_space == "unlimited" else parse_bytes(args.address_space)

    to_stdout = args.out == "-"
    if args.notebook == "-" or to_stdout:
        non_dumpable()
    if args.notebook == "-":
        nb = nbformat.read(sys.stdin, as_version=4)
        # the kernel inherits nothing of the grader's pipes
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        nbformat.write(nb, args.workdir / Path(args.name).name)
    else:
        nb = nbformat.read(args.notebook, as_version=4)
    out = sys.stdout if to_stdout else Path(args.out)
    if to_stdout:   # nothing else may reach stdout: print() goes to stderr from here on
        sys.stdout = sys.stderr
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="physml-kernelspec-") as tmp:
        kdir = Path(tmp) / "kernels" / GRADING_KERNEL
        kdir.mkdir(parents=True)
        spec = grading_kernelspec(args.kernel, args.heap, address_space, args.cell_timeout)
        (kdir / "kernel.json").write_text(json.dumps(spec, indent=1))
        os.environ["JUPYTER_PATH"] = tmp + os.pathsep + os.environ["JUPYTER_PATH"]
        runner = Runner(nb, args)
        log_path = args.kernel_log or (Path(tmp) / "kernel.log" if to_stdout else out.with_suffix(".kernel.log"))
        log_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(log_path, "wb") as log:
                asyncio.run(runner.run(log))
        except KernelStartError as e:
            print(f"execute_submission: the kernel did not start: {e} (kernel log: {log_path})", file=sys.stderr)
            if to_stdout:
                print(capped_log(log_path)[-4000:], file=sys.stderr)
            return 2
        kernel_log = capped_log(log_path) if to_stdout else None
    nb.metadata["physml_run"] = {
        "wall_seconds": round(time.monotonic() - start, 2),
        "kernel_restarts": runner.restarts,
        "kernel_start_attempts": runner.start_attempts,
        "kernel_start_retries": runner.start_retries,
        "peak_rss_mb": None if runner.peak_mb is None else round(runner.peak_mb),
        "cell_timeout": args.cell_timeout,
        "notebook_timeout": args.notebook_timeout,
        "heap": args.heap,
        "address_space": args.address_space,
        "notes": runner.notes,
    }
    if to_stdout:
        nb.metadata["physml_run"]["kernel_log"] = kernel_log
        nbformat.write(nb, sys.__stdout__)
        sys.__stdout__.flush()
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
