// Runs inside each docs page (check_pages.py evaluates it) and returns what a reader would see as
// broken: content wider than its column, pictures cut or too small to read, raw Doxygen or
// Markdown, garbled inline code. An empty list is a pass.
(async () => {
  const problems = [];
  for (const folded of document.querySelectorAll("details")) folded.open = true;  // check what they hide too
  const column = document.querySelector("div.contents");
  if (!column) return ["the page has no div.contents"];
  const describe = (el) => {
    const text = (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""}> "${text}"`;
  };

  // Pictures load before we measure them.
  const objects = [...column.querySelectorAll("object")];
  await Promise.all(objects.map((o) => o.contentDocument?.readyState === "complete" ? null :
    new Promise((done) => { o.addEventListener("load", done); setTimeout(done, 3000); })));

  // 1. Nothing wider than its column, and no box that hides part of its content.
  const right = column.getBoundingClientRect().right + 1;
  if (right > window.innerWidth + 1) problems.push(`the text column ends past the window (${right} > ${window.innerWidth})`);
  const scroller = document.getElementById("doc-content") || document.scrollingElement;
  if (scroller.scrollWidth > scroller.clientWidth + 1)
    problems.push(`the page scrolls sideways (${scroller.scrollWidth} px in ${scroller.clientWidth})`);
  for (const el of column.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || el.parentElement.closest("[data-reported]")) continue;  // the outermost only
    const overflow = getComputedStyle(el).overflowX;
    if (overflow !== "visible" && el.scrollWidth > el.clientWidth + 1) {
      el.setAttribute("data-reported", "");
      problems.push(`${describe(el)} hides ${el.scrollWidth - el.clientWidth} px of its content`);
    } else if (box.right > right) {
      el.setAttribute("data-reported", "");
      problems.push(`${describe(el)} is ${Math.round(box.right - right)} px wider than the column`);
    }
  }

  // Text that runs past the column, though its element does not: a long word that cannot break.
  const texts = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node; (node = texts.nextNode());) {
    // Preformatted text is left to the element checks: its wrapped lines' trailing spaces hang.
    if (!node.textContent.trim() || node.parentElement.closest("[data-reported], pre, div.fragment, div.diff")) continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width > 0 && box.right > right) {
      node.parentElement.setAttribute("data-reported", "");
      problems.push(`text runs ${Math.round(box.right - right)} px past the column: "${node.textContent.trim().slice(0, 60)}"`);
    }
  }

  // A table inline with the text lets the sentence after it start beside it.
  for (const table of column.querySelectorAll("table"))
    if (getComputedStyle(table).display.startsWith("inline"))
      problems.push(`${describe(table)} is inline: the text after it wraps beside it`);

  // 2. Pictures: loaded, nothing drawn outside them, and text at least 7 px high as shown.
  for (const img of column.querySelectorAll("img"))
    if (!img.complete || img.naturalWidth === 0) problems.push(`image ${img.getAttribute("src")} did not load`);
  for (const o of objects) {
    const svg = o.contentDocument?.documentElement;
    if (!svg || svg.tagName !== "svg") { problems.push(`picture ${o.getAttribute("data")} did not load`); continue; }
    const width = svg.viewBox.baseVal?.width || svg.width.baseVal.value;
    const scale = o.getBoundingClientRect().width / width;
    for (const text of svg.querySelectorAll("text")) {
      const b = text.getBBox();
      if (b.x < -0.5 || b.x + b.width > width + 0.5)
        problems.push(`picture ${o.getAttribute("data")}: "${text.textContent}" is cut at its edge`);
      const shown = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (shown < 7) {
        problems.push(`picture ${o.getAttribute("data")}: "${text.textContent}" is ${shown.toFixed(1)} px high`);
        break;
      }
    }
  }

  // 3. No raw Doxygen or Markdown in what the reader sees, outside code.
  const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
  const raw = [/\\(snippet|ref|image|includedoc|verbinclude|htmlinclude|subpage|code|endcode|dot|brief)\b/,
               /@ref\b/, /\*\*\S/, /\]\(/, /^#{1,6} \S/m, /<\/?(tt|b|i|em|code|p|div|details|summary)>/, /`/];
  for (let node; (node = walker.nextNode());) {
    if (node.parentElement.closest("pre, div.fragment, div.diff, code, script, style, iframe, object")) continue;
    const found = raw.find((pattern) => pattern.test(node.textContent));
    if (found) problems.push(`raw markup ${found} in "${node.textContent.trim().slice(0, 80)}"`);
  }

  // 4. Inline code that swallowed prose: a backtick or a curly quote inside it.
  for (const code of column.querySelectorAll("code"))
    if (!code.closest("pre, div.fragment") && /[`‘’“”]/.test(code.textContent))
      problems.push(`inline code holds a stray quote: "${code.textContent.slice(0, 80)}"`);

  return problems;
})()
