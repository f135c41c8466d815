"""The one place-name normaliser, close-match suggestions, and the error for a place that cannot be read."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["UnknownPlace", "close", "norm"]

# Letters NFKD leaves whole: spelled out so that "Gießen" is "giessen", not "gieen".
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l",
                          "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH"})
_PREFIXES = {"saint": "st", "ft": "fort", "mt": "mount"}


class UnknownPlace(ValueError):
    """A place that cannot be resolved; the message suggests close matches."""

    def __init__(self, message: str, candidates: Iterable[str] = ()) -> None:
        self.candidates = tuple(candidates)
        if self.candidates:
            # '; ' because candidates such as 'Springfield, IL' contain commas themselves.
            message = f"{message}; did you mean {'; '.join(self.candidates)}?"
        super().__init__(message)


def norm(text: str) -> str:
    """A place name folded for lookups: 'St. Louis', 'saint louis', 'ST LOUIS' are 'st louis'.

    Case, accents and punctuation go; apostrophes and the dots of initials join ('D.C.' is 'dc', "Coeur d'Alene"
    'coeur dalene'); a leading 'Saint', 'Ft', 'Mt' before a name is 'st', 'fort', 'mount' (alone, 'MT' stays).
    """
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"['`\u2019]", "", text.lower())
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", text)
    return re.sub(r"\b(saint|ft|mt) (?=[a-z0-9])", lambda m: _PREFIXES[m[1]] + " ", text)


def close(word: str, options: Iterable[str], n: int = 3) -> list[str]:
    """The options closest to ``word`` (difflib, cutoff 0.6), best first."""
    import difflib  # only on a miss: not paid at start-up
    return difflib.get_close_matches(word, list(options), n=n, cutoff=0.6)
