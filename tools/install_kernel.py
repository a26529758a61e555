#!/usr/bin/env python3
"""Register the course's Jupyter kernelspec ("physml-java").

The kernel is rapaio-jupyter-kernel (JShell based, from Maven Central), started with the
physml library and its dependencies on its class path, a bounded heap and one OpenMP thread.
Run by `physml setup` (and so by Binder's postBuild); it expects `lib/target` to be built.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "lib" / "target"
KERNEL_NAME = "physml-java"


def class_path():
    jars = [TARGET / "physml-lib.jar"] + sorted((TARGET / "dependency").glob("*.jar"))
    missing = [str(j) for j in jars[:1] if not j.exists()]
    if missing or len(jars) < 2:
        sys.exit(f"install_kernel: {TARGET} is not built (missing {missing or 'dependency/*.jar'}); run ./physml build")
    # rapaio-jupyter-kernel splits RJK_CLASSPATH on ";" (not the platform path separator).
    return ";".join(str(j) for j in jars)


def kernel_json(heap, threads):
    kernel_jar = TARGET / "kernel" / "rapaio-jupyter-kernel.jar"
    if not kernel_jar.exists():
        sys.exit(f"install_kernel: {kernel_jar} is missing; run ./physml build")
    java = shutil.which("java") or "java"
    return {
        "argv": [
            java,
            f"-Xmx{heap}",
            "-XX:+UseSerialGC",
            # ND4J keeps its arrays off-heap (JavaCPP): bound that memory too.
            f"-Dorg.bytedeco.javacpp.maxbytes={heap}",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=0",
            "-Djava.awt.headless=true",
            f"-Djava.util.logging.config.file={ROOT / 'tools' / 'kernel-logging.properties'}",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
            "--add-opens", "java.base/java.nio=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "-jar", str(kernel_jar),
            "{connection_file}",
        ],
        "display_name": "Java 17 (physml)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "RJK_CLASSPATH": class_path(),
            "RJK_COMPILER_OPTIONS": "-Xlint:none",
            "RJK_INIT_SCRIPT": "",
            "RJK_TIMEOUT_MILLIS": "-1",
            "OMP_NUM_THREADS": str(threads),
            "PHYSML_HOME": str(ROOT),
        },
    }


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--heap", default=os.environ.get("PHYSML_HEAP", "1g"), help="JVM heap (default 1g)")
    p.add_argument("--threads", default=os.environ.get("PHYSML_THREADS", "1"), help="OMP_NUM_THREADS (default 1)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--prefix", default=str(ROOT / "build" / "jupyter"),
                       help="install under PREFIX/share/jupyter/kernels (default: build/jupyter of this checkout;"
                            " ./physml puts it on JUPYTER_PATH)")
    where.add_argument("--user", action="store_true",
                       help="install into the user's Jupyter data dir instead (Binder, a person's own Jupyter)")
    args = p.parse_args()
    spec = kernel_json(args.heap, args.threads)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / KERNEL_NAME
        d.mkdir()
        (d / "kernel.json").write_text(json.dumps(spec, indent=2))
        dest = KernelSpecManager().install_kernel_spec(str(d), KERNEL_NAME, user=args.user,
                                                       prefix=None if args.user else args.prefix)
    print(f"kernelspec {KERNEL_NAME} in {dest}: heap {args.heap}, OMP_NUM_THREADS={args.threads}")


if __name__ == "__main__":
    main()
