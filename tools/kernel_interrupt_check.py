#!/usr/bin/env python3
"""What Kernel > Interrupt does to a running cell of the course kernel (README.md, The kernel).

    kernel_interrupt_check.py [--kernel physml-java] [--repeat 3] [--wait 30]

For each cell below: start a kernel, run a first cell, run the cell, send the interrupt as Jupyter's
Kernel > Interrupt does (jupyter_client's interrupt_kernel: an interrupt_request on the control channel for
a kernelspec with interrupt_mode "message"), and report whether the cell's execute_reply came and with which
status, how long after the interrupt, whether the kernel still runs a next cell, and whether the interrupted
cell's code is still running afterwards (a REPL frame in the kernel's thread dump, jstack) and the kernel's
CPU use then (such a thread keeps one core busy; on a loaded machine it gets less).
Prints one line per trial; informational, exits 0.
"""
import argparse
import asyncio
import os
import time
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

from kernel_start_check import COURSE_JUPYTER, thread_dump, wait_for_reply

CELLS = {
    "busy loop": "long n = 0; while (true) { n++; }",
    "sleeping loop": "while (true) { Thread.sleep(100); }",
}


def cpu_seconds(pid):
    """User + system CPU time of a process, s (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def reply_to(kc, msg_id, timeout):
    return await wait_for_reply(kc, msg_id, time.monotonic() + timeout)


async def trial(kernel, code, wait):
    km = AsyncKernelManager(kernel_name=kernel)
    await km.start_kernel(stdout=open(os.devnull, "wb"), stderr=open(os.devnull, "wb"))
    kc = km.client()
    kc.start_channels()
    try:
        first = await reply_to(kc, kc.execute("int before = 41;"), 60)
        if first is None or first["content"]["status"] != "ok":
            return "the first cell did not run"
        loop_id = kc.execute(code)
        await asyncio.sleep(10)   # compiled and running, also on a loaded machine
        t0 = time.monotonic()
        await km.interrupt_kernel()
        reply = await reply_to(kc, loop_id, wait)
        if reply is None:
            result = f"no execute_reply within {wait} s of the interrupt"
        else:
            c = reply["content"]
            result = (f"execute_reply {c['status']} after {time.monotonic() - t0:.1f} s"
                      + (f" ({c.get('ename')}: {str(c.get('evalue'))[:60]})" if c["status"] == "error" else ""))
        pid = km.provisioner.pid
        cpu0, w0 = cpu_seconds(pid), time.monotonic()
        after = await reply_to(kc, kc.execute("before + 1"), wait)
        await asyncio.sleep(max(0.0, 5 - (time.monotonic() - w0)))
        load = (cpu_seconds(pid) - cpu0) / (time.monotonic() - w0)
        if after is None:
            result += f"; the next cell got no reply within {wait} s"
        else:
            result += f"; next cell {after['content']['status']}"
        still = any(line.strip().startswith("at REPL.") for line in thread_dump(pid).splitlines())
        return (result + f"; interrupted code {'STILL RUNNING' if still else 'ended'}"
                f" (kernel CPU afterwards {load:.2f} cores)")
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kernel", default="physml-java")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--wait", type=float, default=30, help="seconds to wait for a reply (default 30)")
    args = p.parse_args()
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        x for x in (str(COURSE_JUPYTER), os.environ.get("JUPYTER_PATH")) if x)
    for name, code in CELLS.items():
        for i in range(args.repeat):
            print(f"{name} ({code}) trial {i + 1}: {asyncio.run(trial(args.kernel, code, args.wait))}", flush=True)


if __name__ == "__main__":
    main()
