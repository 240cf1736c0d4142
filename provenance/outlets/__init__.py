"""Outlets: the registry of news outlets, and URL, name and mention resolution against it.

>>> from provenance.outlets import load_registry
>>> reg = load_registry()
>>> reg.resolve_name("Sputnik"), reg.get("sputnik")["owner"]
('sputnik', 'Rossiya Segodnya')
"""

from provenance.outlets.domains import registered_domain, registered_domains, split_host
from provenance.outlets.registry import (
    KINDS,
    OWNERSHIP,
    OutletRegistry,
    OutletRegistryError,
    assign_outlets,
    check_outlets_file,
    load_registry,
)

__all__ = [
    "KINDS",
    "OWNERSHIP",
    "OutletRegistry",
    "OutletRegistryError",
    "assign_outlets",
    "check_outlets_file",
    "load_registry",
    "registered_domain",
    "registered_domains",
    "split_host",
]
