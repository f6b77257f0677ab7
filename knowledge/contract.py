"""The assessment contract (ARCHITECTURE.md): the request every front end sends and the answer it gets.

The API serves these models unchanged at POST /api/v1/assessments, and the chat's action server
reads the same JSON, so a field added here is added for every consumer at once.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from knowledge.schema import Audience, Consent, ReporterRole, Route, Urgency

QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)]


class AssessmentRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reporter_role: ReporterRole
    child_age_years: int | None = Field(
        None, ge=-1, le=17, description="null when unknown, 0 for a baby under one, -1 for an unborn baby"
    )
    narrative: str = Field("", max_length=20_000, description="the concern in the reporter's own words")
    answers: dict[QuestionId, bool | None] = Field(
        default_factory=dict, description="question id -> yes / no / null for 'I don't know'"
    )
    indicators: list[QuestionId] = Field(
        default_factory=list, description="indicator ids ticked directly, without a narrative"
    )
    threshold_document: QuestionId | None = Field(None, description="document id; the deployment's default when absent")


class MatchedIndicator(BaseModel):
    id: str
    level: int
    category: str
    domain: str
    description: str = Field(description="the indicator in the audience's words")
    evidence: str = Field(description="the words that matched, or how it was given (ticked, answered)")
    source: str = Field(description="seed file and paragraph or lines")
    start: int | None = Field(None, description="character offset of the evidence in the narrative")
    end: int | None = None
    confidence: float = 1.0


class QuestionOut(BaseModel):
    id: str
    text: str
    screening: bool = Field(
        False,
        description=(
            "asked only because nothing in the words was understood: one of the document's questions"
            " about each kind of harm in turn, which a conversation's limit on questions does not count"
        ),
    )


class ConsentAdvice(BaseModel):
    advice: Consent
    text: str


class RouteOut(BaseModel):
    route: Route
    title: str
    how: str
    timescale: str
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_is_placeholder: bool = False


class DocumentRef(BaseModel):
    id: str
    version: str


class AssessmentResponse(BaseModel):
    level: int = Field(ge=1, le=4)
    level_name: str
    urgency: Urgency
    routes: list[Route]
    indicators: list[MatchedIndicator]
    rationale: str
    next_steps: list[str]
    questions: list[QuestionOut]
    consent: ConsentAdvice
    route_advice: list[RouteOut]
    audience: Audience
    child_age_years: int | None = Field(None, description="as given, or as read from the narrative")
    involved: list[str] = Field(
        default_factory=list, description="who the concern is about, as read from the narrative"
    )
    threshold_document: DocumentRef
    trace: list[dict[str, Any]] = Field(default_factory=list, description="the decision-table rows that fired")
