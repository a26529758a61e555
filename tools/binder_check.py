#!/usr/bin/env python3
"""Binder as repo2docker builds and starts it, checked as a new user (run by `./physml test`, as root).

    binder_check.py [--notebook notebooks/02-heat-equation-fd.ipynb] [--out build/binder-check]
                    [--decoy-java DIR] [--measure-uncached] [--keep]

1. creates a non-root user for the check (home /home/<user>) and copies the repository's tracked files into
   that home itself, as repo2docker places a repository in /home/jovyan;
2. runs binder/postBuild as that user, with a clean environment (no JAVA_HOME) and a Java other than 17
   first on PATH when one is installed (--decoy-java, default: the first such JDK in /usr/lib/jvm), as the
   java that update-alternatives picks on Ubuntu noble is 21 (with such a decoy, it first checks that
   `./physml setup` stops with a clear message when no Java 17 can be found); records its wall time and the size of the home
   (what postBuild adds to the image) and checks that the Maven repository is gone and ND4J's natives are
   unpacked in ~/.javacpp/cache;
3. starts the server through binder/start (Debian's classic Notebook server) and checks that it lists the
   course kernelspec with an absolute java of version 17 and a display name that says "Java 17", and that
   it logs the kernel culling of binder/jupyter-config;
4. starts a kernel through the server's REST API and executes every code cell of the notebook over the
   kernel's websocket (/api/kernels/<id>/channels), the way JupyterLab does (not through nbclient): every
   cell must reply "ok" without an error output, and every `Show.chart(` of a cell must come back as a PNG
   image (display_data image/png with a PNG signature and a non-empty size);
5. in a new kernel, times the first ND4J cell and checks that it left the files of ~/.javacpp/cache
   untouched (nothing unpacked); with --measure-uncached, also times it once with the cache emptied (the
   state before postBuild unpacked the natives);
6. shuts the kernels and the server down, ends every remaining process of the user (by pid), deletes the
   user and its home (--keep keeps both for a look).

Writes postBuild.log, server.log and summary.json to --out; exits 1 on a failed check.
"""
import argparse
import asyncio
import base64
import json
import os
import pwd
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parent.parent
KERNEL_NAME = "physml-java"
USER = "physml-binder"
COMMENT = "physml binder-check"   # marks a user this script created (and may delete)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CLEAN_PATH = "/usr/local/bin:/usr/bin:/bin"
ND4J_CELL = ("org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}})"
             ".mmul(org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}))"
             ".getDouble(1, 1)")   # 3*2 + 4*4 = 22


class CheckFailed(Exception):
    pass


def log(msg):
    print(f"[binder-check] {msg}", file=sys.stderr, flush=True)


def require(cond, msg):
    if not cond:
        raise CheckFailed(msg)


# ---------------------------------------------------------------------------------------------- the user

def user_processes(uid):
    """Pids of the processes whose real uid is uid (from /proc)."""
    pids = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            for line in (d / "status").read_text().splitlines():
                if line.startswith("Uid:"):
                    if int(line.split()[1]) == uid:
                        pids.append(int(d.name))
                    break
        except OSError:
            pass
    return pids


def end_user_processes(uid):
    """SIGTERM, then after 10 s SIGKILL, each remaining process of the check's user, by pid."""
    pids = user_processes(uid)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.time() + 10
        while time.time() < deadline and (pids := user_processes(uid)):
            time.sleep(0.2)
        if not pids:
            return
    raise CheckFailed(f"processes of uid {uid} survive SIGKILL: {pids}")


def delete_user(name):
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return
    if entry.pw_gecos.split(",")[0] != COMMENT:
        raise CheckFailed(f"user {name} exists but was not created by this check (comment {entry.pw_gecos!r});"
                          " remove it or pick another --user")
    end_user_processes(entry.pw_uid)
    subprocess.run(["userdel", "--remove", name], check=True, stderr=subprocess.DEVNULL)
    shutil.rmtree(entry.pw_dir, ignore_errors=True)


def create_user(name):
    delete_user(name)  # a leftover of an interrupted run
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "--comment", COMMENT, "--user-group",
                    name], check=True)
    return pwd.getpwnam(name)


def copy_repository(entry):
    """The repository's tracked files (as in a clone of the working tree) into the user's home."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached"], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split("\0")
    with tempfile.TemporaryFile() as buf:
        with tarfile.open(fileobj=buf, mode="w") as tar:
            for f in files:
                if f and (ROOT / f).exists():
                    tar.add(ROOT / f, arcname=f, recursive=False)
        buf.seek(0)
        with tarfile.open(fileobj=buf) as tar:
            tar.extractall(entry.pw_dir)
    subprocess.run(["chown", "-R", f"{entry.pw_uid}:{entry.pw_gid}", entry.pw_dir], check=True)
    return len([f for f in files if f])


def as_user(entry, command, env_extra=None):
    """argv running `command` (a bash script) as the user in its home, with a clean environment."""
    env = {"HOME": entry.pw_dir, "USER": entry.pw_name, "LOGNAME": entry.pw_name, "SHELL": "/bin/bash",
           "LANG": "C.UTF-8", "PATH": CLEAN_PATH, **(env_extra or {})}
    return (["runuser", "-u", entry.pw_name, "--", "env", "-i"] + [f"{k}={v}" for k, v in env.items()]
            + ["bash", "-c", f"cd ~ && {command}"])


def du_mb(path):
    if not Path(path).exists():
        return 0.0
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1024.0


def cache_state(home):
    """{file: (size, mtime_ns)} of ~/.javacpp/cache."""
    cache = Path(home) / ".javacpp" / "cache"
    return {str(p.relative_to(cache)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in cache.rglob("*") if p.is_file()}


def decoy_java(arg):
    """A JDK home that is not Java 17 (to put first on PATH), or None."""
    if arg:
        return arg if arg != "none" else None
    for d in sorted(Path("/usr/lib/jvm").glob("*")):
        java = d / "bin" / "java"
        if d.is_symlink() or not java.exists():
            continue
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True).stderr
        m = re.search(r'version "(\d+)', out)
        if m and m.group(1) != "17":
            return str(d)
    return None


# ------------------------------------------------------------------------------------- the server's API

class Server:
    def __init__(self, port, token):
        self.base = f"127.0.0.1:{port}"
        self.token = token

    def rest(self, method, path, body=None):
        req = urllib.request.Request(f"http://{self.base}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            text = r.read().decode()
            return json.loads(text) if text else None

    def wait_up(self, proc, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            require(proc.poll() is None, f"the server exited with {proc.returncode} (see server.log)")
            try:
                return self.rest("GET", "/api/status")
            except OSError:
                time.sleep(0.5)
        raise CheckFailed(f"the server did not answer /api/status within {timeout} s")


class KernelSocket:
    """One kernel's websocket (the classic server's JSON message protocol, as JupyterLab speaks it)."""

    def __init__(self, server, kernel_id):
        self.server = server
        self.kernel_id = kernel_id
        self.session = uuid.uuid4().hex
        self.ws = None

    async def connect(self):
        url = (f"ws://{self.server.base}/api/kernels/{self.kernel_id}/channels?session_id={self.session}")
        self.ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.server.token}"}),
                                          max_message_size=256 * 1024 * 1024)

    async def execute(self, code, timeout):
        """Run code; return (reply content, outputs as nbformat-like dicts, seconds)."""
        msg_id = uuid.uuid4().hex
        msg = {"header": {"msg_id": msg_id, "username": "binder-check", "session": self.session,
                          "msg_type": "execute_request", "version": "5.3", "date": ""},
               "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
               "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                           "allow_stdin": False, "stop_on_error": True}}
        start = time.monotonic()
        await self.ws.write_message(json.dumps(msg))
        reply, idle, outputs = None, False, []
        while reply is None or not idle:
            left = timeout - (time.monotonic() - start)
            if left <= 0:
                raise CheckFailed(f"no execute_reply/idle within {timeout} s for: {code[:80]!r}")
            raw = await asyncio.wait_for(self.ws.read_message(), left)
            require(raw is not None, "the kernel's websocket closed")
            m = json.loads(raw)
            if m.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            t = m["header"]["msg_type"]
            if m["channel"] == "shell" and t == "execute_reply":
                reply = m["content"]
            elif t == "status" and m["content"].get("execution_state") == "idle":
                idle = True
            elif t in ("stream", "display_data", "execute_result", "error"):
                outputs.append({"output_type": t, **m["content"]})
        return reply, outputs, time.monotonic() - start

    def close(self):
        if self.ws is not None:
            self.ws.close()


def png_size(data_b64):
    """(width, height) of a base64 PNG; raises CheckFailed if it is not one."""
    raw = base64.b64decode(data_b64)
    require(raw[:8] == PNG_SIGNATURE and raw[12:16] == b"IHDR", "an image/png output is not a PNG")
    return struct.unpack(">II", raw[16:24])


async def run_notebook(server, notebook, cell_timeout):
    """Every code cell over one kernel's websocket; returns per-cell records. Fails on a bad cell."""
    nb = json.loads(Path(notebook).read_text())
    kernel = server.rest("POST", "/api/kernels", {"name": KERNEL_NAME})
    sock = KernelSocket(server, kernel["id"])
    cells = []
    try:
        await sock.connect()
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            code = "".join(cell["source"])
            reply, outputs, secs = await sock.execute(code, cell_timeout)
            errors = [o for o in outputs if o["output_type"] == "error"]
            require(reply.get("status") == "ok" and not errors,
                    f"cell {i} of {notebook}: status {reply.get('status')}, {reply.get('ename')}"
                    f" {reply.get('evalue')} {[e.get('evalue') for e in errors]}")
            images = [png_size(o["data"]["image/png"]) for o in outputs
                      if o["output_type"] in ("display_data", "execute_result") and "image/png" in o.get("data", {})]
            charts = code.count("Show.chart(")
            require(len(images) >= charts and all(w > 0 and h > 0 for w, h in images),
                    f"cell {i} of {notebook}: {charts} Show.chart call(s) but {len(images)} PNG output(s) {images}")
            cells.append({"cell": i, "seconds": round(secs, 2), "png": images})
            log(f"  cell {i:2d}: ok in {secs:6.2f} s" + (f", PNG {images}" if images else ""))
    finally:
        sock.close()
        server.rest("DELETE", f"/api/kernels/{kernel['id']}")
    return cells


async def first_nd4j_cell(server, cell_timeout):
    """Seconds from a new kernel's first cell to its reply, for a 2x2 ND4J product (which must be 22)."""
    kernel = server.rest("POST", "/api/kernels", {"name": KERNEL_NAME})
    sock = KernelSocket(server, kernel["id"])
    try:
        await sock.connect()
        await sock.execute("1 + 1", cell_timeout)           # the kernel is up
        reply, outputs, secs = await sock.execute(ND4J_CELL, cell_timeout)
        # rapaio-jupyter-kernel sends an expression's value as text/html
        result = [o["data"].get("text/plain", o["data"].get("text/html", "")).strip() for o in outputs
                  if o["output_type"] == "execute_result"]
        require(reply.get("status") == "ok" and result == ["22.0"],
                f"the ND4J cell gave {reply.get('status')} {reply.get('evalue')} {result}")
        return secs
    finally:
        sock.close()
        server.rest("DELETE", f"/api/kernels/{kernel['id']}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------------------------- the check

def check(args, entry, summary):
    out = Path(args.out)
    home = Path(entry.pw_dir)
    summary["files_copied"] = copy_repository(entry)

    decoy = decoy_java(args.decoy_java)
    env = {"PATH": f"{decoy}/bin:{CLEAN_PATH}"} if decoy else {}
    if decoy:
        # without a Java 17 to find (JAVA_HOME unset, the decoy first on PATH, no java-17-openjdk* directory),
        # setup must stop and say so before building anything
        r = subprocess.run(as_user(entry, "PHYSML_SKIP_APT=1 PHYSML_JVM_DIR=/nonexistent ./physml setup", env),
                           capture_output=True, text=True)
        require(r.returncode != 0 and "no Java 17 JDK found" in r.stderr and not (home / "lib" / "target").exists(),
                f"./physml setup without a Java 17: exit {r.returncode}, {r.stderr.strip()[-300:]!r}")
        log("without a Java 17, ./physml setup stops: " + r.stderr.strip().splitlines()[0])
    log(f"binder/postBuild as {entry.pw_name} in {home}" + (f", {decoy}/bin first on PATH" if decoy else ""))
    start = time.monotonic()
    with open(out / "postBuild.log", "w") as f:
        rc = subprocess.run(as_user(entry, "binder/postBuild", env), stdout=f, stderr=subprocess.STDOUT).returncode
    summary["postbuild_seconds"] = round(time.monotonic() - start, 1)
    require(rc == 0, f"binder/postBuild failed ({rc}); see {out / 'postBuild.log'}")
    log(f"postBuild: {summary['postbuild_seconds']} s")
    require("\x1b[" not in (out / "postBuild.log").read_text(), "postBuild's log has ANSI escape codes")
    require(not (home / ".m2" / "repository").exists(), "postBuild left ~/.m2/repository in the image")
    cache = cache_state(home)
    require(any("nd4j" in f for f in cache), "postBuild did not unpack ND4J's natives into ~/.javacpp/cache")
    m2 = re.search(r"dropping the Maven repository \((\d+) MB\)", (out / "postBuild.log").read_text())
    summary["maven_repository_dropped_mb"] = int(m2.group(1)) if m2 else None
    summary["home_mb"] = round(du_mb(home), 1)
    summary["javacpp_cache_mb"] = round(du_mb(home / ".javacpp"), 1)
    summary["lib_target_mb"] = round(du_mb(home / "lib" / "target"), 1)
    log(f"home after postBuild: {summary['home_mb']:.0f} MB (~/.javacpp {summary['javacpp_cache_mb']:.0f} MB,"
        f" lib/target {summary['lib_target_mb']:.0f} MB; {summary['maven_repository_dropped_mb']} MB of"
        " ~/.m2/repository dropped)")

    port, token = free_port(), uuid.uuid4().hex
    server_cmd = (f"exec binder/start python3 -m notebook --no-browser --ip=127.0.0.1 --port={port}"
                  f" --NotebookApp.token={token} --NotebookApp.notebook_dir=$HOME")
    server_log = open(out / "server.log", "w")
    proc = subprocess.Popen(as_user(entry, server_cmd, env), stdout=server_log, stderr=subprocess.STDOUT)
    try:
        server = Server(port, token)
        server.wait_up(proc, 120)
        specs = server.rest("GET", "/api/kernelspecs")["kernelspecs"]
        require(KERNEL_NAME in specs, f"the server lists no {KERNEL_NAME} kernelspec: {sorted(specs)}")
        spec = specs[KERNEL_NAME]["spec"]
        java = spec["argv"][0]
        version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
        require(os.path.isabs(java) and re.search(r'version "17[."]', version),
                f"the kernelspec runs {java}: {version.splitlines()[:1]}")
        require(spec["display_name"].startswith("Java 17 "), f"display name {spec['display_name']!r}")
        summary["kernelspec"] = {"display_name": spec["display_name"], "java": java}
        log(f"kernelspec {KERNEL_NAME}: {spec['display_name']!r}, {java}")

        log(f"{args.notebook} over the kernel websocket")
        start = time.monotonic()
        summary["cells"] = asyncio.run(run_notebook(server, ROOT / args.notebook, args.cell_timeout))
        summary["notebook_seconds"] = round(time.monotonic() - start, 1)
        summary["png_outputs"] = sum(len(c["png"]) for c in summary["cells"])
        # the classic server sets up its culler (and logs it) when it starts its first kernel
        server_text = (out / "server.log").read_text()
        culling = re.search(r"Culling kernels with idle durations > (\d+) seconds at (\d+) second", server_text)
        require(culling, "the server log does not show kernel culling (binder/jupyter-config not read?)")
        require("even with connected clients" not in server_text and "even if busy" not in server_text,
                "the server culls connected or busy kernels (binder/jupyter-config says neither)")
        summary["cull_idle_timeout_s"], summary["cull_interval_s"] = int(culling.group(1)), int(culling.group(2))
        log(f"server culls idle unconnected kernels after {culling.group(1)} s (checked every {culling.group(2)} s)")
        log(f"{args.notebook}: {len(summary['cells'])} cells ok, {summary['png_outputs']} PNG figures,"
            f" {summary['notebook_seconds']} s")

        summary["first_nd4j_cell_s"] = round(asyncio.run(first_nd4j_cell(server, args.cell_timeout)), 2)
        require(cache_state(home) == cache, "the first ND4J cell changed ~/.javacpp/cache (it unpacked natives)")
        log(f"first ND4J cell of a new kernel: {summary['first_nd4j_cell_s']} s, ~/.javacpp/cache untouched")
        if args.measure_uncached:
            shutil.rmtree(home / ".javacpp" / "cache")
            summary["first_nd4j_cell_uncached_s"] = round(asyncio.run(first_nd4j_cell(server, args.cell_timeout)), 2)
            log(f"first ND4J cell with an empty cache (before): {summary['first_nd4j_cell_uncached_s']} s")
        require(not server.rest("GET", "/api/kernels"), "kernels still running after their DELETE")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        server_log.close()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--notebook", default="notebooks/02-heat-equation-fd.ipynb")
    p.add_argument("--out", default=str(ROOT / "build" / "binder-check"))
    p.add_argument("--user", default=USER, help=f"name of the user created for the check (default {USER})")
    p.add_argument("--decoy-java", help="a non-17 JDK home to put first on PATH ('none': no decoy; default: the"
                                        " first one in /usr/lib/jvm)")
    p.add_argument("--measure-uncached", action="store_true",
                   help="also time the first ND4J cell with ~/.javacpp/cache emptied (as before postBuild filled it)")
    p.add_argument("--cell-timeout", type=float, default=300)
    p.add_argument("--keep", action="store_true", help="keep the user and its home afterwards")
    args = p.parse_args()
    if os.geteuid() != 0:
        sys.exit("binder-check: run as root (it creates a user for the check)")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    summary, started, ok = {}, time.monotonic(), False
    entry = create_user(args.user)
    try:
        check(args, entry, summary)
        ok = True
    except (CheckFailed, OSError, subprocess.SubprocessError, asyncio.TimeoutError) as e:
        log(f"FAILED: {type(e).__name__}: {e}")
        summary["failure"] = f"{type(e).__name__}: {e}"
    finally:
        end_user_processes(entry.pw_uid)
        if not args.keep:
            delete_user(args.user)
        summary["wall_seconds"] = round(time.monotonic() - started, 1)
        (out / "summary.json").write_text(json.dumps(summary, indent=2))
    log(f"{'passed' if ok else 'FAILED'} in {summary['wall_seconds']} s (summary in {out / 'summary.json'})")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
