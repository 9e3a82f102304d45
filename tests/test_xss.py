"""The HTML explorer under attack: records whose every text field and link holds
markup or a script URL, opened in headless Chromium (the driver of test_explorer).

Each payload would set ``window.__xss`` if the page ever ran it; after clicking
through every node, relationship and link, it must still be undefined, and each
payload must show as the very text the records hold.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from test_explorer import _load, driver  # noqa: F401 (a fixture, used by name)

from dipgraph.analysis.explorer import write_explorer
from dipgraph.loader import build_networkx, check_records, graph_rows
from dipgraph.loader.sources import cited_passages

IMG = "<img src=x onerror=window.__xss=1>"
SCRIPT = '"><script>window.__xss=1</script>'
JS_URL = "javascript:window.__xss=1"
DATA_URL = "data:text/html,<script>window.__xss=1</script>"
SVG = "<svg onload=window.__xss=1>"
FRAME = "<iframe src=javascript:window.__xss=1>"
TEXT = f"Hostile Chronicle\n\n{IMG} met {SCRIPT} at {SVG}; {JS_URL} signed.\n"


def _span(words: str) -> str:
    start = TEXT.index(words)
    return f"[{start}, {start + len(words)}]"


def write_hostile(root: Path) -> tuple[Path, Path]:
    """Records (``root/data``) and their text (``root/texts``) with a payload in every
    text field the explorer shows: ids, names, aliases, notes, kinds, qualifiers,
    source titles, authors, publishers, urls and DOIs, and the cited passages."""
    data, texts = root / "data", root / "texts"
    (data / "entities").mkdir(parents=True)
    (data / "claims").mkdir()
    texts.mkdir()
    (texts / "hostile.txt").write_text(TEXT, encoding="utf-8")
    q = json.dumps  # a YAML double-quoted scalar holds any of the payloads as is
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    (data / "sources.yaml").write_text(
        f"- id: hostile\n  title: {q(IMG)}\n  authors: [{q(SCRIPT)}, {q(SVG)}]\n"
        f"  publisher: {q(SVG)}\n  url: {q(JS_URL)}\n  doi: {q(SCRIPT)}\n  note: {q(IMG)}\n"
        f"  file: hostile.txt\n  sha256: {digest}\n  chars: {len(TEXT)}\n"
        f"- id: data-url\n  title: {q(FRAME)}\n  url: {q(DATA_URL)}\n"
        f"  file: hostile.txt\n  sha256: {digest}\n  chars: {len(TEXT)}\n",
        encoding="utf-8",
    )
    cite = f"cite: [{{source: hostile, span: {_span(IMG)}}}]"
    (data / "entities" / "hostile.yaml").write_text(
        f"- {{id: {q(SCRIPT)}, label: State, name: {q(IMG)}, status: recognized,"
        f" aliases: [{q(FRAME)}, {q(DATA_URL)}], note: {q(SCRIPT)}, {cite}}}\n"
        f"- {{id: {q(IMG)}, label: Person, name: {q(SCRIPT)}, note: {q(SVG)}, {cite}}}\n"
        f"- {{id: {q(JS_URL)}, label: Place, name: {q(SVG)}, kind: {q(IMG)}, {cite}}}\n"
        f"- {{id: evil-office, label: Organization, name: {q(JS_URL)}, kind: agency, {cite}}}\n",
        encoding="utf-8",
    )
    (data / "claims" / "hostile.yaml").write_text(
        "source: hostile\nclaims:\n"
        f"  - {{subject: {q(IMG)}, predicate: HELD_POSITION, object: evil-office,"
        f" title: {q(SVG)}, note: {q(IMG)}, cite: [{{span: {_span(SCRIPT)}}}]}}\n"
        f"  - {{subject: {q(IMG)}, predicate: URGED, object: {q(SCRIPT)}, action: {q(FRAME)},"
        f" note: {q(SCRIPT)}, cite: [{{span: {_span(JS_URL)}}}]}}\n"
        f"  - {{subject: {q(IMG)}, predicate: MEMBER_OF, object: evil-office,"
        f" note: {q(JS_URL)}, cite: [{{span: {_span(SVG)}}}]}}\n",
        encoding="utf-8",
    )
    return data, texts


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile records' graph and its page's file:// URL (passages quoted)."""
    data, texts = write_hostile(tmp_path_factory.mktemp("hostile"))
    records, report = check_records(data)
    assert [str(p) for p in report.errors] == []
    graph = build_networkx(graph_rows(records))
    path = data.parent / "explorer.html"
    write_explorer(graph, path, title=SCRIPT, passages=cited_passages(records, texts))
    return graph, path.as_uri()


@pytest.fixture
def page(driver, hostile):  # noqa: F811 (the imported fixture)
    return _load(driver, hostile[1], (1400, 900))


def _xss(page) -> str:
    return page.execute_script("return typeof window.__xss")


def _enter_and_click(page, node: str) -> None:
    """Hover a node (its tooltip) and click it, found by its id whatever that holds."""
    page.execute_script(
        "const g = [...document.querySelectorAll('#nodes .node')]"
        ".find((n) => n.dataset.id === arguments[0]);"
        "g.dispatchEvent(new PointerEvent('pointerenter'));"
        "g.dispatchEvent(new MouseEvent('click', {bubbles: true}));",
        node,
    )


def _facts(panel) -> dict[str, str]:
    from selenium.webdriver.common.by import By

    return {
        dt.text: dt.find_element(By.XPATH, "following-sibling::dd[1]").text
        for dt in panel.find_elements(By.CSS_SELECTOR, "dl.facts dt")
    }


def test_the_tripwire_fires_when_markup_is_injected(page):
    """The payloads do run when put into the page as HTML (the page's policy allows
    inline handlers), so ``window.__xss`` left undefined means none was."""
    from selenium.webdriver.support.ui import WebDriverWait

    assert _xss(page) == "undefined"
    page.execute_script("document.body.insertAdjacentHTML('beforeend', arguments[0])", IMG)
    WebDriverWait(page, 5).until(lambda d: d.execute_script("return window.__xss === 1"))


def test_every_node_and_relationship_shows_its_payloads_as_text(page, hostile):
    from selenium.webdriver.common.by import By

    graph = hostile[0]
    assert (page.title, page.find_element(By.TAG_NAME, "h1").text) == (SCRIPT, SCRIPT)
    panel = page.find_element(By.ID, "panel")
    seen = set()
    for node, attrs in graph.nodes(data=True):
        if attrs["label"] == "Source":
            continue
        _enter_and_click(page, node)
        tip = page.find_element(By.CSS_SELECTOR, "#tooltip b").get_attribute("textContent")
        assert tip == attrs["name"]
        assert panel.get_attribute("data-id") == node
        assert panel.find_element(By.CSS_SELECTOR, "h2").text == attrs["name"]
        facts = _facts(panel)
        assert facts["Id"] == node
        assert facts.get("Note") == attrs.get("note")
        assert facts.get("Kind") == attrs.get("kind")
        assert facts.get("Aliases") == (", ".join(attrs["aliases"]) if "aliases" in attrs else None)
        relationships = "ul.rels li > button.ref:first-of-type"
        for i in range(len(panel.find_elements(By.CSS_SELECTOR, relationships))):
            panel.find_elements(By.CSS_SELECTOR, relationships)[i].click()
            seen.add(panel.get_attribute("data-id"))
            _check_relationship(panel, graph)
            _enter_and_click(page, node)
        assert _xss(page) == "undefined", node
    assert seen == {k for *_, k in graph.edges(keys=True)}
    assert page.find_elements(By.CSS_SELECTOR, "img, iframe, svg svg, object, embed") == []
    assert len(page.find_elements(By.TAG_NAME, "script")) == 2  # the data and the code


def _check_relationship(panel, graph) -> None:
    """A relationship's panel: its ends, title, note, claim and passage as text."""
    from selenium.webdriver.common.by import By

    key = panel.get_attribute("data-id")
    [(u, v, attrs)] = [(u, v, a) for u, v, k, a in graph.edges(keys=True, data=True) if k == key]
    facts = _facts(panel)
    assert (facts["Subject"], facts["Object"]) == (graph.nodes[u]["name"], graph.nodes[v]["name"])
    shown = (facts["Note"], facts.get("Title"), facts.get("Action"))
    assert shown == (attrs["note"], attrs.get("title"), attrs.get("action"))
    claims = [li.text for li in panel.find_elements(By.CSS_SELECTOR, "ol.claims li.claim")]
    assert claims == [f"{IMG}: undated — {attrs['note']}"]  # the source's title, no date
    spans = [c.rsplit("@", 1)[1].split("-") for c in attrs["citations"]]
    quoted = [b.text for b in panel.find_elements(By.CSS_SELECTOR, "blockquote.passage")]
    assert quoted == [TEXT[int(start) : int(end)] for start, end in spans]
    titles = [s.text for s in panel.find_elements(By.CSS_SELECTOR, "li.cite .src")]
    assert titles == [IMG] * len(spans)


def test_only_web_addresses_become_links(page):
    """The javascript: and data: URLs, and a DOI that is none, are plain text; the
    page holds no link at all, and clicking the text goes nowhere."""
    from selenium.webdriver.common.by import By

    caption = page.find_element(By.ID, "caption")
    hostile = caption.find_element(By.CSS_SELECTOR, "li[data-source='hostile']")
    assert hostile.text == f"{SCRIPT}, {SVG}, {IMG}, {SVG}, {SCRIPT}, {JS_URL}"
    assert [s.text for s in hostile.find_elements(By.CSS_SELECTOR, ".url")] == [SCRIPT, JS_URL]
    data_url = caption.find_element(By.CSS_SELECTOR, "li[data-source='data-url']")
    assert data_url.text == f"{FRAME}, {DATA_URL}"
    assert [s.text for s in data_url.find_elements(By.CSS_SELECTOR, ".url")] == [DATA_URL]
    assert page.execute_script("return document.querySelectorAll('a, [href]').length") == 0
    for text in caption.find_elements(By.CSS_SELECTOR, ".url"):
        text.click()
    assert page.current_url.startswith("file://") and _xss(page) == "undefined"


def test_the_search_takes_a_payload_as_a_spelling(page):
    from selenium.webdriver.common.by import By

    search = "const s = document.getElementById('search'); s.value = arguments[0];"
    page.execute_script(search + "s.dispatchEvent(new Event('change'));", FRAME)
    assert page.find_element(By.ID, "panel").get_attribute("data-id") == SCRIPT  # its alias
    page.execute_script(search + "s.dispatchEvent(new Event('change'));", f"{SCRIPT} {JS_URL}")
    status = page.find_element(By.ID, "search-status").text
    assert status == f"No match for “{SCRIPT} {JS_URL}”"
    assert _xss(page) == "undefined"


def test_a_web_address_and_a_doi_are_links(driver, tmp_path):  # noqa: F811
    """The positive case, in the page: an https URL and a DOI become working links."""
    import networkx as nx
    from selenium.webdriver.common.by import By

    graph = nx.MultiDiGraph()
    graph.add_node("a", label="State", name="A")
    graph.add_node("s", label="Source", title="Web", url="https://example.org/r?x=1")
    graph.add_node("t", label="Source", title="Paper", doi="10.1000/xyz", url="javascript:x")
    page = _load(driver, write_explorer(graph, tmp_path / "links.html").as_uri(), (1400, 900))
    links = page.find_elements(By.CSS_SELECTOR, "#caption a")
    assert [(a.text, a.get_attribute("href")) for a in links] == [
        ("https://example.org/r?x=1", "https://example.org/r?x=1"),
        ("doi:10.1000/xyz", "https://doi.org/10.1000/xyz"),
    ]
    plain = page.find_elements(By.CSS_SELECTOR, "#caption .url")
    assert [s.text for s in plain] == ["javascript:x"]


@pytest.mark.parametrize(
    ("url", "doi", "links"),
    [
        (
            "https://example.org/a?b=1",
            None,
            [["https://example.org/a?b=1", "https://example.org/a?b=1"]],
        ),
        (None, "10.1000/xyz", [["doi:10.1000/xyz", "https://doi.org/10.1000/xyz"]]),
        ("doi:10.1000/xyz", None, [["doi:10.1000/xyz", "https://doi.org/10.1000/xyz"]]),
        (
            "HTTPS://doi.org/10.1000/xyz",
            "10.1000/xyz",
            [["doi:10.1000/xyz", "https://doi.org/10.1000/xyz"]],
        ),
        ("JavaScript:alert(1)", None, [["JavaScript:alert(1)", None]]),
        (" javascript:alert(1)", None, [[" javascript:alert(1)", None]]),
        ("java\tscript:alert(1)", None, [["java\tscript:alert(1)", None]]),
        ("vbscript:msgbox", None, [["vbscript:msgbox", None]]),
        ("data:text/html,x", None, [["data:text/html,x", None]]),
        ("file:///etc/passwd", None, [["file:///etc/passwd", None]]),
        ("//example.org/x", None, [["//example.org/x", None]]),
        ("page.html", None, [["page.html", None]]),
        ("https://", None, [["https://", None]]),
        ("https://exa mple.org", None, [["https://exa mple.org", None]]),
        (None, "javascript:10.1000/x", [["javascript:10.1000/x", None]]),
        (None, "doi:10.1000/a<b>", [["doi:10.1000/a<b>", "https://doi.org/10.1000/a%3Cb%3E"]]),
    ],
)
def test_source_links(url, doi, links):
    from dipgraph.analysis.explorer import source_links

    source = {k: v for k, v in (("url", url), ("doi", doi)) if v is not None}
    assert source_links(source) == links
