"""The library's arguments are checked, each a clean ``ArgumentError`` naming it (issue 27 item 15, api part).

``compare(load_offers(["x.toml"]), years=2000)`` raised a raw OverflowError; ``load_offers("a.toml")`` read the
string as the paths "a", ".", "t", ... and reported "no such file" once per character; a number where a path or
a list belongs was a raw TypeError. ``load_offers`` refuses a bare string (a list of paths is what it takes; one
file is ``load_offer``), and the horizon is at most 100 years (``leave_after`` at most 1,200 months).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import offercheck
from offercheck import api
from offercheck.errors import ArgumentError, OfferFileErrors
from offercheck.offer.loading import load_current, load_offer, load_offers, load_profile
from tests.conftest import EXAMPLES

OFFER = str(EXAMPLES / "startup-nyc.toml")


def _offer_with_raise(tmp_path: Path) -> str:
    path = tmp_path / "raise.toml"
    path.write_text('[offer]\ncompany = "A"\n[salary]\nbase = 150000\nannual_raise_percent = 50\n', encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"years": 2000}, "years: 2,000 is too long: at most 100 years"),
    ({"years": 10**6}, "years: 1,000,000 is too long: at most 100 years"),
    ({"years": True}, "years: must be a whole number, got True"),
    ({"years": 0}, "years: must be at least 1, got 0"),
    ({"leave_after": 10**9}, "leave_after: 1,000,000,000 is too long: at most 1,200 months"),
    ({"benchmarks": 5}, "benchmarks: must be the path of a file or a BenchmarkSet, got 5"),
    ({"benchmarks": b"bench.toml"}, "benchmarks: must be the path of a file or a BenchmarkSet, got b'bench.toml'"),
    ({"profile": 5}, "profile: must be the path of a file or a Candidate, got 5"),
    ({"without": [5]}, "without: must be a list of plugin names, got [5]"),
    ({"without": None}, "without: must be a list of plugin names, got None"),
    ({"plugins_dirs": [5]}, "plugins_dirs: must be a list of directories, got [5]"),
    ({"plugins_dirs": None}, "plugins_dirs: must be a list of directories, got None"),
    ({"pm": 5}, "pm: must be a pluggy.PluginManager (offercheck.plugins.manager.get_plugin_manager), got int"),
], ids=lambda x: str(x)[:40])
@pytest.mark.parametrize("function", ["compare", "negotiate"])
def test_bad_arguments_are_argument_errors(tmp_path: Path, kwargs: dict[str, Any], message: str,
                                           function: str) -> None:
    offers = offercheck.load_offers([_offer_with_raise(tmp_path)])
    with pytest.raises(ArgumentError) as info:
        if function == "compare":
            api.compare(offers, **kwargs)
        else:
            api.negotiate(offers[0], **kwargs)
    assert str(info.value) == message


def test_the_issue_example(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^years: 2,000 is too long"):
        offercheck.compare(offercheck.load_offers([_offer_with_raise(tmp_path)]), years=2000)
    with pytest.raises(ValueError, match=r"^years: 2,000 is too long"):
        api.evaluate(offercheck.load_offers([_offer_with_raise(tmp_path)])[0], years=2000)
    assert len(offercheck.compare([OFFER], years=100, market=False).evaluations[0].years) == 100


def test_load_offers_refuses_one_string() -> None:
    for one in ("a.toml", Path("a.toml"), b"a.toml"):
        with pytest.raises(ArgumentError, match=r"^paths: must be a list of offer files, e\.g\. "
                                                r"load_offers\(\['a\.toml'\]\), got .*; for one file, use load_offer$"):
            load_offers(one)  # type: ignore[arg-type]
    assert [o.path for o in load_offers([OFFER])] == [OFFER]
    assert [o.path for o in load_offers(iter([OFFER]))] == [OFFER]  # any iterable of paths


@pytest.mark.parametrize("bad", [5, None, b"a.toml", ["a.toml"]])
@pytest.mark.parametrize("function", [load_offer, load_current, load_profile])
def test_one_file_loaders_take_a_path(bad: object, function: Any) -> None:
    with pytest.raises(ArgumentError, match=r"^path: must be the path of a file \(a str or a pathlib\.Path\), got "):
        function(bad)


def test_load_offers_names_the_item_that_is_no_path() -> None:
    with pytest.raises(ArgumentError, match=r"^paths\[1\]: must be the path of a file"):
        load_offers([OFFER, 5])  # type: ignore[list-item]


def test_an_empty_file_name_is_that_file_s_problem() -> None:
    with pytest.raises(OfferFileErrors) as info:
        load_offers([OFFER, ""])
    assert str(info.value) == "'': empty file name"
