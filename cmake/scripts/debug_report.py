#!/usr/bin/env python3
"""A lesson's debug-mode findings for its page and the detector table: runs the lesson's pitfall
and its solution alone with --debug and keeps the findings (the lines 'asynclab debug: ...' on
standard error), the pitfall's, a blank line, then the solution's.

  debug_report.py PROGRAM OUT
"""
import subprocess
import sys


def findings(program, role):
    run = subprocess.run([program, "--only", role, "--debug", "--no-prompt", "--no-color"],
                         capture_output=True, text=True, timeout=300)
    found = [line for line in run.stderr.splitlines() if line.startswith("asynclab debug:")]
    return [f"$ {program.rsplit('/', 1)[-1]} --only {role} --debug", *(found or ["(no finding)"])]


def main():
    program, out = sys.argv[1:3]
    lines = findings(program, "pitfall") + [""] + findings(program, "solution")
    with open(out, "w") as file:
        file.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
