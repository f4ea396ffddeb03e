"""Title case for titles printed in capitals, keeping numerals and acronyms."""

from __future__ import annotations

import re

from classspec.lazyre import lazy_compile

# Level numerals as titles use them (I to XXXIX); M, D, C and L are left out so that
# words such as "MIX" or "DIV" are not mistaken for numerals.
ROMAN = lazy_compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")
ORDINAL = lazy_compile(r"^(\d+)(ST|ND|RD|TH)$", re.I)
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
ACRONYMS = {
    "ADA",
    "AIDS",
    "APCD",
    "ASE",
    "CAD",
    "CCTV",
    "CDL",
    "CEO",
    "CFO",
    "CIO",
    "CPA",
    "CSC",
    "DA",
    "DHR",
    "DNA",
    "EEO",
    "EMS",
    "EMT",
    "EP",
    "FBI",
    "GED",
    "GIS",
    "HIV",
    "HR",
    "HVAC",
    "IT",
    "LAN",
    "LPN",
    "MIS",
    "OSHA",
    "PBX",
    "RN",
    "SCADA",
    "TV",
    "USA",
    "WAN",
}


_SPACES = lazy_compile(r"\s+")
_TOKEN = lazy_compile(r"[A-Za-z0-9']+")


def title_case(text: str | None) -> str | None:
    """Title case for titles written in capitals; titles already in mixed case are
    returned as written (whitespace collapsed).

    Roman numerals, known acronyms and tokens with digits ('911', 'EP17', '1A18') keep
    their capitals; ordinals become '2nd'; small words after the first are lower case:
    'CUSTOMER SERVICE REPRESENTATIVE III' -> 'Customer Service Representative III'.
    """
    if not text:
        return text
    text = _SPACES.sub(" ", text).strip()
    if any(ch.islower() for ch in text):
        return text
    words = []
    for index, word in enumerate(text.split(" ")):
        words.append(_TOKEN.sub(lambda m, first=index == 0: _title_token(m.group(0), first), word))
    return " ".join(words)


def _title_token(token: str, first: bool) -> str:
    if ROMAN.match(token) or token in ACRONYMS:
        return token
    ordinal = ORDINAL.match(token)
    if ordinal:
        return ordinal.group(1) + ordinal.group(2).lower()
    if any(ch.isdigit() for ch in token):
        return token
    if not first and token.lower() in SMALL_WORDS:
        return token.lower()
    return token[:1].upper() + token[1:].lower()
