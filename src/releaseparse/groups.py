"""The worst inputs grouped by defect set, and lists of ids by name, in bounded memory."""

from __future__ import annotations

import heapq
from collections.abc import Iterable

import attrs

from releaseparse.outcome import ItemId, Outcome

#: How a group ranks: (failed, error codes, warning codes, minus the first input's position).
Rank = tuple[int, int, int, int]


@attrs.define
class WorstGroup:
    """Inputs that failed the same way or hold the same set of defect codes.

    ``first`` is the first input of the group (shown in full), ``count`` how many inputs
    the group holds, ``ids`` the first ``IdLists.limit`` of their ids.
    """

    key: tuple[str, ...]
    badness: tuple[int, int, int]
    first: Outcome
    seq: int
    count: int = 0
    ids: list[ItemId] = attrs.field(factory=list)

    @property
    def failure(self) -> str | None:
        """The exception type of a group of failed inputs, else ``None``."""
        return self.first.error.type if self.first.error is not None else None


@attrs.define
class WorstGroups:
    """The ``keep`` worst groups of inputs, added one input at a time, in flat memory.

    A group ranks by how bad its defect set is (failed, then more error codes, then more
    warning codes), then by when its first input came. That rank is fixed when the group is
    first seen, so a group once left out can never rank among the kept ones again: only the
    kept groups are held, each with its first input.
    """

    keep: int = 20
    listed: int = 0
    _groups: dict[tuple[str, ...], WorstGroup] = attrs.field(factory=dict)
    _heap: list[tuple[Rank, tuple[str, ...]]] = attrs.field(factory=list)

    def add(
        self, key: tuple[str, ...], badness: tuple[int, int, int], seq: int, outcome: Outcome
    ) -> None:
        """Count ``outcome`` (the ``seq``-th input) in its group ``key``, if that is kept."""
        group = self._groups.get(key)
        if group is None:
            rank = (*badness, -seq)
            if self.keep <= 0 or (len(self._heap) >= self.keep and rank <= self._heap[0][0]):
                return
            if len(self._heap) >= self.keep:
                _, dropped = heapq.heapreplace(self._heap, (rank, key))
                del self._groups[dropped]
            else:
                heapq.heappush(self._heap, (rank, key))
            group = self._groups[key] = WorstGroup(key, badness, outcome, seq)
        group.count += 1
        if len(group.ids) < self.listed:
            group.ids.append(outcome.id)

    @property
    def ranked(self) -> list[WorstGroup]:
        """The kept groups, worst first; of equally bad ones, the larger first, then earlier."""
        return sorted(
            self._groups.values(),
            key=lambda group: (*(-n for n in group.badness), -group.count, group.seq),
        )


@attrs.define
class IdLists:
    """The first ``limit`` ids under each name (a defect code, a missing field), and counts."""

    limit: int = 0
    ids: dict[str, list[ItemId]] = attrs.field(factory=dict)

    def add(self, names: Iterable[str], item: ItemId) -> None:
        """Note ``item`` under each of ``names`` that has room left."""
        if self.limit <= 0:
            return
        for name in names:
            listed = self.ids.setdefault(name, [])
            if len(listed) < self.limit:
                listed.append(item)
