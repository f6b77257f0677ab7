"""The threshold document's data model: what a local area writes in YAML, validated on load.

These models are the single definition of the file format. `python -m knowledge schema` writes
them out as JSON Schema (knowledge/schema/threshold-document.schema.json) so that editors can
check a document while it is being written.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)]
SeedFile = Annotated[str, StringConstraints(pattern=r"^00[0-4]_[0-9a-f]{16}\.txt$")]


class Strict(BaseModel):
    # A misspelt key in a hand-written document must fail loudly, not be ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Urgency(str, Enum):
    standard = "standard"
    immediate = "immediate"
    emergency = "emergency"

    @property
    def rank(self) -> int:
        return _URGENCY_RANK[self]


_URGENCY_RANK = {Urgency.standard: 0, Urgency.immediate: 1, Urgency.emergency: 2}


class Route(str, Enum):
    universal = "universal"
    early_help = "early_help"
    mash_referral = "mash_referral"
    emergency_services = "emergency_services"
    lado = "lado"
    police_fgm_report = "police_fgm_report"
    prevent = "prevent"
    nrm = "nrm"
    private_fostering_notification = "private_fostering_notification"
    police = "police"


class ReporterRole(str, Enum):
    teacher = "teacher"
    dsl = "dsl"
    gp = "gp"
    health_visitor = "health_visitor"
    nursery = "nursery"
    school_nurse = "school_nurse"
    police = "police"
    youth_worker = "youth_worker"
    social_worker = "social_worker"
    public = "public"
    parent = "parent"
    child = "child"


class Audience(str, Enum):
    professional = "professional"
    public = "public"
    child = "child"


class Consent(str, Enum):
    """What to advise about telling the family before referring."""

    seek = "seek"  # early help is voluntary: ask for agreement first
    inform = "inform"  # tell the family you are referring, unless that would put the child at risk
    do_not_seek = "do_not_seek"  # telling the family could endanger the child or lose evidence


class Source(Strict):
    """Where in the seed guidance an entry comes from."""

    file: SeedFile
    where: str = Field(description="paragraph or line range, e.g. 'para 23' or 'lines 570-590'")


class Wording(Strict):
    professional: str
    public: str
    child: str


class Level(Strict):
    number: Literal[1, 2, 3, 4]
    name: str
    professional: str = Field(description="description for professionals")
    plain: str = Field(description="the same in plain words, for the public and for children")
    source: list[Source] = Field(min_length=1)


class Category(Strict):
    """A kind of concern (physical abuse, FGM, young carer ...): sets the consent advice."""

    id: Identifier
    name: str
    consent: Consent
    consent_reason: str | None = None
    source: list[Source] = Field(default_factory=list)


class Domain(Strict):
    """One dimension of the Assessment Framework triangle."""

    id: Annotated[str, StringConstraints(pattern=r"^(child|parenting|family)\.[a-z_]+$")]
    name: str


class Indicator(Strict):
    id: Identifier
    level: Literal[1, 2, 3, 4]
    domain: str = Field(description="an Assessment Framework dimension id from the document's domains")
    category: Identifier = Field(description="a category id from the document's categories")
    professional: str
    plain: str
    words: list[str] = Field(
        min_length=1, description="what people write for it; the text analyser's matchers are built from these"
    )
    source: list[Source] = Field(min_length=1)
    urgency: Urgency = Urgency.standard
    routes: list[Route] = Field(default_factory=list)
    tags: list[Identifier] = Field(
        default_factory=list, description="features the decision tables test, e.g. injury, sexual_activity"
    )
    in_pregnancy: Identifier | None = Field(
        None,
        description="the pre-birth indicator this one is also read as when the narrative tells of a pregnancy"
        " (a parent-to-be's drug use is a concern for the unborn baby)",
    )
    of_a_parent: Identifier | None = Field(
        None,
        description="the parent's indicator this one, about the child's own state, is read as when its words are told"
        " of a parent (\"mum is sad all the time\" is a parent's mental health, not the child's low mood)",
    )
    once_treated: Identifier | None = Field(
        None,
        description="the indicator this one, about a danger now, is read as when the narrative tells the child is"
        " already in hospital care (an overdose treated on the ward is a recent attempt, not a call to 999)",
    )
    for_a_family: Identifier | None = Field(
        None,
        description="the family's indicator this one, about a 16 or 17 year old on their own, is read as when the"
        " narrative tells of a family with younger children and no 16 or 17 year old (and the other way round)",
    )


class Question(Strict):
    id: Identifier
    text: Wording
    confirms: list[Identifier] = Field(default_factory=list, description="indicators a 'yes' adds")
    rules_out: list[Identifier] = Field(
        default_factory=list, description="indicators a 'no' removes when only the text suggested them"
    )
    ask_when: list[Identifier] = Field(
        default_factory=list,
        description="ask only when one of these categories or tags is present; empty means it may always be asked",
    )
    always_first: bool = Field(False, description="asked before anything else while unanswered (immediate danger)")
    standing: bool = Field(False, description="asked in every conversation while unanswered, after always_first ones")
    screening: bool = Field(
        False,
        description=(
            "asked in the document's order, with the standing ones, only while the person has described"
            " the worry in words and nothing in the words, the ticks or the answers is a concern yet"
        ),
    )
    source: list[Source] = Field(default_factory=list)

    @model_validator(mode="after")
    def _screening_stands_alone(self) -> Question:
        # A screening question is asked because nothing is a concern yet: a condition on what is
        # present, or being always asked, would contradict that.
        if self.screening and (self.ask_when or self.standing or self.always_first):
            raise ValueError(f"question {self.id}: a screening question has no ask_when, standing or always_first")
        return self


class Contact(Strict):
    id: Identifier
    name: str
    phone: str
    hours: str | None = None
    url: str | None = None
    placeholder: bool = Field(False, description="true when the real local number is not known")


class RouteAdvice(Strict):
    route: Route
    title: str
    how: Wording
    contact: Identifier | None = None
    timescale: str
    source: list[Source] = Field(min_length=1)


class ResponseTimes(Strict):
    """How fast the front door should respond to a referral of each RAG rating, in working hours."""

    red_hours: float = 4
    amber_working_days: int = 1
    green_working_days: int = 3


class Document(Strict):
    id: Identifier
    version: str
    title: str
    area: str
    extends: Identifier | None = Field(None, description="another document whose entries this one inherits")
    nation: Literal["ENG", "WLS", "SCT", "NIR"] = "ENG"
    levels: list[Level] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list)
    domains: list[Domain] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    routes: list[RouteAdvice] = Field(default_factory=list)
    response_times: ResponseTimes | None = None
    next_steps: dict[Identifier, Wording] = Field(
        default_factory=dict, description="wording of the steps the engine adds, keyed by step id"
    )
    consent_text: dict[Consent, Wording] = Field(default_factory=dict, description="consent advice wording")
    indicator_overrides: dict[Identifier, dict] = Field(default_factory=dict)
