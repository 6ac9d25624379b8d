#!/usr/bin/env python3
"""A lesson's clang-tidy check: clang-tidy-19 must flag each named check in the pitfall's files
and none in the solution's. With --out, writes what it found as the page shows it.

  tidy_check.py BUILD_DIR CHECKS --pitfalls FILE... --solutions FILE... [--out FILE]

CHECKS is comma-separated. The options come from the project's .clang-tidy. The g++ precompiled
header in the compile commands is ignored (clang cannot read it; it parses the header instead).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

FINDING = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<column>\d+): warning: (?P<text>.*) \[(?P<check>[\w.,-]+)\]$")


def findings(build, checks, source_root, files):
    """The (file, line, text, check, excerpt) each check reported in `files`."""
    command = ["clang-tidy-19", "-p", build, f"--config-file={source_root}/.clang-tidy",
               "--checks=-*," + ",".join(checks), "--extra-arg=-Wno-unknown-warning-option",
               "--extra-arg=-Wno-ignored-gch", "--quiet", *files]
    run = subprocess.run(command, capture_output=True, text=True, cwd=source_root)
    if run.returncode != 0 and "error:" in run.stdout + run.stderr:
        sys.exit("clang-tidy-19 failed:\n" + (run.stdout + run.stderr)[-3000:])
    lines = run.stdout.splitlines()
    found = []
    for at, line in enumerate(lines):
        match = FINDING.match(line)
        if match and match["check"] in checks:
            where = os.path.relpath(match["file"], source_root)
            excerpt = lines[at + 1:at + 3]
            found.append((where, int(match["line"]), match["text"], match["check"], excerpt))
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("checks")
    parser.add_argument("--pitfalls", nargs="+", required=True)
    parser.add_argument("--solutions", nargs="+", required=True)
    parser.add_argument("--out")
    arguments = parser.parse_args()
    if shutil.which("clang-tidy-19") is None:
        sys.exit("clang-tidy-19 is missing: run cmake/install_dependencies.sh")
    source_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    checks = arguments.checks.split(",")
    in_pitfall = findings(arguments.build, checks, source_root, arguments.pitfalls)
    in_solution = findings(arguments.build, checks, source_root, arguments.solutions)

    shown = []
    for where, line, text, check, excerpt in in_pitfall:
        shown.append(f"{where}:{line}: warning: {text} [{check}]")
        shown.extend(excerpt)
    for where, line, text, check, excerpt in in_solution:
        shown.append(f"{where}:{line}: warning: {text} [{check}]")
    if not in_solution:
        shown.append(", ".join(os.path.relpath(os.path.abspath(f), source_root) for f in arguments.solutions) + ": no finding")
    report = "\n".join(shown) + "\n"
    if arguments.out:
        with open(arguments.out, "w") as out:
            out.write(report)
    print(report, end="")

    missing = [c for c in checks if not any(f[3] == c for f in in_pitfall)]
    if missing:
        sys.exit(f"clang-tidy-19 did not flag the pitfall with: {', '.join(missing)}")
    if in_solution:
        sys.exit("clang-tidy-19 flagged the solution")


if __name__ == "__main__":
    main()
