from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _this_plugin_only(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Load pay_range and no other installed plugin; keep offercheck's data cache out of the user's home."""
    monkeypatch.setenv("OFFERCHECK_LOAD_PLUGINS", "pay_range")
    monkeypatch.setenv("OFFERCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "offercheck-cache"))
