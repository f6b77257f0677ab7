from fastapi import APIRouter, HTTPException

from knowledge import AssessmentRequest, AssessmentResponse, InvalidRequest, UnknownDocument, assess

router = APIRouter(prefix="/assessments", tags=["assessments"])


@router.post("", response_model=AssessmentResponse)
def create_assessment(request: AssessmentRequest) -> AssessmentResponse:
    """Assess a concern against the threshold document: level, urgency, routes and the reasons why."""
    try:
        return assess(request)
    except InvalidRequest as error:
        raise HTTPException(422, detail=[{"field": error.field, "message": error.message}]) from None
    except UnknownDocument:
        raise HTTPException(
            422, detail=[{"field": "threshold_document", "message": f"unknown document '{request.threshold_document}'"}]
        ) from None
