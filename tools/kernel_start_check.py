#!/usr/bin/env python3
"""Start the course kernel many times and check that every start answers (run by `./physml test`).

    kernel_start_check.py [--starts 30] [--parallel 3] [--answer-timeout 30] [--kernel physml-java]
                          [--out build/kernel-starts]

Each start launches the installed kernelspec with jupyter_client, opens the channels and sends an
execute_request at once (not after kernel_info, as a notebook front end does not wait either: a request
may reach the kernel while it is still binding its channels). A start fails if the execute_reply does not
come within --answer-timeout seconds of the launch, if the reply is not "ok", or if the kernel's log shows
"Unhandled message" (a request dropped without a reply) or an exception in one of its threads. The log of
a failed start, with a thread dump (jstack) of a kernel that did not answer, is kept in --out.

rapaio-jupyter-kernel 3.0.1 as released fails this (kernel-patch/ and README.md, The kernel): register it
with `tools/install_kernel.py --upstream` and run this with `--kernel physml-java-upstream` to see it.
Prints one line per start and closes with "starts: N passed, M failed"; exits 1 on any failure.
"""
import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

ROOT = Path(__file__).resolve().parent.parent
# Where tools/install_kernel.py puts this checkout's kernelspecs (./physml also puts it on JUPYTER_PATH).
COURSE_JUPYTER = ROOT / "build" / "jupyter" / "share" / "jupyter"
CODE = "6 * 7"
# What a kernel that lost a request, or whose loop thread died, writes to its log.
BAD_LOG = re.compile(r"Unhandled message|Exception in thread|Exception handling")


class Start:
    """The record of one kernel start."""

    def __init__(self, index):
        self.index = index
        self.seconds = None      # launch to execute_reply
        self.problems = []
        self.log = None

    @property
    def ok(self):
        return not self.problems


def thread_dump(pid):
    """The kernel JVM's thread dump (jstack), or why there is none."""
    jstack = shutil.which("jstack")
    if jstack is None:
        return "(no jstack on PATH)"
    try:
        return subprocess.run([jstack, str(pid)], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as e:
        return f"(jstack failed: {e})"


async def wait_for_reply(kc, msg_id, deadline):
    """The execute_reply to msg_id on the shell channel, or None at the deadline."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        try:
            msg = await kc.get_shell_msg(timeout=left)
        except Exception:   # queue.Empty on timeout
            return None
        if msg.get("parent_header", {}).get("msg_id") == msg_id:
            return msg


async def one_start(index, args, slots):
    start = Start(index)
    async with slots:
        log_path = args.out / f"start-{index:03d}.log"
        km = AsyncKernelManager(kernel_name=args.kernel)
        kc = None
        with open(log_path, "wb") as log:
            t0 = time.monotonic()
            try:
                await km.start_kernel(stdout=log, stderr=log)
                kc = km.client()
                kc.start_channels()
                msg_id = kc.execute(CODE, store_history=False)
                reply = await wait_for_reply(kc, msg_id, t0 + args.answer_timeout)
                if reply is None:
                    start.problems.append(f"no execute_reply within {args.answer_timeout} s")
                    pid = getattr(getattr(km, "provisioner", None), "pid", None)
                    if pid is not None:
                        log.write(f"\n==== jstack of kernel pid {pid} (no answer) ====\n".encode())
                        log.write(thread_dump(pid).encode())
                else:
                    start.seconds = time.monotonic() - t0
                    status = reply["content"].get("status")
                    if status != "ok":
                        start.problems.append(f"execute_reply status {status!r}")
            except Exception as e:   # the kernel did not even launch
                start.problems.append(f"{type(e).__name__}: {e}")
            finally:
                if kc is not None:
                    kc.stop_channels()
                try:
                    await km.shutdown_kernel(now=True)
                except Exception as e:
                    start.problems.append(f"shutdown failed: {type(e).__name__}: {e}")
        text = log_path.read_text(errors="replace")
        bad = sorted({m.group(0) for m in BAD_LOG.finditer(text)})
        if bad:
            start.problems.append("kernel log shows " + ", ".join(f"'{b}'" for b in bad))
        if start.ok and not args.keep_logs:
            log_path.unlink()
        else:
            start.log = log_path
    answered = f"answered in {start.seconds:5.1f} s" if start.seconds is not None else "no answer"
    print(f"start {index:3d}: {'ok  ' if start.ok else 'FAIL'} {answered}"
          + (f": {'; '.join(start.problems)} (log: {start.log})" if start.problems else ""), flush=True)
    return start


async def run(args):
    slots = asyncio.Semaphore(args.parallel)
    return await asyncio.gather(*(one_start(i + 1, args, slots) for i in range(args.starts)))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--starts", type=int, default=30, help="kernel starts (default 30)")
    p.add_argument("--parallel", type=int, default=3, help="starts under way at once (default 3)")
    p.add_argument("--answer-timeout", type=float, default=30,
                   help="seconds from launch to the execute_reply (default 30)")
    p.add_argument("--kernel", default="physml-java", help="installed kernelspec (default physml-java)")
    p.add_argument("--out", type=Path, default=ROOT / "build" / "kernel-starts",
                   help="folder for the logs of failed starts (default build/kernel-starts)")
    p.add_argument("--keep-logs", action="store_true", help="keep the logs of passing starts too")
    args = p.parse_args()
    if args.starts < 1 or args.parallel < 1 or args.answer_timeout <= 0:
        p.error("--starts and --parallel must be >= 1 and --answer-timeout > 0")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        x for x in (str(COURSE_JUPYTER), os.environ.get("JUPYTER_PATH")) if x)
    args.out.mkdir(parents=True, exist_ok=True)

    print(f"{args.starts} starts of kernel {args.kernel}, {args.parallel} at a time, execute_request at once, "
          f"{args.answer_timeout:g} s to answer", flush=True)
    t0 = time.monotonic()
    starts = asyncio.run(run(args))
    failed = [s for s in starts if not s.ok]
    times = [s.seconds for s in starts if s.seconds is not None]
    if times:
        print(f"answer time: median {statistics.median(times):.1f} s, max {max(times):.1f} s "
              f"({len(times)} answered); wall time {time.monotonic() - t0:.0f} s")
    print(f"starts: {len(starts) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
