"""Neo4j Browser material: the guide, the style sheet and the favorites.

The guide is written once, in Markdown (``cypher/guide.md``): ``# Title``, one
``## Slide`` per slide, paragraphs and lists, and fenced ``cypher`` blocks that
are either ``:param`` lines or a statement of the saved-query library. It is
rendered as an HTML guide for ``:play <url>`` and as AsciiDoc for ``:guide <url>``.
`serve` publishes them, the style sheet and the favorites on localhost with the
CORS header the Browser needs.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path

from .library import format_literal, list_queries

__all__ = [
    "Slide",
    "favorites_zip",
    "guide_adoc",
    "guide_html",
    "make_server",
    "read_guide",
    "read_style",
    "runnable_blocks",
    "write_guide_files",
]


@dataclass
class Slide:
    title: str
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (kind, text): "text" or "cypher"


def _package_text(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def read_guide(text: str | None = None) -> tuple[str, list[Slide]]:
    """The guide's title and slides, from ``cypher/guide.md`` unless ``text`` is given."""
    text = _package_text("guide.md") if text is None else text
    title, slides = "", list[Slide]()
    block: list[str] = []
    fence = False
    for line in text.splitlines():
        if line.startswith("```"):
            if fence:
                slides[-1].blocks.append(("cypher", "\n".join(block).strip()))
                block = []
            else:
                _flush(slides, block)
                block = []
            fence = not fence
        elif fence:
            block.append(line)
        elif line.startswith("# "):
            title = line[2:].strip()
        elif line.startswith("## "):
            _flush(slides, block)
            block = []
            slides.append(Slide(line[3:].strip()))
        elif slides:
            block.append(line)
    _flush(slides, block)
    return title, slides


def _flush(slides: list[Slide], block: list[str]) -> None:
    text = "\n".join(block).strip()
    if slides and text:
        slides[-1].blocks.append(("text", text))


def runnable_blocks(slides: list[Slide]) -> list[str]:
    return [text for slide in slides for kind, text in slide.blocks if kind == "cypher"]


# -- rendering ------------------------------------------------------------------------------
def _inline_html(text: str) -> str:
    text = html.escape(text)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    return re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", text)


def _text_html(text: str) -> str:
    parts = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = paragraph.splitlines()
        if all(line.lstrip().startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline_html(line.lstrip()[2:])}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{_inline_html(' '.join(lines))}</p>")
    return "\n".join(parts)


def guide_html(title: str, slides: list[Slide]) -> str:
    """An HTML guide for ``:play <url>``: one carousel slide per ``##`` section."""
    out = ['<article class="guide">', '<carousel class="deck container-fluid">']
    for slide in slides:
        out.append('<slide class="row-fluid">')
        out.append(f'<div class="col-sm-12"><h3>{html.escape(slide.title)}</h3>')
        for kind, text in slide.blocks:
            if kind == "text":
                out.append(_text_html(text))
            else:
                out.append(
                    f'<figure><pre class="pre-scrollable code runnable">{html.escape(text)}</pre></figure>'
                )
        out.append("</div></slide>")
    out += ["</carousel>", "</article>"]
    return f"<!-- {html.escape(title)} -->\n" + "\n".join(out) + "\n"


def guide_adoc(title: str, slides: list[Slide]) -> str:
    """The same guide in AsciiDoc, for ``:guide <url>``."""
    out = [f"= {title}", ""]
    for slide in slides:
        out += [f"== {slide.title}", ""]
        for kind, text in slide.blocks:
            if kind == "text":
                out += [re.sub(r"\*\*([^*]+)\*\*", r"*\1*", text), ""]
            else:
                out += ["[source,cypher]", "----", text, "----", ""]
    return "\n".join(out)


def read_style() -> str:
    """The GRASS style sheet (``cypher/style.grass``)."""
    return _package_text("style.grass")


def write_guide_files(out: Path) -> int:
    """Write ``dipgraph.html`` (for ``:play``), ``dipgraph.adoc`` (for ``:guide``) and
    ``style.grass`` into ``out``; return the number of slides."""
    title, slides = read_guide()
    out.mkdir(parents=True, exist_ok=True)
    (out / "dipgraph.html").write_text(guide_html(title, slides), encoding="utf-8")
    (out / "dipgraph.adoc").write_text(guide_adoc(title, slides), encoding="utf-8")
    (out / "style.grass").write_text(read_style(), encoding="utf-8")
    return len(slides)


def favorites_zip() -> bytes:
    """The query library as a zip that Neo4j Browser imports as favorites (drag and drop)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for query in list_queries():
            header = f"// {query.title}\n"
            params = "".join(
                f"// :param {k} => {format_literal(v)}\n" for k, v in query.params.items()
            )
            archive.writestr(
                f"dipgraph/{query.name}.cypher", header + params + query.statement + "\n"
            )
    return buffer.getvalue()


# -- serving --------------------------------------------------------------------------------
def _documents() -> dict[str, tuple[str, bytes]]:
    title, slides = read_guide()
    return {
        "/dipgraph.html": ("text/html; charset=utf-8", guide_html(title, slides).encode()),
        "/dipgraph.adoc": ("text/plain; charset=utf-8", guide_adoc(title, slides).encode()),
        "/dipgraph.md": ("text/markdown; charset=utf-8", _package_text("guide.md").encode()),
        "/style.grass": ("text/plain; charset=utf-8", read_style().encode()),
        "/favorites.zip": ("application/zip", favorites_zip()),
    }


_ALLOWED_HEADERS = "Cache-Control, Pragma, Content-Type, Accept"


def make_server(host: str = "127.0.0.1", port: int = 8001) -> ThreadingHTTPServer:
    """An HTTP server of the guide, style and favorites, with ``Access-Control-Allow-Origin: *``."""
    documents = _documents()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            found = documents.get(self.path.split("?")[0])
            if found is None:
                self.send_error(404, "not found: try /dipgraph.html, /dipgraph.md or /style.grass")
                return
            kind, body = found
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(body)

        def do_OPTIONS(self):
            # Browser fetches a remote guide with Cache-Control and Pragma headers,
            # which make Chromium ask first (a preflight): allow what it asks for.
            asked = self.headers.get("Access-Control-Request-Headers", "")
            self.send_response(204)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", asked or _ALLOWED_HEADERS)
            self.send_header("Access-Control-Max-Age", "600")
            self.end_headers()

        def log_message(self, *args):  # quiet: the CLI prints what matters
            pass

    return ThreadingHTTPServer((host, port), Handler)
