"""The detection prefilter: now `classspec.literals`, which the normalizers use too
(they must not import the parser registry). Kept so that its importers read on."""

from classspec.literals import finditer, folded, found_in, may_match, required_literal, search, start_literals

__all__ = ["finditer", "folded", "found_in", "may_match", "required_literal", "search", "start_literals"]
