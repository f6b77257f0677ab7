"""The public pages: the chat at `/` and the referral status page (reference and token, no account)."""

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api.deps import SessionDep
from api.services import referrals

router = APIRouter(include_in_schema=False)
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parents[1] / "templates"),
    autoescape=select_autoescape(default=True),
)
# Only our own files may run or load: a page about a child's safety must not be scriptable by anything injected.
CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
# One message for an unknown reference and a wrong token, so references cannot be probed.
NOT_FOUND = "No referral matches that reference and status token. Check both and try again."


def _page(name: str, status_code: int = 200, **context) -> HTMLResponse:
    html = _TEMPLATES.get_template(name).render(**context)
    headers = {"Content-Security-Policy": CSP, "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
    return HTMLResponse(html, status_code=status_code, headers=headers)


@router.get("/status")
def status_form() -> HTMLResponse:
    return _page("public/status.html", reference="")


@router.post("/status")
def status_result(
    session: SessionDep,
    reference: Annotated[str, Form(max_length=40)] = "",
    token: Annotated[str, Form(max_length=100)] = "",
) -> HTMLResponse:
    reference = reference.strip().upper()
    found = referrals.status(session, reference, token.strip()) if reference and token else None
    if found is None:
        return _page("public/status.html", status_code=404, reference=reference, error=NOT_FOUND)
    return _page("public/status.html", found=found)


@router.get("/")
def chat() -> HTMLResponse:
    return _page("public/chat.html")
