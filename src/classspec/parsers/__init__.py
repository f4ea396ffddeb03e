"""The template parsers, by id. Adding a template = one module here plus one entry below."""

from __future__ import annotations

from classspec.errors import UsageError
from classspec.parsers.aptitudes import AptitudesParser
from classspec.parsers.base import Detection, TemplateParser
from classspec.parsers.chicago import ChicagoParser
from classspec.parsers.generic import GenericParser
from classspec.parsers.norfolk import NorfolkParser
from classspec.parsers.philadelphia import PhiladelphiaParser
from classspec.parsers.sucss import SucssParser

PARSERS: dict[str, TemplateParser] = {
    parser.id: parser
    for parser in (
        ChicagoParser(),
        AptitudesParser(),
        SucssParser(),
        PhiladelphiaParser(),
        NorfolkParser(),
        GenericParser(),
    )
}
PARSER_IDS = ("auto", *PARSERS)


def get_parser(parser_id: str) -> TemplateParser:
    try:
        return PARSERS[parser_id]
    except KeyError:
        raise UsageError(f"unknown parser {parser_id!r}; choose one of: {', '.join(PARSER_IDS)}") from None


__all__ = ["PARSERS", "PARSER_IDS", "Detection", "TemplateParser", "get_parser"]
