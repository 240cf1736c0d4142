"""Provenance graph: links from credits, citations and reuse; chains to the roots; outlet comparison."""

from provenance.chains.chains import build_chains, choose_parents
from provenance.chains.compare import compare_outlets
from provenance.chains.links import build_links

__all__ = ["build_links", "build_chains", "choose_parents", "compare_outlets"]
