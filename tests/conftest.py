from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture
def seed_000() -> Path:
    return ROOT / "seeds" / "000_cfa7fe55d91506c5.txt"


@pytest.fixture
def seed_003() -> Path:
    return ROOT / "seeds" / "003_69f7e5b1796ec52c.txt"
