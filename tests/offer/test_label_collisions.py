"""Labels that collide (issue 27 item 3): a label another file asks for is never handed to a different offer.

The rule (DESIGN.md section 2, ``offer.labels.disambiguate_labels``): an offer asks for its ``label``, else its
company. A label one offer alone asks for is kept. Offers asking for the same label (ignoring case and spacing)
are each labelled by the first of: their file's stem, the path as given, ``stem (2)``, ``stem (3)``, ... that no
other file asks for and no offer was given.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from offercheck.offer.loading import load_offers
from offercheck.offer.models import Offer


def _offer(directory: Path, name: str, company: str, label: str | None, base: int) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f'[offer]\ncompany = "{company}"\n' + (f'label = "{label}"\n' if label is not None else "")
    path.write_text(text + f"[salary]\nbase = {base}\n", encoding="utf-8")
    return path


def _labels(paths: list[Path]) -> dict[str, str]:
    """File name -> label."""
    return {Path(o.path or "").name: o.label for o in load_offers(paths)}


def test_the_issue_example(tmp_path: Path) -> None:
    # Meta.toml is labelled "Google" (as is google-l5.toml); offer3.toml is labelled "Meta". Before, Meta.toml
    # was given its stem "Meta", offer3's own label, and offer3 became "Meta (2)".
    meta = _offer(tmp_path, "Meta.toml", "Meta", "Google", 100_000)
    google = _offer(tmp_path, "google-l5.toml", "Google", "Google", 200_000)
    other = _offer(tmp_path, "offer3.toml", "Other", "Meta", 150_000)
    offers = load_offers([meta, google, other])
    assert [(o.label, o.salary.base) for o in offers] == [("Meta.toml", 100_000), ("google-l5", 200_000),
                                                           ("Meta", 150_000)]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_every_order_of_the_issue_example(tmp_path: Path, order: tuple[int, ...]) -> None:
    files = [_offer(tmp_path, "Meta.toml", "Meta", "Google", 100_000),
             _offer(tmp_path, "google-l5.toml", "Google", "Google", 200_000),
             _offer(tmp_path, "offer3.toml", "Other", "Meta", 150_000)]
    got = _labels([files[i] for i in order])
    assert got == {"Meta.toml": "Meta.toml", "google-l5.toml": "google-l5", "offer3.toml": "Meta"}


@pytest.mark.parametrize(("files", "expected"), [
    # A company is the label asked for when none is given: Acme.toml's stem is what other.toml asks for.
    ([("Acme.toml", "Acme", None), ("other.toml", "Acme", None), ("x.toml", "X", "acme.toml")],
     {"Acme.toml": "Acme (2)", "other.toml": "other", "x.toml": "acme.toml"}),
    # Case and spacing do not tell labels apart: "google " and "Google" collide, and neither stem is taken.
    ([("a.toml", "A", "google "), ("b.toml", "B", "Google")], {"a.toml": "a", "b.toml": "b"}),
    # A stem that is another offer's label, ignoring case: the path instead.
    ([("meta.toml", "M", "Dup"), ("n.toml", "N", "Dup"), ("o.toml", "O", "META")],
     {"meta.toml": "meta.toml", "n.toml": "n", "o.toml": "META"}),
    # Labels that do not collide are kept, even where one equals another file's stem.
    ([("google.toml", "Meta", None), ("meta.toml", "Google", None)], {"google.toml": "Meta", "meta.toml": "Google"}),
    # Stem and name both asked for by other files: numbered, skipping a number another file asks for.
    ([("a.toml", "Same", None), ("b.toml", "Same", None), ("c.toml", "C", "a"), ("d.toml", "D", "a.toml"),
      ("e.toml", "E", "a (2)")], {"a.toml": "a (3)", "b.toml": "b", "c.toml": "a", "d.toml": "a.toml",
                                  "e.toml": "a (2)"}),
])
def test_collision_permutations(tmp_path: Path, files: list[tuple[str, str, str | None]],
                                expected: dict[str, str]) -> None:
    paths = [_offer(tmp_path, name, company, label, 100_000) for name, company, label in files]
    # Written relative to tmp_path, so "the path as given" is the file name.
    import os

    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        got = _labels([Path(p.name) for p in paths])
    finally:
        os.chdir(before)
    assert got == expected


def test_same_stem_in_two_folders_and_the_same_file_twice(tmp_path: Path) -> None:
    a = _offer(tmp_path / "a", "offer.toml", "Acme", None, 1)
    b = _offer(tmp_path / "b", "offer.toml", "Acme", None, 2)
    offers = load_offers([a, b, a])
    assert [o.label for o in offers] == [str(a), str(b), f"{a.stem} (2)"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Meta", "Google", "meta", "a", "b", "a (2)", "x.toml"]),
                          st.sampled_from(["Meta", "Google", "a", "b", "c", "x"]),
                          st.one_of(st.none(), st.sampled_from(["Meta", "Google", "a", "a (2)", "b.toml", "META "]))),
                min_size=1, max_size=6))
def test_no_offer_gets_a_label_another_file_asks_for(files: list[tuple[str, str, str | None]]) -> None:
    from offercheck.offer.loading import disambiguate_labels

    offers = []
    for i, (stem, company, label) in enumerate(files):
        o = Offer.model_validate({"offer": {"company": company, **({"label": label} if label else {})},
                                  "salary": {"base": 1}})
        o._path = f"{stem}.toml" if i % 3 else f"d{i}/{stem}.toml"
        offers.append(o)
    out = disambiguate_labels(offers)

    def key(text: str) -> str:
        return " ".join(text.split()).casefold()

    labels = [key(o.label) for o in out]
    assert len(set(labels)) == len(labels), [o.label for o in out]  # every offer told apart
    for i, (before, after) in enumerate(zip(offers, out, strict=True)):
        for j, other in enumerate(offers):
            if other.path != before.path and key(after.label) == key(other.label):
                # Only the offer that asked for a label may have it.
                assert key(after.label) == key(before.label) and i != j, (i, j, [o.label for o in out])
