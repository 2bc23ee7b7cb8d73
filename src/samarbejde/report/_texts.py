"""The report's own words in Danish and English: the one table of them.

Enum values and known codes are labelled by :func:`samarbejde.label`; maturity levels,
dimensions and severities by their own ``label(lang)``. Everything else the page says
is here, once, as a ``(da, en)`` pair.
"""

from __future__ import annotations

from types import MappingProxyType

from samarbejde.model import Lang

__all__ = ["MONTHS", "TEXTS", "say"]

_TEXTS: dict[str, tuple[str, str]] = {
    # the page
    "title": ("Rapport om samarbejder", "Partnership report"),
    "as_of": ("Opgjort pr. {day}", "As of {day}"),
    "contents": ("Indhold", "Contents"),
    "made_by": (
        "Lavet af samarbejde ud fra beskrivelserne; hver bemærkning nævner fil og linje, "
        "når filen er kendt.",
        "Made by samarbejde from the descriptions; each finding names its file and line "
        "when the file is known.",
    ),
    "portfolio": ("Portefølje", "Portfolio"),
    "portfolio_counts": (
        "Organisationer: {organisations}, områder: {areas}, samarbejder: {partnerships}",
        "Organisations: {organisations}, areas: {areas}, partnerships: {partnerships}",
    ),
    "overview": ("Overblik", "Overview"),
    "overview_caption": (
        "Samarbejderne pr. {day}: form, fase, modenhed og fund",
        "The partnerships as of {day}: form, phase, maturity and findings",
    ),
    "no_partnerships": (
        "Ingen samarbejder var begyndt pr. {day}.",
        "No partnership had begun by {day}.",
    ),
    # columns and facts
    "partnership": ("Samarbejde", "Partnership"),
    "form": ("Form", "Form"),
    "phase": ("Fase", "Phase"),
    "since": ("Siden", "Since"),
    "until": ("Planlagt til", "Planned until"),
    "open_ended": ("uden slutdato", "open-ended"),
    "areas": ("Områder", "Areas"),
    "no_areas": ("Ingen områder er angivet.", "No area is named."),
    "area_line": ("{name} ({municipality} Kommune)", "{name} ({municipality} Municipality)"),
    "classified": ("{category} (listen {day})", "{category} (list of {day})"),
    "not_on_lists": ("ikke på listerne", "not on the lists"),
    "level": ("Modenhed", "Maturity"),
    "findings": ("Fund", "Findings"),
    "form.project": ("projekt", "project"),
    "form.strategic": ("strategisk samarbejde", "strategic partnership"),
    "parent": ("Del af", "Part of"),
    "reviews": ("Evalueringer", "Reviews"),
    # members
    "members": ("Hvem sidder med ved bordet", "Who is at the table"),
    "members_caption": (
        "Medlemmer pr. {day} efter sektor",
        "Members as of {day} by sector",
    ),
    "sector": ("Sektor", "Sector"),
    "organisation": ("Organisation", "Organisation"),
    "role": ("Rolle", "Role"),
    "joined": ("Med siden", "Member since"),
    "missing": ("Mangler ved bordet: {sectors}.", "Missing from the table: {sectors}."),
    "all_present": (
        "Alle fem sektorer sidder med ved bordet.",
        "All five sectors are at the table.",
    ),
    "no_members": ("Ingen medlemmer pr. {day}.", "No members as of {day}."),
    "unknown_organisation": ("ukendt organisation {id}", "unknown organisation {id}"),
    # maturity
    "maturity": ("Modenhed", "Maturity"),
    "maturity_line": (
        "Niveau: {level} ({total} af 27 point).",
        "Level: {level} ({total} of 27 points).",
    ),
    "maturity_caption": (
        "Point pr. dimension (0-3) og det, de bygger på",
        "Score per dimension (0-3) and the evidence behind it",
    ),
    "dimension": ("Dimension", "Dimension"),
    "score": ("Point", "Score"),
    "evidence": ("Grundlag", "Evidence"),
    "score_of": ("{score} af 3", "{score} of 3"),
    "no_maturity": ("Ikke vurderet.", "Not assessed."),
    # findings
    "findings_none": ("Ingen fund.", "No findings."),
    "findings_count": ("{count} fund", "{count} findings"),
    "portfolio_findings": (
        "Fund om porteføljen som helhed",
        "Findings about the portfolio as a whole",
    ),
    "line": ("linje {line}", "line {line}"),
    # commitments
    "overdue": ("Forpligtelser over tid", "Overdue commitments"),
    "overdue_caption": (
        "Forpligtelser hvis periode er slut, men som ikke er afsluttet pr. {day}",
        "Commitments whose term has ended but that are still open as of {day}",
    ),
    "overdue_none": ("Ingen forpligtelser er over tid.", "No commitment is overdue."),
    "commitment": ("Forpligtelse", "Commitment"),
    "by": ("Fra", "By"),
    "kind": ("Art", "Kind"),
    "status": ("Status", "Status"),
    "due": ("Skulle være indfriet", "Due"),
    "days_overdue": ("Dage over tid", "Days overdue"),
    "promised": ("Lovet", "Promised"),
    "delivered": ("Leveret", "Delivered"),
    "nothing_delivered": ("intet registreret", "nothing recorded"),
    # funding
    "funding": ("Finansiering", "Funding"),
    "funding_caption": ("Finansiering efter bevillingsgiver", "Funding by funder"),
    "funder": ("Bevillingsgiver", "Funder"),
    "amount": ("Beløb", "Amount"),
    "period": ("Periode", "Period"),
    "funding_none": ("Ingen finansiering er registreret.", "No funding is recorded."),
    "ends": ("Når pengene slipper op", "When the money runs out"),
    "cliff": ("finansieringskløft", "funding cliff"),
    "cliff_line": (
        "Finansieringen slutter {day}, og intet registreret tager over: en finansieringskløft.",
        "The funding ends on {day} and nothing recorded follows: a funding cliff.",
    ),
    "follows.funding": (
        "Finansieringen slutter {day}; ny finansiering begynder {next} ({gap} dage uden).",
        "The funding ends on {day}; new funding starts on {next} ({gap} days without).",
    ),
    "follows.strategic_form": (
        "Finansieringen slutter {day}; samarbejdet fortsatte i den strategiske form.",
        "The funding ends on {day}; the partnership went on in the strategic form.",
    ),
    "follows.parent": (
        "Finansieringen slutter {day}; projektet hører under et strategisk samarbejde, "
        "der fortsætter.",
        "The funding ends on {day}; the project runs under a strategic partnership that goes on.",
    ),
    # pictures
    "pictures": ("Billeder", "Pictures"),
    "timeline": ("Samarbejder over tid", "Partnerships over time"),
    "timeline_desc": (
        "Én række pr. samarbejde med dets faser som farvede felter; den stiplede linje er "
        "{day}. Samme oplysninger står i teksten under hvert samarbejde.",
        "One row per partnership with its phases as coloured bars; the dashed line is "
        "{day}. The same facts are written out under each partnership.",
    ),
    "funding_picture": ("Finansiering over tid", "Funding over time"),
    "funding_desc": (
        "Én række pr. bevillingsgiver og samarbejde; en rød markering med ordet "
        "finansieringskløft viser, hvor pengene slipper op, uden at noget tager over. "
        "Samme oplysninger står i tabellerne under hvert samarbejde.",
        "One row per funder and partnership; a red mark with the words funding cliff shows "
        "where the money runs out with nothing to follow. The same facts are in the tables "
        "under each partnership.",
    ),
    "network": ("Hvem arbejder sammen med hvem", "Who works with whom"),
    "network_desc": (
        "Samarbejderne til venstre, organisationerne til højre med deres sektor; en streg "
        "er et medlemskab pr. {day}.",
        "The partnerships on the left, the organisations on the right with their sector; "
        "a line is a membership as of {day}.",
    ),
    "open": ("løbende", "ongoing"),
    "legend_review": ("evaluering", "review"),
    "legend_planned": ("planlagt resten", "planned remainder"),
    "today": ("i dag", "today"),
}

#: Every text of the report as a ``(da, en)`` pair, by key.
TEXTS = MappingProxyType(_TEXTS)

_MONTHS: tuple[tuple[str, str], ...] = (
    ("januar", "January"),
    ("februar", "February"),
    ("marts", "March"),
    ("april", "April"),
    ("maj", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("august", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("december", "December"),
)

#: The months' names as ``(da, en)`` pairs, January first.
MONTHS = _MONTHS


def say(key: str, lang: Lang, /, **values: object) -> str:
    """The text ``key`` in ``lang``, filled with ``values`` (not escaped).

    Raises:
        KeyError: The table has no such text.
        ValueError: ``lang`` is neither ``"da"`` nor ``"en"``.

    >>> say("as_of", "en", day="1 June 2025")
    'As of 1 June 2025'
    """
    if lang not in ("da", "en"):
        raise ValueError(f"lang must be 'da' or 'en', got {lang!r}")
    text = _TEXTS[key][0 if lang == "da" else 1]
    return text.format(**values) if values else text
