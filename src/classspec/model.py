"""The one data model: every parser produces `ClassSpec`, every exporter writes it.

The JSON Schema in `schemas/` is generated from this module (`classspec schema`).
Schema 1.1 added salary ranges, qualification paths, bulletin facts, detection
confidence, SOC matches and market wages; every 1.1 field has a default, so 1.0
exports still validate.
Scalars use pydantic's strict types so that `classspec validate` rejects a number
where a string belongs (and vice versa) instead of silently coercing it.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr

from classspec.document import SourceFormat

SCHEMA_VERSION = "1.1"
SCHEMA_ID = "https://classspec.dev/schemas/classspec-1.1.schema.json"

IsoDate = Annotated[StrictStr, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
NonEmptyStr = Annotated[StrictStr, Field(min_length=1)]
# Amounts keep the type the document implies: 65646 stays an integer, 31.25 a float.
Amount = Annotated[StrictInt, Field(ge=0)] | Annotated[StrictFloat, Field(ge=0)]
Score = Annotated[StrictInt, Field(ge=0, le=1)] | Annotated[StrictFloat, Field(ge=0, le=1)]


class FlsaStatus(str, Enum):
    exempt = "exempt"
    non_exempt = "non_exempt"


class EducationLevel(str, Enum):
    none = "none"
    high_school = "high_school"
    some_college = "some_college"
    associate = "associate"
    bachelor = "bachelor"
    master = "master"
    doctorate = "doctorate"


class Strength(str, Enum):
    sedentary = "sedentary"
    light = "light"
    medium = "medium"
    heavy = "heavy"
    very_heavy = "very_heavy"


class Frequency(str, Enum):
    continuously = "continuously"
    frequently = "frequently"
    occasionally = "occasionally"
    rarely = "rarely"
    never = "never"


class PayPeriod(str, Enum):
    hour = "hour"
    biweek = "biweek"
    semimonth = "semimonth"
    month = "month"
    year = "year"


class DriversLicense(str, Enum):
    required = "required"
    may_be_required = "may_be_required"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True, defer_build=True)


class Jurisdiction(_Model):
    id: NonEmptyStr = Field(description="Stable slug, e.g. 'chicago-il'.")
    name: NonEmptyStr = Field(description="e.g. 'City of Chicago'.")
    state: Annotated[StrictStr, Field(pattern=r"^[A-Z]{2}$")] | None = None


class Source(_Model):
    path: StrictStr | None = Field(description="Input path as given; null for stdin.")
    sha256: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]
    format: SourceFormat
    parser: NonEmptyStr = Field(description="Id of the parser that produced the record.")
    confidence: Score | None = Field(
        default=None, description="How sure detection was of the parser (1.0 when it was named)."
    )
    pages: StrictInt | None = Field(default=None, description="Page count (PDF only).")


class Duty(_Model):
    text: NonEmptyStr
    category: NonEmptyStr | None = Field(
        default=None, description="Department, specialty or level heading the duty sits under."
    )
    essential: StrictBool | None = Field(
        default=None,
        description="True where the document calls the duty essential, false where it says "
        "additional/marginal/other, null where it says neither.",
    )
    physical_strength: Strength | None = None


class Requirement(_Model):
    name: NonEmptyStr | None = None
    text: NonEmptyStr
    level: NonEmptyStr | None = Field(
        default=None, description="Degree as written, lower case: 'considerable', 'some', ..."
    )
    required_at_entry: StrictBool | None = None


class Courses(_Model):
    count: Annotated[StrictInt, Field(ge=0)] | None = None
    units: Amount | None = Field(default=None, description="Semester or quarter units, as stated.")
    subject: NonEmptyStr | None = None


class QualificationPath(_Model):
    """One way of qualifying: an alternative the document lists (1, 2, a, Option 2 …)."""

    label: NonEmptyStr | None = Field(default=None, description="'1', 'a', 'Option 2' … as written.")
    text: NonEmptyStr
    education: EducationLevel | None = None
    education_field: NonEmptyStr | None = Field(default=None, description="Major or subject.")
    experience_months: Annotated[StrictInt, Field(ge=0)] | None = None
    full_time: StrictBool | None = None
    prior_classes: list[NonEmptyStr] = Field(
        default_factory=list, description="Classes one must have held, e.g. 'Clerk Typist'."
    )
    licenses: list[NonEmptyStr] = Field(default_factory=list)
    courses: Courses | None = None
    substitutions: list[NonEmptyStr] = Field(default_factory=list)


class MinimumQualifications(_Model):
    text: NonEmptyStr | None = None
    education: list[NonEmptyStr] = Field(default_factory=list)
    experience: list[NonEmptyStr] = Field(default_factory=list)
    licenses: list[NonEmptyStr] = Field(default_factory=list)
    min_education: EducationLevel | None = None
    min_experience_months: Annotated[StrictInt, Field(ge=0)] | None = Field(
        default=None, description="The smallest path's experience months."
    )
    paths: list[QualificationPath] = Field(default_factory=list)
    drivers_license: DriversLicense | None = None


class SalaryRange(_Model):
    min: Amount
    max: Amount | None = None
    period: PayPeriod | None = None
    currency: Annotated[StrictStr, Field(pattern=r"^[A-Z]{3}$")] = "USD"
    label: NonEmptyStr | None = Field(default=None, description="e.g. 'DWP', 'Range A'.")
    text: NonEmptyStr = Field(description="The range as the document writes it.")


class PhysicalDemandItem(_Model):
    name: NonEmptyStr
    frequency: Frequency | None = None
    note: NonEmptyStr | None = None


class PhysicalDemands(_Model):
    strength: Strength | None = None
    items: list[PhysicalDemandItem] = Field(default_factory=list)
    text: NonEmptyStr | None = None


class Dates(_Model):
    established: IsoDate | None = None
    revised: IsoDate | None = None
    effective: IsoDate | None = None
    edited: IsoDate | None = None
    opened: IsoDate | None = Field(default=None, description="A bulletin's open date.")
    deadline: IsoDate | None = Field(default=None, description="A bulletin's application deadline.")


class OtherSection(_Model):
    heading: NonEmptyStr | None = None
    text: NonEmptyStr


class Span(_Model):
    line_start: Annotated[StrictInt, Field(ge=1)]
    line_end: Annotated[StrictInt, Field(ge=1)]
    page: Annotated[StrictInt, Field(ge=1)] | None = None


class SocMatch(_Model):
    code: Annotated[StrictStr, Field(pattern=r"^\d{2}-\d{4}$")]
    title: NonEmptyStr
    score: Score
    evidence: NonEmptyStr = Field(description="What matched: a title, an O*NET alternate title, tasks.")


class MarketWages(_Model):
    soc_code: Annotated[StrictStr, Field(pattern=r"^\d{2}-\d{4}$")]
    area_code: NonEmptyStr
    area_name: NonEmptyStr
    industry: NonEmptyStr = Field(description="OEWS industry: cross-industry or a government ownership.")
    employment: Amount | None = None
    annual_p10: Amount | None = None
    annual_p25: Amount | None = None
    annual_median: Amount | None = None
    annual_p75: Amount | None = None
    annual_p90: Amount | None = None
    hourly_mean: Amount | None = None
    release: NonEmptyStr = Field(description="e.g. 'OEWS May 2025'.")


OPTIONAL_ADD_ONS = ("soc", "market_wages", "provenance")


class ClassSpec(_Model):
    """One job class as the jurisdiction defines it."""

    schema_version: Literal["1.0", "1.1"] = SCHEMA_VERSION
    jurisdiction: Jurisdiction | None = None
    source: Source
    class_code: NonEmptyStr | None = None
    title: NonEmptyStr | None = None
    level: NonEmptyStr | None = None
    series: NonEmptyStr | None = None
    taxonomy: dict[StrictStr, NonEmptyStr] = Field(default_factory=dict)
    flsa_status: FlsaStatus | None = None
    pay_grade: NonEmptyStr | None = None
    salary: list[SalaryRange] = Field(
        default_factory=list, description="Every salary range the document states, in its order."
    )
    exam_types: list[NonEmptyStr] = Field(
        default_factory=list, description="Bulletins: open_competitive, promotional … as stated."
    )
    probation_months: Annotated[StrictInt, Field(ge=0)] | None = None
    summary: NonEmptyStr | None = None
    distinguishing_features: list[NonEmptyStr] = Field(default_factory=list)
    duties: list[Duty] = Field(default_factory=list)
    knowledge: list[Requirement] = Field(default_factory=list)
    skills: list[Requirement] = Field(default_factory=list)
    abilities: list[Requirement] = Field(default_factory=list)
    other_requirements: list[Requirement] = Field(default_factory=list)
    minimum_qualifications: MinimumQualifications = Field(default_factory=MinimumQualifications)
    physical_demands: PhysicalDemands = Field(default_factory=PhysicalDemands)
    working_conditions: list[NonEmptyStr] = Field(default_factory=list)
    equipment: list[NonEmptyStr] = Field(default_factory=list)
    specialties: list[NonEmptyStr] = Field(default_factory=list)
    dates: Dates = Field(default_factory=Dates)
    other_sections: list[OtherSection] = Field(default_factory=list)
    warnings: list[StrictStr] = Field(default_factory=list)
    soc: list[SocMatch] | None = Field(
        default=None, description="Only with --soc: best-matching SOC 2018 occupations, best first."
    )
    market_wages: MarketWages | None = Field(
        default=None, description="Only with --wages: OEWS wages for the best SOC match."
    )
    provenance: dict[StrictStr, list[Span]] | None = Field(
        default=None,
        description="Only with --provenance: source line spans for each filled field path.",
    )

    def to_dict(self) -> dict:
        """JSON-ready dict; the optional add-ons are left out unless they were requested."""
        data = self.model_dump(mode="json")
        for key in OPTIONAL_ADD_ONS:
            if data[key] is None:
                del data[key]
        return data


def json_schema() -> dict:
    """The published JSON Schema, generated from `ClassSpec`."""
    schema = ClassSpec.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
