"""Every model of the backend: what a referrer sends (…Create), what is stored (table=True), what is returned.

The input models are the allow-list of what a client may set; the filed content is stored whole, as
sent, and never edited afterwards (corrections are addenda).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from sqlalchemy import JSON, Column
from sqlmodel import Field as DbField
from sqlmodel import SQLModel
from stdnum.gb import nhs

from knowledge.schema import ReporterRole, Route, Urgency

PUBLIC_ROLES = {ReporterRole.public, ReporterRole.parent, ReporterRole.child}
Text = Field(default=None, max_length=2000)


def utcnow() -> datetime:
    return datetime.now(UTC)


# Properties to receive on filing a referral


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Referrer(Input):
    role: ReporterRole
    anonymous: bool = False
    name: str | None = Field(default=None, max_length=200)
    organisation: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

    @model_validator(mode="after")
    def professionals_are_named(self) -> Referrer:
        if self.role in PUBLIC_ROLES:
            if not self.anonymous and not self.name:
                raise ValueError("name: give a name, or choose to stay anonymous")
            return self
        if self.anonymous:
            raise ValueError("anonymous: professionals cannot refer anonymously")
        missing = [f for f in ("name", "organisation") if not getattr(self, f)]
        if not (self.phone or self.email):
            missing.append("phone or email")
        if missing:
            raise ValueError(f"a professional referral needs: {', '.join(missing)}")
        return self


class Child(Input):
    name: str | None = Field(default=None, max_length=200)
    date_of_birth: date | None = None
    age_years: int | None = Field(default=None, ge=-1, le=17)
    expected_due_date: date | None = None
    gender: str | None = Field(default=None, max_length=50)
    address: str | None = Text
    where_now: str | None = Text
    school: str | None = Field(default=None, max_length=200)
    gp: str | None = Field(default=None, max_length=200)
    nhs_number: str | None = Field(default=None, max_length=20)
    ethnicity: str | None = Field(default=None, max_length=100)
    language: str | None = Field(default=None, max_length=100)
    religion: str | None = Field(default=None, max_length=100)
    disability: str | None = Text
    interpreter_needed: bool | None = None

    @field_validator("nhs_number")
    @classmethod
    def nhs_check_digit(cls, value: str | None) -> str | None:
        if value is None:
            return None
        compact = nhs.compact(value)
        if not nhs.is_valid(compact):
            raise ValueError("not a valid NHS number (ten digits with a correct check digit)")
        return compact

    @model_validator(mode="after")
    def dates_make_sense(self) -> Child:
        today = date.today()
        if self.date_of_birth and self.date_of_birth > today:
            raise ValueError("date_of_birth: is in the future (use expected_due_date for an unborn baby)")
        if self.expected_due_date and self.expected_due_date < today:
            raise ValueError("expected_due_date: is in the past")
        return self


class Person(Input):
    name: str | None = Field(default=None, max_length=200)
    relationship: str | None = Field(default=None, max_length=100)
    date_of_birth: date | None = None
    address: str | None = Text
    phone: str | None = Field(default=None, max_length=40)
    notes: str | None = Text


class ConsentRecord(Input):
    parents_aware: bool | None = None
    consent: Literal["given", "refused", "not_sought"] | None = None
    reason_not_sought: str | None = Text

    @model_validator(mode="after")
    def reason_when_not_sought(self) -> ConsentRecord:
        if self.consent == "not_sought" and not self.reason_not_sought:
            raise ValueError("reason_not_sought: say why consent was not sought")
        return self


class ReferralCreate(Input):
    referrer: Referrer
    children: list[Child] = Field(min_length=1, max_length=20)
    parents_and_carers: list[Person] = Field(default_factory=list, max_length=20)
    household: list[Person] = Field(default_factory=list, max_length=30)
    significant_adults: list[Person] = Field(default_factory=list, max_length=20)
    alleged_perpetrator: Person | None = None
    other_children_at_risk: list[Person] = Field(default_factory=list, max_length=20)
    concern: str = Field(min_length=1, max_length=20_000, description="the concern in the referrer's own words")
    answers: dict[str, bool | None] = Field(default_factory=dict, max_length=100)
    consent: ConsentRecord = Field(default_factory=ConsentRecord)
    child_views: str | None = Field(default=None, max_length=5000)
    agencies_involved: list[str] = Field(default_factory=list, max_length=30)
    risks_to_staff: str | None = Text
    phoned_first_at: datetime | None = Field(default=None, description="when the referral was first made by phone")
    threshold_document: str | None = Field(default=None, max_length=80)

    @field_validator("phoned_first_at")
    @classmethod
    def phoned_in_the_past(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("give a time zone (e.g. 2026-11-23T10:15:00Z)")
        if value > utcnow():
            raise ValueError("is in the future")
        return value


# Database tables


class Referral(SQLModel, table=True):
    id: str = DbField(default_factory=lambda: str(uuid.uuid4()), primary_key=True)
    reference: str = DbField(index=True, unique=True, max_length=32)
    idempotency_key: str | None = DbField(default=None, unique=True, max_length=200)
    request_hash: str = DbField(max_length=64)
    filed: dict[str, Any] = DbField(sa_column=Column(JSON, nullable=False))
    assessment: dict[str, Any] = DbField(sa_column=Column(JSON, nullable=False))
    reporter_role: str = DbField(max_length=40)
    level: int
    urgency: str = DbField(max_length=20)
    rag: str = DbField(max_length=10)
    document_id: str = DbField(max_length=80)
    document_version: str = DbField(max_length=40)
    status: str = DbField(default="received", max_length=30, index=True)
    token_hash: str = DbField(max_length=64)
    received_at: datetime
    acknowledge_by: datetime
    respond_by: datetime
    confirmation_due: datetime | None = None
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = DbField(default=None, max_length=120)
    decision: str | None = DbField(default=None, max_length=40)
    decision_reason: str | None = DbField(default=None, max_length=5000)
    decided_at: datetime | None = None
    decided_by: str | None = DbField(default=None, max_length=120)
    feedback: str | None = DbField(default=None, max_length=5000)
    feedback_at: datetime | None = None


StaffRole = Literal["mash_practitioner", "mash_manager", "admin"]

# The outcomes of a front-door decision in Working Together 2023 (002_e27514d5ccdb7380.txt paras 150-156).
Decision = Literal[
    "no_further_action",
    "information_and_advice",
    "early_help",
    "section_17_assessment",
    "strategy_discussion_section_47",
    "immediate_protection",
    "referral_to_lado",
]


class StaffUser(SQLModel, table=True):
    id: int | None = DbField(default=None, primary_key=True)
    username: str = DbField(unique=True, index=True, max_length=120)
    password_hash: str = DbField(max_length=200)
    role: str = DbField(max_length=30)
    active: bool = True


class Addendum(SQLModel, table=True):
    """A correction or staff note added to a referral; what the referrer filed is never changed."""

    id: int | None = DbField(default=None, primary_key=True)
    referral_id: str = DbField(index=True, max_length=36)
    author: str = DbField(max_length=120)
    at: datetime
    kind: str = DbField(max_length=30)
    text: str = DbField(max_length=5000)


class AuditEvent(SQLModel, table=True):
    id: int | None = DbField(default=None, primary_key=True)
    at: datetime
    actor: str = DbField(max_length=120)
    action: str = DbField(max_length=60)
    referral_id: str | None = DbField(default=None, index=True, max_length=36)
    detail_hash: str = DbField(max_length=64)
    prev_hash: str = DbField(max_length=64)
    row_hash: str = DbField(max_length=64, unique=True)


class OutboxMessage(SQLModel, table=True):
    id: int | None = DbField(default=None, primary_key=True)
    kind: str = DbField(max_length=40)
    referral_id: str = DbField(index=True, max_length=36)
    created_at: datetime
    delivered_at: datetime | None = None
    attempts: int = 0


# Properties to return


class AssessmentSummary(BaseModel):
    level: int
    level_name: str
    urgency: Urgency
    routes: list[Route]
    indicators: list[str]
    document_id: str
    document_version: str


class ReferralReceipt(BaseModel):
    reference: str
    status_token: str | None = Field(description="shown once, on the first response: keep it to check the status later")
    received_at: datetime
    acknowledge_by: datetime
    chase_after: datetime
    rag: Literal["red", "amber", "green"]
    respond_by: datetime
    confirmation_due: datetime | None = Field(
        description="written confirmation of a phoned referral is due 48 hours after the call"
    )
    what_happens_next: list[str]
    still_needed: list[str] = Field(description="what the front door will still need; it does not hold up the referral")
    assessment: AssessmentSummary


class ReferralStatus(BaseModel):
    reference: str
    status: str
    received_at: datetime
    acknowledge_by: datetime
    acknowledged_at: datetime | None
    decision: str | None = None
    feedback: str | None = None


class DecisionCreate(Input):
    decision: Decision
    reason: str = Field(min_length=1, max_length=5000)


class TextCreate(Input):
    text: str = Field(min_length=1, max_length=5000)


class QueueItem(BaseModel):
    reference: str
    status: str
    urgency: Urgency
    rag: str
    level: int
    received_at: datetime
    acknowledge_by: datetime
    respond_by: datetime
    overdue: bool


class ReferralStaffView(QueueItem):
    filed: dict[str, Any]
    assessment: dict[str, Any]
    still_needed: list[str]
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    decision: str | None
    decision_reason: str | None
    decided_at: datetime | None
    decided_by: str | None
    feedback: str | None
    addenda: list[dict[str, Any]]
    earlier_referrals: list[dict[str, Any]] = Field(
        description="about the same child; re_referral when within 12 months"
    )


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 scheme name, not a secret
    expires_in: int
