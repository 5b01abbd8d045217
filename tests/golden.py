"""The golden view of a parsed release: what a fixture's ``.expected.json`` holds."""

from __future__ import annotations

from typing import Any

from releaseparse import Release
from releaseparse.serialize import header_to_dict


def golden_view(release: Release) -> dict[str, Any]:
    """Fields, spans with their raw text, regions and defect codes of ``release``."""
    source = release.source
    return {
        "header": header_to_dict(release.header),
        "paragraphs": list(release.body.paragraphs),
        "turns": [
            {
                "label": turn.label,
                "text": turn.text,
                "start": turn.span.start,
                "end": turn.span.end,
            }
            for turn in release.body.turns
        ],
        "disclaimer": release.disclaimer,
        "extras": dict(release.extras),
        "spans": {
            name: {"start": span.start, "end": span.end, "text": span.slice(source)}
            for name, span in sorted(release.spans.items())
        },
        "regions": [
            [region.kind, region.span.start, region.span.end, region.span.slice(source)]
            for region in release.regions
        ],
        "defects": [[defect.code, defect.severity.value] for defect in release.defects],
    }
