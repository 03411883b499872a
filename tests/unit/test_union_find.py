"""The union-find shared by the assessment planner and batched validation."""

from aiact_kg.union_find import UnionFind


def test_sets_join_and_keep_their_smallest_index_as_root() -> None:
    sets = UnionFind(5)
    sets.union(3, 1)
    sets.union(4, 3)
    assert [sets.find(i) for i in range(5)] == [0, 1, 2, 1, 1]
    added = sets.new_item()
    assert added == 5
    assert sets.find(added) == 5
    sets.union(added, 0)
    assert sets.find(5) == 0
    assert sets.find(4) == 1
