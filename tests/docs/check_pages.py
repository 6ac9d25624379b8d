#!/usr/bin/env python3
"""The docs in a real browser: every lesson page and the main page, at 1280 and at 400 px.

Fails when a page has content wider than its column, a broken local link or picture, a link to
another lesson's symbols, raw Doxygen or Markdown, or inline code holding a stray quote
(check_page.js), or when a lesson page lacks what every lesson page has. Keeps a screenshot of each page at each width in SHOTS_DIR.

Usage: check_pages.py HTML_DIR SHOTS_DIR
Exit 0: passed; 1: problems found; 77: skipped (no chromium, or no docs built). A skip is not
a pass, and says so; ASYNCLAB_DOCS_CHECK_REQUIRED=1 (CI) turns a skip into a failure.
"""

import html.parser
import os
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, str(Path(__file__).parent))
from browser import Browser  # noqa: E402

WIDTHS = {1280: 900, 400: 800}


class Links(html.parser.HTMLParser):
    """Every local href/src/data of a page, and the ids it defines."""

    def __init__(self):
        super().__init__()
        self.targets, self.ids, self.embedded = [], set(), set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if name in ("href", "src", "data") and value:
                self.targets.append(value)
            if name == "data" and value:  # an <object>: a page of its own, with its own colours
                self.embedded.add(value)


def parsed(path, cache={}):
    if path not in cache:
        links = Links()
        links.feed(path.read_text(errors="replace"))
        cache[path] = links
    return cache[path]


def link_problems(page):
    problems = []
    own = re.match(r"lesson_(\d+)\.html$", page.name)
    for target in parsed(page).targets:
        parts = urlsplit(target)
        if parts.scheme in ("http", "https", "mailto", "javascript") or target.startswith("#!"):
            continue
        if parts.scheme and parts.scheme != "file":
            problems.append(f"link to '{target}': not a page or a web address")
            continue
        file = page.parent / unquote(parts.path) if parts.path else page
        if not file.exists():
            problems.append(f"broken link: '{target}'")
        elif parts.fragment and file.suffix == ".html" and parts.fragment not in parsed(file).ids:
            problems.append(f"broken anchor: '{target}'")
        if target in parsed(page).embedded and file.exists() and "color-scheme" not in file.read_text(errors="replace"):
            problems.append(f"picture '{target}' sets no color-scheme: a white panel in dark mode")
        other = re.match(r"(?:namespace|struct|class)lesson(\d+)", parts.path)
        if other and not (own and own.group(1) == other.group(1)):
            problems.append(f"link to another lesson's symbol: '{target}'")
    return problems


def heading(text, title):
    """Where the heading `title` starts (past the end when there is none)."""
    found = re.search(rf">\s*{re.escape(title)}</h\d>", text)
    return found.start() if found else len(text) + 1


def lesson_page_problems(page, lessons):
    """What every lesson page has (cmake/scripts/docs_pages.py adds it): say what is missing."""
    text, number = page.read_text(errors="replace"), lessons.index(page)
    wanted = {
        "links to the previous lesson": number == 0 or f'href="{lessons[number - 1].name}"' in text,
        "links to the next lesson": number + 1 == len(lessons) or f'href="{lessons[number + 1].name}"' in text,
        "links to the lessons page": 'href="lessons.html"' in text,
        "the command that runs it": re.search(r"build/release/bin/lesson_\d+_\w+", text),
        "the terminal output of the docs run": "<summary>The terminal output</summary><pre" in text,
        "the exercise before the solution": heading(text, "Exercise") < heading(text, "The solution") < len(text),
        "every hint folded": "<summary>Hint 1</summary>" in text and not re.search(r"<li>\s*<p>?\s*\d+\.", text),
        "the solution folded": "<summary>Show the solution" in text,
        "the diff in colour, without snippet markers": '<span class="add">' in text and '<span class="del">' in text
        and not re.search(r'<span class="(?:add|del|same)">[ +-]\s*// \[\w+\]</span>', text),
        "the timelines": re.search(r'data="\d+_\w+\.timeline\.svg"', text),
    }
    return [f"the page lacks {what}" for what, present in wanted.items() if not present]


def skip(reason):
    print(f"SKIPPED, NOT PASSED: {reason}. The docs were not checked; a skip is not a pass.")
    return 1 if os.environ.get("ASYNCLAB_DOCS_CHECK_REQUIRED") == "1" else 77


def main():
    if len(sys.argv) != 3:
        print("usage: check_pages.py HTML_DIR SHOTS_DIR", file=sys.stderr)
        return 2
    site, shots = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return skip("chromium is missing (cmake/install_dependencies.sh --docs-check installs it)")
    if not (site / "index.html").exists():
        return skip(f"no docs in {site}: run `make docs` first")
    lessons = sorted(p for p in site.glob("lesson_*.html") if re.fullmatch(r"lesson_\d+\.html", p.name))
    pages = [site / "index.html"] + lessons
    pages += [p for p in (site / "lessons.html", site / "architecture.html") if p.exists()]
    shots.mkdir(parents=True, exist_ok=True)
    script = (Path(__file__).parent / "check_page.js").read_text()

    failures = 0
    browser = Browser(chromium)
    try:
        for page in pages:
            problems = link_problems(page) + (lesson_page_problems(page, lessons) if page in lessons else [])
            for width, height in WIDTHS.items():
                browser.open(page.as_uri(), width, height)
                problems += [f"at {width} px: {p}" for p in browser.evaluate(script)]
                full = browser.evaluate("(document.getElementById('doc-content') || document.body).scrollHeight")
                browser.screenshot(shots / f"{page.stem}_{width}.png", width, min(int(full) + 200, 16000))
            print(f"{'FAIL' if problems else 'ok  '} {page.name}")
            for problem in problems[:25]:
                print(f"       {problem}")
            if len(problems) > 25:
                print(f"       ... and {len(problems) - 25} more")
            failures += bool(problems)
    finally:
        browser.close()
    print(f"{len(pages) - failures} of {len(pages)} pages passed; screenshots in {shots}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
