"""Write every text of every language, filled with realistic values, for a reader.

Usage (from the repository root)::

    PYTHONPATH=src python tools/write_texts.py

writes ``docs/reference/texts-<lang>.md`` for each language: every message of the
catalogues (rule messages, labels, report words, maturity evidence, change
sentences, problems and errors) with its placeholders filled by the values in
:data:`SAMPLES` (a date as a date, a duration as a duration, a sum as a decimal, a
sector as a sector), rendered as the package renders them. A person reads the file
through as a reader of that language would (issue 26); ``tests/docs/test_texts.py``
fails when a committed file is stale and when a Danish text holds an ISO date, an
ISO duration, a decimal point, a machine path or a class name.
"""

from __future__ import annotations

import string
import sys
from decimal import Decimal
from pathlib import Path

import pendulum

from samarbejde.model.enums import CommitmentStatus, Power, ProjectPhase, Sector, StrategicPhase
from samarbejde.model.phrasing import definite, definites, listing
from samarbejde.model.text import Phrase, Text, cadence, fill
from samarbejde.model.words import LANGS, catalogue, language_name

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "reference"
COMMAND = "PYTHONPATH=src python tools/write_texts.py"

_DAY = pendulum.Date(2025, 6, 1)


def _load(key: str, /, **values: object) -> Phrase:
    """A load problem's part, as the loaders give it (``load.<key>``)."""
    return Phrase.of(Text(f"load.{key}"), **values)


#: A realistic value for each placeholder name the catalogues use, of the type the
#: package gives it (so it is rendered as the package renders it).
SAMPLES: dict[str, object] = {
    "after": "2.400.000 kr.",
    "at": "2025-06-01T10:15:00Z",
    "base": 3,
    "clashes": "; partnerships[opdrift] was changed by revision 4 (sekretariatet, 2025-06-01)",
    "ended": "2024-12-31",
    "items": "ids",
    "latest": 5,
    "names": "Decimal",
    "path": "partnerships[opdrift]",
    "paths": "partnerships[opdrift]",
    "pattern": "[a-z0-9._-]{1,64}",
    "places": "members",
    "revision": 4,
    "until": "",
    "whose": "gladsaxe-kommune",
    "allowed": "agreed, fulfilled, withdrawn",
    "anchor": "adresse",
    "byte": "0xff",
    "char": "'\\udc80'",
    "choice": "'name'",
    "close": "'}'",
    "current": "'proposed'",
    "depth": 48,
    "detail": "expected ']]' at the end of an array declaration",
    "digits": 1000,
    "escaped": "\\udc80",
    "example": "25.5",
    "extra": "sheets",
    "first": "`kind: project`",
    "fix": 'name: "Gladsaxe, Kommune"',
    "form": "'projekt'",
    "format": "'xml'",
    "found": "'x'",
    "got": _load("value.number", value="5"),
    "hint": _load("hint.did_you_mean", choice="'name'"),
    "item": "gladsaxe-kommune",
    "key": "'nmae'",
    "known": ".json, .yaml, .yml, .toml",
    "limit": 10485760,
    "module": "openpyxl",
    "move": Phrase.of(Text("error.transition.move"), requested="'fulfilled'", current="'proposed'"),
    "noun": "lifecycle",
    "offset": 1042,
    "readable": "samarbejde/1",
    "record": "Commitment",
    "requested": "'fulfilled'",
    "shown": "'2025-06-01'",
    "size": 10485761,
    "source": "opdrift.yaml",
    "suffix": "'.xml'",
    "tag": "!hemmelig",
    "version": "'samarbejde/99'",
    "agreed": 4,
    "agreement": "a-partnerskab",  # agreements, commitments, funding, mandates: ids
    "amount": Decimal("250000.50"),
    "anchors": "Gladsaxe Kommune",
    "area": "Høje Lerbakke",
    "areas": 3,
    "as_of": _DAY,
    "before": "1.600.000 kr.",
    "better": "højere er bedre",
    "body": "Styregruppen",
    "by": "Gladsaxe Kommune",
    "cap": 2,
    "categories": "udsat, parallelsamfund",
    "category": "udsat boligområde",
    "ceiling": Decimal("1000000"),
    "challenge": "Lav beskæftigelse",
    "change": "forlænget",
    "code": "S003",
    "commitment": "c-lokaler",
    "commitments": listing(("c-lokaler", "c-jobkonsulent")),
    "count": 3,
    "currency": "EUR",
    "cycle": listing(("Gladsaxe Kommune", "Jobcenter Gladsaxe")),
    "day": pendulum.Date(2025, 12, 31),
    "days": 45,
    "due": pendulum.Date(2024, 12, 31),
    "due_on": pendulum.Date(2025, 3, 1),
    "end": pendulum.Date(2026, 12, 31),
    "between": pendulum.duration(years=1, months=6),
    "entry": "måling",
    "error": 2,
    "event": "Beboermøde i Høje Lerbakke",
    "every": cadence(pendulum.duration(years=1)),
    "exploring_end": pendulum.Date(2018, 6, 30),
    "field": Text("rules.side.by"),
    "files": 3,
    "final_on": pendulum.Date(2024, 6, 30),
    "fulfilled_on": pendulum.Date(2024, 9, 1),
    "full": 2,
    "funded_until": pendulum.Date(2025, 12, 31),
    "funder": "Birkelyfonden",
    "funding": "f-lbf-2019",
    "funding_kind": "fondsbevilling",
    "gap": 45,
    "gaps": 1,
    "given_on": pendulum.Date(2020, 3, 15),
    "goal": "Flere unge i job eller uddannelse",
    "hidden": 12,
    "holder": "Gladsaxe Kommune",
    "horizon": pendulum.duration(years=5),
    "horizon_end": pendulum.Date(2031, 12, 31),
    "host": "Gladsaxe Kommune",
    "id": "opdrift",
    "ids": listing(("Gladsaxe Kommune", "SAB")),
    "info": 4,
    "joined": pendulum.Date(2019, 2, 1),
    "kind": "samarbejde",
    "kinds": ("kommunal driftsbevilling",),
    "last": pendulum.Date(2024, 3, 1),
    "left": pendulum.Date(2023, 12, 31),
    "level": 3,
    "line": 42,
    "listed": 12,
    "made_on": pendulum.Date(2020, 3, 15),
    "mandate": "m-direktion-2020",
    "measurable": 3,
    "min_percent": 25,
    "min_sectors": 3,
    "missing": "målværdi",
    "month": "juni",
    "municipality": "Gladsaxe",
    "n": 3,
    "name": "Høje Lerbakke",
    "need": pendulum.Date(2031, 12, 31),
    "new": "Esbjerg Jobcenter",
    "next": pendulum.Date(2026, 2, 15),
    "now": "udsat boligområde",
    "number": Decimal("1500000.50"),
    "old": "Jobcenter Esbjerg",
    "on": pendulum.Date(2024, 5, 1),
    "organisation": "Esbjerg Jobcenter",
    "organisations": 14,
    "parent": "Vestegnens Partnerskab",
    "partnership": "Opdrift",
    "partnerships": 5,
    "percent": 40,
    "period": "2019-2026",
    "periods": "1. januar 2026 \N{EN DASH} 31. december 2026: 800.000 kr.",
    "phase": StrategicPhase.OPERATING,
    "post": "sekretariatsleder",
    "power": Power.COMMIT_FUNDS,
    "projected": Decimal("42.5"),
    "reason": "filen findes ikke",
    "recorded": "udsat boligområde (listen 1. december 2021)",
    "revoked": "",
    "role": "lead",
    "score": 2,
    "sector": definite(Sector.BUSINESS),  # a sector in a sentence: erhvervslivet
    "sectors": (Sector.MUNICIPALITY,),
    "share": Decimal("12.5"),
    "start": pendulum.Date(2019, 1, 1),
    "status": CommitmentStatus.AGREED,
    "subject": "Flere unge i job eller uddannelse",
    "target": Decimal("60"),
    "text": "Høje Lerbakke",
    "title": "Lav beskæftigelse",
    "theme": "Kultur og fritid",
    "themes": ("Uddannelse og livschancer", "Beskæftigelse"),
    "total": 12,
    "unknown": ("tidshorisont", "evalueringskadence"),
    "unloaded": "",
    "value": Decimal("48.5"),
    "warning": 5,
    "what": "Opdrift › tidshorisont",
    "where": "Opdrift",
    "without": 4,
    "without_strategic": 7,
    "year": 2025,
    "years": 10,
    # error reasons: values as the English message has always shown them (ISO text)
    "a": "'DKK'",
    "b": "'DKR'",
    "codes": "'DKK'",
    "date": "2024-05-01",
    "granted": "2024-05-01",
    "index": "0",
    "previous": "2025-12-31",
    "since": "2017-01-01",
    "term": "2024-01-01..2027-12-31",
    "unit": "m²",
    "other": "2024-01-01",
    "started": "2023-06-01",
}


#: Values that mean something else in one message than :data:`SAMPLES` gives.
OVERRIDES: dict[str, dict[str, object]] = {
    "rule.M002": {"kind": "fondsbevilling"},
    "rule.M003": {"total": Decimal("1250000")},
    "rule.S009": {"kind": Text("rules.partnerships"), "id": "opdrift"},
    # a goal or challenge that is not described has only its id to show
    "rule.S005": {"goal": "g-beskaeftigelse"},
    "rule.S006": {"challenge": "ch-ledighed"},
    "rule.S020": {"challenge": "ch-ledighed"},
    "rule.S017": {"cycle": listing(("Opdrift", "Vestegnens Partnerskab"))},
    "rule.S018": {"cycle": listing(("a-lektiecafe", "a-partnerskab"))},
    "rule.C006": {"sectors": definites((Sector.MUNICIPALITY, Sector.HOUSING))},
    "rule.S007": {"subject": Text.of(da="Forpligtelsen c-lokaler", en="Commitment c-lokaler")},
    "maturity.promise": {"id": "c-belysning", "by": "Lyngebo"},
    "rule.P002": {"phase": ProjectPhase.CLOSING},
    "rule.P004": {"phase": ProjectPhase.RUNNING},
    "rule.S019": {"n": 2},
    "maturity.listed": {"areas": ("Høje Lerbakke (udsat)",)},
    "report.change_end": {"before": "31. december 2025", "after": "31. december 2026"},
    "report.change_start": {"before": "1. januar 2020", "after": "1. juli 2020"},
    "report.change_shares": {
        "before": "Esbjerg Kommune (50 %), Birkelyfonden (50 %)",
        "after": "Esbjerg Kommune (40 %), Birkelyfonden (60 %)",
    },
    "report.change_line": {"what": "beløb 1.600.000 kr. → 2.400.000 kr."},
    "report.date": {"day": 1, "month": "juni", "year": 2025},
    "error.model": {"field": "status", "reason": "must be a date", "value": "'2025-13-01'"},
    "error.date_type": {"name": "as_of", "kind": "str", "hint": "use pendulum.parse(...).date()"},
    "error.load.many": {"count": 3},
    "error.load.more_many": {"count": 12},
    "load.missing_key": {"name": "'name'"},
    "error.reason.before_granted": {"latest": "2024-03-01"},
    "error.conflict.message": {"clashes": ""},
    "error.conflict.clash": {
        "places": Phrase.of(Text("error.conflict.places"), places="members"),
    },
    "error.reason.first_status": {"on": "2025-06-01"},
    "error.reason.not_member": {"on": "2025-06-01"},
    "error.reason.after_ended": {"status": "fulfilled", "on": "2025-06-01"},
    "error.reason.already_member": {"joined": "2019-02-01"},
    "error.reason.revoked": {"mandate": "direktionens-mandat"},
    "error.reason.before_made": {"made_on": "2020-03-15"},
    "error.reason.before_funding": {"start": "2019-01-01"},
    "error.reason.not_before_end": {"end": "2026-12-31"},
    "error.reason.not_after_end": {"end": "2026-12-31"},
    "error.reason.until": {"left": "2023-12-31"},
    "error.reason.duplicate": {"what": "id"},
    "error.reason.mandate_holder": {"by": "sab"},
    "error.reason.not_begun": {"id": "opdrift"},
    "error.reason.ends_before_start": {"start": "2019-01-01"},
    "error.reason.left_before_joining": {"joined": "2019-02-01"},
    "error.unknown_id": {"record": "commitment", "id": "'c-9'"},
    "load.format.missing": {"version": "samarbejde/1"},
    "load.format.not_mapping": {"version": "samarbejde/1"},
    "load.expected.text": {"hint": _load("hint.quote")},
    "load.duplicate_key": {"key": "'format'"},
    "load.value.boolean": {"value": "true"},
    "load.value.number": {"value": "5"},
    "load.value.text": {"value": "'Gladsaxe'"},
    "load.value.date": {"value": "2025-06-01"},
    "load.value.datetime": {"value": "2025-06-01T10:00:00+02:00"},
    "load.value.other": {"kind": "float"},
    "load.datetime.invalid": {"value": "'2025-06-01T25:00'"},
    "load.datetime.offset": {"value": "2025-06-01T10:00:00"},
    "load.expected.mapping": {"name": "Organisation"},
    "load.enum.unknown": {
        "kind": "Sector",
        "value": "'kommune'",
        "hint": _load("hint.did_you_mean", choice="'municipality'"),
        "allowed": "municipality, housing, civil_society",
    },
    "load.tag.needs": {"first": "`kind: project`", "last": "`kind: strategic`"},
    "load.tag.unknown": {
        "tag": "kind",
        "allowed": "project, strategic",
        "hint": _load("hint.did_you_mean", choice="'project'"),
    },
    "load.not_a_file": {"kind": "a directory"},
    "load.utf8.text": {"char": "'\\udc80'"},
    "load.yaml.character": {"reason": "special characters are not allowed", "code": "U+0007"},
    "load.yaml.no_value": {"name": "nmae"},
    "load.yaml.tag_fit": {"tag": "!!int", "kind": _load("yaml.kind.mapping")},
    "load.cell.number": {"got": "'mange'"},
    "load.cell.number_example": {"got": "'1.500.000 kr'"},
    "load.cell.int": {"got": "'2,5'"},
    "load.cell.date_time": {"got": "2025-06-01T10:00:00"},
    "load.cell.date": {"got": "'1. juni'"},
    "load.cell.no_date": {"got": "'31.6.2025'"},
    "load.cell.bool": {"got": "'måske'"},
    "load.cell.enum": {
        "value": "'komune'",
        "hint": _load("hint.did_you_mean", choice="'kommune'"),
        "allowed": "municipality, housing, civil_society",
    },
    "load.cell.choice": {"allowed": "lead, member", "got": "'leder'", "hint": ""},
    "load.sheet.no_parent": {
        "parent": "partnership",
        "key": "'medvnd'",
        "hint": _load("hint.did_you_mean", choice="'opdrift'"),
    },
    "load.sheet.column": {"name": "'Navnn'", "hint": _load("hint.did_you_mean", choice="'Navn'")},
    "load.sheet.unknown": {"name": "'Ark1'", "hint": ""},
    "load.sheet.not_xlsx": {"detail": "File is not a zip file"},
    "load.sheet.not_utf8": {"detail": "'utf-8' codec can't decode byte 0xe6 in position 12"},
    "error.reason.currency": {"hint": Phrase.of(Text("error.reason.currency_hint"), codes="'DKK'")},
    "error.reason.history_empty": {"name": "phase"},
    "error.reason.list_dated": {
        "category": "'vulnerable'",
        "start": "2019-01-01",
        "end": Phrase.of(Text("error.reason.list_to"), end="2026-12-31"),
        "known": Phrase.of(Text("error.reason.no_category")),
    },
    "error.reason.not_a": {"name": "phase"},
    "error.reason.unknown_later": {"name": "phase"},
    "error.reason.one_seat": {"role": "chair", "count": "2"},
    **{f"format.{unit}": {"n": 1} for unit in ("year", "month", "week", "day", "hour")},
}


def placeholders(template: str) -> list[str]:
    """The names of the placeholders of ``template``, in order."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def texts(lang: str) -> dict[str, str]:
    """Every message id of ``lang``'s catalogue with its text filled by :data:`SAMPLES`.

    Raises:
        KeyError: A placeholder has no sample value.
    """
    out: dict[str, str] = {}
    for key, template in sorted(catalogue(lang).items()):
        given = OVERRIDES.get(key, {})
        values = {name: given.get(name, SAMPLES[name]) for name in placeholders(template)}
        out[key] = fill(template, values, lang) if values else template
    return out


def page(lang: str) -> str:
    """The Markdown page of every text in ``lang``, grouped by the first part of its id."""
    lines = [
        f"# Texts in {language_name(lang)} ({lang})",
        "",
        "<!-- Generated; do not edit. Regenerate with: " + COMMAND + " -->",
        "",
        "Every text the package shows a person, by message id, with realistic values",
        "filled in (`tools/write_texts.py`). Read it through as a reader of the language",
        "would; fix a text in `src/samarbejde/model/words/" + lang + ".toml`.",
    ]
    group = None
    for key, text in texts(lang).items():
        head = key.split(".", 1)[0]
        if head != group:
            group = head
            lines += ["", f"## {head}", ""]
        shown = text.replace("\n", " ").replace("\u2066", "").replace("\u2069", "")
        lines.append(f"- `{key}`: {shown}" if shown.strip() else f"- `{key}`: (empty)")
    return "\n".join(lines) + "\n"


def path(lang: str) -> Path:
    """Where ``lang``'s page is written."""
    return DOCS / f"texts-{lang}.md"


def main() -> int:
    """Write every language's page."""
    for lang in LANGS:
        path(lang).write_text(page(lang), encoding="utf-8")
        print(path(lang).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
