"""The section names US class specifications use, grouped into families, each mapped to
the ClassSpec field it fills. This is data: the generic parser and its detection score
read it, and adding a wording is one line here.

Every family may carry content on its heading line ("Knowledge of: a; b; c",
"Salary Range: 97B"), and any heading may end in a parenthetical note
("TYPICAL EXAMPLES OF WORK (ILLUSTRATIVE ONLY)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classspec.lazyre import lazy_compile
from classspec.sections import HeadingRule


def _names(text: str) -> tuple[str, ...]:
    """Heading names written as one ';'-separated list (regex allowed in each)."""
    return tuple(name.strip() for name in text.split(";") if name.strip())


# Degree words written before "knowledge of" / "ability to" ("Thorough knowledge of:").
DEGREE_WORDS = _names(
    "some; working; thorough; considerable; general; basic; extensive; comprehensive; good; full; "
    "advanced; broad; detailed; practical; sound; reasonable; moderate; limited; elementary; expert; "
    "demonstrated; in-depth; thorough working; general working; some working"
)
_DEGREE = (
    "(?:"
    + "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(DEGREE_WORDS, key=len, reverse=True))
    + ")"
)


# The factor headings of a US federal position description (Factor Evaluation System):
# "FACTOR 1. KNOWLEDGE REQUIRED BY THE POSITION (FL 1-7, 1250 points)".
_FACTOR = r"factor \d{1,2}\.? "


@dataclass(frozen=True, slots=True)
class Family:
    """Section names that mean one thing. `structural` families are the ones that make
    a document a class specification (a recipe has none of them)."""

    key: str
    names: tuple[str, ...]
    structural: bool = False


FAMILIES: tuple[Family, ...] = (
    Family("title", ("class title", "classification title", "job title", "position title", "title")),
    Family(
        "code",
        (
            "class code",
            "classification code",
            "job code",
            "job class code",
            "class number",
            "classification number",
            "class no\\.?",
            "class #",
            "code",
        ),
    ),
    Family(
        "summary",
        _names(
            "definition; general definition; class definition; job definition; "
            "purpose of classification; purpose of the classification; classification purpose; "
            "classification purpose and distinguishing characteristics; nature of work; "
            "nature of the work; characteristics of the class; class characteristics; "
            "brief description(?: of (?:the )?classification)?; general description; "
            "general statement of duties; position summary; job summary; class summary; summary; "
            "description; purpose; job purpose; basic functions?; position objectives?; "
            "job objectives?; introduction; the position; role summary; "
            "purpose of (?:the )?(?:role|position|job); job overview; "
            "position purpose; general purpose; series narrative; scope of (?:the )?position; "
            "definition of (?:the )?series; series definition; scope; definition of levels; "
            "class concept; concept; overview; role purpose; position overview; "
            "about the (?:role|position|job)"
        ),
        structural=True,
    ),
    Family(
        "distinguishing",
        (
            "distinguishing characteristics",
            "distinguishing features(?: of (?:the )?class)?",
            "distinguishing features of work",
            "allocating factors",
            "class distinctions",
            "level distinctions",
            "factors affecting position allocation",
        ),
        structural=True,
    ),
    Family(
        "duties",
        _names(
            "examples of duties; example of duties; "
            "examples of (?:essential )?(?:duties|functions)(?: and responsibilities)?; "
            "essential functions; essential job functions; "
            "essential duties(?: and responsibilities)?; essential duties & responsibilities; "
            "typical tasks; typical duties; typical examples of work; illustrative examples of work; "
            "examples of work; examples of work performed; duties and responsibilities; "
            "duties & responsibilities; representative duties; major duties; principal duties; "
            "typical duties and responsibilities; typical work; typical functions; "
            "examples of typical tasks; tasks; responsibilities; key responsibilities; "
            "main responsibilities; job responsibilities; main duties; key duties; job duties; "
            "duties and tasks; (?:key )?accountabilities; functions; what you(?:'ll| will) do; "
            "typical work activities; work activities; job duties in order of importance; "
            "the role; duties; description of work; "
            # Postings and job descriptions introduce their duty list with a sentence.
            "what can i expect to do in this role; what you(?:'ll| will) be doing; "
            "in this (?:job|role|position) you will; "
            "(?:the )?main (?:duties|tasks|responsibilities) of (?:this|the) "
            "(?:job|role|post|position)(?: are)?(?: to)?; "
            "(?:the )?post ?holder's main (?:duties|tasks|responsibilities)(?: are)?; "
            "your (?:main |key )?(?:responsibilities|duties|tasks); "
            "(?:roles? and )?responsibilities(?: of the (?:role|position|job))?; "
            "what the (?:job|role) involves"
        ),
        structural=True,
    ),
    Family(
        "additional_duties",
        (
            "additional functions",
            "additional duties",
            "marginal functions",
            "other duties",
            "other functions",
        ),
    ),
    Family(
        "ksa",
        (
            "knowledges?,? skills,? (?:and |& )?abilities",
            "required knowledges?,? skills,? (?:and |& )?abilities",
            "knowledges?,? skills,? abilities,? and other (?:work requirements|characteristics)",
            "knowledge,? abilities,? (?:and |& )?skills",
            "knowledge and abilities",
            "knowledges? and abilities",
            "knowledge,? skills,? and other characteristics",
            "(?:full performance )?knowledges?,? skills,? abilities,? and personal characteristics",
            "(?:major )?worker characteristics",
            "skills,? knowledge,? (?:and |& )?abilities",
            "knowledge,? skills? and abilities required",
            "ksas?",
            "competencies",
            "required competencies",
        ),
        structural=True,
    ),
    Family(
        "knowledge",
        (rf"(?:{_DEGREE} )?knowledge of", "knowledge", rf"(?:{_FACTOR})?knowledge required by the position"),
        structural=True,
    ),
    Family("skills", (rf"(?:{_DEGREE} )?skills? (?:in|to)", "skills"), structural=True),
    Family(
        "abilities",
        (
            rf"(?:{_DEGREE} )?abilit(?:y|ies) to",
            "abilities",
            "skills? and abilities to",
            "skills? and abilities",
        ),
        structural=True,
    ),
    Family(
        "other_requirements",
        (
            "other work requirements",
            "other requirements",
            "personal attributes(?: needed to undertake (?:the )?job)?",
            "(?:special )?personal characteristics",
            "special personal requirements",
        ),
    ),
    Family(
        "qualifications",
        _names(
            "minimum qualifications?; minimum requirements; "
            "minimum acceptable qualifications(?: required for entry(?: into)?)?; "
            "minimum acceptable training and experience; minimum training and experience; "
            "minimum education and experience; qualifications?; requirements?; "
            "required qualifications; recruiting standards; recruitment standards; "
            "qualification guidelines; qualification standards; employment standards; "
            "entrance requirements; training and experience; education and experience; "
            "education and/or experience; education/experience; "
            "education,? training,? (?:and|&) experience; experience and training; "
            "experience and education; desirable qualifications; person specification; "
            "(?:essential|(?:key )?selection) criteria; what you(?:'ll| will) need; "
            "acceptable experience and training; minimum class qualifications(?: for employment)?; "
            "job requirements; "
            "what we(?:'re| are) looking for; how do i qualify; "
            "requirements of the (?:job|role|position|post); who we(?:'re| are) looking for; "
            "what you(?:'ll| will) need to succeed; skills and experience required"
        ),
        structural=True,
    ),
    Family("education", ("education", "education requirements?", "required education")),
    Family("experience", ("experience", "experience requirements?", "required experience")),
    Family(
        "licenses",
        (
            "(?:required |special )?licen[sc]es?,? certifications?,? (?:or|and|and/or) registrations?",
            "(?:required )?licen[sc]es?(?:,| and| or| and/or)? certific(?:ations?|ates?)",
            "licen[sc]es?,? (?:certific(?:ations?|ates?) )?and other requirements",
            "registrations?,? certifications?,? (?:or|and|and/or) licen[sc](?:es?|ure)",
            "certifications?,? (?:or|and|and/or) licen[sc](?:es?|ure)",
            "licen[sc]ing requirements?",
            "licen[sc]es?",
            "licensure",
            "certifications?",
            "certification/registration",
            "special requirements",
            "special qualifications",
            "necessary special requirements",
        ),
    ),
    Family(
        "physical",
        (
            "physical demands",
            "physical requirements",
            "essential physical characteristics",
            "physical characteristics",
            "physical conditions",
            "physical and medical requirements",
            "physical and mental demands",
            "physical effort",
            "physical abilities",
            "ada compliance",
            "special physical requirements?",
            "special physical characteristics",
            "inherent requirements",
            "physical and environmental (?:conditions|demands|requirements)",
            rf"{_FACTOR}physical demands",
        ),
    ),
    Family(
        "working_conditions",
        (
            "working conditions",
            "work conditions",
            "working environment",
            "work environment",
            "environmental factors",
            "environmental conditions",
            "environmental hazards",
            "working conditions and physical demands",
            rf"{_FACTOR}work environment",
        ),
    ),
    Family(
        "equipment",
        ("equipment", "equipment used", "tools and equipment(?: used)?", "machines, tools,? and equipment"),
    ),
    Family(
        "pay",
        (
            "salary range",
            "salary schedule",
            "salary grade",
            "pay grade",
            "pay range",
            "grade",
            "salary",
            "annual salary",
            "pay band",
            "salary band",
            "salary group",
            "compensation",
        ),
    ),
    Family(
        "flsa",
        (
            "flsa",
            "flsa status",
            "flsa designation",
            "flsa determination",
            "fair labor standards act(?: status)?",
            "overtime status",
        ),
    ),
    Family("probation", ("probationary period", "probation period", "probation")),
    Family("representation", ("representation unit", "bargaining unit", "union code", "union", "unit")),
    Family(
        "established",
        _names(
            "class established; established; date established; adopted; date adopted; "
            "(?:date |board )?approved(?: by (?:the )?[a-z]+(?: [a-z]+)?)?"
        ),
    ),
    Family(
        "revised",
        (
            "revised",
            "last revised",
            "revision date",
            "date revised",
            "(?:latest )?spec\\.? revision",
            "latest revision",
        ),
    ),
    Family("effective", ("effective date", "effective")),
    # "Job Profile updated: 2022-11-15", "Job description last reviewed: September 2024"
    Family(
        "edited",
        _names(
            "last edited; edited; (?:(?:job|position) (?:description|profile) )?(?:last )?(?:updat|review)ed"
        ),
    ),
    # Sections no ClassSpec field takes: recognised so that they end the section above
    # them and are filed under their own heading.
    Family(
        "other",
        _names(
            "supplemental information; additional information; special notes?; notes?; core values; "
            "leadership competencies; background investigation; conditions of employment; "
            "special conditions; disclaimer; selection process; career ladder; promotional line; "
            "closing statement; job characteristics; class history; additional job information; "
            "key relationships; working relationships; proviso; willingness statements?; "
            "security screening; "
            rf"{_FACTOR}[a-z][a-z0-9 .,/&]{{2,80}}"
        ),
    ),
    # The parts of a job bulletin that are about applying, not about the class.
    Family(
        "bulletin",
        _names(
            "where to apply; how to apply; application deadline; application process; "
            "application procedures?; applications?; selection procedures?; examinations?; "
            "examination (?:process|information|weights); process notes?; notices?; "
            "selective certification; qualifications review; expert review committee; appointment; "
            "deadline; filing (?:period|deadline); benefits; veterans'? preference; "
            "(?:an )?equal (?:employment )?opportunity employer"
        ),
    ),
)
FAMILY_BY_KEY = {family.key: family for family in FAMILIES}
STRUCTURAL_KEYS = frozenset(f.key for f in FAMILIES if f.structural)
# Families whose heading names the whole section (a new one ends a series level's block).
TOP_LEVEL_KEYS = frozenset(
    {
        "summary",
        "distinguishing",
        "duties",
        "additional_duties",
        "ksa",
        "qualifications",
        "physical",
        "working_conditions",
        "pay",
        "flsa",
        "probation",
        "other",
        "bulletin",
    }
)
# "Revised 04/2022": a revision line needs no colon. ("Established 08/13/1981" without one
# may date something else, as CalHR pages date their alternate range criteria.)
DATED_KEYS = frozenset({"revised"})
# Short labelled values: the label may be followed by the value without a colon
# ("Class Code 2108") when the value is a single code-like token.
_CODE_TOKEN = r"(?-i:[A-Z0-9][A-Z0-9.\-]{0,11}\s*$)"
# A parenthetical note after a heading name.
_NOTE = r"(?:\s*\([^)]{0,200}\)?)?"


def _rule(family: Family) -> HeadingRule:
    # A typeset apostrophe is the same word ("What you\u2019ll do").
    alternatives = "|".join(
        re.sub(r"(?:\\ | )+", r"\\s+", name).replace("'", "['\u2019]") for name in family.names
    )
    # A heading may be a question ("How do I qualify?").
    tail = rf"{_NOTE}\s*(?:[:\-\u2013\u2014]\s*(?P<rest>.*?))?\s*[:.?]?\s*"
    if family.key == "code":
        tail = rf"\s*(?:(?:[:#]|No\.?|\s(?=(?=[^\s]*\d){_CODE_TOKEN}))\s*(?P<rest>.*?))?\s*"
    if family.key in DATED_KEYS:
        # A date may follow its label without a colon: "Revised 04/2022", "Revised 08-17-17".
        tail = rf"{_NOTE}\s*(?:(?:[:\-\u2013\u2014]\s*|\s(?=\d{{1,2}}[/\-.]\d))(?P<rest>.*?))?\s*[:.]?\s*"
    return HeadingRule(family.key, lazy_compile(rf"(?:{alternatives}){tail}", re.IGNORECASE))


HEADINGS: tuple[HeadingRule, ...] = tuple(_rule(family) for family in FAMILIES)
# A heading in capitals that the lexicon does not know ("CORE VALUES"): its section is
# filed in other_sections under that heading. Two words at least, so that "AND" / "OR"
# between alternatives stay text.
UNKNOWN_HEADING = HeadingRule(
    "unknown",
    lazy_compile(r"(?=\S+\s+\S)[A-Z][A-Z0-9 ,/&'()\-\u2013]*[A-Z)]\s*:?"),
)
# Inside these sections a line in capitals is a sub-heading of the list (a specialty,
# a department), not a new section.
LIST_KEYS = frozenset(
    {"duties", "additional_duties", "qualifications", "education", "experience", "licenses"}
)


# Headings that are ordinary words in any document ("Overview", "Requirements", "Tasks"):
# alone, without a class title or code, they do not make a document a class spec.
WEAK_HEADINGS = frozenset(
    _names(
        "scope; overview; concept; purpose; description; summary; tasks; functions; responsibilities; "
        "requirement; requirements; the role; qualifications; qualification; experience; education; "
        "introduction; the position"
    )
)
