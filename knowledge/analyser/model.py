"""What the analyser hands the engine: findings with their evidence, and the facts read around them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    indicator_id: str
    evidence: str  # the matched words exactly as written
    start: int  # character offsets of the evidence in the narrative
    end: int
    confidence: float


@dataclass(frozen=True)
class Analysis:
    findings: list[Finding] = field(default_factory=list)
    child_age_years: int | None = None  # 0 for a baby under one, -1 for an unborn baby
    involved: list[str] = field(default_factory=list)
    immediate_danger: bool = False
