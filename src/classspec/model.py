"""The one data model: every parser produces `ClassSpec`, every exporter writes it.

The JSON Schema in `schemas/` is generated from this module (`classspec schema`).
Scalars use pydantic's strict types so that `classspec validate` rejects a number
where a string belongs (and vice versa) instead of silently coercing it.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

SCHEMA_VERSION = "1.0"
SCHEMA_ID = "https://classspec.dev/schemas/classspec-1.0.schema.json"

IsoDate = Annotated[StrictStr, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
NonEmptyStr = Annotated[StrictStr, Field(min_length=1)]


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


class SourceFormat(str, Enum):
    text = "text"
    html = "html"
    pdf = "pdf"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Jurisdiction(_Model):
    id: NonEmptyStr = Field(description="Stable slug, e.g. 'chicago-il'.")
    name: NonEmptyStr = Field(description="e.g. 'City of Chicago'.")
    state: Annotated[StrictStr, Field(pattern=r"^[A-Z]{2}$")] | None = None


class Source(_Model):
    path: StrictStr | None = Field(description="Input path as given; null for stdin.")
    sha256: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]
    format: SourceFormat
    parser: NonEmptyStr = Field(description="Id of the parser that produced the record.")
    pages: StrictInt | None = Field(default=None, description="Page count (PDF only).")


class Duty(_Model):
    text: NonEmptyStr
    category: NonEmptyStr | None = Field(
        default=None, description="Department, specialty or level heading the duty sits under."
    )
    essential: StrictBool = True
    physical_strength: Strength | None = None


class Requirement(_Model):
    name: NonEmptyStr | None = None
    text: NonEmptyStr
    level: NonEmptyStr | None = Field(
        default=None, description="Degree as written, lower case: 'considerable', 'some', ..."
    )
    required_at_entry: StrictBool | None = None


class MinimumQualifications(_Model):
    text: NonEmptyStr | None = None
    education: list[NonEmptyStr] = Field(default_factory=list)
    experience: list[NonEmptyStr] = Field(default_factory=list)
    licenses: list[NonEmptyStr] = Field(default_factory=list)
    min_education: EducationLevel | None = None
    min_experience_months: Annotated[StrictInt, Field(ge=0)] | None = None


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


class OtherSection(_Model):
    heading: NonEmptyStr | None = None
    text: NonEmptyStr


class Span(_Model):
    line_start: Annotated[StrictInt, Field(ge=1)]
    line_end: Annotated[StrictInt, Field(ge=1)]
    page: Annotated[StrictInt, Field(ge=1)] | None = None


class ClassSpec(_Model):
    """One job class as the jurisdiction defines it."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    jurisdiction: Jurisdiction | None = None
    source: Source
    class_code: NonEmptyStr | None = None
    title: NonEmptyStr | None = None
    level: NonEmptyStr | None = None
    series: NonEmptyStr | None = None
    taxonomy: dict[StrictStr, NonEmptyStr] = Field(default_factory=dict)
    flsa_status: FlsaStatus | None = None
    pay_grade: NonEmptyStr | None = None
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
    provenance: dict[StrictStr, list[Span]] | None = Field(
        default=None,
        description="Only with --provenance: source line spans for each filled field path.",
    )

    def to_dict(self) -> dict:
        """JSON-ready dict; `provenance` is left out unless it was requested."""
        data = self.model_dump(mode="json")
        if data["provenance"] is None:
            del data["provenance"]
        return data


def json_schema() -> dict:
    """The published JSON Schema, generated from `ClassSpec`."""
    schema = ClassSpec.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
