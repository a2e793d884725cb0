"""Tests of the actor knowledge layer (diplo_events._gazetteer): pure string functions."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from diplo_events._actors import gazetteer as gaz
from diplo_events.exceptions import InputError, LexiconError


@pytest.fixture(autouse=True)
def _pristine_gazetteer() -> Iterator[None]:
    """Every test starts and ends with the built-in knowledge only."""
    gaz.load_gazetteer(None)
    yield
    gaz.load_gazetteer(None)


# --------------------------------------------------------------------------- country_of


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # names, short forms, abbreviations
        ("China", "CHN"),
        ("the United States", "USA"),
        ("United States of America", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the U.S.", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("the United Kingdom", "GBR"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Taiwan", "TWN"),
        ("the Philippines", "PHL"),
        ("Philippines", "PHL"),
        # pycountry official names, inverted ISO names, accents and curly quotes
        ("People's Republic of China", "CHN"),
        ("Korea, Republic of", "KOR"),
        ("Republic of Korea", "KOR"),
        ("Democratic Republic of the Congo", "COD"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Guinea-Bissau", "GNB"),
        ("Guinea Bissau", "GNB"),
        ("Holy See", "VAT"),
        ("Burma", "MMR"),
        ("Kosovo", "XKX"),
        ("Soviet Union", "SUN"),
        # demonyms and adjectives, plurals
        ("Chinese", "CHN"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("Russian", "RUS"),
        ("Ukrainian", "UKR"),
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Palestinian", "PSE"),
        ("British", "GBR"),
        ("Filipino", "PHL"),
        ("Filipinos", "PHL"),
        ("North Korean", "PRK"),
        ("Emirati", "ARE"),
        # capitals and seats of government used for the state
        ("Beijing", "CHN"),
        ("Washington", "USA"),
        ("Washington, D.C.", "USA"),
        ("Moscow", "RUS"),
        ("the Kremlin", "RUS"),
        ("Kremlin", "RUS"),
        ("the White House", "USA"),
        ("Downing Street", "GBR"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Taipei", "TWN"),
        ("Manila", "PHL"),
        ("Pyongyang", "PRK"),
        ("Tehran", "IRN"),
        ("the Pentagon", "USA"),
        ("The Hague", "NLD"),
        # possessives, case
        ("China's", "CHN"),
        ("the Philippines'", "PHL"),
        ("CHINA", "CHN"),
        ("chinese", "CHN"),
        # compounds: the first country
        ("Sino-US", "CHN"),
        ("US-China", "USA"),
        ("U.S.-led", "USA"),
        ("China-backed", "CHN"),
        ("Israeli-Palestinian", "ISR"),
    ],
)
def test_country_of(text: str, code: str) -> None:
    assert gaz.country_of(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "us",  # the pronoun, not the abbreviation
        "Us",
        "turkey",  # common words need a capital
        "china",
        "polish",
        "Brussels",  # EU, deliberately not Belgium
        "pro-Russian",
        "Anglo-Saxon",
        "Indo-Pacific",
        "Sino",
        "Antony Blinken",
        "the Chinese foreign ministry",  # a phrase, see split_title
        "",
        "   ",
        "the",
    ],
)
def test_country_of_none(text: str) -> None:
    assert gaz.country_of(text) is None


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Sino-US", ("CHN", "USA")),
        ("Sino-Japanese", ("CHN", "JPN")),
        ("Israeli-Palestinian", ("ISR", "PSE")),
        ("US-China trade war", ("USA", "CHN")),
        ("U.S.-North Korea summit", ("USA", "PRK")),
        ("US and Chinese officials", ("USA", "CHN")),
        ("China, China and the US", ("CHN", "USA")),
        ("Kremlin and White House", ("RUS", "USA")),
        ("Russia-Ukraine war", ("RUS", "UKR")),
        ("South China Sea", ()),
        ("Latin American leaders", ()),
        ("African Union", ()),
        ("Organization of American States", ()),
        ("South China Morning Post", ()),
        ("Anglo-Saxon", ()),
        ("they told us", ()),
        ("fine china", ()),
        ("", ()),
    ],
)
def test_countries_in(text: str, codes: tuple[str, ...]) -> None:
    assert gaz.countries_in(text) == codes


# --------------------------------------------------------------------------- organizations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UN", ("United Nations", "IGOUNO")),
        ("U.N.", ("United Nations", "IGOUNO")),
        ("the United Nations", ("United Nations", "IGOUNO")),
        ("UN Security Council", ("UN Security Council", "IGOUNO")),
        ("the U.N. Security Council", ("UN Security Council", "IGOUNO")),
        ("EU", ("European Union", "IGOEUREEC")),
        ("the European Union", ("European Union", "IGOEUREEC")),
        ("European Commission", ("European Commission", "IGOEUREEC")),
        ("NATO", ("NATO", "IGOWSTNAT")),
        ("Nato", ("NATO", "IGOWSTNAT")),
        ("ASEAN", ("ASEAN", "IGOSEAASN")),
        ("African Union", ("African Union", "IGOAFRAFU")),
        ("WHO", ("World Health Organization", "IGOUNOHLHWHO")),
        ("IMF", ("International Monetary Fund", "IGOBUSIMF")),
        ("the World Bank", ("World Bank", "IGOUNODEVWBK")),
        ("WTO", ("World Trade Organization", "IGOBUSWTO")),
        ("OPEC", ("OPEC", "IGOBUSOPC")),
        ("G7", ("Group of Seven", "IGOBUSGOS")),
        ("G-20", ("Group of 20", "IGOBUSGTW")),
        ("BRICS", ("BRICS", "IGOBUSBRC")),
        ("the Arab League", ("Arab League", "IGOMEAARL")),
        ("OSCE", ("Organization for Security and Co-operation in Europe", "IGOEURSCE")),
        ("IAEA", ("International Atomic Energy Agency", "IGOUNOIAE")),
        ("ICC", ("International Criminal Court", "IGOJUDICC")),
        ("Amnesty International", ("Amnesty International", "NGOHRIAMN")),
    ],
)
def test_organization_of(text: str, expected: tuple[str, str]) -> None:
    assert gaz.organization_of(text) == expected


@pytest.mark.parametrize("text", ["who", "un", "Brussels", "China", "the ministry", ""])
def test_organization_of_none(text: str) -> None:
    assert gaz.organization_of(text) is None


def test_organizations_mapping() -> None:
    assert gaz.ORGANIZATIONS["United Nations"] == "IGOUNO"
    assert gaz.ORGANIZATIONS["NATO"] == "IGOWSTNAT"
    assert gaz.ORGANIZATIONS["European Union"] == "IGOEUREEC"
    assert gaz.ORGANIZATIONS["ASEAN"] == "IGOSEAASN"
    assert gaz.ORGANIZATIONS["African Union"] == "IGOAFRAFU"
    assert "United Nations" in gaz.ORGANIZATIONS
    assert len(gaz.ORGANIZATIONS) == len(list(gaz.ORGANIZATIONS)) > 50
    for name, code in gaz.ORGANIZATIONS.items():
        assert re.fullmatch(r"(IGO|NGO)(?:[A-Z]{3}){0,4}", code), (name, code)
        assert gaz.organization_of(name) == (name, code)
    with pytest.raises(KeyError):
        gaz.ORGANIZATIONS["Atlantis Council"]


# --------------------------------------------------------------------------- split_title


@pytest.mark.parametrize(
    ("phrase", "role", "country", "organization", "name", "sector"),
    [
        (
            "US Secretary of State Antony Blinken",
            "Secretary of State",
            "USA",
            None,
            "Antony Blinken",
            "GOV",
        ),
        ("Chinese President Xi Jinping", "President", "CHN", None, "Xi Jinping", "GOV"),
        ("Chinese Foreign Minister Wang Yi", "Foreign Minister", "CHN", None, "Wang Yi", "GOV"),
        ("House Speaker Nancy Pelosi", "House Speaker", None, None, "Nancy Pelosi", "LEG"),
        (
            "US State Department spokesman Matthew Miller",
            "spokesman",
            "USA",
            "State Department",
            "Matthew Miller",
            "GOV",
        ),
        ("US President Joe Biden", "President", "USA", None, "Joe Biden", "GOV"),
        (
            "Russian Defense Minister Sergei Shoigu",
            "Defense Minister",
            "RUS",
            None,
            "Sergei Shoigu",
            "GOV",
        ),
        ("Gen. Mark Milley", "General", None, None, "Mark Milley", "MIL"),
        (
            "Prime Minister Narendra Modi of India",
            "Prime Minister",
            "IND",
            None,
            "Narendra Modi",
            "GOV",
        ),
        ("German Chancellor Olaf Scholz", "Chancellor", "DEU", None, "Olaf Scholz", "GOV"),
        (
            "the Chinese foreign ministry",
            None,
            "CHN",
            "Foreign Ministry",
            "Chinese foreign ministry",
            "GOV",
        ),
        ("Xinhua", None, "CHN", "Xinhua", "Xinhua", "MED"),
        ("the Kremlin", None, "RUS", "Kremlin", "Kremlin", "GOV"),
        ("Kremlin spokesman Dmitry Peskov", "spokesman", "RUS", "Kremlin", "Dmitry Peskov", "GOV"),
        ("Pentagon spokesman John Kirby", "spokesman", "USA", "Pentagon", "John Kirby", "MIL"),
        (
            "UN Secretary-General Antonio Guterres",
            "Secretary-General",
            None,
            "United Nations",
            "Antonio Guterres",
            "IGO",
        ),
        ("China's top diplomat Wang Yi", "Diplomat", "CHN", None, "Wang Yi", "GOV"),
        ("Sen. Marco Rubio", "Senator", None, None, "Marco Rubio", "LEG"),
        ("Lt. Gen. Jeffrey Kruse", "Lieutenant General", None, None, "Jeffrey Kruse", "MIL"),
        ("former President Donald Trump", "former President", None, None, "Donald Trump", "ELI"),
        ("ex-President Donald Trump", "former President", None, None, "Donald Trump", "ELI"),
        (
            "Deputy Foreign Minister Sergei Ryabkov",
            "Deputy Foreign Minister",
            None,
            None,
            "Sergei Ryabkov",
            "GOV",
        ),
        (
            "President of Ukraine Volodymyr Zelensky",
            "President",
            "UKR",
            None,
            "Volodymyr Zelensky",
            "GOV",
        ),
        (
            "US ambassador to China Nicholas Burns",
            "Ambassador",
            "USA",
            None,
            "Nicholas Burns",
            "GOV",
        ),
        (
            "Antony Blinken, the US Secretary of State",
            "Secretary of State",
            "USA",
            None,
            "Antony Blinken",
            "GOV",
        ),
        ("Hamas leader Ismail Haniyeh", "Leader", "PSE", "Hamas", "Ismail Haniyeh", "REB"),
        ("the Chinese army", None, "CHN", "Army", "Chinese army", "MIL"),
        ("Chinese officials", "official", "CHN", None, "Chinese officials", "GOV"),
        (
            "Japanese Prime Minister Fumio Kishida's",
            "Prime Minister",
            "JPN",
            None,
            "Fumio Kishida",
            "GOV",
        ),
        (
            "U.S. Trade Representative Katherine Tai",
            "Trade Representative",
            "USA",
            None,
            "Katherine Tai",
            "GOV",
        ),
        (
            "Pentagon press secretary Maj. Gen. Pat Ryder",
            "Press Secretary",
            "USA",
            "Pentagon",
            "Pat Ryder",
            "MIL",
        ),
        (
            "Secretary-General of NATO Mark Rutte",
            "Secretary-General",
            None,
            "NATO",
            "Mark Rutte",
            "IGO",
        ),
        ("China", None, "CHN", None, "China", None),
        ("Sofia Coppola", None, None, None, "Sofia Coppola", None),  # not Bulgaria
        ("Chad Wolf", None, None, None, "Chad Wolf", None),  # a first name, not Chad
        ("Mr. Blinken", None, None, None, "Blinken", None),
        # a capitalized modifier without a role belongs to the name
        ("Democratic Party", None, None, None, "Democratic Party", None),
        ("Republican National Committee", None, None, None, "Republican National Committee", None),
        ("Sunni Arabs", None, None, None, "Sunni Arabs", None),
        # a place before an abbreviated title; descriptors before a role
        ("Texas Gov. George W. Bush", "Governor", None, None, "George W. Bush", "GOV"),
        ("Radical Shiite cleric Muqtada al-Sadr", "cleric", None, None, "Muqtada al-Sadr", "REL"),
    ],
)
def test_split_title(
    phrase: str,
    role: str | None,
    country: str | None,
    organization: str | None,
    name: str,
    sector: str | None,
) -> None:
    title = gaz.split_title(phrase)
    assert (title.role, title.country, title.organization, title.name, title.sector) == (
        role,
        country,
        organization,
        name,
        sector,
    )


def test_split_title_codes_and_person() -> None:
    assert gaz.split_title("US President Joe Biden").actor_code == "USAGOV"
    assert gaz.split_title("Russian army").actor_code == "RUSMIL"
    assert gaz.split_title("House Speaker Nancy Pelosi").actor_code == "LEG"
    assert gaz.split_title("China").actor_code == "CHN"
    un = gaz.split_title("UN Secretary-General Antonio Guterres")
    assert (un.organization_code, un.actor_code) == ("IGOUNO", "IGOUNO")
    assert gaz.split_title("Chad Wolf").actor_code is None
    assert gaz.split_title("Chinese President Xi Jinping").is_person
    assert gaz.split_title("Mr. Blinken").is_person
    assert not gaz.split_title("the Chinese foreign ministry").is_person
    assert gaz.split_title("") == gaz.Title(name="")


def test_title_is_frozen() -> None:
    title = gaz.split_title("Chinese President Xi Jinping")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        title.name = "Hu Jintao"  # type: ignore[misc]
    assert attrs.evolve(title, name="Hu Jintao").role == "President"


# --------------------------------------------------------------------------- actor_code


@pytest.mark.parametrize(
    ("country", "sector", "org", "code"),
    [
        ("USA", "GOV", None, "USAGOV"),
        ("CHN", "GOV", None, "CHNGOV"),
        ("RUS", "MIL", None, "RUSMIL"),
        ("USA", "LEG", None, "USALEG"),
        ("CHN", None, None, "CHN"),
        (None, "MIL", None, "MIL"),
        (None, "IGO", "IGOUNO", "IGOUNO"),
        ("USA", "GOV", "IGOWSTNAT", "IGOWSTNAT"),
        (None, None, None, None),
    ],
)
def test_actor_code(country: str | None, sector: str | None, org: str | None, code: str) -> None:
    assert gaz.actor_code(country, sector, org) == code


@pytest.mark.parametrize(
    ("country", "sector", "org"),
    [("usa", "GOV", None), ("USA", "XXX", None), ("China", None, None), (None, None, "UN")],
)
def test_actor_code_rejects_bad_codes(
    country: str | None, sector: str | None, org: str | None
) -> None:
    with pytest.raises(InputError):
        gaz.actor_code(country, sector, org)


# --------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("South China Sea", None),
        ("the Middle East", None),
        ("Southeast Asia", None),
        ("Kashmir", None),
        ("Gaza", "PSE"),
        ("the Gaza Strip", "PSE"),
        ("Crimea", "UKR"),
        ("Donbass", "UKR"),
        ("Geneva", "CHE"),
        ("Brussels", "BEL"),
        ("China", "CHN"),
        ("the US", "USA"),
        ("Manila", "PHL"),
    ],
)
def test_places(text: str, country: str | None) -> None:
    assert gaz.is_place_name(text)
    assert gaz.place_country(text) == country


@pytest.mark.parametrize("text", ["Chinese", "the White House", "Antony Blinken", "turkey", ""])
def test_not_places(text: str) -> None:
    assert not gaz.is_place_name(text)
    assert gaz.place_country(text) is None


# --------------------------------------------------------------------------- animacy


@pytest.mark.parametrize(
    "lemma",
    [
        "minister",
        "official",
        "government",
        "army",
        "spokesman",
        "spokesperson",
        "president",
        "country",
        "nation",
        "side",
        "lawmaker",
        "ministry",
        "ministers",
        "China",
        "American",
        "he",
        "we",
        "counterpart",  # "met his Chinese counterpart"
        "guest",
        "visitor",
    ],
)
def test_animate_heads(lemma: str) -> None:
    assert gaz.is_animate_head(lemma)
    assert gaz.animacy(lemma) is True


@pytest.mark.parametrize(
    "lemma", ["problem", "issue", "factor", "tension", "crisis", "storm", "which"]
)
def test_inanimate_heads(lemma: str) -> None:
    assert not gaz.is_animate_head(lemma)
    assert gaz.animacy(lemma) is False


def test_unknown_and_ambiguous_heads() -> None:
    assert gaz.animacy("it") is None
    assert gaz.animacy("they") is None
    assert gaz.animacy("teapot") is None
    assert not gaz.is_animate_head("teapot")
    assert not gaz.is_animate_head("it")
    assert gaz.PRONOUNS["he"] is True
    assert gaz.PRONOUNS["it"] is None
    assert gaz.PRONOUNS["which"] is False
    assert "she" in gaz.PRONOUNS


# --------------------------------------------------------------------------- extension


def test_register_country_aliases() -> None:
    assert gaz.country_of("Blighty") is None
    gaz.register_country_aliases({"Blighty": "GBR", "Middle Kingdom": "CHN"})
    assert gaz.country_of("Blighty") == "GBR"
    assert gaz.country_of("the Middle Kingdom") == "CHN"
    assert gaz.split_title("Blighty's Foreign Secretary David Lammy").country == "GBR"
    gaz.load_gazetteer(None)
    assert gaz.country_of("Blighty") is None


def test_register_country_aliases_rejects_unknown_code() -> None:
    with pytest.raises(LexiconError, match=r"register_country_aliases\(\).*'ZZZ'"):
        gaz.register_country_aliases({"Atlantis": "ZZZ"})
    assert gaz.country_of("Atlantis") is None


def _write(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_load_gazetteer_extension(tmp_path: Path) -> None:
    extra = _write(
        tmp_path / "mine.json",
        {
            "countries": {"DEU": {"names": ["Deutschland"], "demonyms": ["Teutonic"]}},
            "organizations": [{"name": "Quad", "code": "IGOASAQUD", "aliases": ["the Quad"]}],
            "bodies": [{"name": "Bundesrat", "country": "DEU", "sector": "LEG"}],
            "roles": {"Foreign Affairs Spokesperson": "GOV"},
            "role_aliases": {"FM": "Foreign Minister"},
            "places": {"Bavaria": "DEU"},
            "animate": ["teapot"],
            "inanimate": ["heatwave"],
            "organization_heads": ["Syndicate"],
        },
    )
    assert not gaz.has_organization_head("Crime Syndicate")
    gaz.load_gazetteer(extra)
    assert gaz.has_organization_head("Crime Syndicate")
    assert gaz.country_of("Deutschland") == "DEU"
    assert gaz.country_of("Teutonic") == "DEU"
    assert gaz.organization_of("the Quad") == ("Quad", "IGOASAQUD")
    assert gaz.ORGANIZATIONS["Quad"] == "IGOASAQUD"
    assert gaz.split_title("Bundesrat").sector == "LEG"
    assert gaz.split_title("Indian FM S. Jaishankar").role == "Foreign Minister"
    assert gaz.place_country("Bavaria") == "DEU"
    assert gaz.is_animate_head("teapot")
    assert gaz.animacy("heatwave") is False
    gaz.load_gazetteer(None)
    assert gaz.country_of("Deutschland") is None
    assert "Quad" not in gaz.ORGANIZATIONS


@pytest.mark.parametrize(
    ("doc", "pattern"),
    [
        ({"countries": {"ZZZ": {"names": ["Atlantis"]}}}, r"entry 'ZZZ'.*unknown country code"),
        ({"countries": {"DEU": {"names": "Deutschland"}}}, r"entry 'DEU'.*list"),
        ({"organizations": [{"name": "Quad", "code": "QUAD"}]}, r"entry 'Quad'.*code"),
        ({"bodies": [{"name": "Bundesrat", "sector": "PARL"}]}, r"entry 'Bundesrat'.*sector"),
        ({"role_aliases": {"FM": "Field Marshall"}}, r"entry 'FM'.*unknown role"),
        ({"places": {"Bavaria": 12}}, r"entry 'Bavaria'"),
        ({"organization_heads": "Syndicate"}, r"organization_heads"),
        ({"capitals": {}}, r"unknown field 'capitals'"),
        (["not", "an", "object"], r"<top level>"),
    ],
)
def test_bad_extension_file(tmp_path: Path, doc: Any, pattern: str) -> None:
    bad = _write(tmp_path / "bad.json", doc)
    with pytest.raises(LexiconError, match=pattern) as info:
        gaz.load_gazetteer(bad)
    assert "bad.json" in str(info.value)
    assert gaz.country_of("China") == "CHN"  # nothing half-loaded


def test_extension_file_not_json(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"countries": {', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken\.json.*line 1"):
        gaz.load_gazetteer(bad)
    with pytest.raises(LexiconError, match="cannot read"):
        gaz.load_gazetteer(tmp_path / "missing.json")


# --------------------------------------------------------------------------- bundled data


@pytest.fixture
def broken_data(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """Serve the bundled files through a dict the test may corrupt."""
    real = gaz._read_data_file
    overrides: dict[str, Any] = {}

    def fake(name: str) -> Any:
        return overrides[name] if name in overrides else real(name)

    monkeypatch.setattr(gaz, "_read_data_file", fake)
    gaz._invalidate()
    yield overrides
    monkeypatch.undo()
    gaz._invalidate()


@pytest.mark.parametrize(
    ("file", "doc", "pattern"),
    [
        (
            "roles.json",
            {"roles": {"President": "GOV", "Grand Vizier": "VIZ"}},
            r"roles\.json: entry 'Grand Vizier': unknown CAMEO sector 'VIZ'",
        ),
        (
            "roles.json",
            {"roles": {"President": "GOV"}, "aliases": {"Pres.": "Presdent"}},
            r"roles\.json: entry 'Pres\.'",
        ),
        (
            "organizations.json",
            {"organizations": [{"name": "United Nations", "aliases": []}]},
            r"organizations\.json: entry 'United Nations': missing field 'code'",
        ),
        (
            "organizations.json",
            {
                "organizations": [
                    {"name": "United Nations", "code": "IGOUNO", "aliases": ["UN"]},
                    {"name": "Unicorn Nations", "code": "IGOUNI", "aliases": ["UN"]},
                ]
            },
            r"organizations\.json: entry 'Unicorn Nations': 'UN' is already defined",
        ),
        (
            "countries.json",
            {"countries": {"CHN": {"names": ["Cathay"]}, "XYZ": {"names": ["Xyzland"]}}},
            r"countries\.json: entry 'XYZ': unknown country code",
        ),
        (
            "bodies.json",
            {"bodies": [{"name": "Kremlin", "sector": "GOV", "seat": True}]},
            r"bodies\.json: entry 'Kremlin': a seat of government needs a 'country'",
        ),
        (
            "places.json",
            {"places": {"Crimea": "UKRAINE"}},
            r"places\.json: entry 'Crimea'",
        ),
        (
            "animacy.json",
            {"pronouns": {"he": "yes"}, "animate": [], "inanimate": []},
            r"animacy\.json: entry 'he'",
        ),
    ],
)
def test_malformed_bundled_file(
    broken_data: dict[str, Any], file: str, doc: Any, pattern: str
) -> None:
    broken_data[file] = doc
    with pytest.raises(LexiconError, match=pattern):
        gaz.country_of("China")


def test_bundled_files_are_valid_json_with_notes() -> None:
    """Every bundled file loads and documents itself."""
    for name in (
        "countries.json",
        "organizations.json",
        "bodies.json",
        "roles.json",
        "places.json",
        "animacy.json",
    ):
        doc = gaz._read_data_file(name)
        assert isinstance(doc, dict)
        assert doc.get("_comment"), name


def test_demonym_coverage() -> None:
    """Spot-check coverage: the data file gives the countries in the news a demonym."""
    demonyms = {
        "Afghan": "AFG",
        "Brazilian": "BRA",
        "Egyptian": "EGY",
        "Indian": "IND",
        "Iranian": "IRN",
        "Japanese": "JPN",
        "Mexican": "MEX",
        "Nigerian": "NGA",
        "Pakistani": "PAK",
        "Saudi": "SAU",
        "South African": "ZAF",
        "Syrian": "SYR",
        "Turkish": "TUR",
        "Venezuelan": "VEN",
        "Vietnamese": "VNM",
    }
    for demonym, code in demonyms.items():
        assert gaz.country_of(demonym) == code, demonym


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Melinda Gates Foundation", True),
        ("Worldwatch Institute", True),
        ("Iraqi Islamic Party", True),
        ("Yale University", True),
        ("Antony Blinken", False),
        ("Xi Jinping", False),
        ("", False),
    ],
)
def test_organization_heads(name: str, expected: bool) -> None:
    assert gaz.has_organization_head(name) is expected
