"""Place names as people write them in offer files: country names and codes, US city nicknames and suburbs.

One table each, shared by the rooms that read places (tax, real terms, the location factor). Keys are in
``norm_place`` form.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["CITY_ALIASES", "COUNTRY_ALIASES", "country_code", "norm_place"]

# City aliases -> 2020-vintage CBSA code. Only names that plain principal-city matching would miss or
# get wrong (nicknames, boroughs, suburbs, ambiguous names with an obvious tech-hub reading).
CITY_ALIASES: dict[str, str] = {
    # San Francisco-Oakland-Berkeley, CA
    "sf": "41860", "san fran": "41860", "bay area": "41860", "sf bay area": "41860",
    "san francisco bay area": "41860", "menlo park": "41860", "redwood city": "41860",
    "san mateo": "41860", "south san francisco": "41860", "emeryville": "41860",
    # San Jose-Sunnyvale-Santa Clara, CA
    "silicon valley": "41940", "palo alto": "41940", "mountain view": "41940", "cupertino": "41940",
    "los gatos": "41940", "milpitas": "41940",
    # New York-Newark-Jersey City, NY-NJ-PA
    "nyc": "35620", "new york city": "35620", "manhattan": "35620", "brooklyn": "35620",
    "queens": "35620", "bronx": "35620", "the bronx": "35620", "staten island": "35620",
    "hoboken": "35620",
    # Los Angeles-Long Beach-Anaheim, CA
    "la": "31080", "santa monica": "31080", "pasadena": "31080", "irvine": "31080",
    "culver city": "31080", "burbank": "31080",
    # Seattle-Tacoma-Bellevue, WA
    "redmond": "42660", "kirkland": "42660", "everett": "42660",
    # Boston-Cambridge-Newton, MA-NH
    "cambridge": "14460", "somerville": "14460", "waltham": "14460",
    # Washington-Arlington-Alexandria, DC-VA-MD-WV
    "dc": "47900", "d c": "47900", "washington": "47900", "washington dc": "47900",
    "washington d c": "47900", "bethesda": "47900", "reston": "47900", "mclean": "47900",
    "tysons": "47900",
    # Chicago-Naperville-Elgin, IL-IN-WI
    "chi": "16980", "evanston": "16980",
    # Denver-Aurora-Lakewood, CO
    "boulder county": "14500",
    # Atlanta-Sandy Springs-Alpharetta, GA
    "atl": "12060",
    # Dallas-Fort Worth-Arlington, TX
    "dfw": "19100", "plano": "19100", "irving": "19100", "frisco": "19100",
    # others with nicknames or ambiguous principal-city names
    "philly": "37980", "honolulu": "46520", "slc": "41620", "nola": "35380", "vegas": "29820",
    "twin cities": "33460", "st paul": "33460", "research triangle": "39580", "rtp": "20500",
    "portland": "38900", "cleveland": "17460", "columbus": "18140", "albany": "10580",
    "kansas city": "28140", "scottsdale": "38060", "tempe": "38060", "boise": "14260",
}  # fmt: skip

COUNTRY_ALIASES = {
    "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "usa": "US", "us": "US", "u s": "US", "u s a": "US", "america": "US",
    "united states of america": "US", "can": "CA", "deu": "DE", "holland": "NL", "korea": "KR",
    "republic of korea": "KR",
    "turkey": "TR", "czech republic": "CZ", "uae": "AE", "hong kong": "HK", "macau": "MO", "macao": "MO",
    "russia": "RU", "vietnam": "VN", "ivory coast": "CI", "swaziland": "SZ", "burma": "MM",
}  # fmt: skip


def norm_place(text: str) -> str:
    """Fold case, accents and punctuation so 'St. Louis', 'saint louis' and 'ST LOUIS' compare equal."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"^saint\b", "st", text)
    text = re.sub(r"\bft\b", "fort", text)
    return re.sub(r"\s+", " ", text)


def country_code(text: str) -> str:
    """The ISO 3166 alpha-2 code for a code or an alias ('UK', 'USA', 'Britain' -> 'GB'/'US'); else upper case."""
    return COUNTRY_ALIASES.get(norm_place(text), text.strip().upper())
