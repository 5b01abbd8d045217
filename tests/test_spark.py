"""docs/scaling.md's Spark example, run as printed on a local Spark session: rows of parse_many."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import releaseparse
from releaseparse.frames import SPARK_SCHEMA
from tests.conftest import FIXTURES, SHARED
from tests.spark_example import spark_example

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

DATA = SHARED / "data"
#: Set by CI: a missing PySpark or Java fails the Spark tests instead of skipping them.
REQUIRED = os.environ.get("RELEASEPARSE_REQUIRE_SPARK") == "1"


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def _missing() -> str | None:
    """Why Spark cannot run here, or ``None``."""
    if importlib.util.find_spec("pyspark") is None:
        return "PySpark is not installed (pip install -e '.[spark]')"
    if _java() is None:
        return "no Java runtime, on PATH or in JAVA_HOME (apt-get install default-jre-headless)"
    return None


MISSING = _missing()

pytestmark = [
    pytest.mark.spark,
    # PySpark 4 warns that it does not fully support pandas 3; this test is what shows that
    # the example gives the right rows with the pandas installed.
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
    pytest.mark.skipif(
        MISSING is not None and not REQUIRED, reason=f"Spark tests need Spark: {MISSING}"
    ),
]

SPARK_TO_ARROW = {"STRING": pa.string(), "DATE": pa.date32(), "INT": pa.int32()}
#: Which inputs the example runs on (the test's id says it): the real material, or fixtures.
MATERIAL = "real-material" if DATA.is_dir() else "fixtures"


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparkSession]:
    """A local session: two cores, little memory, no UI, Arrow on, everything under tmp."""
    if MISSING is not None:
        pytest.fail(f"RELEASEPARSE_REQUIRE_SPARK=1 but {MISSING}")
    from pyspark.sql import SparkSession

    scratch = tmp_path_factory.mktemp("spark")
    with pytest.MonkeyPatch.context() as patch:
        # The workers' Python is this one, where releaseparse is installed (not python3).
        patch.setenv("PYSPARK_PYTHON", sys.executable)
        patch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("releaseparse-tests")
            .config("spark.driver.memory", "1g")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            # Small batches: the example meets several batches per partition.
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "200")
            .config("spark.sql.warehouse.dir", str(scratch / "warehouse"))
            .config("spark.local.dir", str(scratch / "local"))
            .config("spark.driver.extraJavaOptions", f"-Djava.io.tmpdir={scratch}")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        yield session
        session.stop()


def material() -> list[tuple[str, str]]:
    """``(url, text)`` pairs: the real material beside the repository, or the fixtures."""
    if MATERIAL == "fixtures":  # ../shared/data is absent
        texts = sorted(FIXTURES.glob("*.txt"))
        return [(f"fixtures/{path.name}", path.read_text("utf-8", "replace")) for path in texts]
    feed = (DATA / "feed-2021-2022.jsonl").read_text(encoding="utf-8").splitlines()
    items = [(record["link"], record["text"]) for record in map(json.loads, feed)]
    for path in sorted((DATA / "real-layouts").glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        items.append((f"real-layouts/{path.name}", page["text"]))
    return items


def spark_value(name: str, value: Any) -> Any:
    """A ``to_arrow`` value as ``SPARK_SCHEMA`` has it: ``time`` a string ``HH:MM:SS``."""
    return value.isoformat() if name == "time" and value is not None else value


def canonical(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, default=str)


@pytest.mark.parametrize("used", [MATERIAL])
def test_the_spark_example_of_the_docs_gives_the_rows_of_parse_many(
    spark: SparkSession, tmp_path: Path, used: str
) -> None:
    """docs/scaling.md's Spark example as printed: its definitions run, then its call with the
    two ``s3://`` paths swapped for local folders; Spark writes Parquet, read back here."""
    example = spark_example()
    assert example.source.startswith("s3://")
    assert example.target.startswith("s3://")
    items = material()
    print(f"the Spark example on {len(items)} inputs: {used}")
    scraped, parsed = tmp_path / "scraped", tmp_path / "parsed"
    scraped.mkdir()
    frame = pd.DataFrame(items, columns=["url", "text"])
    for number, start in enumerate(range(0, len(frame), 300)):  # several files, partitions
        frame.iloc[start : start + 300].to_parquet(scraped / f"part-{number}.parquet")

    namespace: dict[str, Any] = {"__name__": "scaling_example"}
    exec(compile(example.definitions, "docs/scaling.md", "exec"), namespace)
    namespace[example.function](spark, str(scraped), str(parsed))

    table = pq.read_table(parsed)
    columns = [field.split(" ") for field in SPARK_SCHEMA.split(", ")]
    assert table.schema.names == list(releaseparse.ROW_COLUMNS)
    assert [(f.name, f.type) for f in table.schema] == [(n, SPARK_TO_ARROW[k]) for n, k in columns]
    back = spark.read.parquet(str(parsed))
    assert [(f.name, f.dataType.simpleString()) for f in back.schema.fields] == [
        (name, kind.lower()) for name, kind in columns
    ]

    got = table.to_pylist()
    expected = [
        {name: spark_value(name, value) for name, value in row.items()}
        for row in releaseparse.to_arrow(releaseparse.parse_many(items)).to_pylist()
    ]
    assert len(got) == len(items)
    assert Counter(row["id"] for row in got) == Counter(url for url, _ in items)
    assert sorted(map(canonical, got)) == sorted(map(canonical, expected))
    # Not vacuous: every kind of SPARK_SCHEMA's columns went through Spark with values.
    for name in ("title", "date", "time", "body", "paragraphs"):
        assert any(row[name] is not None for row in got), name
    timed = [row["time"] for row in got if row["time"] is not None]
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d", value) for value in timed)
