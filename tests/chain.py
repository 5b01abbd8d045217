"""A parse state as the chain of extractors leaves it just before a given step."""

from __future__ import annotations

from releaseparse.parser import Parser
from releaseparse.state import ParseState
from releaseparse.vocabulary import Vocabulary


def state_before(
    text: str, vocabulary: Vocabulary, step: str, skip: frozenset[str] = frozenset()
) -> ParseState:
    """A parse state with the chain run up to (not including) ``step``, but for ``skip``."""
    state = ParseState(text, vocabulary=vocabulary)
    for name, extractor in Parser(vocabulary=vocabulary):
        if name == step:
            break
        if name in skip:
            continue
        state.extractor = name
        extractor(state)
    state.extractor = step
    return state
