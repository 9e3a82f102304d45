"""The reading view of a source: its text with every cited span marked, read back with
Python's HTML parser, and what the page does with markup in the text or the records."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from support import DEMO_TEXT
from test_explorer import SIZES, _load, driver  # noqa: F401 (a fixture, used by name)

from dipgraph.analysis.reading import render_reading_view
from dipgraph.loader import check_records
from dipgraph.loader.records import Citation, Entity, Records


class ReadingPage(HTMLParser):
    """The paragraphs (number, classes, flag, text pieces with the mark around each)
    and the JSON data of a reading view."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[dict] = []
        self.in_text = False
        self.mark: dict | None = None
        self.script: dict | None = None
        self.scripts: list[tuple[dict, str]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        classes = set((found.get("class") or "").split())
        if tag == "p" and "para" in classes:
            number, start = int(found["data-para"]), int(found["data-start"])
            self.paragraphs.append(
                {"number": number, "start": start, "classes": classes, "flag": False, "pieces": []}
            )
        elif tag == "span" and "flag" in classes and self.paragraphs:
            self.paragraphs[-1]["flag"] = True
        elif tag == "span" and "text" in classes:
            self.in_text = True
        elif tag == "mark" and self.in_text:
            self.mark = found
        elif tag == "script":
            self.script = found

    def handle_endtag(self, tag):
        if tag == "mark":
            self.mark = None
        elif tag == "span":
            self.in_text = False  # a text span holds only marks
        elif tag == "script":
            self.script = None

    def handle_data(self, data):
        if self.script is not None:
            self.scripts.append((self.script, data))
        elif self.in_text:
            self.paragraphs[-1]["pieces"].append((data, self.mark))

    @property
    def data(self) -> dict:
        (found,) = [d for a, d in self.scripts if a.get("type") == "application/json"]
        return json.loads(found)

    def labelled_pieces(self, number: int) -> list[tuple[str, set[str]]]:
        """Paragraph ``number``'s pieces, each with the labels of the citations on it."""
        cites = self.data["cites"]
        (paragraph,) = [p for p in self.paragraphs if p["number"] == number]
        return [
            (text, {cites[int(i)]["label"] for i in mark["data-cites"].split()} if mark else set())
            for text, mark in paragraph["pieces"]
        ]


S1 = "alice-doe SIGNED example-accord (1994-05-05)"
S2 = "bob-roe SIGNED example-accord (1994-05-05)"


def span(text: str, words: str) -> list[int]:
    start = text.index(words)
    return [start, start + len(words)]


@pytest.fixture
def page(demo) -> str:
    records, _ = check_records(demo)
    return render_reading_view(records, "demo", DEMO_TEXT)


def test_the_header_gives_the_title_and_counts(page):
    assert "<h1>Demo Chronicle</h1>" in page
    assert "<title>Demo Chronicle - dipgraph reading view</title>" in page
    assert "3 paragraphs, 2 cited, 1 uncited; 14 citations" in page


def test_uncited_paragraphs_are_marked(page):
    found = ReadingPage(page).paragraphs
    assert [(p["number"], "uncited" in p["classes"], p["flag"]) for p in found] == [
        (1, True, True),
        (2, False, False),
        (3, False, False),
    ]


def test_the_paragraphs_hold_the_text_exactly(page):
    found = ReadingPage(page).paragraphs
    texts = ["".join(piece for piece, _ in p["pieces"]) for p in found]
    assert texts == [part.strip() for part in DEMO_TEXT.split("\n\n")]
    assert [p["start"] for p in found] == [DEMO_TEXT.index(t) for t in texts]


def test_the_data_lists_every_citation_of_the_source(page):
    t = DEMO_TEXT
    sentence = span(t, "On 5 May 1994 the Example Accord was signed in Exampleton by")[0]
    sentence = [sentence, t.index("Freedonia.") + len("Freedonia.")]
    carol = span(t, "Carol Poe of the Peace Office")
    claims, entities = "data/claims/demo.yaml", "data/entities/demo.yaml"
    expected = [
        ("claim", S1, f"{claims}:3", sentence),
        ("claim", S2, f"{claims}:4", sentence),
        ("claim", "carol-poe MEDIATED example-talks", f"{claims}:5", carol),
        (
            "claim",
            "example-talks RESULTED_IN example-accord",
            f"{claims}:6",
            span(t, "Exampleton talks that produced it"),
        ),
        ("claim", "carol-poe HELD_POSITION peace-office", f"{claims}:7", carol),
        ("entity", "entity ruritania (State): Ruritania", f"{entities}:1", span(t, "Ruritania")),
        ("entity", "entity freedonia (State): Freedonia", f"{entities}:2", span(t, "Freedonia")),
        ("entity", "entity alice-doe (Person): Alice Doe", f"{entities}:3", span(t, "Alice Doe")),
        ("entity", "entity bob-roe (Person): Bob Roe", f"{entities}:4", span(t, "Bob Roe")),
        ("entity", "entity carol-poe (Person): Carol Poe", f"{entities}:5", carol),
        ("entity", "entity peace-office (Organization): Peace Office", f"{entities}:6", carol),
        ("entity", "entity exampleton (Place): Exampleton", f"{entities}:7", span(t, "Exampleton")),
        (
            "entity",
            "entity example-accord (Agreement): Example Accord",
            f"{entities}:8",
            span(t, "the Example Accord was signed"),
        ),
        (
            "entity",
            "entity example-talks (Event): Exampleton talks",
            f"{entities}:9",
            span(t, "Exampleton talks"),
        ),
    ]
    cites = ReadingPage(page).data["cites"]
    assert sorted((c["kind"], c["label"], c["where"], c["span"]) for c in cites) == sorted(expected)
    assert {c["at"] for c in cites} == {None}


def test_each_cited_span_is_marked_exactly(page):
    """Every character a citation covers is in a mark naming it, and no other is."""
    found = ReadingPage(page)
    covered: dict[int, set[int]] = {}
    for paragraph in found.paragraphs:
        offset = paragraph["start"]
        for text, mark in paragraph["pieces"]:
            for i in mark["data-cites"].split() if mark else ():
                covered.setdefault(int(i), set()).update(range(offset, offset + len(text)))
            offset += len(text)
    cites = found.data["cites"]
    assert {i: set(range(*c["span"])) for i, c in enumerate(cites)} == covered


def test_overlapping_spans_are_split_at_every_boundary(page):
    found = ReadingPage(page)
    both = {S1, S2}
    assert found.labelled_pieces(2) == [
        ("On 5 May 1994 ", both),
        (
            "the Example Accord was signed",
            both | {"entity example-accord (Agreement): Example Accord"},
        ),
        (" in ", both),
        ("Exampleton", both | {"entity exampleton (Place): Exampleton"}),
        (" by ", both),
        ("Alice Doe", both | {"entity alice-doe (Person): Alice Doe"}),
        (" for ", both),
        ("Ruritania", both | {"entity ruritania (State): Ruritania"}),
        (" and by ", both),
        ("Bob Roe", both | {"entity bob-roe (Person): Bob Roe"}),
        (" for ", both),
        ("Freedonia", both | {"entity freedonia (State): Freedonia"}),
        (".", both),
    ]
    talks = "example-talks RESULTED_IN example-accord"
    assert found.labelled_pieces(3) == [
        (
            "Carol Poe of the Peace Office",
            {
                "carol-poe MEDIATED example-talks",
                "carol-poe HELD_POSITION peace-office",
                "entity carol-poe (Person): Carol Poe",
                "entity peace-office (Organization): Peace Office",
            },
        ),
        (" mediated the ", set()),
        ("Exampleton talks", {talks, "entity example-talks (Event): Exampleton talks"}),
        (" that produced it", {talks}),
        (".", set()),
    ]


def test_a_mark_says_on_hover_which_records_cite_it(page):
    (mark,) = [m for p in ReadingPage(page).paragraphs for t, m in p["pieces"] if t == "Alice Doe"]
    assert mark["class"] == "c3"  # three citations: a deeper shade
    assert mark["title"].split("\n") == [
        f"{S1} [data/claims/demo.yaml:3]",
        f"{S2} [data/claims/demo.yaml:4]",
        "entity alice-doe (Person): Alice Doe [data/entities/demo.yaml:3]",
    ]


def test_the_page_loads_nothing_from_elsewhere(page):
    assert re.findall(r'\b(?:src|href)="([^"]*)"', page) == ["#p1", "#p2", "#p3"]
    assert "http" not in page and "<link" not in page and "@import" not in page


HOSTILE = "</script><script>alert(1)</script>"


def hostile_records() -> tuple[Records, str]:
    text = f"Title & {HOSTILE}\n\nAnn met Bo.\n\nFirst part.\n\nSecond {HOSTILE} part.\n"
    records = Records(root=".")
    cites = [
        Citation("s", *span(text, "Ann met Bo.\n\nFirst"), "p. 1 <b>", 2),  # over two paragraphs
        Citation("s", text.index("Second"), 10_000, None, 3),  # past the end: clipped
        Citation("other", 0, 5, None, 4),  # another source's: not shown
    ]
    records.entities["ann"] = Entity("ann", "Person", HOSTILE, [], {}, cites, "e.yaml", 1)
    return records, text


def test_markup_in_the_text_or_the_records_is_only_text():
    records, text = hostile_records()
    page = render_reading_view(records, "s", text)
    assert "<script>alert" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2  # the page's own
    assert "Title &amp; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    found = ReadingPage(page)
    label = f"entity ann (Person): {HOSTILE}"
    assert found.data["cites"] == [
        {"kind": "entity", "label": label, "where": "e.yaml:1", "span": span(text, "Ann met Bo.\n\nFirst"), "at": "p. 1 <b>"},
        {"kind": "entity", "label": label, "where": "e.yaml:1", "span": [text.index("Second"), len(text)], "at": None},
    ]  # fmt: skip
    assert "\\u003c/script\\u003e" in page


def test_a_span_over_two_paragraphs_marks_both_and_one_past_the_end_is_clipped():
    records, text = hostile_records()
    page = render_reading_view(records, "s", text)
    found = ReadingPage(page)
    label = f"entity ann (Person): {HOSTILE}"
    assert [found.labelled_pieces(n) for n in (1, 2, 3, 4)] == [
        [(f"Title & {HOSTILE}", set())],
        [("Ann met Bo.", {label})],
        [("First", {label}), (" part.", set())],
        [(f"Second {HOSTILE} part.", {label})],
    ]
    assert [("uncited" in p["classes"]) for p in found.paragraphs] == [True, False, False, False]
    assert "4 paragraphs, 3 cited, 1 uncited; 2 citations" in page


def test_counts_of_a_source_nobody_cites():
    page = render_reading_view(Records(root="."), "new", "One.\n\nTwo <i>.\n")
    assert "<h1>new</h1>" in page and "2 paragraphs, 0 cited, 2 uncited; 0 citations" in page
    assert "Two &lt;i&gt;." in page


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to check the script")
def test_the_inline_script_is_valid_javascript(page, tmp_path):
    (script,) = [d for a, d in ReadingPage(page).scripts if not a]
    path = tmp_path / "reading.js"
    path.write_text(script, encoding="utf-8")
    subprocess.run(["node", "--check", str(path)], check=True, capture_output=True)


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_clicking_a_highlight_lists_the_records_citing_it_in_chromium(demo, driver, tmp_path, size):  # noqa: F811 (the imported fixture)
    """In the browser the page is for, on a desktop screen and a phone's: a click on
    the mediation passage lists the two claims and two entities that cite it, with
    their files and lines, in a panel on screen; on a phone the text keeps the width."""
    from selenium.webdriver.common.by import By

    records, _ = check_records(demo)
    page = tmp_path / "reading.html"
    page.write_text(render_reading_view(records, "demo", DEMO_TEXT), encoding="utf-8")
    _load(driver, page.as_uri(), size)
    start = DEMO_TEXT.index("Carol Poe of the Peace Office")  # the demo's cited span
    [mark] = [
        m
        for m in driver.find_elements(By.CSS_SELECTOR, "mark[data-cites]")
        if m.text.startswith("Carol Poe")
    ]
    mark.click()
    items = [li.text.splitlines() for li in driver.find_elements(By.CSS_SELECTOR, "#panel-list li")]
    end = start + len("Carol Poe of the Peace Office")
    assert sorted(items) == [
        ["carol-poe HELD_POSITION peace-office", f"data/claims/demo.yaml:7, span {start}-{end}"],
        ["carol-poe MEDIATED example-talks", f"data/claims/demo.yaml:5, span {start}-{end}"],
        ["entity carol-poe (Person): Carol Poe", f"data/entities/demo.yaml:5, span {start}-{end}"],
        [
            "entity peace-office (Organization): Peace Office",
            f"data/entities/demo.yaml:6, span {start}-{end}",
        ],
    ]
    # The panel is on screen, and the text column takes most of the width.
    width, height = driver.execute_script("return [innerWidth, innerHeight]")
    panel = driver.find_element(By.ID, "panel").rect
    text = driver.find_element(By.CSS_SELECTOR, "main").rect
    assert panel["y"] < height and panel["y"] + panel["height"] > 0
    assert text["width"] >= 0.6 * width if width < 700 else text["width"] >= 500


def test_a_paragraph_explained_in_coverage_is_marked_with_why_not_as_uncited(demo):
    # 14 citations: one for each of the 9 entities and 5 claims of the demo.
    (demo / "coverage.yaml").write_text("demo:\n  1: title\n", encoding="utf-8")
    records, _ = check_records(demo)
    page = render_reading_view(records, "demo", DEMO_TEXT)
    assert "3 paragraphs, 2 cited, 1 uncited (1 explained in coverage.yaml); 14 citations" in page
    assert '<p class="para explained" id="p1"' in page
    assert '<span class="why" title="coverage.yaml">title</span>' in page
    assert 'class="para uncited"' not in page
