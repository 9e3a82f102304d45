"""A reading view of one source: its text, paragraph by paragraph, with every cited
span highlighted and the records citing it one hover or click away.

`render_reading_view` returns one self-contained HTML page (inline CSS and script,
no network). Each piece of text between two span boundaries is one ``<mark>``
listing every citation that covers it, so overlapping spans show as they are.
Paragraphs no record cites are marked ``uncited``: what is left to curate.

The text and the records are the user's: everything from them is HTML-escaped, and
the data the script reads sits in a JSON script element written as the explorer
writes its own (`dipgraph.analysis.explorer`), so no ``</script>`` can close it.

Examples
--------
>>> from dipgraph.loader.records import Records
>>> page = render_reading_view(Records(root="."), "s", "A <b>text</b>.")
>>> "A &lt;b&gt;text&lt;/b&gt;." in page, "1 paragraphs, 0 cited, 1 uncited" in page
(True, True)
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import pairwise

from dipgraph.loader.records import Citation, Records
from dipgraph.loader.sources import paragraph_spans

from .explorer import script_json

__all__ = ["render_reading_view"]


@dataclass(frozen=True)
class _Cite:
    """One citation of the source, with what the panel shows for it."""

    start: int
    end: int
    kind: str  # claim | entity
    label: str  # "subject PREDICATE object (time)" or "entity id (Label): name"
    where: str  # file:line of the record
    at: str | None


def render_reading_view(records: Records, source_id: str, text: str) -> str:
    """The reading view of source ``source_id``, whose full text is ``text``, as HTML.

    >>> from dipgraph.loader.records import Citation, Entity, Records
    >>> records = Records(root=".")
    >>> cite = Citation("s", 0, 3, None, 2)
    >>> records.entities["ann"] = Entity("ann", "Person", "Ann", [], {}, [cite], "e.yaml", 1)
    >>> page = render_reading_view(records, "s", "Ann met Bo.\\n\\nLater.")
    >>> '<mark class="c1" data-cites="0" title="entity ann (Person): Ann [e.yaml:1]">Ann</mark>' in page
    True
    >>> "2 paragraphs, 1 cited, 1 uncited" in page
    True
    """
    cites = _citations(records, source_id, len(text))
    explained = records.explanations.get(source_id, {})  # coverage.yaml: why left uncited
    paragraphs = []
    cited = left = 0
    for number, (start, end) in enumerate(paragraph_spans(text), 1):
        covering = [i for i, c in enumerate(cites) if c.start < end and start < c.end]
        cited += bool(covering)
        left += not covering and number not in explained
        why = None if covering else explained.get(number)
        paragraphs.append(_paragraph(number, text, (start, end), cites, covering, why))
    source = records.sources.get(source_id)
    title = source.title if source else source_id
    counts = (
        f"{len(paragraphs)} paragraphs, {cited} cited, {len(paragraphs) - cited} uncited"
        f"{f' ({len(paragraphs) - cited - left} explained in coverage.yaml)' if cited + left < len(paragraphs) else ''}; "
        f"{len(cites)} citations"
    )
    payload = {
        "source": source_id,
        "cites": [
            {
                "kind": c.kind,
                "label": c.label,
                "where": c.where,
                "span": [c.start, c.end],
                "at": c.at,
            }
            for c in cites
        ],
    }
    return _PAGE.format(
        title=html.escape(title),
        source=html.escape(source_id),
        counts=html.escape(counts),
        paragraphs="\n".join(paragraphs),
        css=_CSS,
        data=script_json(payload),
        js=_JS,
    )


def _citations(records: Records, source_id: str, length: int) -> list[_Cite]:
    """Every citation of ``source_id`` by a claim or an entity, clipped to the text
    (a span outside it is validation's to report), in text order."""
    found = []
    for claim in records.claims:
        time = f" ({claim.time.text})" if claim.time else ""
        label = f"{claim.subject} {claim.predicate} {claim.object}{time}"
        found += _cites_of(claim.cites, source_id, "claim", label, f"{claim.path}:{claim.line}")
    for entity in records.entities.values():
        label = f"entity {entity.id} ({entity.label}): {entity.name}"
        found += _cites_of(entity.cites, source_id, "entity", label, f"{entity.path}:{entity.line}")
    clipped = [
        _Cite(max(0, c.start), min(length, c.end), c.kind, c.label, c.where, c.at) for c in found
    ]
    return sorted(
        (c for c in clipped if c.start < c.end), key=lambda c: (c.start, c.end, c.kind, c.label)
    )


def _cites_of(
    cites: list[Citation], source_id: str, kind: str, label: str, where: str
) -> list[_Cite]:
    return [_Cite(c.start, c.end, kind, label, where, c.at) for c in cites if c.source == source_id]


def _paragraph(
    number: int,
    text: str,
    span: tuple[int, int],
    cites: list[_Cite],
    covering: list[int],
    explained: str | None = None,
) -> str:
    """One paragraph's HTML: the text cut at every span boundary inside it, each cited
    piece a ``<mark>`` naming (``data-cites``) and listing (``title``) its citations;
    an uncited one flagged, or marked with why it is left uncited (``explained``)."""
    start, end = span
    cuts = {start, end}
    cuts.update(b for i in covering for b in (cites[i].start, cites[i].end) if start < b < end)
    pieces = []
    for left, right in pairwise(sorted(cuts)):
        inside = [i for i in covering if cites[i].start <= left and right <= cites[i].end]
        piece = html.escape(text[left:right])
        if not inside:
            pieces.append(piece)
            continue
        title = "\n".join(f"{cites[i].label} [{cites[i].where}]" for i in inside)
        ids = " ".join(map(str, inside))
        depth = min(len(inside), 3)  # a deeper shade where citations overlap
        pieces.append(
            f'<mark class="c{depth}" data-cites="{ids}" title="{html.escape(title)}">{piece}</mark>'
        )
    state = "cited" if covering else "explained" if explained else "uncited"
    flag = {
        "cited": "",
        "uncited": '<span class="flag">uncited</span>',
        "explained": f'<span class="why" title="coverage.yaml">{html.escape(explained or "")}</span>',
    }[state]
    return (
        f'<p class="para {state}" id="p{number}" data-para="{number}" data-start="{start}">'
        f'<a class="num" href="#p{number}">{number}</a>{flag}'
        f'<span class="text">{"".join(pieces)}</span></p>'
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - dipgraph reading view</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p class="counts">Source <code>{source}</code>: {counts}</p>
<p class="legend"><mark class="c1">cited</mark> <mark class="c2">cited twice</mark>
<mark class="c3">three or more</mark> <span class="flag">uncited</span> paragraph</p>
</header>
<div class="layout">
<main>
{paragraphs}
</main>
<aside id="panel" aria-live="polite">
<h2>Citations</h2>
<p id="panel-hint">Click a highlighted passage to list the records that cite it.</p>
<ul id="panel-list"></ul>
</aside>
</div>
<script type="application/json" id="reading-data">{data}</script>
<script>{js}</script>
</body>
</html>
"""

_CSS = """
body { font: 16px/1.55 Georgia, serif; margin: 0; color: #222; background: #fdfdfb; }
header { padding: 0.8em 1.5em; border-bottom: 1px solid #ddd; background: #f4f4f0; }
header h1 { margin: 0 0 0.2em; font-size: 1.4em; }
.counts, .legend { margin: 0.2em 0; font: 14px/1.4 sans-serif; }
.layout { display: flex; align-items: flex-start; }
main { flex: 1; max-width: 46em; padding: 1em 1.5em 1em 3.5em; }
aside { position: sticky; top: 0; width: 24em; max-height: 100vh; overflow: auto;
  padding: 1em; border-left: 1px solid #ddd; font: 14px/1.4 sans-serif; }
.para { white-space: pre-wrap; position: relative; padding-left: 0.5em; }
.para.uncited { border-left: 4px solid #d55e00; background: #fff6ef; }
.para.explained { border-left: 4px solid #bbb; color: #555; }
.why { font: italic 11px sans-serif; color: #555; margin-right: 0.5em; }
.why::before { content: "not cited: "; }
.num { position: absolute; left: -2.2em; width: 2em; text-align: right;
  color: #999; font: 12px sans-serif; text-decoration: none; }
.flag { font: bold 11px sans-serif; color: #fff; background: #d55e00;
  border-radius: 3px; padding: 0 0.4em; margin-right: 0.5em; }
mark { cursor: pointer; border-radius: 2px; }
mark.c1 { background: #fff1a8; }
mark.c2 { background: #ffd966; }
mark.c3 { background: #f6b73c; }
mark.active { outline: 2px solid #0072b2; }
#panel-list { padding-left: 1.2em; }
#panel-list li { margin-bottom: 0.6em; }
#panel-list li.entity { list-style: circle; }
.where { color: #666; font-size: 12px; }
/* A phone: the text takes the width, the citations a panel along the bottom. */
@media (max-width: 700px) {
  .layout { display: block; }
  main { padding: 0.5em 0.8em 45vh 2.6em; }
  aside { position: fixed; left: 0; right: 0; bottom: 0; top: auto; width: auto;
    max-height: 40vh; border-left: 0; border-top: 1px solid #ddd; background: #fcfcfa;
    box-sizing: border-box; }
}
"""

# Everything from the records goes in as text (textContent), never as HTML.
_JS = """
(function () {
  var data = JSON.parse(document.getElementById("reading-data").textContent);
  var list = document.getElementById("panel-list");
  var hint = document.getElementById("panel-hint");
  function line(className, text) {
    var div = document.createElement("div");
    div.className = className;
    div.textContent = text;
    return div;
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest ? event.target.closest("mark[data-cites]") : null;
    if (!mark) return;
    var ids = mark.getAttribute("data-cites").split(" ");
    document.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    document.querySelectorAll("mark[data-cites]").forEach(function (m) {
      var theirs = m.getAttribute("data-cites").split(" ");
      if (theirs.some(function (i) { return ids.indexOf(i) >= 0; })) m.classList.add("active");
    });
    list.textContent = "";
    hint.textContent = ids.length + " citation(s) of this passage:";
    ids.forEach(function (i) {
      var cite = data.cites[Number(i)];
      var item = document.createElement("li");
      item.className = cite.kind;
      item.appendChild(line("label", cite.label));
      var at = cite.at ? " (" + cite.at + ")" : "";
      item.appendChild(line("where", cite.where + ", span " + cite.span.join("-") + at));
      list.appendChild(item);
    });
  });
  document.body.dataset.ready = "true";  // for a test's browser: the handlers are set
})();
"""
