"""Batches bound both the number of files and the bytes of input, so big JSONL dumps still split."""

from pathlib import Path

from kabar.sources import InputFile
from kabar.steps import auto_workers, batches


def files(*sizes: int) -> list[InputFile]:
    return [InputFile(Path(f"f{i}"), f"f{i}", size, 0) for i, size in enumerate(sizes)]


def sizes(groups: list[list[InputFile]]) -> list[list[int]]:
    return [[f.size for f in g] for g in groups]


def test_file_count_bounds_a_batch():
    assert sizes(batches(files(1, 1, 1, 1, 1), 2)) == [[1, 1], [1, 1], [1]]


def test_bytes_bound_a_batch_and_a_large_file_is_a_batch_of_its_own():
    assert sizes(batches(files(4, 4, 4, 30, 1, 1), 100, max_bytes=10)) == [[4, 4], [4], [30], [1, 1]]


def test_every_file_is_in_exactly_one_batch_in_order():
    fs = files(*range(1, 50))
    assert [f for g in batches(fs, 7, max_bytes=60) for f in g] == fs


def test_with_workers_the_work_is_cut_for_several_batches_per_worker():
    assert len(batches(files(*[1] * 100), 2000, max_bytes=10**9)) == 1
    two = batches(files(*[1] * 100), 2000, max_bytes=10**9, workers=2)
    assert len(two) >= 14 and max(len(g) for g in two) <= 7  # about 8 batches a worker, ceil(100 / 16)
    dumps = batches(files(*[5000] * 10), 2000, max_bytes=10**7, workers=2)
    assert sizes(dumps) == [[5000]] * 10  # bytes cut too: each big dump is a batch of its own
    assert batches(files(), 2000, workers=2) == []


def test_the_default_mode_uses_every_core_only_for_more_than_one_batch():
    assert auto_workers(files(*[1] * 10), 2000, 10**7, cpus=2) == 1  # one batch: no cluster to start
    assert auto_workers(files(*[1] * 4001), 2000, 10**7, cpus=2) == 2
    assert auto_workers(files(*[6 * 10**6] * 3), 2000, 10**7, cpus=8) == 3  # never more workers than batches
    assert auto_workers(files(*[1] * 40_000), 2000, 10**7, cpus=64) == 8  # nor more than the default's cap
    assert auto_workers(files(*[1] * 4001), 2000, 10**7, cpus=None) == 1
    assert auto_workers([], 2000, 10**7, cpus=2) == 1
