#!/usr/bin/env python3
"""Register the course's Jupyter kernelspec ("physml-java").

The kernel is rapaio-jupyter-kernel (JShell based, from Maven Central), started with the
physml library and its dependencies on its class path, a bounded heap and one OpenMP thread.
Our fix of two of its start-up races (kernel-patch/, see README.md, The kernel) comes first on the kernel's
own class path, so that its classes replace the kernel jar's. `--upstream` registers the unpatched kernel
as "physml-java-upstream" next to it, to measure the races (tools/kernel_start_check.py --kernel ...).
Run by `physml setup` (and so by Binder's postBuild); it expects `lib/target` and `kernel-patch/target`
to be built. The kernel runs on JAVA_HOME's java (./physml exports the Java 17 it found), by absolute path,
and its display name states that Java's version; anything but a Java 17 is refused.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "lib" / "target"
KERNEL_NAME = "physml-java"
UPSTREAM_KERNEL_NAME = "physml-java-upstream"
PATCH_JAR = ROOT / "kernel-patch" / "target" / "physml-kernel-patch.jar"
MAIN_CLASS = "org.rapaio.jupyter.kernel.MainApp"
REQUIRED_JAVA = "17"  # pom.xml's maven.compiler.release


def class_path():
    jars = [TARGET / "physml-lib.jar"] + sorted((TARGET / "dependency").glob("*.jar"))
    missing = [str(j) for j in jars[:1] if not j.exists()]
    if missing or len(jars) < 2:
        sys.exit(f"install_kernel: {TARGET} is not built (missing {missing or 'dependency/*.jar'}); run ./physml build")
    # rapaio-jupyter-kernel splits RJK_CLASSPATH on ";" (not the platform path separator).
    return ";".join(str(j) for j in jars)


def java_version(java):
    """The full version string `java -version` reports (e.g. "17.0.21.1"); exits when it does not run."""
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
    except (OSError, subprocess.SubprocessError) as e:
        sys.exit(f"install_kernel: {java} -version failed: {e}")
    m = re.search(r'version "([^"]+)"', out)
    if not m:
        sys.exit(f"install_kernel: {java} -version printed no version: {out.strip()[:200]!r}")
    return m.group(1)


def find_java():
    """The java binary of the kernelspec: JAVA_HOME/bin/java (./physml exports the Java 17 it resolved),
    else the java on PATH; it must be a Java 17, the version the library and kernel patch are built for."""
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not java or not os.access(java, os.X_OK):
        sys.exit(f"install_kernel: no java found (JAVA_HOME={home or 'unset'}, none on PATH); install a JDK 17")
    java = os.path.realpath(java)
    version = java_version(java)
    feature = version.split(".")[0].split("-")[0].split("+")[0]
    if feature != REQUIRED_JAVA:
        sys.exit(f"install_kernel: {java} is Java {version}; the course is built for Java {REQUIRED_JAVA}"
                 f" (set JAVA_HOME to a JDK {REQUIRED_JAVA}, or run ./physml setup, which finds one)")
    return java, feature


def kernel_json(heap, threads, patched=True):
    kernel_jar = TARGET / "kernel" / "rapaio-jupyter-kernel.jar"
    for jar in [kernel_jar] + ([PATCH_JAR] if patched else []):
        if not jar.exists():
            sys.exit(f"install_kernel: {jar} is missing; run ./physml build")
    if patched:
        # the patch's classes shadow the kernel jar's (same names): it must come first
        launch = ["-cp", f"{PATCH_JAR}{os.pathsep}{kernel_jar}", MAIN_CLASS]
    else:
        launch = ["-jar", str(kernel_jar)]
    # an absolute path, never a bare "java": the kernel runs on the Java it was built with and registered for
    java, feature = find_java()
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
            *launch,
            "{connection_file}",
        ],
        "display_name": f"Java {feature} (physml)" if patched else f"Java {feature} (physml, unpatched kernel)",
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
    p.add_argument("--upstream", action="store_true",
                   help=f"register the unpatched kernel as {UPSTREAM_KERNEL_NAME} instead (to measure its start-up"
                        " races, never for the course)")
    args = p.parse_args()
    name = UPSTREAM_KERNEL_NAME if args.upstream else KERNEL_NAME
    spec = kernel_json(args.heap, args.threads, patched=not args.upstream)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / name
        d.mkdir()
        (d / "kernel.json").write_text(json.dumps(spec, indent=2))
        dest = KernelSpecManager().install_kernel_spec(str(d), name, user=args.user,
                                                       prefix=None if args.user else args.prefix)
    print(f"kernelspec {name} in {dest}: {spec['display_name']} ({spec['argv'][0]}), heap {args.heap},"
          f" OMP_NUM_THREADS={args.threads}")


if __name__ == "__main__":
    main()
