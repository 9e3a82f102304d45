"""The HTML explorer: its JSON payload, and the page itself in a real headless Chromium.

The browser tests need Debian's `chromium` and `chromium-driver` and the `selenium`
package; without them they are skipped, saying what is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from support import DATA, outputs_under_hash_seeds

from dipgraph.analysis.explorer import explorer_html, explorer_payload, write_explorer
from dipgraph.loader import build_networkx, check_records, graph_rows

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1440,1000",
)


@pytest.fixture(scope="module")
def graph():
    records, _ = check_records(DATA)
    return build_networkx(graph_rows(records))


@pytest.fixture(scope="module")
def payload(graph):
    return explorer_payload(graph)


def expected_counts(graph, year=None, labels=None, types=None, undated=False) -> tuple[int, int]:
    """Visible (nodes, edges), worked out here from the graph, independently of the page:
    at a year, the edges whose [earliest, latest] overlaps it (an open end is unbounded,
    an unknown one is its other, known end; an undated edge only with ``undated``) and
    the nodes they touch; unticked labels and types are left out."""
    drawn = {n: d["label"] for n, d in graph.nodes(data=True) if d["label"] != "Source"}
    labels = set(drawn.values()) if labels is None else set(labels)
    nodes, edges = set(), 0
    for u, v, d in graph.edges(data=True):
        if types is not None and d["type"] not in types:
            continue
        if drawn[u] not in labels or drawn[v] not in labels:
            continue
        earliest, latest = d.get("earliest"), d.get("latest")
        if year is not None and not (earliest or latest) and not undated:
            continue
        # An unknown end ("1994-12/", "/2011-07") counts only at the known one.
        if d.get("start_bound") == "unknown":
            earliest = latest
        if d.get("end_bound") == "unknown":
            latest = earliest
        if year is not None and (
            (earliest and int(earliest[:4]) > year) or (latest and int(latest[:4]) < year)
        ):
            continue
        edges += 1
        nodes |= {u, v}
    if year is None:  # nodes with no relationship at all show in "all years" only
        nodes |= {n for n, label in drawn.items() if label in labels and graph.degree(n) == 0}
    return len(nodes), edges


# ---- the payload, no browser ------------------------------------------------------------


def test_payload_draws_every_entity_and_relationship_but_no_source(graph, payload):
    entities = [n for n, d in graph.nodes(data=True) if d["label"] != "Source"]
    sources = [n for n, d in graph.nodes(data=True) if d["label"] == "Source"]
    assert len(payload["nodes"]) == len(entities) == 304
    assert len(payload["edges"]) == graph.number_of_edges() == 809
    assert {n["id"] for n in payload["nodes"]} == set(entities)
    assert not {n["label"] for n in payload["nodes"]} & {"Source"}
    assert sorted(payload["sources"]) == sorted(sources)
    assert payload["sources"]["russia-initiatives"]["title"] == "Russian Peace Initiatives"
    assert {e["key"] for e in payload["edges"]} == {k for _, _, k in graph.edges(keys=True)}
    assert sum(x["count"] for x in payload["labels"]) == len(entities)
    assert sum(x["count"] for x in payload["types"]) == graph.number_of_edges()
    # From the Treaty of Sevres (1920) to Sweden's OSCE chairmanship (2021), which
    # remler-2020 announces: the explorer shows every dated record.
    assert payload["years"] == [1920, 2021]


def test_payload_positions_fit_the_canvas_and_are_reproducible(graph, payload):
    width, height = payload["width"], payload["height"]
    for node in payload["nodes"]:
        assert 0 <= node["x"] <= width and 0 <= node["y"] <= height, node["id"]
    assert len({(n["x"], n["y"]) for n in payload["nodes"]}) == len(payload["nodes"])
    again = explorer_payload(graph, seed=0)
    assert [(n["x"], n["y"]) for n in again["nodes"]] == [
        (n["x"], n["y"]) for n in payload["nodes"]
    ]


def test_layout_is_the_same_in_every_process():
    """The layout's random start follows node order; a subgraph view's node order
    follows the hash seed, which made positions change from one run to the next."""
    script = (
        "from dipgraph.loader import check_records, graph_rows, build_networkx\n"
        "from dipgraph.analysis.explorer import explorer_payload\n"
        f"r, _ = check_records({str(DATA)!r}); g = build_networkx(graph_rows(r))\n"
        "print(sorted((n['id'], n['x'], n['y']) for n in explorer_payload(g)['nodes']))\n"
    )
    assert len(outputs_under_hash_seeds(script)) == 1


def test_payload_edge_years_follow_earliest_and_latest(payload):
    by_key = {e["key"]: e for e in payload["edges"]}
    for edge in by_key.values():
        first = int(edge["earliest"][:4]) if "earliest" in edge else None
        last = int(edge["latest"][:4]) if "latest" in edge else None
        # An unknown end is its known one ("/1992-05": 1992 only); an open one runs on.
        if edge.get("start_bound") == "unknown":
            first = last
        if edge.get("end_bound") == "unknown":
            last = first
        assert (edge["from"], edge["to"]) == (first, last), edge["time"]
    assert any(e["from"] is not None and e["to"] is None for e in by_key.values())
    sweden = next(
        e for e in by_key.values() if (e["source"], e["type"]) == ("sweden", "CO_CHAIR_OF")
    )
    assert (sweden["time"], sweden["from"], sweden["to"]) == ("1994-12/", 1994, 1994)


@pytest.fixture
def demo_graph(demo):
    """The small demo dataset of conftest, as a graph."""
    records, _ = check_records(demo)
    return build_networkx(graph_rows(records))


def test_page_is_one_file_with_its_data_inline(demo_graph, tmp_path):
    graph = demo_graph
    graph.nodes["alice-doe"]["name"] = "</script><script>alert(1)</script> & Co"
    path = write_explorer(graph, tmp_path / "sub" / "explorer.html", title="A <b>title</b>")
    page = path.read_text(encoding="utf-8")
    assert "<title>A &lt;b&gt;title&lt;/b&gt;</title>" in page
    assert "alert(1)</script>" not in page
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", page, re.I)
    assert "@import" not in page and "url(http" not in page
    found = re.search(
        r'<script type="application/json" id="dipgraph-data">(.*?)</script>', page, re.S
    )
    data = json.loads(found.group(1))
    node = next(n for n in data["nodes"] if n["id"] == "alice-doe")
    assert node["name"] == "</script><script>alert(1)</script> & Co"
    assert data == json.loads(json.dumps(explorer_payload(graph)))


def test_a_title_that_looks_like_a_marker_is_only_a_title(demo_graph):
    page = explorer_html(demo_graph, title="{{data}}")
    assert "<title>{{data}}</title>" in page and "<h1>{{data}}</h1>" in page
    found = re.search(r'id="dipgraph-data">(.*?)</script>', page, re.S)
    assert len(json.loads(found.group(1))["nodes"]) == 9


# ---- the page in Chromium ---------------------------------------------------------------


def _browser_or_skip():
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if missing:
        pytest.skip(f"browser tests need {', '.join(missing)} (apt: chromium chromium-driver)")


@pytest.fixture(scope="module")
def driver():
    _browser_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="dipgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield browser
    browser.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def page_url(graph, tmp_path_factory):
    return write_explorer(graph, tmp_path_factory.mktemp("explorer") / "explorer.html").as_uri()


# Every browser test runs on a desktop screen and on a phone's.
SIZES = {"desktop": (1400, 900), "phone": (390, 844)}


@pytest.fixture(params=list(SIZES.values()), ids=list(SIZES))
def page(driver, page_url, request):
    """The page freshly loaded from its file:// URL at each screen size, its script run."""
    return _load(driver, page_url, request.param)


def _load(driver, url: str, size: tuple[int, int]):
    from selenium.webdriver.support.ui import WebDriverWait

    driver.set_window_size(*size)
    driver.get(url)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.body.dataset.ready === 'true'")
    )
    return driver


def counts(driver) -> tuple[int, int]:
    """The visible counts as the page states them, checked against what is drawn."""
    from selenium.webdriver.common.by import By

    element = driver.find_element(By.ID, "counts")
    stated = re.search(r"(\d+) nodes? · (\d+) relationships?", element.text)
    assert stated, element.text
    nodes, edges = int(stated.group(1)), int(stated.group(2))
    assert (nodes, edges) == (
        int(element.get_attribute("data-nodes")),
        int(element.get_attribute("data-edges")),
    )
    drawn = driver.execute_script(
        "return [document.querySelectorAll('#nodes .node:not(.hidden)').length,"
        " document.querySelectorAll('#edges .edge:not(.hidden)').length]"
    )
    assert drawn == [nodes, edges]
    return nodes, edges


def set_year(driver, year: int) -> None:
    driver.execute_script(
        "const s = document.getElementById('year'); s.value = String(arguments[0]);"
        " s.dispatchEvent(new Event('input', {bubbles: true}));",
        year,
    )


def test_page_loads_from_file_without_errors_or_requests(page, page_url):
    assert page.current_url.startswith("file://")
    severe = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    outside = "script[src], link[href], img[src], iframe, object, embed"
    assert page.execute_script(f"return document.querySelectorAll({outside!r}).length") == 0
    assert counts(page) == (304, 809)
    assert "Russian Peace Initiatives" in page.find_element("id", "caption").text
    legend = page.find_element("id", "label-filters").text
    assert all(label in legend for label in ("State", "Person", "Agreement", "Event"))


def test_the_slider_shows_the_relationships_of_a_year(page, graph):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    set_year(page, 1994)
    at_1994 = counts(page)
    assert at_1994 == expected_counts(graph, year=1994)
    assert "1994" in page.find_element(By.ID, "counts").text
    assert not page.find_element(By.ID, "all-years").is_selected()
    set_year(page, 2011)
    at_2011 = counts(page)
    assert at_2011 == expected_counts(graph, year=2011)
    assert at_1994[1] != at_2011[1]
    page.find_element(By.ID, "year").send_keys(Keys.ARROW_RIGHT)  # a real key press: 2012
    assert page.find_element(By.ID, "year-label").text == "2012"
    assert counts(page) == expected_counts(graph, year=2012)
    page.find_element(By.ID, "undated").click()  # undated relationships at every year too
    assert counts(page) == expected_counts(graph, year=2012, undated=True)
    assert counts(page)[1] > expected_counts(graph, year=2012)[1]
    page.find_element(By.ID, "all-years").click()
    assert counts(page) == expected_counts(graph) == (304, 809)


def test_no_undated_mediation_in_1950(page, graph):
    # russia-initiatives names Kazakhstan and Iran among the early mediators without a
    # date, and Kazakhstan's part in the Zheleznovodsk process ends in May 1992 with no
    # start; at 1950 (inside the data's 1920-2021 span) neither may appear.
    from selenium.webdriver.common.by import By

    set_year(page, 1950)
    shown = page.execute_script(
        "return [...document.querySelectorAll('#nodes .node:not(.hidden)')].map(n => n.dataset.id)"
    )
    assert "kazakhstan" not in shown and "iran" not in shown
    assert counts(page) == expected_counts(graph, year=1950)
    assert page.find_element(By.ID, "undated").is_selected() is False


def test_label_and_type_filters(page, graph):
    from selenium.webdriver.common.by import By

    types = {d["type"] for _, _, d in graph.edges(data=True)}
    labels = {d["label"] for _, d in graph.nodes(data=True)} - {"Source"}
    signed = sum(d["type"] == "SIGNED" for _, _, d in graph.edges(data=True))
    page.find_element(By.CSS_SELECTOR, "input[data-type='SIGNED']").click()
    nodes, edges = counts(page)
    assert edges == 809 - signed
    assert (nodes, edges) == expected_counts(graph, types=types - {"SIGNED"})
    set_year(page, 1994)
    assert counts(page) == expected_counts(graph, year=1994, types=types - {"SIGNED"})
    page.find_element(By.CSS_SELECTOR, "input[data-label='Person']").click()
    assert counts(page) == expected_counts(
        graph, year=1994, labels=labels - {"Person"}, types=types - {"SIGNED"}
    )
    page.find_element(By.CSS_SELECTOR, "input[data-type='SIGNED']").click()
    assert counts(page) == expected_counts(graph, year=1994, labels=labels - {"Person"})
    hidden = page.execute_script(
        "return document.querySelectorAll(\"#nodes .node[data-label='Person']:not(.hidden)\")"
        ".length"
    )
    assert hidden == 0


def _click_edge(driver, key: str) -> None:
    """Click a drawn relationship where it is not covered by a node."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    point = driver.execute_script(
        """
        const g = document.querySelector(`.edge[data-key="${arguments[0]}"]`);
        const path = g.querySelector('.hit');
        const ctm = path.getScreenCTM();
        for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
          const p = path.getPointAtLength(path.getTotalLength() * f).matrixTransform(ctm);
          const hit = document.elementFromPoint(p.x, p.y);
          if (hit && hit.closest('.edge') === g) return [Math.round(p.x), Math.round(p.y)];
        }
        return null;
        """,
        key,
    )
    assert point, f"relationship {key} is nowhere clickable"
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(*point).click()
    actions.perform()


def test_a_relationship_shows_what_each_source_said(page, graph):
    """Aliyev's refusal of the Kazan document: the merged date is the day, but
    remler-2020 said only 2011 (data/claims/remler-2020.yaml)."""
    from selenium.webdriver.common.by import By

    key = next(
        k
        for u, v, k, d in graph.edges(keys=True, data=True)
        if (u, d["type"], v) == ("ilham-aliyev", "REFUSED", "kazan-document")
    )
    node = page.find_element(By.CSS_SELECTOR, ".node[data-id='ilham-aliyev'] circle")
    # Neighbours may overlap the circle where WebDriver would click; a click on it is a click.
    page.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node
    )
    panel = page.find_element(By.ID, "panel")
    refusal = next(
        li
        for li in panel.find_elements(By.CSS_SELECTOR, "ul.rels li")
        if "REFUSED" in li.text and "Kazan document" in li.text
    )
    refusal.find_element(By.CSS_SELECTOR, "button.ref").click()
    assert panel.get_attribute("data-id") == key
    claims = [li.text for li in panel.find_elements(By.CSS_SELECTOR, "ol.claims li.claim")]
    assert [c.split(" — ")[0] for c in claims] == [
        f"{graph.nodes['remler-2020']['title']}: 2011",
        f"{graph.nodes['tadevosyan-kazan']['title']}: 2011-06-24",
    ]


def test_clicking_a_node_or_a_relationship_shows_its_sources(page, graph):
    from selenium.webdriver.common.by import By

    page.find_element(By.CSS_SELECTOR, ".node[data-id='rasul-guliyev'] circle").click()
    panel = page.find_element(By.ID, "panel")
    assert panel.get_attribute("data-id") == "rasul-guliyev"
    assert panel.find_element(By.CSS_SELECTOR, "h2").text == "Rasul Guliyev"
    assert "Person" in panel.text and "Guliev" in panel.text  # label, aliases
    cite = panel.find_element(By.CSS_SELECTOR, "li.cite[data-span='3660-3919']")
    assert "Russian Peace Initiatives" in cite.text
    assert "3660-3919" in cite.text and "para 9" in cite.text
    assert [li.text for li in panel.find_elements(By.CSS_SELECTOR, "ul.rels li")] == [
        "→HELD_POSITION Milli Majlis · 8 May 1994",
        "→SIGNED Bishkek Protocol · 8 May 1994",
    ]

    source, target, key, edge = next(
        (u, v, k, d)
        for u, v, k, d in graph.edges(keys=True, data=True)
        if u == "rasul-guliyev" and d["type"] == "SIGNED"
    )
    _search(page, "rasul-guliyev")  # centres on him; then zoom in, as on a phone one must
    for _ in range(2):
        page.find_element(By.ID, "zoom-in").click()
    _click_edge(page, key)
    assert panel.get_attribute("data-kind") == "edge"
    assert panel.get_attribute("data-id") == key
    facts = {
        dt.text: dt.find_element(By.XPATH, "following-sibling::dd[1]").text
        for dt in panel.find_elements(By.CSS_SELECTOR, "dl.facts dt")
    }
    assert facts["Type"] == "SIGNED"
    assert facts["Subject"] == graph.nodes[source]["name"] == "Rasul Guliyev"
    assert facts["Object"] == graph.nodes[target]["name"]
    assert facts["Time"] == "8 May 1994 (1994-05-08)" and edge["time"] == "1994-05-08"
    assert facts["Disputed"].startswith("yes" if edge["disputed"] else "no")
    assert facts["Corroboration"].startswith(f"{edge['corroboration']} source")
    for qualifier in ("role", "title", "kind", "action"):
        if qualifier in edge:
            assert facts[qualifier.capitalize()] == edge[qualifier]
    if "on_behalf_of" in edge:
        assert facts["On behalf of"] == graph.nodes[edge["on_behalf_of"]]["name"]
    items = panel.find_elements(By.CSS_SELECTOR, "li.cite")
    assert len(items) == len(edge["citations"])
    for item, citation, locator in zip(items, edge["citations"], edge["locators"], strict=True):
        source_id, span = citation.rsplit("@", 1)
        assert graph.nodes[source_id]["title"] in item.text
        assert span in item.text and locator in item.text


# ---- Neo4j Browser's guide request, replayed in Chromium -----------------------------------


@pytest.fixture
def guide_and_origin(tmp_path):
    """The guide server, and a page on another origin (as Browser is, on :7474)."""
    import functools
    import http.server
    import threading

    from dipgraph.cypher.browser import make_server

    (tmp_path / "index.html").write_text("<!doctype html><title>origin</title>", encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    servers = [
        make_server("127.0.0.1", 0),
        http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler),
    ]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield [f"http://127.0.0.1:{s.server_address[1]}" for s in servers]
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("path", ["/dipgraph.html", "/dipgraph.md"])
def test_browser_can_fetch_the_guide_from_another_origin(driver, guide_and_origin, path):
    """Browser asks for a remote guide with Cache-Control and Pragma headers, which make
    Chromium send a CORS preflight first; the guide must come back, not a CORS error."""
    guide, origin = guide_and_origin
    driver.get(origin + "/index.html")
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {headers: {'Cache-Control': 'no-cache', 'Pragma': 'no-cache'}})
          .then((r) => r.text().then((t) => done([r.status, t.slice(0, 200)])))
          .catch((e) => done(['error', String(e)]));
        """,
        guide + path,
    )
    assert result[0] == 200, result
    assert "dipgraph" in result[1]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("guliev", "rasul-guliyev"),  # an alias, lower case
        ("LAJCAK", "miroslav-lajcak"),  # no accents, upper case
        ("Alain Juppé", "alain-juppe"),  # the name as written
        ("kazan-summit-2011", "kazan-summit-2011"),  # an id
        ("russia", "russia"),  # the examples, which found nothing
        ("Minsk", "minsk-group"),
    ],
)
def test_search_finds_any_spelling(page, typed, found):
    _search(page, typed)
    panel = page.find_element("id", "panel")
    assert (panel.get_attribute("data-kind"), panel.get_attribute("data-id")) == ("node", found)
    assert page.find_element("id", "search-status").text == ""


def test_search_says_when_nothing_matches(page):
    _search(page, "Zanzibar")
    assert page.find_element("id", "search-status").text == "No match for “Zanzibar”"


def _search(page, text: str) -> None:
    page.execute_script(
        "const s = document.getElementById('search'); s.value = arguments[0];"
        "s.dispatchEvent(new Event('change'));",
        text,
    )


@pytest.mark.parametrize(
    ("node", "words"),
    [
        ("kazan-summit-2011", "June 2011 (2011-06)"),
        ("first-karabakh-war", "1988\u20131994 (1988/1994)"),
        ("minsk-group", "1992 onwards (1992/..)"),
        ("shusha-capture-1992", "about May 1992 (1992-05~)"),
    ],
)
def test_the_panel_gives_dates_in_words(page, node, words):
    from selenium.webdriver.common.by import By

    _search(page, node)
    panel = page.find_element(By.ID, "panel")
    facts = {
        dt.text: dt.find_element(By.XPATH, "following-sibling::dd[1]").text
        for dt in panel.find_elements(By.CSS_SELECTOR, "dl.facts dt")
    }
    assert facts["Time"] == words


def test_the_graph_fills_the_screen_at_desktop_and_phone_sizes(page):
    # On a 390 x 844 phone the graph was 0 px wide, squeezed between two fixed columns.
    inner = page.execute_script("return [window.innerWidth, window.innerHeight]")
    box = page.execute_script(
        "const r = document.getElementById('graph').getBoundingClientRect();"
        "return [r.width, r.height]"
    )
    assert box[0] >= 0.45 * inner[0] and box[1] >= 0.45 * inner[1], (inner, box)
    _search(page, "guliev")  # and the panel still shows the selection
    assert page.find_element("id", "panel").get_attribute("data-id") == "rasul-guliyev"


def test_the_year_range_is_the_span_of_the_dated_facts(page):
    # Worked out from the YAML, not the graph: every year written in a claim's time.
    import yaml

    years = [
        int(y)
        for path in sorted((DATA / "claims").glob("*.yaml"))
        for claim in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]
        for y in re.findall(r"(?<![\d-])\d{4}", str(claim.get("time", "")))
    ]
    slider = page.find_element("id", "year")
    span = [int(slider.get_attribute(end)) for end in ("min", "max")]
    assert span == [min(years), max(years)]
    assert [page.find_element("id", f"year-{end}").text for end in ("min", "max")] == [
        str(y) for y in span
    ]


STANCE = {"SIGNED", "ACCEPTED", "ADOPTED", "REFUSED"}


def test_relationships_are_coloured_by_family(page, graph):
    from selenium.webdriver.common.by import By

    strokes = page.execute_script(
        "return [...document.querySelectorAll('#edges .edge .line')].map("
        "l => [l.parentNode.dataset.type, l.getAttribute('stroke')])"
    )
    by_type: dict[str, set] = {}
    for kind, stroke in strokes:
        by_type.setdefault(kind, set()).add(stroke)
    assert len({c for colours in by_type.values() for c in colours}) == 7
    assert len({c for t in STANCE for c in by_type[t]}) == 1  # one family, one colour
    assert by_type["SIGNED"] != by_type["MEDIATED"]
    families = page.find_elements(By.CSS_SELECTOR, "#type-filters li.family")
    assert [f.get_attribute("data-family") for f in families] == [
        "mediation", "stance", "documents", "participation", "office", "force", "structure"
    ]  # fmt: skip
    stance = page.find_element(By.CSS_SELECTOR, "input[data-family='stance']")
    stance.click()  # unticks its four types
    types = {d["type"] for _, _, d in graph.edges(data=True)}
    assert counts(page) == expected_counts(graph, types=types - STANCE)
    page.find_element(By.CSS_SELECTOR, "input[data-type='SIGNED']").click()
    assert counts(page) == expected_counts(graph, types=types - STANCE | {"SIGNED"})
    assert page.execute_script("return arguments[0].indeterminate", stance) is True


def test_family_colours_stay_apart_for_colour_blind_readers(payload):
    # Simulated with Machado et al. (2009) at full severity; distances in CAM02-UCS,
    # where about 10 is a clear difference for a thin line and 1 barely visible.
    import itertools

    import numpy as np
    from colorspacious import cspace_convert, deltaE

    colours = {f["name"]: f["color"] for f in payload["families"]}
    assert len(colours) == 7

    def seen(hex_colour: str, cvd: str | None):
        rgb = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
        if cvd is None:
            return rgb
        space = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
        return np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)

    for cvd in (None, "deuteranomaly", "protanomaly", "tritanomaly"):
        for a, b in itertools.combinations(colours, 2):
            distance = deltaE(seen(colours[a], cvd), seen(colours[b], cvd), input_space="sRGB1")
            assert distance > 10, (cvd, a, b, distance)
        for name, colour in colours.items():  # and every line stands out on the white page
            assert deltaE(seen(colour, cvd), np.ones(3), input_space="sRGB1") > 30, (cvd, name)


def test_no_passage_is_quoted_without_the_texts(payload, page):
    assert payload["passages"] == {}
    _search(page, "guliev")
    assert page.find_elements("css selector", "#panel blockquote.passage") == []
    assert "export with --texts DIR" in page.find_element("id", "caption").text


@pytest.fixture(scope="module")
def quoted_url(graph, seeds, tmp_path_factory):
    from dipgraph.loader.sources import cited_passages

    passages = cited_passages(check_records(DATA)[0], seeds)
    path = tmp_path_factory.mktemp("quoted") / "explorer.html"
    return write_explorer(graph, path, passages=passages).as_uri()


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_the_panel_quotes_the_cited_passages_given_the_texts(driver, quoted_url, seeds, size):
    # Guliyev's entity cites russia-initiatives characters 3660-3919 (para 9); the text
    # is read here from the seed file that sources.yaml names.
    import yaml

    sources = yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))
    [file] = [s["file"] for s in sources if s["id"] == "russia-initiatives"]
    expected = (seeds / file).read_text(encoding="utf-8")[3660:3919]
    page = _load(driver, quoted_url, size)
    _search(page, "guliev")
    cite = page.find_element("css selector", "#panel li.cite[data-span='3660-3919']")
    quoted = cite.find_element("css selector", "blockquote.passage").text
    assert quoted.split() == expected.split()
    assert "quoted from the texts" in page.find_element("id", "caption").text
