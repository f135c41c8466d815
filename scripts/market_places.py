"""Hand-made place table for build_market.py: suburbs, nicknames and principal cities of multi-state metros.

Principal cities named in single-state metro titles ("Austin-Round Rock-San Marcos, TX") are added by the
build automatically; this table adds what a title does not say. Metro codes are the 2023 OMB delineations BLS
uses for OEWS May 2025 (CBSA codes; the area code is "00" + CBSA). Where a name has several candidates the
DEFAULTS entry says which one a lookup without a state guesses (the one a tech offer most likely means).
"""

from __future__ import annotations

import re

# name|state|CBSA. One line per place; a name may appear under several states.
PLACES = """
san francisco|CA|41860 sf|CA|41860 oakland|CA|41860 berkeley|CA|41860 fremont|CA|41860 emeryville|CA|41860
san mateo|CA|41860 redwood city|CA|41860 menlo park|CA|41860 foster city|CA|41860 south san francisco|CA|41860
burlingame|CA|41860 san bruno|CA|41860 daly city|CA|41860 hayward|CA|41860 pleasanton|CA|41860
walnut creek|CA|41860 san ramon|CA|41860 dublin|CA|41860 alameda|CA|41860 richmond|CA|41860
bay area|CA|41860 sf bay area|CA|41860 san francisco bay area|CA|41860
san jose|CA|41940 sunnyvale|CA|41940 santa clara|CA|41940 mountain view|CA|41940 palo alto|CA|41940
cupertino|CA|41940 milpitas|CA|41940 los gatos|CA|41940 campbell|CA|41940 los altos|CA|41940
saratoga|CA|41940 morgan hill|CA|41940 gilroy|CA|41940 silicon valley|CA|41940 south bay|CA|41940
los angeles|CA|31080 la|CA|31080 santa monica|CA|31080 culver city|CA|31080 venice|CA|31080
playa vista|CA|31080 el segundo|CA|31080 pasadena|CA|31080 burbank|CA|31080 glendale|CA|31080
long beach|CA|31080 irvine|CA|31080 anaheim|CA|31080 newport beach|CA|31080 costa mesa|CA|31080
santa ana|CA|31080 hawthorne|CA|31080 torrance|CA|31080 beverly hills|CA|31080 hollywood|CA|31080
san diego|CA|41740 la jolla|CA|41740 carlsbad|CA|41740 sacramento|CA|40900 roseville|CA|40900 folsom|CA|40900
thousand oaks|CA|37100 santa barbara|CA|42200 goleta|CA|42200 santa cruz|CA|42100
seattle|WA|42660 bellevue|WA|42660 redmond|WA|42660 kirkland|WA|42660 bothell|WA|42660 tacoma|WA|42660
everett|WA|42660 renton|WA|42660 issaquah|WA|42660 sammamish|WA|42660 woodinville|WA|42660
vancouver|WA|38900 portland|OR|38900 hillsboro|OR|38900 beaverton|OR|38900 lake oswego|OR|38900
tigard|OR|38900 gresham|OR|38900
portland|ME|38860 south portland|ME|38860
new york|NY|35620 new york city|NY|35620 nyc|NY|35620 manhattan|NY|35620 brooklyn|NY|35620
queens|NY|35620 bronx|NY|35620 the bronx|NY|35620 staten island|NY|35620 long island city|NY|35620
white plains|NY|35620 yonkers|NY|35620 new rochelle|NY|35620 long island|NY|35620
jersey city|NJ|35620 hoboken|NJ|35620 newark|NJ|35620 weehawken|NJ|35620 paterson|NJ|35620
edison|NJ|35620 piscataway|NJ|35620 new brunswick|NJ|35620 morristown|NJ|35620 parsippany|NJ|35620
iselin|NJ|35620 princeton|NJ|45940 trenton|NJ|45940
newark|DE|37980 newark|CA|41860 newark|OH|18140
boston|MA|14460 cambridge|MA|14460 somerville|MA|14460 newton|MA|14460 waltham|MA|14460
burlington|MA|14460 lexington|MA|14460 quincy|MA|14460 woburn|MA|14460 needham|MA|14460
bedford|MA|14460 framingham|MA|14460 nashua|NH|31700 worcester|MA|49340 marlborough|MA|49340
washington|DC|47900 washington dc|DC|47900 dc|DC|47900 arlington|VA|47900 alexandria|VA|47900
mclean|VA|47900 tysons|VA|47900 tysons corner|VA|47900 reston|VA|47900 herndon|VA|47900
chantilly|VA|47900 fairfax|VA|47900 vienna|VA|47900 ashburn|VA|47900 sterling|VA|47900
crystal city|VA|47900 bethesda|MD|47900 rockville|MD|47900 silver spring|MD|47900 gaithersburg|MD|47900
columbia|MD|12580 baltimore|MD|12580 towson|MD|12580 fort meade|MD|12580 annapolis|MD|12580
arlington|TX|19100 dallas|TX|19100 fort worth|TX|19100 plano|TX|19100 irving|TX|19100 frisco|TX|19100
richardson|TX|19100 addison|TX|19100 mckinney|TX|19100 denton|TX|19100 garland|TX|19100 las colinas|TX|19100
dfw|TX|19100 austin|TX|12420 round rock|TX|12420 cedar park|TX|12420 georgetown|TX|12420
houston|TX|26420 the woodlands|TX|26420 sugar land|TX|26420 san antonio|TX|41700
chicago|IL|16980 naperville|IL|16980 evanston|IL|16980 schaumburg|IL|16980 oak brook|IL|16980
deerfield|IL|16980 northbrook|IL|16980 elgin|IL|16980 gary|IN|16980
atlanta|GA|12060 alpharetta|GA|12060 sandy springs|GA|12060 marietta|GA|12060 roswell|GA|12060
duluth|GA|12060 midtown atlanta|GA|12060
denver|CO|19740 aurora|CO|19740 englewood|CO|19740 centennial|CO|19740 lakewood|CO|19740
broomfield|CO|14500 boulder|CO|14500 louisville|CO|14500 longmont|CO|14500
phoenix|AZ|38060 scottsdale|AZ|38060 tempe|AZ|38060 chandler|AZ|38060 mesa|AZ|38060 gilbert|AZ|38060
philadelphia|PA|37980 philly|PA|37980 king of prussia|PA|37980 conshohocken|PA|37980 camden|NJ|37980
cherry hill|NJ|37980 wilmington|DE|37980 malvern|PA|37980
minneapolis|MN|33460 st paul|MN|33460 saint paul|MN|33460 bloomington|MN|33460 eden prairie|MN|33460
minnetonka|MN|33460 twin cities|MN|33460
detroit|MI|19820 dearborn|MI|19820 troy|MI|19820 southfield|MI|19820 ann arbor|MI|11460
charlotte|NC|16740 concord|NC|16740 fort mill|SC|16740
raleigh|NC|39580 cary|NC|39580 durham|NC|20500 chapel hill|NC|20500 research triangle park|NC|20500
rtp|NC|20500 morrisville|NC|39580
salt lake city|UT|41620 slc|UT|41620 lehi|UT|39340 provo|UT|39340 orem|UT|39340 draper|UT|41620
miami|FL|33100 fort lauderdale|FL|33100 west palm beach|FL|33100 boca raton|FL|33100
tampa|FL|45300 st petersburg|FL|45300 orlando|FL|36740
kansas city|MO|28140 overland park|KS|28140 kansas city|KS|28140 olathe|KS|28140
st louis|MO|41180 saint louis|MO|41180 cincinnati|OH|17140 covington|KY|17140 columbus|OH|18140
cleveland|OH|17410 pittsburgh|PA|38300 nashville|TN|34980 franklin|TN|34980 brentwood|TN|34980
louisville|KY|31140 memphis|TN|32820 omaha|NE|36540 providence|RI|39300 madison|WI|31540
milwaukee|WI|33340 indianapolis|IN|26900 carmel|IN|26900 las vegas|NV|29820 henderson|NV|29820
reno|NV|39900 boise|ID|14260 honolulu|HI|46520 richmond|VA|40060 huntsville|AL|26620
bentonville|AR|22220 rogers|AR|22220 fayetteville|AR|22220 stamford|CT|14860 greenwich|CT|14860
hartford|CT|25540 new haven|CT|35300 albany|NY|10580 rochester|NY|40380 rochester|MN|40340
buffalo|NY|15380 syracuse|NY|45060 ithaca|NY|27060 springfield|MA|44140 springfield|IL|44100
springfield|MO|44180 springfield|OH|44220 columbus|GA|17980 columbus|IN|18020
"""

# A name with several candidates: the default guess, by state.
DEFAULTS = {
    "portland": "OR", "arlington": "VA", "newark": "NJ", "vancouver": "WA", "cambridge": "MA",
    "springfield": "MA", "columbus": "OH", "kansas city": "MO", "rochester": "NY", "richmond": "VA",
    "bloomington": "MN", "louisville": "KY", "columbia": "MD", "durham": "NC", "aurora": "CO",
    "burlington": "MA", "dublin": "CA", "glendale": "CA", "concord": "NC", "franklin": "TN",
    "lexington": "MA", "duluth": "GA", "wilmington": "DE", "troy": "MI", "fayetteville": "AR",
    "bedford": "MA", "vienna": "VA", "henderson": "NV", "covington": "KY", "albany": "NY",
    "lakewood": "CO", "gary": "IN", "washington": "DC", "manhattan": "NY", "jackson": "MS",
}

# Places that share a name with a big city outside the US: a lookup without a country warns about these.
FOREIGN_NAMESAKES = {
    "vancouver": "Vancouver, Canada", "cambridge": "Cambridge, United Kingdom", "dublin": "Dublin, Ireland",
    "london": "London, United Kingdom", "richmond": "Richmond, Canada or United Kingdom",
    "birmingham": "Birmingham, United Kingdom", "manchester": "Manchester, United Kingdom",
    "waterloo": "Waterloo, Canada", "paris": "Paris, France", "sydney": "Sydney, Australia",
    "hamilton": "Hamilton, Canada", "london ontario": "London, Canada",
}


def curated() -> list[tuple[str, str, str]]:
    """(name, state, area code) of every PLACES entry."""
    # Names contain spaces, so match "name|ST|CBSA" rather than splitting on whitespace.
    pattern = re.compile(r"([a-z .']+?)\|([A-Z]{2})\|(\d{5})")
    return [(m.group(1).strip(), m.group(2), "00" + m.group(3)) for m in pattern.finditer(PLACES.replace("\n", " "))]
