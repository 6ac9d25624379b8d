#!/usr/bin/env python3
"""How to catch it: which detector catches each lesson's pitfall, read from real runs.

  catch_matrix.py GENERATED_DIR CTEST_LOG [--check] STEM...

Every cell comes from a file a run wrote: the compiler's message (a compile check's NN_*.txt),
clang-tidy-19 (<stem>.tidy.txt), the sanitizers (<stem>.undefined.txt), the debug mode
(<stem>.debug.txt), the lag probe (the "loop stalled" row of <stem>.numbers.md), and the lesson's
own test (its exercise test in the last ctest log: the untouched pitfall fails the solution's
tests). A detector catches a pitfall (yes) when it flags the pitfall and is silent on the
solution; "flags both" is a defect, which --check turns into a failure. Writes <stem>.catch.md
for each lesson page and catch_matrix.md for the main page, into GENERATED_DIR.
"""
import os
import re
import sys

DETECTORS = ["compiler", "clang-tidy 19", "sanitizer", "debug mode", "lag probe", "own test"]
# The main page's columns, short enough for a phone; the legend under the table spells them out.
SHORT = ["cc", "tidy", "san", "debug", "lag", "test"]
YES, NO, BOTH, NOT_RUN = "yes", "no", "flags both", "not run"


def read(path):
    try:
        with open(path) as file:
            return file.read()
    except OSError:
        return None


def compiler(generated, stem):
    number = stem[:3]
    for name in sorted(os.listdir(generated)):
        if name.startswith(number) and name.endswith(".txt") and not name.startswith(stem):
            text = read(os.path.join(generated, name)) or ""
            first = next((line for line in text.splitlines() if "error" in line or "warning" in line), "")
            if first:
                return YES, f"`{name[:-4]}.cpp` does not compile with warnings as errors"
    return NO, ""


def clang_tidy(generated, stem):
    text = read(os.path.join(generated, f"{stem}.tidy.txt"))
    if text is None:
        return NO, ""
    checks = sorted(set(re.findall(r"^pitfalls/.*\[([\w.-]+)\]$", text, re.M)))
    flagged_solution = re.search(r"^solutions/.*warning:", text, re.M)
    if checks and flagged_solution:
        return BOTH, ""
    return (YES, ", ".join(f"`{c}`" for c in checks)) if checks else (NO, "")


def sanitizer(generated, stem):
    text = read(os.path.join(generated, f"{stem}.undefined.txt"))
    if text is None:
        return NO, ""
    pitfall, _, solution = text.partition("\n\n")
    found = re.search(r"(AddressSanitizer|ThreadSanitizer): ([\w-]+( [\w-]+)*)", pitfall)
    silent = "(no report)" in solution
    if found and not silent:
        return BOTH, ""
    return (YES, f"{found[1]}: {found[2]}") if found else (NO, "")


def debug_mode(generated, stem):
    text = read(os.path.join(generated, f"{stem}.debug.txt"))
    if text is None:
        return NOT_RUN, ""
    pitfall, _, solution = text.partition("\n\n")
    findings = [line for line in pitfall.splitlines() if line.startswith("asynclab debug:")]
    flagged_solution = any(line.startswith("asynclab debug:") for line in solution.splitlines())
    if findings and flagged_solution:
        return BOTH, ""
    return (YES, findings[0].removeprefix("asynclab debug:").strip()) if findings else (NO, "")


SECONDS = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def seconds_of(cell):
    match = re.match(r"([\d.,]+)\s*(ns|µs|us|ms|s)\b", cell.strip())
    return float(match[1].replace(",", "")) * SECONDS[match[2]] if match else None


def lag_probe(generated, stem):
    text = read(os.path.join(generated, f"{stem}.numbers.md"))
    if text is None:
        return NOT_RUN, ""
    row = re.search(r"^\| loop stalled \| ([^|]+) \| ([^|]+) \|", text, re.M)
    if not row:
        return NO, ""
    pitfall, solution = seconds_of(row[1]), seconds_of(row[2])
    if pitfall is None or solution is None:
        return NO, ""
    # The probe catches the pitfall when the loop stalled many times longer, and long enough to see.
    if pitfall >= 0.010 and pitfall >= 5 * solution:
        return YES, f"loop stalled {row[1].strip()} against {row[2].strip()}"
    return NO, ""


def own_test(ctest_log, stem):
    if ctest_log is None:
        return NOT_RUN, ""
    name = f"exercise/{stem}: the untouched pitfall fails its check"
    at = ctest_log.find(f"Test: {name}")
    if at < 0:
        return NOT_RUN, ""
    verdict = re.search(r"Test (Passed|Failed)", ctest_log[at:])
    if verdict and verdict[1] == "Passed":
        return YES, "its solution tests fail on the pitfall and pass on the solution"
    return BOTH, ""


def cells_of(generated, ctest_log, stem):
    return [compiler(generated, stem), clang_tidy(generated, stem), sanitizer(generated, stem),
            debug_mode(generated, stem), lag_probe(generated, stem), own_test(ctest_log, stem)]


def lesson_table(cells):
    lines = ["| detector | catches this pitfall | what it said |", "|---|---|---|"]
    for detector, (state, evidence) in zip(DETECTORS, cells):
        lines.append(f"| {detector} | {state} | {evidence or ' '} |")
    return "\n".join(lines) + "\n"


def matrix(rows):
    lines = ["| # | " + " | ".join(SHORT) + " |", "|---" * (len(DETECTORS) + 1) + "|"]
    for stem, cells in rows:
        marks = [{"yes": "✓", "no": "·", "not run": "?", "flags both": "✗"}[state] for state, _ in cells]
        lines.append(f"| {stem[:2]} | " + " | ".join(marks) + " |")
    legend = "; ".join(f"{short}: {long}" for short, long in zip(SHORT, DETECTORS))
    return "\n".join(lines) + f"\n\n{legend}. ✓ catches the pitfall and stays silent on the solution; " \
        "· does not catch it; ? was not run in this build.\n"


def main():
    arguments = [a for a in sys.argv[1:] if a != "--check"]
    generated, log_path, stems = arguments[0], arguments[1], arguments[2:]
    ctest_log = read(log_path)
    rows = [(stem, cells_of(generated, ctest_log, stem)) for stem in stems]
    for stem, cells in rows:
        with open(os.path.join(generated, f"{stem}.catch.md"), "w") as out:
            out.write(lesson_table(cells))
    with open(os.path.join(generated, "catch_matrix.md"), "w") as out:
        out.write(matrix(rows))
    wrong = [f"lesson {stem}: {d}" for stem, cells in rows for d, (s, _) in zip(DETECTORS, cells) if s == BOTH]
    if "--check" in sys.argv and wrong:
        sys.exit("these detectors flag the solution too: " + "; ".join(wrong))


if __name__ == "__main__":
    main()
