"""The report's own words in Danish and English: the one table of them.

Enum values and known codes are labelled by :func:`samarbejde.label`; maturity levels,
dimensions and severities by their own ``label(lang)``. Everything else the page says
is here, once, as the package's bilingual :class:`~samarbejde.model.Text`.
"""

from __future__ import annotations

from types import MappingProxyType

from samarbejde.model import Lang, Text
from samarbejde.model.text import check_lang

__all__ = ["MONTHS", "TEXTS", "say"]

_TEXTS: dict[str, Text] = {
    # how numbers, amounts and dates are written
    "number.group": Text(".", ","),
    "number.point": Text(",", "."),
    "money.dkk": Text("{number} kr.", "DKK {number}"),
    "money.other": Text("{number} {currency}", "{currency} {number}"),
    "date": Text("{day}. {month} {year}", "{day} {month} {year}"),
    # the page
    "title": Text("Rapport om samarbejder", "Partnership report"),
    "as_of": Text("Opgjort pr. {day}", "As of {day}"),
    "contents": Text("Indhold", "Contents"),
    "made_by": Text(
        "Lavet af samarbejde ud fra beskrivelserne; hver bemærkning nævner fil og linje, "
        "når filen er kendt.",
        "Made by samarbejde from the descriptions; each finding names its file and line "
        "when the file is known.",
    ),
    "portfolio": Text("Portefølje", "Portfolio"),
    "portfolio_counts": Text(
        "Organisationer: {organisations}, områder: {areas}, samarbejder: {partnerships}",
        "Organisations: {organisations}, areas: {areas}, partnerships: {partnerships}",
    ),
    "overview": Text("Overblik", "Overview"),
    "overview_caption": Text(
        "Samarbejderne pr. {day}: form, fase, modenhed og fund",
        "The partnerships as of {day}: form, phase, maturity and findings",
    ),
    "no_partnerships": Text(
        "Ingen samarbejder var begyndt pr. {day}.",
        "No partnership had begun by {day}.",
    ),
    # columns and facts
    "partnership": Text("Samarbejde", "Partnership"),
    "form": Text("Form", "Form"),
    "phase": Text("Fase", "Phase"),
    "since": Text("Siden", "Since"),
    "until": Text("Planlagt til", "Planned until"),
    "open_ended": Text("uden slutdato", "open-ended"),
    "areas": Text("Områder", "Areas"),
    "no_areas": Text("Ingen områder er angivet.", "No area is named."),
    "area_line": Text("{name} ({municipality} Kommune)", "{name} ({municipality} Municipality)"),
    "classified": Text("{category} (listen {day})", "{category} (list of {day})"),
    "classified_ended": Text(
        "{category} (listen {day}; kategorien ophørte med sin lov {end})",
        "{category} (list of {day}; the category ended with its law on {end})",
    ),
    "not_on_lists": Text("ikke på listerne", "not on the lists"),
    "level": Text("Modenhed", "Maturity"),
    "findings": Text("Fund", "Findings"),
    "form.project": Text("projekt", "project"),
    "form.strategic": Text("strategisk samarbejde", "strategic partnership"),
    "parent": Text("Del af", "Part of"),
    "reviews": Text("Evalueringer", "Reviews"),
    # members
    "members": Text("Hvem sidder med ved bordet", "Who is at the table"),
    "members_caption": Text(
        "Medlemmer pr. {day} efter sektor",
        "Members as of {day} by sector",
    ),
    "sector": Text("Sektor", "Sector"),
    "organisation": Text("Organisation", "Organisation"),
    "role": Text("Rolle", "Role"),
    "joined": Text("Med siden", "Member since"),
    "missing": Text("Mangler ved bordet: {sectors}.", "Missing from the table: {sectors}."),
    "all_present": Text(
        "Alle fem sektorer sidder med ved bordet.",
        "All five sectors are at the table.",
    ),
    "no_members": Text("Ingen medlemmer pr. {day}.", "No members as of {day}."),
    "unknown_organisation": Text("ukendt organisation {id}", "unknown organisation {id}"),
    # maturity
    "maturity": Text("Modenhed", "Maturity"),
    "maturity_line": Text(
        "Niveau: {level} ({total} af 27 point).",
        "Level: {level} ({total} of 27 points).",
    ),
    "maturity_caption": Text(
        "Point pr. dimension (0-3) og det, de bygger på",
        "Score per dimension (0-3) and the evidence behind it",
    ),
    "dimension": Text("Dimension", "Dimension"),
    "score": Text("Point", "Score"),
    "evidence": Text("Grundlag", "Evidence"),
    "score_of": Text("{score} af 3", "{score} of 3"),
    "no_maturity": Text("Ikke vurderet.", "Not assessed."),
    # findings
    "findings_none": Text("Ingen fund.", "No findings."),
    "findings_count": Text("{count} fund", "{count} findings"),
    "portfolio_findings": Text(
        "Fund om porteføljen som helhed",
        "Findings about the portfolio as a whole",
    ),
    "line": Text("linje {line}", "line {line}"),
    # commitments
    "overdue": Text("Forpligtelser over tid", "Overdue commitments"),
    "overdue_caption": Text(
        "Forpligtelser hvis periode er slut, men som ikke er afsluttet pr. {day}",
        "Commitments whose term has ended but that are still open as of {day}",
    ),
    "overdue_none": Text("Ingen forpligtelser er over tid.", "No commitment is overdue."),
    "commitment": Text("Forpligtelse", "Commitment"),
    "by": Text("Fra", "By"),
    "kind": Text("Art", "Kind"),
    "status": Text("Status", "Status"),
    "due": Text("Skulle være indfriet", "Due"),
    "days_overdue": Text("Dage over tid", "Days overdue"),
    "promised": Text("Lovet", "Promised"),
    "delivered": Text("Leveret", "Delivered"),
    "nothing_delivered": Text("intet registreret", "nothing recorded"),
    # funding
    "funding": Text("Finansiering", "Funding"),
    "funding_caption": Text("Finansiering efter bevillingsgiver", "Funding by funder"),
    "funder": Text("Bevillingsgiver", "Funder"),
    "amount": Text("Beløb", "Amount"),
    "period": Text("Periode", "Period"),
    "funding_none": Text("Ingen finansiering er registreret.", "No funding is recorded."),
    "ends": Text("Når pengene slipper op", "When the money runs out"),
    "cliff": Text("finansieringskløft", "funding cliff"),
    "cliff_line": Text(
        "Finansieringen slutter {day}, og intet registreret tager over: en finansieringskløft.",
        "The funding ends on {day} and nothing recorded follows: a funding cliff.",
    ),
    "follows.funding": Text(
        "Finansieringen slutter {day}; ny finansiering begynder {next} ({gap} dage uden).",
        "The funding ends on {day}; new funding starts on {next} ({gap} days without).",
    ),
    "follows.strategic_form": Text(
        "Finansieringen slutter {day}; samarbejdet fortsatte i den strategiske form.",
        "The funding ends on {day}; the partnership went on in the strategic form.",
    ),
    "follows.parent": Text(
        "Finansieringen slutter {day}; projektet hører under et strategisk samarbejde, "
        "der fortsætter.",
        "The funding ends on {day}; the project runs under a strategic partnership that goes on.",
    ),
    # pictures
    "pictures": Text("Billeder", "Pictures"),
    "timeline": Text("Samarbejder over tid", "Partnerships over time"),
    "timeline_desc": Text(
        "Én række pr. samarbejde med dets faser som farvede felter; den stiplede linje er "
        "{day}. Samme oplysninger står i teksten under hvert samarbejde.",
        "One row per partnership with its phases as coloured bars; the dashed line is "
        "{day}. The same facts are written out under each partnership.",
    ),
    "funding_picture": Text("Finansiering over tid", "Funding over time"),
    "funding_desc": Text(
        "Én række pr. bevillingsgiver og samarbejde; en rød markering med ordet "
        "finansieringskløft viser, hvor pengene slipper op, uden at noget tager over. "
        "Samme oplysninger står i tabellerne under hvert samarbejde.",
        "One row per funder and partnership; a red mark with the words funding cliff shows "
        "where the money runs out with nothing to follow. The same facts are in the tables "
        "under each partnership.",
    ),
    "network": Text("Hvem arbejder sammen med hvem", "Who works with whom"),
    "network_desc": Text(
        "Samarbejderne til venstre, organisationerne til højre med deres sektor; en streg "
        "er et medlemskab pr. {day}.",
        "The partnerships on the left, the organisations on the right with their sector; "
        "a line is a membership as of {day}.",
    ),
    "open": Text("løbende", "ongoing"),
    "legend_review": Text("evaluering", "review"),
    "legend_planned": Text("planlagt resten", "planned remainder"),
    "today": Text("i dag", "today"),
    # the national overview (D104)
    "national_title": Text("Samarbejderne i hele landet", "The partnerships of the whole country"),
    "national_intro": Text(
        "{count} samarbejder pr. {day}, talt efter region, kommune, form, fase og modenhed. "
        "Hvert samarbejde har sin egen side.",
        "{count} partnerships as of {day}, counted by region, kommune, form, phase and "
        "maturity. Each partnership has its own page.",
    ),
    "back_to_overview": Text("Tilbage til overblikket", "Back to the overview"),
    "value": Text("Hvad", "What"),
    "partnerships": Text("Samarbejder", "Partnerships"),
    "strategic_count": Text("Heraf strategiske", "Of which strategic"),
    "by_region": Text("Efter region", "By region"),
    "by_kommune": Text("Efter kommune", "By kommune"),
    "by_form": Text("Efter form", "By form"),
    "by_phase": Text("Efter fase", "By phase"),
    "by_level": Text("Efter modenhed", "By maturity"),
    "all_partnerships": Text("Alle samarbejder", "Every partnership"),
    "kommune": Text("Kommune", "Kommune"),
    "no_kommune": Text("intet område angivet", "no area named"),
    "findings_ewi": Text("Fejl / advarsler / bemærkninger", "Errors / warnings / info"),
    "listed_areas": Text("Områder på listerne", "Areas on the lists"),
    "listed_counts": Text(
        "{listed} områder på en liste; {without} uden et samarbejde, {without_strategic} "
        "uden et strategisk samarbejde.",
        "{listed} areas on a list; {without} without a partnership, {without_strategic} "
        "without a strategic partnership.",
    ),
    "area": Text("Område", "Area"),
    "list": Text("Liste", "List"),
    "strategic": Text("Strategiske", "Strategic"),
    "none": Text("ingen", "none"),
    "missing_sectors": Text("Sektorer der mangler ved bordet", "Sectors missing from the table"),
    "funding_by_year": Text("Finansiering der slutter, år for år", "Funding that ends, by year"),
    "year": Text("År", "Year"),
    "funding_ends": Text("Ophører", "Ends"),
    "cliffs": Text("Finansieringskløfter", "Funding cliffs"),
    "overdue_ranked": Text(
        "Samarbejder med forpligtelser over tid", "Partnerships with overdue commitments"
    ),
    "overdue_total": Text(
        "{count} forpligtelser over tid i {partnerships} samarbejder; de første 50 er vist.",
        "{count} overdue commitments in {partnerships} partnerships; the first 50 are shown.",
    ),
    "rules_counted": Text("Fund efter regel", "Findings by rule"),
    "code": Text("Regel", "Rule"),
    "severity": Text("Alvor", "Severity"),
}

#: Every text of the report, by key.
TEXTS = MappingProxyType(_TEXTS)

_MONTHS: tuple[Text, ...] = (
    Text("januar", "January"),
    Text("februar", "February"),
    Text("marts", "March"),
    Text("april", "April"),
    Text("maj", "May"),
    Text("juni", "June"),
    Text("juli", "July"),
    Text("august", "August"),
    Text("september", "September"),
    Text("oktober", "October"),
    Text("november", "November"),
    Text("december", "December"),
)

#: The months' names, January first.
MONTHS = _MONTHS


def say(key: str, lang: Lang, /, **values: object) -> str:
    """The text ``key`` in ``lang``, filled with ``values`` (not escaped).

    Raises:
        KeyError: The table has no such text.
        ValueError: ``lang`` is neither ``"da"`` nor ``"en"``.

    >>> say("as_of", "en", day="1 June 2025")
    'As of 1 June 2025'
    """
    text = _TEXTS[key].pick(check_lang(lang))
    return text.format(**values) if values else text
