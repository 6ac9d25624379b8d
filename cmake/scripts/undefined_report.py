#!/usr/bin/env python3
"""A lesson's undefined face for its page: runs `PROGRAM pitfall` and `PROGRAM solution` under
their sanitizer and keeps what a student needs of each report: the error, the access, the first
frames of each stack and the summary, with the source paths made relative.

  undefined_report.py PROGRAM SOURCE_ROOT OUT
"""
import os
import re
import subprocess
import sys

KEPT = re.compile(r"(ERROR: |WARNING: |SUMMARY: |^(READ|WRITE|Read|Write|Previous|Atomic|  Mutex|Thread T)|^\s+#[0-3] )")


def report_of(program, role, source_root):
    environment = dict(os.environ, ASAN_OPTIONS="detect_stack_use_after_return=1:detect_leaks=0",
                       TSAN_OPTIONS="halt_on_error=1")
    run = subprocess.run([program, role], capture_output=True, text=True, timeout=60, env=environment)
    lines = [f"$ {os.path.basename(program)} {role}"]
    kept = [line for line in (run.stdout + run.stderr).splitlines() if KEPT.search(line)]
    kept = [re.sub(r"==\d+==", "", line).replace(source_root + "/", "") for line in kept]
    # A frame's address differs from run to run and says nothing to a student.
    kept = [re.sub(r"#(\d) 0x[0-9a-f]+ in ", r"#\1 ", line) for line in kept]
    lines += kept[:24] if kept else ["(no report)"]
    return lines


def main():
    program, source_root, out = sys.argv[1:4]
    lines = report_of(program, "pitfall", source_root) + [""] + report_of(program, "solution", source_root)
    with open(out, "w") as file:
        file.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
