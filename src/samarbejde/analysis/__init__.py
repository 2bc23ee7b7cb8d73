"""Questions, tables, pictures and maturity for analysts in notebooks.

Every question takes a portfolio and the day it is asked about (``as_of``) and returns
typed, frozen records in a fixed order. Tables (:func:`to_frames`) need the ``frames``
extra (pandas, pyarrow) and pictures the ``plot`` extra (matplotlib, networkx); both
are imported only when used, and a missing one raises :class:`MissingExtraError`
naming the extra to install.
"""

from __future__ import annotations

from samarbejde.analysis._optional import MissingExtraError
from samarbejde.analysis.commitments import (
    OverdueCommitment,
    StatusSnapshot,
    overdue_commitments,
    overdue_counts,
    status_over_time,
)
from samarbejde.analysis.frames import Frames, records_frame, to_frames, to_parquet
from samarbejde.analysis.funding import (
    Continuation,
    FundingEnd,
    FundingPeriod,
    FundingYear,
    funding_by_year,
    funding_cliffs,
    funding_ends,
    funding_timeline,
    lifecycle_until,
)
from samarbejde.analysis.lifecycles import LifecycleMix, lifecycle_mix
from samarbejde.analysis.maturity import (
    DIMENSION_CODES,
    Dimension,
    DimensionScore,
    Level,
    Maturity,
    assess,
    level_for,
)
from samarbejde.analysis.members import (
    GapReason,
    MandateCoverage,
    MandateGap,
    MemberLoad,
    mandate_coverage,
    member_load,
)
from samarbejde.analysis.periods import PeriodStep, continuity, period_continuity
from samarbejde.analysis.progress import GoalProgress, goal_progress, share_of_way
from samarbejde.analysis.sectors import (
    CORE_SECTORS,
    AreaCoverage,
    SectorCoverage,
    Silo,
    area_coverage,
    root_organisation,
    sector_coverage,
    silos,
)

__all__ = [
    "CORE_SECTORS",
    "DIMENSION_CODES",
    "AreaCoverage",
    "Continuation",
    "Dimension",
    "DimensionScore",
    "Frames",
    "FundingEnd",
    "FundingPeriod",
    "FundingYear",
    "GapReason",
    "GoalProgress",
    "Level",
    "LifecycleMix",
    "MandateCoverage",
    "MandateGap",
    "Maturity",
    "MemberLoad",
    "MissingExtraError",
    "OverdueCommitment",
    "PeriodStep",
    "SectorCoverage",
    "Silo",
    "StatusSnapshot",
    "area_coverage",
    "assess",
    "continuity",
    "funding_by_year",
    "funding_cliffs",
    "funding_ends",
    "funding_timeline",
    "goal_progress",
    "level_for",
    "lifecycle_mix",
    "lifecycle_until",
    "mandate_coverage",
    "member_load",
    "overdue_commitments",
    "overdue_counts",
    "period_continuity",
    "records_frame",
    "root_organisation",
    "sector_coverage",
    "share_of_way",
    "silos",
    "status_over_time",
    "to_frames",
    "to_parquet",
]
