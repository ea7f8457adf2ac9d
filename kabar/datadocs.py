"""Great Expectations Data Docs of the latest validation of each table.

Every publish rewrites one small JSON file per validated table under warehouse/_gx/validations/
(GX's serialised ExpectationSuiteValidationResult), so validation never pays for a GX project or a
results store that grows with every batch. `build` renders those files into a static Data Docs
site at warehouse/_gx/docs/ with a throw-away GX context.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from kabar.schemas import TABLES

RESULTS_DIR = Path("_gx") / "validations"
SITE_DIR = Path("_gx") / "docs"
SITE_NAME = "kabar"

log = logging.getLogger(__name__)


class NoValidations(RuntimeError):
    """The warehouse holds no validation result yet."""


@dataclass(frozen=True)
class TablePage:
    """One table's latest validation, as shown in the Data Docs."""

    table: str
    success: bool
    evaluated: int
    successful: int
    page: Path


def save_latest(root: Path, records: dict[str, dict]) -> None:
    """Replace each table's saved result with this batch's (atomic renames; a reader sees old or new).

    Called after a batch is published, so a failure here is a warning: raising would make the
    caller retry a publish that already happened.
    """
    if not records:
        return
    folder = root / RESULTS_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for table, record in records.items():
            tmp = folder / f"{table}.json.tmp"
            tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, folder / f"{table}.json")
    except OSError as e:
        log.warning("validation results not saved in %s: %s", folder, e)


def load_latest(root: Path) -> dict[str, dict]:
    """The saved latest result of every table that has one."""
    out = {}
    for table in TABLES:
        path = root / RESULTS_DIR / f"{table}.json"
        if path.exists():
            out[table] = json.loads(path.read_text(encoding="utf-8"))
    return out


def build(root: Path, expectations: Path) -> tuple[Path, list[TablePage]]:
    """Render the saved results (and the suites) into the Data Docs site; returns index.html and the pages."""
    records = load_latest(root)
    if not records:
        raise NoValidations(f"no validation results in {root}; run `kabar run` first")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx  # slow import, only when building docs
    from great_expectations.core.expectation_validation_result import expectationSuiteValidationResultSchema
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    from kabar.validate import read_suite

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    site = (root / SITE_DIR).resolve()
    shutil.rmtree(site, ignore_errors=True)  # pages of older results must not linger
    ctx = gx.get_context(mode="ephemeral")
    for name in list(ctx.list_data_docs_sites()):  # the ephemeral default site writes to a temp dir
        ctx.delete_data_docs_site(name)
    ctx.add_data_docs_site(
        SITE_NAME,
        {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(site)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    for table in TABLES:
        data = read_suite(expectations, table)
        ctx.suites.add(gx.ExpectationSuite(name=data["name"], expectations=data["expectations"], meta=data.get("meta")))
    keys = {}
    for table, record in records.items():
        result = expectationSuiteValidationResultSchema.load(record)
        run = record["meta"].get("run_id") or {}
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=result.suite_name),
            run_id=RunIdentifier(run_name=run.get("run_name"), run_time=run.get("run_time")),
            batch_identifier=table,
        )
        ctx.validation_results_store.set(key, result)
        keys[table] = key
    ctx.build_data_docs(site_names=[SITE_NAME])
    pages = []
    for table, record in records.items():
        (url,) = ctx.get_docs_sites_urls(resource_identifier=keys[table], site_name=SITE_NAME)
        stats = record.get("statistics") or {}
        pages.append(
            TablePage(
                table=table,
                success=bool(record.get("success")),
                evaluated=int(stats.get("evaluated_expectations") or 0),
                successful=int(stats.get("successful_expectations") or 0),
                page=_path(url["site_url"]),
            )
        )
    return site / "index.html", pages


def _path(file_url: str) -> Path:
    return Path(unquote(urlparse(file_url).path))
