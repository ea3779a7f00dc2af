"""What qa keeps in the user's cache folder between runs gives the same results as without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from qa import datapacks
from qa.rules import _entry_points_of, entry_points

ROOT = Path(__file__).resolve().parents[1]


def test_a_parsed_data_pack_is_read_back_and_a_changed_one_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pack = tmp_path / "units.yaml"
    pack.write_text("kind: units\nunits:\n  - name: hectare\n    zh: [公顷]\n", encoding="utf-8")
    first = datapacks.load_yaml(pack)
    assert first == {"kind": "units", "units": [{"name": "hectare", "zh": ["公顷"]}]}
    assert len(list((tmp_path / "cache" / "qa" / "packs").glob("*.json"))) == 1
    assert datapacks.load_yaml(pack) == first
    pack.write_text("kind: units\nunits:\n  - name: mu\n    zh: [亩]\n", encoding="utf-8")
    assert datapacks.load_yaml(pack)["units"] == [{"name": "mu", "zh": ["亩"]}]


def test_what_json_cannot_hold_is_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pack = tmp_path / "dated.yaml"
    pack.write_text("kind: check\nsince: 2024-01-02\n", encoding="utf-8")
    assert str(datapacks.load_yaml(pack)["since"]) == "2024-01-02"
    assert not (tmp_path / "cache" / "qa" / "packs").exists()
    assert str(datapacks.load_yaml(pack)["since"]) == "2024-01-02"


def test_a_run_with_cached_packs_does_not_import_yaml(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    seed = str(ROOT / "seeds" / "000_cfa7fe55d91506c5.txt")
    script = (
        "import sys\nfrom qa.cli import main\n"
        f"try:\n    main(['check', {seed!r}, '-f', 'json', '-o', 'out.json', '--fail-on', 'never'])\n"
        "except SystemExit:\n    pass\n"
        "print(json.dumps(sorted(m for m in ('yaml', 'importlib.metadata') if m in sys.modules)))\n"
    )
    command = [sys.executable, "-c", "import json\n" + script]
    runs = [subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=True) for _ in "12"]
    assert json.loads(runs[0].stdout) == ["yaml"]  # the first run parses the packs
    assert json.loads(runs[1].stdout) == []


def test_entry_points_are_read_as_importlib_metadata_reads_them():
    from importlib.metadata import entry_points as metadata_entry_points

    for group in ("console_scripts", "pytest11"):
        expected = sorted((entry.name, entry.value) for entry in metadata_entry_points(group=group))
        assert sorted(entry_points(group)) == expected


def test_entry_points_txt_sections():
    text = "[console_scripts]\nqa = qa.cli:main\n\n[qa.rules]\n# a comment\nhouse = house_rules:DateStyle [extra]\n"
    assert _entry_points_of(text, "qa.rules") == [("house", "house_rules:DateStyle [extra]")]
    assert _entry_points_of(text, "other") == []
