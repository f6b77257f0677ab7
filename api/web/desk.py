"""The MASH staff desk: sign-in, the queue, a referral in full, and the steps each role may take.

The desk calls the same services as the staff JSON API and checks the same permissions (api/deps.py),
so a page never allows what the API refuses. Sign-in sets two cookies: the short-lived access token
(HttpOnly, SameSite=Strict) and a CSRF token that every form echoes back (double submit).
"""

import hmac
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, get_args
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api.core.security import ACCESS_TOKEN_LIFETIME, create_access_token
from api.deps import SessionDep, may, staff_for_token
from api.models import Decision, StaffUser
from api.services import audit, signin, workflow

router = APIRouter(prefix="/desk", include_in_schema=False)
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parents[1] / "templates"),
    autoescape=select_autoescape(default=True),
)
SESSION_COOKIE = "desk_session"
CSRF_COOKIE = "desk_csrf"
CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
DECISIONS = {
    "no_further_action": "No further action (with reasons, and other support suggested)",
    "information_and_advice": "Information and advice",
    "early_help": "Early help",
    "section_17_assessment": "Assessment under section 17 (child in need)",
    "strategy_discussion_section_47": "Strategy discussion and section 47 enquiries",
    "immediate_protection": "Immediate protection",
    "referral_to_lado": "Referral to the LADO",
}
assert set(DECISIONS) == set(get_args(Decision)), "every decision the API accepts is offered, and no other"
SORTS = {
    "urgency": lambda item: (workflow.URGENCY_ORDER[item.urgency.value], item.respond_by),
    "received": lambda item: item.received_at,
    "acknowledge_by": lambda item: item.acknowledge_by,
    "reference": lambda item: item.reference,
}


def _page(request: Request, name: str, user: StaffUser | None = None, status_code: int = 200, **context) -> Response:
    csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    html = _TEMPLATES.get_template(name).render(
        user=user, csrf=csrf, may=(lambda permission: user is not None and may(user, permission)), **context
    )
    response = HTMLResponse(html, status_code=status_code)
    response.headers.update(
        {"Content-Security-Policy": CSP, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
    )
    if CSRF_COOKIE not in request.cookies:
        response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


def _staff(request: Request, session) -> StaffUser | None:
    """The signed-in member of staff, or None: the route then sends the browser to sign in."""
    token = request.cookies.get(SESSION_COOKIE)
    return staff_for_token(session, token) if token else None


def _allowed(user: StaffUser, permission: str) -> None:
    if not may(user, permission):
        raise HTTPException(403, detail=f"your role may not {permission.split('.', 1)[1]}")


def _check_csrf(request: Request, sent: str) -> None:
    expected = request.cookies.get(CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(expected, sent):
        raise HTTPException(403, detail="the form has expired; reload the page and try again")


def _referral(session, reference: str):
    row = workflow.find(session, reference)
    if row is None:
        raise HTTPException(404, detail="no referral with that reference")
    return row


def _back(reference: str, note: str) -> RedirectResponse:
    return RedirectResponse(f"/desk/referrals/{quote(reference)}?done={quote(note)}", status_code=303)


def time_left(due: datetime) -> str:
    """'3 h 20 min left' or 'overdue by 1 h 5 min', in words a screen reader reads as well as it shows."""
    now = datetime.now(UTC).replace(tzinfo=None)
    minutes = int((due.replace(tzinfo=None) - now).total_seconds() // 60)
    days, rest = divmod(abs(minutes), 24 * 60)
    hours, mins = divmod(rest, 60)
    words = " ".join(
        part for part in (f"{days} d" if days else "", f"{hours} h" if hours else "", f"{mins} min") if part
    )
    return f"{words} left" if minutes >= 0 else f"overdue by {words}"


_TEMPLATES.globals.update(time_left=time_left, decisions=DECISIONS)


@router.get("/sign-in")
def sign_in_form(request: Request) -> Response:
    return _page(request, "desk/sign_in.html")


@router.post("/sign-in")
def sign_in(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form(max_length=120)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    _check_csrf(request, csrf)
    try:
        user = signin.authenticate(session, username, password)
    except signin.Throttled:
        return _page(request, "desk/sign_in.html", status_code=429, username=username,
                     error="Too many failed sign-ins for this name. Try again in 15 minutes.")  # fmt: skip
    except signin.WrongCredentials:
        return _page(request, "desk/sign_in.html", status_code=401, username=username,
                     error="The name or password is not right.")  # fmt: skip
    response = RedirectResponse("/desk/audit" if user.role == "admin" else "/desk", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        create_access_token(user.username, user.role),
        max_age=int(ACCESS_TOKEN_LIFETIME.total_seconds()),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/sign-out")
def sign_out(request: Request, csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    _check_csrf(request, csrf)
    response = RedirectResponse("/desk/sign-in", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("")
def queue(
    request: Request,
    session: SessionDep,
    status: str = "",
    urgency: str = "",
    overdue: str = "",
    sort: str = "urgency",
) -> Response:
    user = _staff(request, session)
    if user is None:
        return RedirectResponse("/desk/sign-in", status_code=303)
    if not may(user, "referral.read"):
        return RedirectResponse("/desk/audit", status_code=303)
    items = workflow.queue(
        session,
        user,
        status=status or None,
        urgency=urgency if urgency in workflow.URGENCY_ORDER else None,
        overdue={"yes": True, "no": False}.get(overdue),
    )
    items.sort(key=SORTS.get(sort, SORTS["urgency"]))
    filters = {"status": status, "urgency": urgency, "overdue": overdue, "sort": sort if sort in SORTS else "urgency"}
    return _page(request, "desk/queue.html", user, items=items, filters=filters)


@router.get("/referrals/{reference}")
def referral(request: Request, reference: str, session: SessionDep, done: str = "") -> Response:
    user = _staff(request, session)
    if user is None:
        return RedirectResponse("/desk/sign-in", status_code=303)
    _allowed(user, "referral.read")
    view = workflow.view(session, user, _referral(session, reference))
    return _page(request, "desk/referral.html", user, view=view, done=done[:200])


@router.post("/referrals/{reference}/acknowledge")
def acknowledge(request: Request, reference: str, session: SessionDep, csrf: Annotated[str, Form()] = "") -> Response:
    _check_csrf(request, csrf)
    user = _staff(request, session)
    if user is None:
        return RedirectResponse("/desk/sign-in", status_code=303)
    _allowed(user, "referral.acknowledge")
    try:
        workflow.acknowledge(session, user, _referral(session, reference))
    except workflow.InvalidStep as error:
        raise HTTPException(409, detail=str(error)) from None
    return _back(reference, "Acknowledged")


@router.post("/referrals/{reference}/decision")
def decide(
    request: Request,
    reference: str,
    session: SessionDep,
    decision: Annotated[str, Form(max_length=60)] = "",
    reason: Annotated[str, Form(max_length=5000)] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    _check_csrf(request, csrf)
    user = _staff(request, session)
    if user is None:
        return RedirectResponse("/desk/sign-in", status_code=303)
    _allowed(user, "referral.decide")
    row = _referral(session, reference)
    problems = []
    if decision not in DECISIONS:
        problems.append(("decision", "Choose a decision"))
    if not reason.strip():
        problems.append(("reason", "Give the reason for the decision"))
    if not problems:
        try:
            workflow.decide(session, user, row, decision, reason.strip())
            return _back(reference, "Decision recorded")
        except workflow.InvalidStep as error:
            problems.append(("decision", str(error).capitalize()))
    view = workflow.view(session, user, row)
    return _page(request, "desk/referral.html", user, status_code=422, view=view, problems=problems,
                 entered={"decision": decision, "reason": reason})  # fmt: skip


def _text_step(request: Request, reference: str, session, text: str, permission: str, field: str) -> Response:
    user = _staff(request, session)
    if user is None:
        return RedirectResponse("/desk/sign-in", status_code=303)
    _allowed(user, permission)
    row = _referral(session, reference)
    if not text.strip():
        view = workflow.view(session, user, row)
        message = "Write the feedback for the referrer" if field == "feedback" else "Write the note"
        return _page(request, "desk/referral.html", user, status_code=422, view=view, problems=[(field, message)])
    if field == "feedback":
        workflow.feedback(session, user, row, text.strip())
        return _back(reference, "Feedback sent to the referrer")
    workflow.add_addendum(session, user, row, text.strip())
    return _back(reference, "Note added")


@router.post("/referrals/{reference}/feedback")
def feedback(
    request: Request,
    reference: str,
    session: SessionDep,
    text: Annotated[str, Form(max_length=5000)] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    _check_csrf(request, csrf)
    return _text_step(request, reference, session, text, "referral.feedback", "feedback")


@router.post("/referrals/{reference}/addenda")
def addendum(
    request: Request,
    reference: str,
    session: SessionDep,
    text: Annotated[str, Form(max_length=5000)] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    _check_csrf(request, csrf)
    return _text_step(request, reference, session, text, "referral.addendum", "addendum")


@router.get("/audit")
def audit_trail(request: Request, session: SessionDep) -> Response:
    user = _staff(request, session)
    if user is None:
        return RedirectResponse("/desk/sign-in", status_code=303)
    _allowed(user, "audit.verify")
    intact, count, problem = audit.verify(session)
    rows = audit.latest(session, limit=200)
    audit.record(session, actor=user.username, action="audit.read", referral_id=None, detail={})
    session.commit()
    return _page(request, "desk/audit.html", user, intact=intact, count=count, problem=problem, rows=rows)


@router.get("/referrals/{reference}/print")
def print_referral(request: Request, reference: str, session: SessionDep) -> Response:
    user = _staff(request, session)
    if user is None:
        return RedirectResponse("/desk/sign-in", status_code=303)
    _allowed(user, "referral.export")
    view = workflow.view(session, user, _referral(session, reference), action="referral.printed")
    html = _TEMPLATES.get_template("referral_print.html").render(view=view)
    # The printable form carries its own print stylesheet inline, so it may use inline styles (no scripts).
    policy = CSP.replace("default-src 'self';", "default-src 'self'; style-src 'self' 'unsafe-inline';")
    return HTMLResponse(html, headers={"Content-Security-Policy": policy, "Cache-Control": "no-store"})
