#!/usr/bin/env python3
"""After Doxygen: unlink every name that points at another lesson's symbols.

Every lesson declares `solution()`, `outcome` and `scenario`; Doxygen links such a name, in prose or
in a snippet (and in the snippet's tooltip), to whichever lesson it met first. On lesson NN's page only lesson NN's symbols may
be linked, and on the other pages none: the name stays, as plain text.

Usage: docs_links.py HTML_DIR
"""

import re
import sys
from pathlib import Path

LINK = re.compile(r'<a (?:class="[^"]*" )?href="(?:namespace|struct|class)lesson(\d+)[^"]*"[^>]*>(.*?)</a>', re.S)


def main():
    for path in Path(sys.argv[1]).glob("*.html"):
        own = re.match(r"lesson_(\d+)\.html$", path.name)
        if not own and not path.name.startswith(("index", "architecture", "lessons")):
            continue  # the reference pages link within their lesson
        text = path.read_text()
        fixed = LINK.sub(lambda m: m.group(0) if own and m.group(1) == own.group(1) else m.group(2), text)
        if fixed != text:
            path.write_text(fixed)


if __name__ == "__main__":
    main()
