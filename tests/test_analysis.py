"""actor, network, trade, stats and the briefing, checked against hand-computed numbers."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from rwpk_cli.cli.app import app
from rwpk_cli.render.panels import compressed
from rwpk_cli.render.safe import money, percent
from tests.conftest import Run


def _json(run: Run, *args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- actor ---------------------------------------------------------------------------------------


def test_actor_card_json_on_the_bundled_log(run: Run) -> None:
    assert _json(run, "actor", "Akram") == {
        "id": "akram",
        "name": "Munir Akram",
        "country": "PK",
        "aliases": ["Akram", "Ambassador Munir Akram"],
        "roles": [
            {"title": "Permanent Representative of Pakistan to the United Nations", "since": "2002", "until": "2008"},
            {
                "title": "Permanent Representative of Pakistan to the United Nations",
                "since": "2019-11-05",
                "until": "2025-03-30",
            },
        ],
        "events": 1,
        "by_kind": {"meeting": 1},
        "counterparts": [
            {
                "id": "nduhungirehe",
                "name": "Olivier Nduhungirehe",
                "count": 1,
                "first": "2025-01-20",
                "last": "2025-01-20",
                "first_date": "2025-W04",
                "last_date": "2025-W04",
            }
        ],
        "companions": [],
        "timeline": ["nduhungirehe-akram-2025-01"],
    }


def test_actor_card_with_a_tenure_that_ended_before_an_event(run: Run, small_log: Path) -> None:
    card = _json(run, "--file", str(small_log), "actor", "Bruno")
    assert card["roles"] == [{"title": "Envoy", "since": "2019", "until": "2020"}]
    assert card["by_kind"] == {"meeting": 1, "visit": 1}
    assert card["counterparts"] == [
        {
            "id": "alpha",
            "name": "Ada Alpha",
            "count": 2,
            "first": "2020-05-04",
            "last": "2021-08-01",
            "first_date": "2020-05-04",
            "last_date": "2021-08",
        },
        {
            "id": None,
            "name": "A Stranger",
            "count": 1,
            "first": "2021-08-01",
            "last": "2021-08-01",
            "first_date": "2021-08",
            "last_date": "2021-08",
        },
    ]
    table = run("--file", str(small_log), "actor", "beta").stdout
    assert "Envoy" in table
    assert "2019 – 2020" in table
    assert "Aug 2021" in table


def test_actor_with_no_roles(run: Run, small_log: Path) -> None:
    card = _json(run, "--file", str(small_log), "actor", "gamma")
    assert (card["roles"], card["events"], card["by_kind"]) == ([], 2, {"call": 1, "statement": 1})
    assert "No roles recorded." in run("--file", str(small_log), "actor", "gamma").stdout
    assert "*No roles recorded.*" in run("--file", str(small_log), "actor", "gamma", "--format", "md").stdout


def test_actor_card_table_and_markdown(run: Run) -> None:
    table = run("actor", "Nduhungirehe")
    assert table.exit_code == 0
    expected = [
        "Olivier Nduhungirehe", "also: Nduhungirehe", "Minister of State", "Sep 2017 – Apr 2020",
        "Events by kind", "Counterparts", "Munir Akram", "2 events, 1 of them meetings or visits",
    ]  # fmt: skip
    assert [text for text in expected if text not in table.stdout] == []
    md = run("actor", "Nduhungirehe", "--format", "md").stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Olivier Nduhungirehe (RW)", "Roles", "Events by kind", "Counterparts", "Events"]
    assert "```mermaid\ngantt\n" in md
    assert "    #77;inister of State :2017-09-01, 2020-04-30\n" in md


def test_actor_unknown_and_ambiguous(run: Run) -> None:
    unknown = run("actor", "Akramm")
    assert unknown.exit_code == 2
    assert "Did you mean 'Munir Akram'?" in unknown.stderr


# --- network -------------------------------------------------------------------------------------


def test_network_json_strongest_first(run: Run) -> None:
    links = _json(run, "network")
    pairs = [(link["a"]["id"], link["b"]["id"], link["events"], link["last"], link["cross_border"]) for link in links]
    assert pairs == [
        ("hamid-asghar-khan", "mukeka", 2, "2025-01-20", True),
        ("akram", "nduhungirehe", 1, "2025-01-20", True),  # the week of 20 Jan ends last: the most recent
        ("marizamunda", "muneer-ud-din", 1, "2025-01-20", True),
        ("marizamunda", "nyakarundi", 1, "2025-01-20", False),
        ("muneer-ud-din", "nyakarundi", 1, "2025-01-20", True),
        ("jilani", "muganga", 1, "2024-01-03", True),
        ("mirza", "muganga", 1, "2024-01-03", True),
    ]


def test_network_filters(run: Run) -> None:
    assert [(x["a"]["id"], x["b"]["id"]) for x in _json(run, "network", "--until", "2024")] == [
        ("jilani", "muganga"),
        ("mirza", "muganga"),
    ]


_NODE = re.compile(r'^  n\d+\["[^"\n]*"\]$')
_EDGE = re.compile(r'^  (n\d+) (?:-- "\d+" ---|== "\d+" ===) (n\d+)$')


def _check_mermaid_graph(text: str) -> None:
    lines = text.rstrip("\n").split("\n")
    assert lines[0] == "graph LR"
    nodes = {line.split("[")[0].strip() for line in lines[1:] if _NODE.match(line)}
    edges = [_EDGE.match(line) for line in lines[1:] if not _NODE.match(line)]
    assert all(edges), [line for line in lines if not (_NODE.match(line) or _EDGE.match(line))]
    assert {m.group(i) for m in edges if m for i in (1, 2)} <= nodes


def test_network_mermaid_syntax(run: Run, tmp_path: Path) -> None:
    text = run("network", "--format", "mermaid").stdout
    _check_mermaid_graph(text)
    assert '  n0["Hamid Asghar Khan (PK)"]' in text
    assert '  n0 == "2" === n1' in text  # cross-border: thick
    assert '  n4 -- "1" --- n6' in text  # same country: plain
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(
        '[actor.a]\nname = "A \\"quoted\\" ]] --> #x <b>"\n[actor.b]\nname = "B|`c`"\n'
        '[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "T"\nparticipants = ["a", "b"]\n',
        encoding="utf-8",
    )
    hostile_text = run("--file", str(hostile), "network", "--format", "mermaid").stdout
    _check_mermaid_graph(hostile_text)
    assert '"A #quot;quoted#quot; ]] --#gt; #35;x #lt;b#gt;"' in hostile_text


def _dot_or_skip() -> str:
    found = shutil.which("dot")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but Graphviz is not installed; .ci/run installs Debian's graphviz")
        pytest.skip("Graphviz 'dot' is not installed (apt-get install graphviz); CI checks the DOT output with it")
    return found


def test_network_dot_is_valid_graphviz(run: Run, tmp_path: Path) -> None:
    dot = _dot_or_skip()
    text = run("network", "--format", "dot").stdout
    assert text.startswith('graph "Rwanda–Pakistan relations" {\n')
    assert '"hamid-asghar-khan" -- "mukeka" [label="2", penwidth=3, style=bold];' in text
    rendered = subprocess.run([dot, "-Tsvg"], input=text, capture_output=True, text=True, check=False)
    assert rendered.returncode == 0, rendered.stderr
    assert "<svg" in rendered.stdout
    assert "Clementine Mukeka (RW)" in rendered.stdout
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(
        '[log]\ntitle = "q\\" } graph x {"\n[actor.a]\nname = "A \\\\\\" -- b"\n[actor.b]\nname = "B\\nnewline"\n'
        '[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "T"\nparticipants = ["a", "b"]\n',
        encoding="utf-8",
    )
    hostile_dot = run("--file", str(hostile), "network", "--format", "dot").stdout
    checked = subprocess.run([dot, "-Tplain"], input=hostile_dot, capture_output=True, text=True, check=False)
    assert checked.returncode == 0, (hostile_dot, checked.stderr)
    assert checked.stdout.count("\nnode ") == 2


# --- trade ---------------------------------------------------------------------------------------


def test_trade_json_with_balances(run: Run) -> None:
    assert _json(run, "trade") == [
        {"year": 2022, "from": "PK", "to": "RW", "value_usd": 47_600_000,
         "goods": {"rice": 44_400_000}, "other_goods": ["alcoholic beverages", "medicine"], "balance_usd": 12_900_000,
         "balance": "PK surplus $12.9M"},
        {"year": 2022, "from": "RW", "to": "PK", "value_usd": 34_700_000,
         "goods": {"tea": 31_400_000, "coffee": 3_250_000}, "other_goods": [], "balance_usd": -12_900_000,
         "balance": "RW deficit $12.9M"},
    ]  # fmt: skip


def test_trade_filters_and_a_year_with_one_direction(run: Run, small_log: Path) -> None:
    assert [(t["from"], t["to"]) for t in _json(run, "trade", "--from", "rw")] == [("RW", "PK")]
    assert _json(run, "trade", "--year", "2021") == []
    single = _json(run, "--file", str(small_log), "trade")
    assert single == [
        {
            "year": 2021,
            "from": "AA",
            "to": "BB",
            "value_usd": 1_000_000,
            "goods": {"wheat": 600_000},
            "other_goods": [],
            "balance_usd": None,
            "balance": None,
        }
    ]
    table = run("--file", str(small_log), "trade", "--format", "table").stdout
    assert "wheat $600K (60%)" in table
    assert "not recorded" in table


def test_trade_table_csv_and_markdown(run: Run) -> None:
    table = run("trade", "--format", "table").stdout
    for text in (
        "$47.6M",
        "$34.7M",
        "rice $44.4M (93%)",
        "tea $31.4M (90%)",
        "coffee $3.25M (9%)",
        "also alcoholic beverages, medicine",
        "PK surplus $12.9M",
        "RW deficit $12.9M",
    ):
        assert text in " ".join(table.split())
    assert "█" in table
    csv_text = run("trade", "--format", "csv").stdout
    assert csv_text.splitlines() == [  # a number is no formula: the negative balance stays a number
        "year,from,to,value_usd,goods,other_goods,balance_usd,balance",
        "2022,PK,RW,47600000,rice=44400000,alcoholic beverages; medicine,12900000,PK surplus $12.9M",
        "2022,RW,PK,34700000,tea=31400000; coffee=3250000,,-12900000,RW deficit $12.9M",
    ]
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert [int(r["balance_usd"]) for r in rows] == [12_900_000, -12_900_000]
    md = run("trade", "--format", "md").stdout
    assert "| 2022 | RW → PK | \\$34.7M | tea \\$31.4M (90%); coffee \\$3.25M (9%) | RW deficit \\$12.9M |" in md


def test_trade_csv_defuses_text_but_not_numbers_and_raw_leaves_text(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "trade.toml"
    path.write_text(
        '[[trade]]\nyear = 2020\nfrom = "AA"\nto = "BB"\nvalue_usd = 10\ngoods = { "=cmd()" = 4 }\n'
        '[[trade]]\nyear = 2020\nfrom = "BB"\nto = "AA"\nvalue_usd = 30\n',
        encoding="utf-8",
    )
    rows = run("--file", str(path), "trade", "--format", "csv").stdout.splitlines()
    assert rows[1:] == ["2020,AA,BB,10,'=cmd()=4,,-20,AA deficit $20", "2020,BB,AA,30,,,20,BB surplus $20"]
    raw = run("--file", str(path), "trade", "--format", "csv", "--raw").stdout.splitlines()
    assert raw[1] == "2020,AA,BB,10,=cmd()=4,,-20,AA deficit $20"


@pytest.mark.parametrize(
    ("share", "text"),
    [(0.93, "93%"), (0.996, "99.6%"), (0.9996, "99.9%"), (1.0, "100%"), (0.004, "0.4%"), (0.0001, "<0.1%"),
     (0.0, "0%"), (0.5, "50%")],
)  # fmt: skip
def test_a_share_never_claims_all_or_nothing_when_it_is_not(share: float, text: str) -> None:
    assert percent(share) == text


def test_trade_warns_when_goods_exceed_the_total(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "over.toml"
    path.write_text(
        '[[trade]]\nyear = 2020\nfrom = "AA"\nto = "BB"\nvalue_usd = 10\ngoods = { x = 8, y = 5 }\n', encoding="utf-8"
    )
    result = run("--file", str(path), "trade", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == f"{path}:1: warning: trade 2020 AA→BB: the goods add up to more than the total\n"


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (34_700_000, "$34.7M"),
        (3_250_000, "$3.25M"),
        (950_000, "$950K"),
        (1_200_000_000, "$1.2B"),
        (512, "$512"),
        (-12_900_000, "-$12.9M"),
    ],
)
def test_money(amount: int, text: str) -> None:
    assert money(amount) == text


# --- stats ---------------------------------------------------------------------------------------


def test_stats_json_on_the_bundled_log(run: Run) -> None:
    stats = _json(run, "stats")
    assert stats["total"] == 12
    assert {k: v for k, v in stats["periods"].items() if v} == {"1962": 1, "2024": 3, "2025": 8}
    assert len(stats["periods"]) == 2025 - 1962 + 1
    assert stats["by_kind"] == {"meeting": 4, "visit": 3, "statement": 2, "other": 1, "agreement": 1, "consultation": 1}
    assert stats["by_country_pair"] == {"PK–RW": 6}
    assert stats["by_place"] == {"Kigali": 5, "Islamabad": 3, "New York": 3}
    assert stats["busiest"] == [
        {"period": "2025", "events": 8},
        {"period": "2024", "events": 3},
        {"period": "1962", "events": 1},
    ]
    assert stats["gaps"][0] == {
        "days": (date(2024, 1, 3) - date(1962, 7, 31)).days,
        "approximate": False,
        "after": "relations-established",
        "before": "muganga-jilani-2024-01-03",
        "from": "1962-07-31",
        "to": "2024-01-03",
    }
    assert stats["gaps"][1]["days"] == (date(2025, 1, 20) - date(2024, 1, 3)).days


def test_stats_by_month_and_filters(run: Run) -> None:
    stats = _json(run, "stats", "--by", "month", "--since", "2024")
    assert stats["by"] == "month"
    assert stats["periods"]["2024-01"] == 3
    assert stats["periods"]["2025-01"] == 8
    assert len(stats["periods"]) == 13
    bad = run("stats", "--by", "week")
    assert bad.exit_code == 2


def test_stats_table_folds_empty_years(run: Run) -> None:
    out = run("stats").stdout
    assert "1963–2023" in out
    assert "no events" in out
    assert "Busiest: 2025 (8), 2024 (3), 1962 (1)" in out


def test_compressed() -> None:
    periods = [("a", 1), ("b", 0), ("c", 0), ("d", 0), ("e", 2), ("f", 0), ("g", 3)]
    assert compressed(periods) == [("a", 1), ("b–d", 0), ("e", 2), ("f", 0), ("g", 3)]


# --- the briefing --------------------------------------------------------------------------------


def test_export_with_every_section_is_a_complete_briefing(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    result = run("export", "--with", "actors,network,trade,stats", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    h2 = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert h2 == ["1962", "2024", "2025", "Actors", "Network", "Trade flows", "Activity", "Sources"]
    fences = [t for t in tokens if t.type == "fence"]
    assert [t.info for t in fences] == ["mermaid", "mermaid"]
    _check_mermaid_graph(fences[0].content)
    assert fences[1].content.startswith("xychart-beta\n")
    assert 'x-axis ["1962", "1963–2023", "2024", "2025"]' in fences[1].content
    assert "bar [1, 0, 3, 8]" in fences[1].content
    assert "## Trade figures" not in text  # the richer trade section replaces the plain table


def test_with_is_checked(run: Run) -> None:
    unknown = run("export", "--with", "actors,gossip")
    assert unknown.exit_code == 2
    assert "--with: unknown section gossip; choose from actors, network, trade, stats" in unknown.stderr
    wrong_format = run("export", "--with", "actors", "--format", "csv")
    assert wrong_format.exit_code == 2
    assert "does not apply to --format csv" in wrong_format.stderr


# --- shell completion ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("rwpk meetings nduh", ["nduhungirehe"]),
        ("rwpk actor muga", ["muganga"]),
        ("rwpk timeline --official Mu", ["Muganga", "Mukeka", "Muneer-ud-Din"]),  # aliases, no fragments
        ("rwpk actor A", ["Akram"]),
        ("rwpk actor Mi", []),  # not "Mission", a word of a name
        ("rwpk actor N", ["Nduhungirehe", "Nyakarundi"]),
        ("rwpk timeline --tag counter", ["counterterrorism"]),
        ("rwpk timeline --kind cons", ["consultation"]),
        ("rwpk add --source ktpress-2025-01-", ["ktpress-2025-01-21"]),
    ],
)
def test_completion_from_the_log_in_use(words: str, expected: list[str]) -> None:
    env = {"_RWPK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    result = CliRunner().invoke(app, [], env=env, prog_name="rwpk")
    assert result.stdout.split() == expected


def test_completion_offers_nothing_a_terminal_would_act_on(tmp_path: Path) -> None:
    log = tmp_path / "osc.toml"
    log.write_text('[actor.evil]\nname = "Ev\\u001b]52;c;cm0gLXJmIH4=\\u0007il Person"\n'
                   '[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "T"\nparticipants = ["evil"]\n')  # fmt: skip
    env = {"_RWPK_COMPLETE": "complete_bash", "COMP_WORDS": "rwpk actor ", "COMP_CWORD": "2", "RWPK_FILE": str(log)}
    result = CliRunner().invoke(app, [], env=env, prog_name="rwpk")
    assert result.stdout.split() == ["evil"]  # the name holding an escape sequence is not offered


def test_zsh_completion_offers_full_names_with_their_actors() -> None:
    env = {"_RWPK_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "rwpk meetings Mu"}
    result = CliRunner().invoke(app, [], env=env, prog_name="rwpk")
    assert '"Mubarakh Muganga":"Mubarakh Muganga"' in result.stdout
    assert '"Munir Akram":"Munir Akram"' in result.stdout
    assert '"Mukeka":"Clementine Mukeka"' in result.stdout  # an alias, with the actor it names
    assert '"Mubarakh":' not in result.stdout


VIEW_FILES = [
    (["actors"], ["csv", "md", "json", "txt"]),
    (["actor", "Akram"], ["md", "json", "txt"]),
    (["network"], ["csv", "md", "json", "txt", "mmd", "dot"]),
    (["trade"], ["csv", "md", "json", "txt"]),
    (["stats"], ["csv", "md", "json", "txt"]),
]


@pytest.mark.parametrize(("command", "extensions"), VIEW_FILES, ids=lambda v: " ".join(v) if v else "")
def test_every_view_can_be_saved_in_each_format_it_suits(
    run: Run, tmp_path: Path, command: list[str], extensions: list[str]
) -> None:
    import csv
    import io
    import json

    import pandas
    from markdown_it import MarkdownIt

    for extension in extensions:
        target = tmp_path / f"{command[0]}.{extension}"
        result = run(*command, "-o", str(target))
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        assert result.stderr == f"rwpk: wrote {target}\n"
        text = target.read_text(encoding="utf-8")
        if extension == "csv":
            rows = list(csv.DictReader(io.StringIO(text, newline="")))
            assert rows
            frame = pandas.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
            assert list(frame.columns) == list(rows[0])
            assert len(frame) == len(rows)
        elif extension == "md":
            tokens = MarkdownIt("commonmark").enable("table").parse(text)
            assert any(t.type == "heading_open" for t in tokens)
            assert any(t.type in ("table_open", "bullet_list_open", "fence") for t in tokens)
        elif extension == "json":
            assert json.loads(text)
        elif extension == "txt":
            assert text.strip()
            assert all(line == line.rstrip() for line in text.splitlines())  # no padding to the width
    assert run(*command, "-o", str(tmp_path / "x.pdf")).exit_code == 2


def test_the_network_csv_is_an_edge_list_gephi_reads(run: Run) -> None:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run("network", "--format", "csv").stdout_bytes.decode(), newline="")))
    first = rows[0]
    assert (first["Source"], first["Target"], first["Type"], first["Weight"]) == (
        "hamid-asghar-khan", "mukeka", "Undirected", "2",
    )  # fmt: skip
    assert first["cross_border"] == "true"
    assert {r["Source"] for r in rows} | {r["Target"] for r in rows} >= {"akram", "nduhungirehe"}


def test_stats_csv_gives_every_number_once(run: Run) -> None:
    import csv
    import io
    import json

    rows = list(csv.DictReader(io.StringIO(run("stats", "--format", "csv").stdout_bytes.decode(), newline="")))
    data = json.loads(run("stats", "--format", "json").stdout)
    assert [r["value"] for r in rows if r["measure"] == "total"] == [str(data["total"])]
    assert {r["key"]: int(r["value"]) for r in rows if r["measure"] == "kind"} == data["by_kind"]
    assert [int(r["value"]) for r in rows if r["measure"] == "gap_days"] == [g["days"] for g in data["gaps"]]


def test_completion_never_splits_a_candidate_at_a_newline_or_tab(tmp_path: Path) -> None:
    log = tmp_path / "lines.toml"
    log.write_text('[actor.ok]\nname = "Okay"\naliases = ["n\\nl", "t\\tab"]\n'
                   '[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "T"\ntags = ["x\\ny"]\n')  # fmt: skip
    for words, cword in (("rwpk actor ", "2"), ("rwpk timeline --tag ", "3")):
        env = {"_RWPK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword, "RWPK_FILE": str(log)}
        out = CliRunner().invoke(app, [], env=env, prog_name="rwpk").stdout
        assert "\t" not in out
        assert [c for c in out.splitlines() if c in ("n", "l", "x", "y")] == []
