"""The Spark example as printed in docs/scaling.md: its definitions, and the call users make."""

from __future__ import annotations

import ast

import attrs

from tests.conftest import ROOT


@attrs.frozen
class SparkExample:
    """The example's code block, split where Spark comes in.

    ``definitions`` is the block up to its last statement (the imports and functions, which
    need no Spark to run); the last statement is the printed call,
    ``function(spark, source, target)`` with ``source`` and ``target`` storage paths.
    """

    definitions: str
    function: str
    source: str
    target: str


def spark_example() -> SparkExample:
    page = (ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")
    code = page.split("## Spark", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    module = ast.parse(code)
    *definitions, last = module.body
    assert isinstance(last, ast.Expr), "the example ends with the call users make"
    call = last.value
    assert isinstance(call, ast.Call)
    assert isinstance(call.func, ast.Name)
    assert not call.keywords
    session, source, target = call.args
    assert isinstance(session, ast.Name)
    assert session.id == "spark"
    assert isinstance(source, ast.Constant)
    assert isinstance(target, ast.Constant)
    assert isinstance(source.value, str)
    assert isinstance(target.value, str)
    defined = [node.name for node in definitions if isinstance(node, ast.FunctionDef)]
    assert call.func.id in defined, "the call is to a function the example defines"
    lines = code.splitlines(keepends=True)
    return SparkExample(
        definitions="".join(lines[: last.lineno - 1]),
        function=call.func.id,
        source=source.value,
        target=target.value,
    )
