"""Bad UTF-8 in an unquoted survey, whose lines are read as bytes and decoded a batch at a time: still one clear
error naming the bad byte's offset in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from offercheck.market.survey.build import build_benchmarks
from offercheck.market.survey.read import SurveyFormatError, read_survey

HEADER = b"title,years,salary\n"
GOOD = b"Data Scientist,4,100000\n"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_bad_byte_in_a_row(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "s.csv"
    # The bad byte follows the BOM, the header, 40 good rows and "Data " (offset counted by hand; Python's
    # utf-8-sig decoder counts from after the BOM).
    path.write_bytes(bom + HEADER + GOOD * 40 + b"Data \xffScientist,4,90000\n")
    offset = len(HEADER) + 40 * len(GOOD) + len(b"Data ")
    mapping = {"role": "title", "years": "years", "base": "salary"}
    message = f"{path}: not a UTF-8 text file (invalid start byte at byte {offset})"
    with pytest.raises(SurveyFormatError) as read:
        read_survey(path, mapping=mapping)
    assert str(read.value) == message
    with pytest.raises(SurveyFormatError) as built:
        build_benchmarks(path, name="s", mapping=mapping)
    assert str(built.value) == message


def test_bad_byte_in_the_header(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(b"ti\xfftle,years,salary\n" + GOOD)
    with pytest.raises(SurveyFormatError, match=r"not a UTF-8 text file \(invalid start byte at byte 2\)"):
        read_survey(path, mapping={"role": "title", "years": "years", "base": "salary"})
