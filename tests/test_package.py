"""What the installed package carries: Cypher files, docstring examples, vocabulary docs."""

from __future__ import annotations

import doctest
import importlib
import re
from importlib.resources import files

import pytest
from support import ROOT, project_modules

import dipgraph
from dipgraph.cypher import read_statement, read_statements
from dipgraph.loader.vocabulary import LABELS, RELATIONSHIPS

MODULES = project_modules()


@pytest.mark.parametrize(
    "module", sorted(set(MODULES) - {"dipgraph.__main__", "dipgraph.cli.__main__"})
)
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_cypher_files_ship_with_the_package():
    shipped = files("dipgraph.cypher")
    for name in (
        "schema.cypher",
        "schema.falkordb.cypher",
        "load/merge_entities.cypher",
        "read/nodes.cypher",
    ):
        assert shipped.joinpath(name).is_file(), name


def test_schemas_cover_every_relationship_type():
    neo4j, falkordb = (
        "\n".join(read_statements("schema")),
        "\n".join(read_statements("schema.falkordb")),
    )
    for rel_type in RELATIONSHIPS:
        assert f"FOR ()-[r:{rel_type}]-() REQUIRE r.key IS UNIQUE" in neo4j
        assert f"FOR ()-[r:{rel_type}]-() ON (r.key)" in falkordb


@pytest.mark.parametrize("bad", ["Person`) DETACH DELETE (n", "person", "Nation", ""])
def test_only_vocabulary_names_reach_a_statement(bad):
    with pytest.raises(ValueError, match="not a vocabulary name"):
        read_statement("load/merge_entities", label=bad)


def test_every_label_and_type_is_documented_with_an_example():
    doc = (ROOT / "docs" / "vocabulary.md").read_text()
    for name in [*LABELS, *RELATIONSHIPS]:
        section = re.search(rf"^### `{name}`\n(.*?)(?=^### |\Z)", doc, re.M | re.S)
        assert section, f"{name} has no section in docs/vocabulary.md"
        assert "```yaml" in section.group(1), f"{name} has no example"


def test_version():
    assert dipgraph.__version__ == "0.1.0"


def test_vocabulary_doc_is_up_to_date():
    import runpy

    render = runpy.run_path(str(ROOT / "docs" / "make_vocabulary.py"))["render"]
    assert (ROOT / "docs" / "vocabulary.md").read_text() == render(), (
        "run python docs/make_vocabulary.py"
    )


def test_guide_shows_the_queries_as_the_library_has_them():
    import runpy

    sync = runpy.run_path(str(ROOT / "docs" / "sync_guide.py"))["sync"]
    guide = (ROOT / "cypher" / "guide.md").read_text(encoding="utf-8")
    assert sync(guide) == guide, "run python docs/sync_guide.py"


@pytest.mark.parametrize(
    "module",
    ["dipgraph.cypher", "dipgraph.cypher.library", "dipgraph.analysis.job", "dipgraph.cli"],
)
def test_each_package_imports_first_in_a_fresh_interpreter(module):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
