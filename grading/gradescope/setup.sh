#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (grading/README.md, Gradescope).
# Written into the zip by `./physml grade export --gradescope NAME`; the zip is unpacked to /autograder/source.
#
# What ./physml setup installs for grading, from the same sources: the Debian/Ubuntu packages of the grader
# (Java 17 JDK, Python with nbclient, bubblewrap and util-linux for the sandbox, a font for plots) and the
# course kernel, registered by the same tools/install_kernel.py (rapaio-jupyter-kernel + our kernel patch) into
# build/jupyter of this folder. The course library is not built here: the zip holds the jars that
# `./physml build` made and that the export was tested with (lib/target, kernel-patch/target).
set -euo pipefail
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless python3 python3-nbclient python3-nbformat \
  python3-jupyter-client jupyter-nbconvert fontconfig fonts-dejavu-core bubblewrap util-linux

JAVA_HOME=""
for d in /usr/lib/jvm/java-17-openjdk*; do
  if [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ]; then JAVA_HOME="$d"; break; fi
done
if [ -z "$JAVA_HOME" ]; then
  echo "setup.sh: openjdk-17-jdk-headless installed no /usr/lib/jvm/java-17-openjdk*" >&2
  exit 1
fi
export JAVA_HOME

# the sandbox user (an unprivileged uid) binds these read-only: every parent must be searchable, or the grader
# copies them to /var/tmp on each run (org.physml.grading.Sandbox)
chmod a+rx "$SOURCE/.." "$SOURCE"
chmod -R a+rX "$SOURCE/lib/target" "$SOURCE/kernel-patch/target" "$SOURCE/tools" "$SOURCE/data"
test -f "$SOURCE/lib/target/physml-lib.jar"
test -f "$SOURCE/lib/target/kernel/rapaio-jupyter-kernel.jar"
test -f "$SOURCE/kernel-patch/target/physml-kernel-patch.jar"
test -f "$SOURCE/tools/execute_submission.py"
test -f "$SOURCE/gradescope.env"
# the lecturer's source (solutions, hidden tests) stays root's: the sandbox does not show it anyway
chmod -R go-rwx "$SOURCE/source"
/usr/bin/python3 "$SOURCE/tools/install_kernel.py"
