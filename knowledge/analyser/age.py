"""The child's age read from the narrative, in the contract's terms (0 under one, -1 unborn)."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "a": 1,
    "an": 1,
}
_NUM = r"(\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_SEP = r"[\s-]*"

# Most specific first: an explicit age beats a school year, which beats a word like "toddler".
_YEARS = re.compile(
    rf"\b{_NUM}{_SEP}(?:years?|yrs?|y/?o|yo)(?:{_SEP}old)?\b|\baged?\s+(\d{{1,2}})\b|\b(\d{{1,2}})\s*y/?o\b", re.I
)
_UNDER_ONE = re.compile(rf"\b{_NUM}{_SEP}(?:months?|mths?|mo|weeks?|wks?|wk|days?)(?:{_SEP}old)?\b", re.I)
_UNBORN = re.compile(
    r"\b(?:\d{1,2}\s*(?:weeks?|wks?|months?)\s+pregnant|pregnant|unborn|expecting a baby|due date)\b", re.I
)
_SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s?(\d{1,2})\b(?!\s*(?:olds?|-old|ago))", re.I)
_BRACKET = re.compile(r"[A-Z][a-z]+\s*\((\d{1,2})\)")
_WORDS = [
    (re.compile(r"\b(?:new\s?born|newborn|neonate|infant|baby|babies)\b", re.I), 0),
    (re.compile(r"\b(?:toddler)\b", re.I), 2),
    (re.compile(r"\breception\b", re.I), 4),
    (re.compile(r"\bnursery\b", re.I), 3),
]
_NOT_CHILD = re.compile(r"\b(?:mum|mother|dad|father|man|woman|boyfriend|girlfriend|partner|adult|he is|she is)\b")
MAX_CHILD_AGE = 17


def read_age(text: str) -> int | None:
    # the first child-age mention wins: reports name the child of concern first.
    found: list[tuple[int, int]] = []
    for match in _YEARS.finditer(text):
        raw = next(g for g in match.groups() if g)
        value = int(raw) if raw.isdigit() else NUMBER_WORDS[raw.lower()]
        if value <= MAX_CHILD_AGE and not _adult_context(text, match.start()):
            found.append((match.start(), value))
    for match in _UNDER_ONE.finditer(text):
        if "pregnant" in text[match.end() : match.end() + 12].lower():
            continue
        raw = match.group(1)
        value = int(raw) if raw.isdigit() else NUMBER_WORDS[raw.lower()]
        unit = match.group(0).lower()
        if "month" in unit or "mth" in unit or re.search(r"\bmo\b", unit):
            found.append((match.start(), value // 12))
        elif "week" in unit or "wk" in unit:
            found.append((match.start(), value // 52))
        else:
            found.append((match.start(), 0))
    for match in _BRACKET.finditer(text):
        value = int(match.group(1))
        if value <= MAX_CHILD_AGE:
            found.append((match.start(), value))
    if found:
        return min(found)[1]
    for match in _SCHOOL_YEAR.finditer(text):
        year = int(match.group(1))
        if 1 <= year <= 13:
            return year + 4
    if _UNBORN.search(text):
        return -1
    hits = [(m.start(), age) for pattern, age in _WORDS for m in [pattern.search(text)] if m]
    return min(hits)[1] if hits else None


def _adult_context(text: str, start: int) -> bool:
    """'her 19 year old boyfriend', 'mum is 16': an age that belongs to someone other than the child."""
    after = text[start : start + 30].lower()
    return bool(
        re.search(r"(?:old|yo|yrs?)\s+(?:man|woman|boyfriend|girlfriend|partner|adult|male|female|men)\b", after)
    )


_NON_MOBILE_WORDS = re.compile(
    r"\b(?:new\s*-?\s*born|neonate|non\s*-?\s*mobile|not yet mobile|not mobile|can(?:no|')?t roll|not (?:yet )?rolling)",
    re.I,
)
NON_MOBILE_MONTHS = 6


def is_non_mobile_baby(text: str) -> bool:
    """A baby too young to move about: six months or less, or called newborn or not mobile."""
    if _NON_MOBILE_WORDS.search(text):
        return True
    for match in _UNDER_ONE.finditer(text):
        if "pregnant" in text[match.end() : match.end() + 12].lower():
            continue
        raw = match.group(1)
        value = int(raw) if raw.isdigit() else NUMBER_WORDS[raw.lower()]
        unit = match.group(0).lower()
        months = value if ("month" in unit or "mth" in unit or re.search(r"\bmo\b", unit)) else 0
        if months <= NON_MOBILE_MONTHS:
            return True
    return False
