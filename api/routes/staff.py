from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api.deps import SessionDep, require
from api.models import Addendum, DecisionCreate, QueueItem, Referral, ReferralStaffView, StaffUser, TextCreate
from api.services import audit, workflow

# Every staff operation may answer these, so the schema publishes them (clients and the fuzz tests rely on it).
router = APIRouter(
    prefix="/staff",
    tags=["mash staff"],
    responses={401: {"description": "no token, or one that is forged, expired or no longer valid"},
               403: {"description": "the signed-in role may not do this"}},
)  # fmt: skip
MISSING = {404: {"description": "no referral with that reference"}}
OUT_OF_ORDER = {**MISSING, 409: {"description": "not a step this referral can take now"}}
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parents[1] / "templates"),
    autoescape=select_autoescape(default=True),
)


def _found(session, reference: str) -> Referral:
    row = workflow.find(session, reference)
    if row is None:
        raise HTTPException(404, detail="no referral with that reference")
    return row


def _step(action):
    try:
        return action()
    except workflow.InvalidStep as error:
        raise HTTPException(409, detail=str(error)) from None


@router.get("/referrals", response_model=list[QueueItem])
def read_queue(
    session: SessionDep,
    user: Annotated[StaffUser, Depends(require("referral.read"))],
    status: Annotated[str | None, Query(max_length=30)] = None,
    urgency: Annotated[str | None, Query(pattern="^(standard|immediate|emergency)$")] = None,
    overdue: bool | None = None,
) -> list[QueueItem]:
    """The queue: most urgent first, then by deadline; filter by status, urgency and overdue."""
    return workflow.queue(session, user, status=status, urgency=urgency, overdue=overdue)


@router.get("/referrals/{reference}", response_model=ReferralStaffView, responses=MISSING)
def read_referral(reference: str, session: SessionDep, user: Annotated[StaffUser, Depends(require("referral.read"))]):
    """A referral in full, with its assessment, what is still needed and its addenda."""
    return workflow.view(session, user, _found(session, reference))


@router.post("/referrals/{reference}/acknowledge", response_model=QueueItem, responses=OUT_OF_ORDER)
def acknowledge(
    reference: str, session: SessionDep, user: Annotated[StaffUser, Depends(require("referral.acknowledge"))]
):
    """Acknowledge receipt (due by the end of the next working day)."""
    row = _step(lambda: workflow.acknowledge(session, user, _found(session, reference)))
    return workflow._item(row)


@router.post("/referrals/{reference}/decision", response_model=QueueItem, responses=OUT_OF_ORDER)
def decide(
    reference: str,
    body: DecisionCreate,
    session: SessionDep,
    user: Annotated[StaffUser, Depends(require("referral.decide"))],
):
    """Record the front door's decision and its reason (managers)."""
    row = _step(lambda: workflow.decide(session, user, _found(session, reference), body.decision, body.reason))
    return workflow._item(row)


@router.post("/referrals/{reference}/feedback", response_model=QueueItem, responses=MISSING)
def feedback(
    reference: str,
    body: TextCreate,
    session: SessionDep,
    user: Annotated[StaffUser, Depends(require("referral.feedback"))],
):
    """Feedback the referrer sees on their status page and is sent through the outbox."""
    return workflow._item(workflow.feedback(session, user, _found(session, reference), body.text))


@router.post("/referrals/{reference}/addenda", response_model=Addendum, status_code=201, responses=MISSING)
def add_addendum(
    reference: str,
    body: TextCreate,
    session: SessionDep,
    user: Annotated[StaffUser, Depends(require("referral.addendum"))],
):
    """Add a correction or note; what the referrer filed is never edited."""
    return workflow.add_addendum(session, user, _found(session, reference), body.text)


@router.get("/referrals/{reference}/export", response_model=ReferralStaffView, responses=MISSING)
def export_referral(
    reference: str, session: SessionDep, user: Annotated[StaffUser, Depends(require("referral.export"))]
):
    """The referral in full as JSON, for recording in the council's case system."""
    view = workflow.view(session, user, _found(session, reference), action="referral.exported")
    return JSONResponse(
        view.model_dump(mode="json"),
        headers={"Content-Disposition": f'attachment; filename="{reference}.json"', "Cache-Control": "no-store"},
    )


@router.get("/referrals/{reference}/print", response_class=HTMLResponse, responses=MISSING)
def print_referral(
    reference: str, session: SessionDep, user: Annotated[StaffUser, Depends(require("referral.export"))]
):
    """The referral laid out like a referral form, to print or save as PDF."""
    view = workflow.view(session, user, _found(session, reference), action="referral.printed")
    return HTMLResponse(
        _TEMPLATES.get_template("referral_print.html").render(view=view), headers={"Cache-Control": "no-store"}
    )


@router.get("/audit/verify")
def verify_audit(session: SessionDep, _user: Annotated[StaffUser, Depends(require("audit.verify"))]) -> dict:
    """Check the audit trail's hash chain (admins)."""
    intact, rows, problem = audit.verify(session)
    return {"intact": intact, "rows": rows, "problem": problem}
