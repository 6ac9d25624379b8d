#!/usr/bin/env python3
"""Writes the lesson pages Doxygen reads, from docs/lessons/*.md and the docs run's files.

A lesson's page in docs/lessons/ holds its prose only. Everything that is the same on every page
is added here, so that a new lesson gets it for free:

- an inline code span broken across two lines is joined, and one holding a ' gets double
  backticks: Doxygen would garble either;
- the exercise moves before the solution, each hint and the solution fold away (<details>);
- "Running it": the command, and what the terminal printed in the docs run (NN_name.log);
- the pitfall/solution diff in red and green, from NN_name.diff;
- links to the previous and the next lesson, and the "Lessons" page that lists them all, which
  puts the lessons in a sidebar section of their own.

Usage: docs_pages.py SOURCE_DIR GENERATED_DIR OUT_DIR STEM...
"""

import html
import re
import sys
from pathlib import Path

TITLE = re.compile(r"^# (Lesson (\d+): (.*?)) \{#(lesson_\d+)\}\s*$")


def folded(summary, lines):
    """Lines inside a <details> block. Doxygen 1.9's own <details> splits at every paragraph,
    so the tags go through as raw HTML."""
    return [f"\\htmlonly[block]<details><summary>{summary}</summary>\\endhtmlonly", "", *lines, "",
            "\\htmlonly[block]</details>\\endhtmlonly", ""]


def sections(text):
    """The page as [(heading line or '', body lines)], split at each '## ' heading."""
    parts = [("", [])]
    for line in text.splitlines():
        if line.startswith("## "):
            parts.append((line, []))
        else:
            parts[-1][1].append(line)
    return parts


def named(parts, prefix):
    return next((i for i, (head, _) in enumerate(parts) if head.startswith(prefix)), None)


def folded_hints(lines):
    """'### Hints' and its numbered list become one folded <details> per hint."""
    out, hint, number, in_hints = [], [], 0, False

    def flush():
        if hint:
            out.extend(folded(f"Hint {number}", hint))
            hint.clear()

    for line in lines:
        if line.startswith("### Hints"):
            in_hints = True
            out.append(line)
            continue
        item = re.match(r"^(\d+)\. (.*)$", line)
        if in_hints and item:
            flush()
            number = int(item.group(1))
            hint.append(item.group(2))
        elif in_hints and hint and line.strip():
            hint.append(line.strip())
        elif not (in_hints and hint):
            out.append(line)
    flush()
    return out


def diff_html(diff):
    """A unified diff as HTML: removed lines red, added green, the hunk headers dimmed."""
    rows = []
    for line in diff.splitlines():
        kind = {"-": "del", "+": "add", "@": "hunk"}.get(line[:1], "same")
        if line.startswith(("--- ", "+++ ")):
            kind = "file"
        rows.append(f'<span class="{kind}">{html.escape(line) or " "}</span>')
    return '<div class="diff"><pre>' + "".join(rows) + "</pre></div>\n"  # each span is a line


def running_it(stem, program):
    return [
        "",
        "## Running it",
        "",
        "```sh",
        f"build/release/bin/{program}",
        "```",
        "",
        "On a terminal it first asks for your prediction. This is what it printed in the run made "
        "while these pages were built:",
        "",
        *folded("The terminal output", [f"\\verbinclude {stem}.log"]),
    ]


def navigation(previous, following):
    links = []
    if previous:
        links.append(f'\\ref {previous[0]} "← {previous[1]}"')
    links.append('\\ref lessons "All lessons"')
    if following:
        links.append(f'\\ref {following[0]} "{following[1]} →"')
    return ['<div class="lesson-nav">', " · ".join(links), "</div>", ""]


def joined_code_spans(text):
    """Doxygen ends an inline code span at the end of a line: a span broken across two lines
    turns the rest of the paragraph inside out. Such lines are joined."""
    out, in_code, prose_before = [], False, False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
            out.append(line)
            prose_before = False
        elif not in_code and prose_before and out[-1].count("`") % 2 == 1 and line.strip():
            out[-1] = out[-1] + " " + line.strip()
        else:
            out.append(line)
            prose_before = not in_code
    return "\n".join(out)


def quoted_code_spans(text):
    """Doxygen 1.9 reads `text' as quotation marks, so a code span holding a ' (a shell command's
    quoting, a Python message) comes out garbled. A double-backtick span keeps it whole."""
    out, in_code = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and "``" not in line:
            spans = line.split("`")  # the odd pieces are inline code
            spans[1::2] = [f"`{piece}`" if "'" in piece else piece for piece in spans[1::2]]
            line = "`".join(spans)
        out.append(line)
    return "\n".join(out)


def linked_lessons(text, anchors):
    """'lesson 06' in prose becomes a link once lesson 06 exists; code stays as it is."""
    out, in_code = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if not in_code and not line.startswith("#"):
            spans = line.split("`")  # the even pieces are prose, the odd ones inline code
            # Not inside a link the author wrote already: \ref lesson_NN "lesson NN".
            spans[::2] = [re.sub(r'(?<!")\blesson (\d\d)\b', lambda m: f'\\ref lesson_{m.group(1)} "lesson {m.group(1)}"'
                                 if f"lesson_{m.group(1)}" in anchors else m.group(0), piece) for piece in spans[::2]]
            line = "`".join(spans)
        out.append(line)
    return "\n".join(out)


def page(source, generated, stem, previous, following, anchors):
    text = linked_lessons(quoted_code_spans(joined_code_spans(source.read_text())), anchors)
    parts = sections(text)
    if not TITLE.match(parts[0][1][0]):
        sys.exit(f"{source}: the first line must be '# Lesson NN: title {{#lesson_NN}}'")

    exercise = named(parts, "## Exercise")
    if exercise is not None:
        head, body = parts.pop(exercise)
        parts.insert(named(parts, "## The solution") or len(parts), (head, folded_hints(body)))
    solution = named(parts, "## The solution")
    if solution is not None:
        head, body = parts[solution]
        parts[solution] = (head, ["", *folded("Show the solution (try the exercise first)", body)])
    catch = named(parts, "## How to catch it")
    if catch is not None and (generated / f"{stem}.catch.md").exists():
        head, body = parts[catch]
        table = ["", "Which detector caught this pitfall, and stayed silent on the solution, in this build's runs:",
                 "", f"\\includedoc {stem}.catch.md"]
        parts[catch] = (head, [*table, *body])
    seen = named(parts, "## What you will see")
    program = f"lesson_{stem}"
    parts.insert((seen if seen is not None else 0) + 1, ("", running_it(stem, program)))

    lines = []
    for head, body in parts:
        if head:
            lines.append(head)
        lines.extend(body)
    lines[1:1] = ["", *navigation(previous, following)]
    lines += ["", *navigation(previous, following)]
    out = "\n".join(lines) + "\n"
    diff = generated / f"{stem}.diff"
    if diff.exists():
        (generated / f"{stem}.diff.html").write_text(diff_html(diff.read_text()))
        out = out.replace(f"\\verbinclude {stem}.diff", f"\\htmlinclude {stem}.diff.html")
    return out


def main():
    source_dir, generated, out_dir = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    stems = sys.argv[4:]
    out_dir.mkdir(parents=True, exist_ok=True)
    titles = []
    for stem in stems:
        match = TITLE.match((source_dir / f"{stem}.md").read_text().splitlines()[0])
        titles.append((match.group(4), match.group(1)) if match else None)
    anchors = {title[0] for title in titles if title}
    for index, stem in enumerate(stems):
        previous = titles[index - 1] if index > 0 else None
        following = titles[index + 1] if index + 1 < len(titles) else None
        text = page(source_dir / f"{stem}.md", generated, stem, previous, following, anchors)
        (out_dir / f"{stem}.md").write_text(text)
    listing = ["# Lessons {#lessons}", "", "One pitfall per lesson, in the order the tour takes them:", ""]
    listing += [f"- \\subpage {anchor} \"{title}\"" for anchor, title in filter(None, titles)]
    (out_dir / "lessons.md").write_text("\n".join(listing) + "\n")


if __name__ == "__main__":
    main()
