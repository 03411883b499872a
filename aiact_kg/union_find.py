"""Disjoint sets of indexes (union-find), for grouping inputs that must be handled together."""

from __future__ import annotations


class UnionFind:
    """Sets of the indexes ``0 .. n-1``; each set's root is its smallest index."""

    def __init__(self, size: int = 0) -> None:
        self.parent = list(range(size))

    def new_item(self) -> int:
        """Add an index in a set of its own; returns it."""
        index = len(self.parent)
        self.parent.append(index)
        return index

    def find(self, item: int) -> int:
        """The root of ``item``'s set (halving the path on the way)."""
        parent = self.parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, first: int, second: int) -> None:
        """Join the sets of ``first`` and ``second``."""
        first, second = self.find(first), self.find(second)
        if first != second:
            self.parent[max(first, second)] = min(first, second)
