"""docker-compose.yml: pinned Neo4j 5.26 LTS, the two ports, a healthcheck, no committed password."""

from __future__ import annotations

import re

import pytest
import yaml
from support import ROOT


@pytest.fixture(scope="module")
def neo4j():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["neo4j"]


def test_image_is_pinned_to_a_5_26_community_patch_release(neo4j):
    assert re.fullmatch(r"neo4j:5\.26\.\d+-community", neo4j["image"])


def test_browser_and_bolt_ports_on_loopback(neo4j):
    assert sorted(neo4j["ports"]) == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]


def test_healthcheck_uses_a_tool_the_image_has(neo4j):
    check = neo4j["healthcheck"]
    assert check["test"][0] == "CMD-SHELL"
    assert "wget" in check["test"][1] and "curl" not in check["test"][1]
    assert "localhost:7474" in check["test"][1]
    assert check["retries"] >= 10


def test_volumes_for_data_logs_and_import(neo4j):
    assert {v.split(":")[1] for v in neo4j["volumes"]} == {"/data", "/logs", "/import"}


def test_password_comes_from_the_environment_only(neo4j):
    assert neo4j["environment"]["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD:?")
    example = (ROOT / ".env.example").read_text()
    assert re.search(r"^NEO4J_PASSWORD=$", example, re.M)
    assert ".env" in (ROOT / ".gitignore").read_text().split()


def test_browser_opens_the_served_guide(neo4j):
    env = neo4j["environment"]
    assert env["NEO4J_browser_post__connect__cmd"] == "play http://localhost:8001/dipgraph.html"
    assert env["NEO4J_browser_remote__content__hostname__whitelist"] == "localhost"


def test_the_guide_url_is_what_browser_serve_serves():
    from dipgraph.cypher.browser import make_server

    server = make_server("127.0.0.1", 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
        from click.testing import CliRunner

        from dipgraph.cli import cli

        help_text = CliRunner().invoke(cli, ["browser", "serve", "--help"]).stdout
        assert "--port INTEGER" in help_text and "[default: 8001]" in help_text
    finally:
        server.server_close()
