from __future__ import annotations

from tests.analysis.portfolios import AS_OF, D, later, neighbourhood

from samarbejde import Portfolio
from samarbejde.analysis import lifecycle_mix


def test_lifecycle_mix_counts_projects_and_strategic_partnerships_each_year() -> None:
    mix = lifecycle_mix(neighbourhood(), as_of=AS_OF)
    rows = [(m.year, m.projects, m.strategic, m.ended, m.transitions, m.started) for m in mix]
    assert rows == [
        (2018, 0, 1, 0, 0, 1),
        (2019, 1, 1, 0, 0, 1),
        (2020, 2, 1, 0, 0, 1),
        (2021, 3, 1, 0, 0, 1),
        (2022, 1, 2, 1, 1, 0),
        (2023, 1, 2, 1, 0, 0),
        (2024, 1, 2, 1, 0, 0),
    ]
    assert mix[0].on == D(2018, 12, 31)
    assert mix[-1].on == AS_OF
    assert mix[3].active == 4


def test_a_transition_later_in_the_year_is_not_known_on_an_earlier_day() -> None:
    mix = lifecycle_mix(neighbourhood(), as_of=D(2022, 6, 30))
    assert (mix[-1].projects, mix[-1].strategic, mix[-1].transitions) == (3, 1, 0)


def test_nothing_begun_gives_no_mix() -> None:
    assert lifecycle_mix(Portfolio(partnerships=(later(),)), as_of=AS_OF) == ()
    assert lifecycle_mix(Portfolio(), as_of=AS_OF) == ()
