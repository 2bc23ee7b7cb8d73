"""Hits: what a rule's check yields, one per problem, for the engine to make a finding of."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from samarbejde.rules._findings import Related, _related

__all__ = ["Hit", "hit"]


@attrs.frozen
class Hit:
    """What a rule's check yields: where, about what, and the values for the message.

    Attributes:
        path: Where, by ids (see :class:`Finding`).
        subject: The id of the object concerned.
        values: The named values the message templates refer to. A check that receives
            a partnership need not give ``partnership``: its name is the default.
        partnership: The partnership the hit is inside. A check that receives a
            partnership need not set it (the engine does); a portfolio-wide check sets it
            for what it finds inside a partnership.
        related: Other places the cause lies (see :attr:`Finding.related`); the engine
            locates them in the source like the main path.
    """

    path: str
    subject: str
    values: Mapping[str, object] = attrs.field(factory=dict)
    partnership: str | None = None
    related: tuple[Related, ...] = attrs.field(default=(), converter=_related)

    def relating(self, *related: Related | str) -> Hit:
        """This hit with ``related`` locations added (a bare string is a path without note).

        >>> hit("a[x]", "x").relating("a[y]", Related("a[z]", "z")).related[0].path
        'a[y]'
        """
        more = tuple(r if isinstance(r, Related) else Related(r) for r in related)
        return attrs.evolve(self, related=(*self.related, *more))


def hit(path: str, subject: str, /, **values: object) -> Hit:
    """Make a :class:`Hit`; keyword arguments fill the message templates.

    >>> hit("organisations[x]", "x", organisation="x").values["organisation"]
    'x'
    """
    made: Hit = _new(Hit)  # Hit(path, subject, values) without __init__: one per problem
    _hit_path(made, path)
    _hit_subject(made, subject)
    _hit_values(made, values)
    _hit_partnership(made, None)
    _hit_related(made, ())
    return made


_new = object.__new__
_hit_path, _hit_subject, _hit_values, _hit_partnership, _hit_related = (
    Hit.__dict__[name].__set__ for name in ("path", "subject", "values", "partnership", "related")
)
