"""Run the pipeline's steps (as the flow does, without Prefect's start-up) in a child process to kill."""

import sys
from pathlib import Path

from kabar import steps
from kabar.settings import REPO_ROOT
from kabar.warehouse import Warehouse


def main(raw: str, wh: str, batch: str) -> None:
    warehouse = Warehouse(Path(wh))
    with warehouse.locked():
        state = warehouse.state()
        plan = steps.plan(Path(raw), state)
        for files in steps.batches(plan.todo, int(batch)):
            v = steps.validate(steps.extract(steps.ingest(files, 10**7)), REPO_ROOT / "expectations")
            b, _ = steps.build_batch(v, state)
            warehouse.publish(b)
            print("published", flush=True)
        state.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
