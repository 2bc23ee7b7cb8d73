"""Interoperability: export to W3C ORG (ORG-AP-DK), Popolo and IATI; read Popolo.

Each exporter returns an :class:`Export`: the document and the :class:`Omission` s,
what the target standard could not say, each with the path of the thing by ids and
the reason. Nothing is dropped silently. The exporters need no dependency beyond the
standard library; checking their output against the standards' own validators (in the
tests: the XSDs and IATI's Standard Ruleset with lxml, the SHACL shapes with pyshacl,
Popolo's schemas with jsonschema, RDF with rdflib) uses the ``interop`` extra.

>>> from samarbejde import examples
>>> from samarbejde.interop import to_popolo
>>> export = to_popolo(examples.load("opdrift"))
>>> sorted(export.document)
['areas', 'memberships', 'organizations', 'posts']
>>> export.omitted[0].path
'organisations[...]...'
"""

from __future__ import annotations

from samarbejde.interop._exporters import EXPORTERS, Exporter
from samarbejde.interop._iati import (
    DEFAULT_SECTOR,
    IATI_VERSION,
    REGISTRATION_AGENCY,
    IatiSector,
    organisation_identifier,
    to_iati,
)
from samarbejde.interop._org import (
    CVR_IRI,
    DEFAULT_BASE,
    KOMMUNEKODE_IRI,
    ORG_CONTEXT,
    to_org_jsonld,
)
from samarbejde.interop._popolo import (
    CVR_SCHEME,
    KOMMUNEKODE_SCHEME,
    PARTNERSHIP_CLASSIFICATION,
    to_popolo,
)
from samarbejde.interop._popolo_read import from_popolo
from samarbejde.interop._result import Export, Import, InteropError, Omission, summary
from samarbejde.interop._tables import (
    IATI_ACTIVITY_STATUS,
    IATI_ACTIVITY_STATUS_NAMES,
    IATI_ORGANISATION_ROLE_NAMES,
    IATI_ORGANISATION_ROLES,
    IATI_ORGANISATION_TYPE_NAMES,
    IATI_ORGANISATION_TYPES,
    FieldTable,
    Mapped,
    Omitted,
    Table,
    mapping_table,
)

__all__ = [
    "CVR_IRI",
    "CVR_SCHEME",
    "DEFAULT_BASE",
    "DEFAULT_SECTOR",
    "EXPORTERS",
    "IATI_ACTIVITY_STATUS",
    "IATI_ACTIVITY_STATUS_NAMES",
    "IATI_ORGANISATION_ROLES",
    "IATI_ORGANISATION_ROLE_NAMES",
    "IATI_ORGANISATION_TYPES",
    "IATI_ORGANISATION_TYPE_NAMES",
    "IATI_VERSION",
    "KOMMUNEKODE_IRI",
    "KOMMUNEKODE_SCHEME",
    "ORG_CONTEXT",
    "PARTNERSHIP_CLASSIFICATION",
    "REGISTRATION_AGENCY",
    "Export",
    "Exporter",
    "FieldTable",
    "IatiSector",
    "Import",
    "InteropError",
    "Mapped",
    "Omission",
    "Omitted",
    "Table",
    "from_popolo",
    "mapping_table",
    "organisation_identifier",
    "summary",
    "to_iati",
    "to_org_jsonld",
    "to_popolo",
]
