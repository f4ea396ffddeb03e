"""Regexes compiled on first use.

Every template's tables (heading rules, header and table patterns) are built when the
parsers are imported, but one document meets only one template: compiling them all
made start-up slow. `lazy_compile` takes the arguments of `re.compile` and returns an
object with the same methods that compiles the pattern the first time it is used.
"""

from __future__ import annotations

import re
from typing import Any

# The methods copied onto the object once it is compiled: after the first use a call
# costs what a call on the compiled pattern costs (no property, no __getattr__).
_METHODS = ("fullmatch", "match", "search", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    __slots__ = ("_compiled", "flags", "pattern", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = re.compile(self.pattern, self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Called only for what is not set: a method slot before the first use, or any
        # other attribute of a compiled pattern (groupindex, groups ...).
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        return (LazyPattern, (self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self.flags})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
