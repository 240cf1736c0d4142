"""provenance: trace syndication chains in news corpora and score every link for framing."""

__version__ = "0.1.0"
