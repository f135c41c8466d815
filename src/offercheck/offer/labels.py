"""Labels that tell offers apart: the one rule for labels that collide (DESIGN.md section 2)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from offercheck.offer.models import Offer

__all__ = ["disambiguate_labels"]


def _label_key(label: str) -> str:
    """What two labels are compared by: case and spacing do not tell offers apart in a table."""
    return " ".join(label.split()).casefold()


def disambiguate_labels(offers: list[Offer]) -> list[Offer]:
    """Every offer with a label of its own, and never one that another file asks for (DESIGN.md section 2).

    An offer asks for its ``label``, or its company when it has none. A label only one offer asks for is kept.
    Offers asking for the same label (compared ignoring case and spacing) are each labelled instead by the first
    of these that no other file asks for and no offer was given: the file's stem; its name; the path as given
    (the stem and the name count only where no other colliding file has the same: a/offer.toml, b/offer.toml);
    then ``stem (2)``, ``stem (3)``, ... (the same file given twice; an offer not read from a file numbers its
    label from 1). So ``Meta.toml`` labelled "Google" beside ``google-l5.toml`` labelled "Google" and ``offer3.toml``
    labelled "Meta" gives "Meta.toml" (its stem is the label offer3 asks for), "google-l5" and "Meta".
    """
    # Counted once: labels.count() per offer made loading quadratic in the number of offers.
    uses = Counter(_label_key(o.label) for o in offers)
    askers: dict[str, set[object]] = {}  # label -> the files (or offers not read from one) asking for it
    for o in offers:
        askers.setdefault(_label_key(o.label), set()).add(_owner(o))
    # Files of the same name in different folders (a/offer.toml, b/offer.toml) are told apart by their paths.
    paths = {o.path for o in offers if o.path and uses[_label_key(o.label)] > 1}
    stems = Counter(x for p in paths for x in {Path(p).stem, Path(p).name})  # stems and file names, by path
    # label -> the file (or offer) it was given to; the labels kept are theirs from the start
    taken: dict[str, object] = {_label_key(o.label): _owner(o) for o in offers if uses[_label_key(o.label)] == 1}
    out = []
    for offer in offers:
        label = offer.label
        if uses[_label_key(label)] > 1:
            label = _free_label(offer, stems, askers, taken)
        taken[_label_key(label)] = _owner(offer)
        info = offer.offer.model_copy(update={"label": label}) if label != offer.label else offer.offer
        out.append(offer if info is offer.offer else offer.model_copy(update={"offer": info}))
    return out


def _owner(offer: Offer) -> object:
    """Who asks for a label: the file (the same file given twice is one), else the offer itself."""
    return offer.path or id(offer)


def _free_label(offer: Offer, stems: Counter[str], askers: dict[str, set[object]], taken: dict[str, object]) -> str:
    """The label of an offer whose own collides: see :func:`disambiguate_labels`."""
    me = _owner(offer)

    def free(label: str) -> bool:
        key = _label_key(label)
        return bool(label.strip()) and not askers.get(key, set()) - {me} and key not in taken

    path = offer.path
    if path is None:
        base, n = offer.label, 1
    else:
        base, n = Path(path).stem, 2
        again = taken.get(_label_key(base)) == me  # the same file given twice: number the repeats
        if not again:
            for label, unique in ((base, stems[base] == 1), (Path(path).name, stems[Path(path).name] == 1),
                                  (path, True)):
                if unique and free(label):
                    return label
    while not free(f"{base} ({n})"):
        n += 1
    return f"{base} ({n})"
