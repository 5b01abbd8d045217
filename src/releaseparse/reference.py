"""The field reference's tables, made from the registries so the docs cannot drift.

``docs/fields.md`` holds each table between ``<!-- generated: NAME -->`` and
``<!-- end generated -->``; a test keeps them equal to ``tables()``, and
``python -m releaseparse.reference`` prints them.
"""

from __future__ import annotations

from releaseparse.codes import DEFECT_CODES, REGION_KINDS


def _cell(text: str) -> str:
    return text.replace("``", "`").replace("|", "\\|")


def defect_code_table() -> str:
    """Every defect code with its severity and meaning, as a Markdown table."""
    rows = [
        f"| `{code}` | {severity.value} | {_cell(meaning)} |"
        for code, (severity, meaning) in DEFECT_CODES.items()
    ]
    return "\n".join(["| code | severity | meaning |", "|---|---|---|", *rows])


def region_kind_table() -> str:
    """Every region kind and what it covers, as a Markdown table."""
    rows = [f"| `{kind}` | {_cell(meaning)} |" for kind, meaning in REGION_KINDS.items()]
    return "\n".join(["| kind | what it covers |", "|---|---|", *rows])


def tables() -> dict[str, str]:
    """Generated block name -> its Markdown."""
    return {
        "region kinds": region_kind_table(),
        "defect codes": defect_code_table(),
    }


def main() -> None:
    """Print every generated block under its name."""
    for name, text in tables().items():
        print(f"<!-- generated: {name} -->\n{text}\n<!-- end generated -->\n")


if __name__ == "__main__":
    main()
