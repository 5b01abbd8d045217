"""Views of parsed releases for people: the explain view (terminal, HTML) and corpus report."""

from releaseparse.summary import Summary, summarize
from releaseparse.views.explain import explain_html, explain_text
from releaseparse.views.report import report_html
from releaseparse.views.results import read_results

__all__ = ["Summary", "explain_html", "explain_text", "read_results", "report_html", "summarize"]
