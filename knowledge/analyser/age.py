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


# The patterns below are tried at every word of every narrative, so the lists of numbers and child
# words in them are written to be turned down fast, with exactly the matches of a plain list of
# alternatives: a look-ahead for the letters the words start with, and the words grouped by first
# letter (only those starting with a place's letter can match there, tried in their own order).
def _starting(words: list[str], digits: bool = False) -> str:
    """A look-ahead for the first characters of `words` (and of a number in digits)."""
    return "(?=[" + (r"\d" if digits else "") + "".join(sorted({word[0] for word in words})) + "])"


def _one_of(words: list[str]) -> str:
    """`words` as alternatives, in their order, grouped by first letter."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in by_first.items()) + ")"


_NUMBERS = sorted(NUMBER_WORDS, key=len, reverse=True)
_NUM = _starting(_NUMBERS, digits=True) + r"(\d{1,2}|" + _one_of(_NUMBERS) + r")"
_SEP = r"[\s-]*"

# Most specific first: an explicit age beats a school year, which beats a word like "toddler".
_YEARS = re.compile(
    rf"\b{_NUM}{_SEP}(?:years?|yrs?|y/?o|yo)(?:{_SEP}old)?\b|\baged?\s+(\d{{1,2}})\b|\b(\d{{1,2}})\s*y/?o\b", re.I
)
_UNDER_ONE = re.compile(rf"\b{_NUM}{_SEP}(?:months?|mths?|mo|weeks?|wks?|wk|days?)(?:{_SEP}old)?\b", re.I)
_UNBORN = re.compile(
    r"\b"
    + _starting(["pregnant", "unborn", "expecting", "due", "expectant", "mum", "mother", "dad", "father"], digits=True)
    + r"(?:\d{1,2}\s*(?:weeks?|wks?|months?)\s+(?:pregnant|along|gestation)|pregnant|unborn|expecting a baby|due date"
    r"|expectant|(?:mum|mother|dad|father)[\s-]+to[\s-]+be)\b",
    re.I,
)
# "2day" is text-speak for today, not a baby two days old.
_TODAY = re.compile(r"2day", re.I)
# What follows "20 weeks" when it is how far on a pregnancy is, not a baby's age.
_GESTATION = re.compile(r"^\s*(?:pregnant|along|gestation|into (?:her|the) pregnancy)", re.I)
# "she's 12", "im 15 and...", "my daughter is 13": an age said of the child with no unit, when nothing
# after it makes it a time, a height or a count. Brothers and sisters are left out: "my brother is
# 15 and he makes me..." is the one doing harm, not the child. A friend is in: a child who tells of a
# friend ("my mate is 12 and shes pregnant", "the friend is only 11 herself") tells of the friend's harm.
# A hedge may stand before it ("he's only about four", "she's like 6"). A number word counts only
# where the clause ends with it ("he's only four and...", not "I'm two streets away").
_HEDGES = r"(?:(?:only|just|about|around|like|nearly|almost|barely|roughly|maybe|probably|not even)\s+){0,2}"
# who an age is said of, in the order of the pattern below, for its look-ahead
_SAID_OF = [
    "she",
    "he",
    "i",
    "grand",
    "step",
    "son",
    "daughter",
    "niece",
    "nephew",
    "boy",
    "girl",
    "child",
    "kid",
    "friend",
    "mate",
    "bestie",
]
_SAID_AGE = re.compile(
    r"\b" + _starting(_SAID_OF) + r"(?:(?:she|he)(?:'s|’s|s|\s+is)|i(?:'m|’m|m|\s+am)"
    r"|(?:(?:grand|step)?(?:son|daughter)|niece|nephew|boy|girl|child|kid|friend|mate|bestie)(?:'s|’s|\s+is))\s+"
    + _HEDGES
    + r"(?:(\d{1,2})\b(?!\s*(?:%|percent|mins?\b|minutes|hours?|hrs?"
    r"|weeks?|wks?|months?|days?|years?|yrs?|y/?o|o'?clock|am\b|pm\b|ft|foot|feet|stone|st\b|kg|:|\.\d))"
    r"|(" + _one_of([w for w in _NUMBERS if w not in ("a", "an")]) + r")(?=\s*(?:[,.;!?)]|$|and\b|but\b|so\b|n\b|&)))",
    re.I,
)
_SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s?(\d{1,2})\b(?!\s*(?:olds?|-old|ago))", re.I)
_CHILD_WORDS = ["boy", "girl", "child", "kid", "son", "daughter", "toddler", "lad", "lass"]
_OF_AGE = re.compile(
    r"\b"
    + _starting(_CHILD_WORDS)
    + _one_of(_CHILD_WORDS)
    + r"\s+(?:of|aged)\s+(?:about\s+|around\s+|roughly\s+|maybe\s+)?"
    r"(\d{1,2}|" + _one_of([w for w in _NUMBERS if w not in ("a", "an")]) + r")\b",
    re.I,
)
# A note's bracketed age after a name or initial ("Tia (7)", "C (12)", "Y9 (13)") or a word for the
# child ("Yr 7 pupil (12)"); not a brother's or sister's, told beside the child's ("baby boy 10/52 ...
# big sister (2)", "28/40 ... her first child (3) lives with gran").
_BRACKETED = ["pupil", "student", "girl", "boy", "child", "kid", "son", "daughter", "lad"]
_NOT_THIS_CHILD = "".join(rf"(?<!{word} )" for word in ("first", "older", "elder", "eldest", "other", "previous"))
_BRACKET = re.compile(
    r"(?:\b[A-Z][a-z]*\d*|" + _NOT_THIS_CHILD + r"\b(?i:" + "|".join(_BRACKETED) + r"))\s*\((\d{1,2})\)"
)
_WORDS = [
    (re.compile(r"\b(?:new\s?born|newborn|neonate|infant|baby|babies)\b", re.I), 0),
    (re.compile(r"\b(?:toddler)\b", re.I), 2),
    (re.compile(r"\breception\b", re.I), 4),
    (re.compile(r"\bnursery\b", re.I), 3),
]
_NOT_CHILD = re.compile(r"\b(?:mum|mother|dad|father|man|woman|boyfriend|girlfriend|partner|adult|he is|she is)\b")
MAX_CHILD_AGE = 17


def _number(raw: str) -> int:
    """The value of a matched number. The patterns match case-insensitively by Unicode rules, so
    letters such as the long s ("ſix") or a dotted capital I ("EİGHT") match a number word that
    `lower()` does not turn them back into: those are looked up the way the pattern matched them."""
    if raw.isdigit():
        return int(raw)
    value = NUMBER_WORDS.get(raw.lower())
    if value is None:
        value = next(v for word, v in NUMBER_WORDS.items() if re.fullmatch(re.escape(word), raw, re.I))
    return value


def read_age(text: str) -> int | None:
    # the first child-age mention wins: reports name the child of concern first.
    found: list[tuple[int, int]] = []
    for match in _YEARS.finditer(text):
        raw = next(g for g in match.groups() if g)
        value = _number(raw)
        if value <= MAX_CHILD_AGE and not _adult_context(text, match.start()) and not _duration(text, match):
            found.append((match.start(), value))
    for match in _UNDER_ONE.finditer(text):
        if _no_baby_age(text, match):
            continue
        raw = match.group(1)
        value = _number(raw)
        unit = match.group(0).lower()
        if "month" in unit or "mth" in unit or re.search(r"\bmo\b", unit):
            found.append((match.start(), value // 12))
        elif "week" in unit or "wk" in unit:
            found.append((match.start(), value // 52))
        else:
            found.append((match.start(), 0))
    for match in _SAID_AGE.finditer(text):
        value = _number(match.group(1) or match.group(2))
        if value <= MAX_CHILD_AGE:
            found.append((match.start(), value))
    for match in _OF_AGE.finditer(text):
        raw = match.group(1)
        value = _number(raw)
        if value <= MAX_CHILD_AGE:
            found.append((match.start(), value))
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


# "for three weeks", "over the last two years", "a year ago": how long, not how old.
_DURATION_BEFORE = re.compile(
    r"(?:\b(?:for|over|past|last|next|within|after|in|every|since|about|almost|nearly|under|than|first|few|wait|waiting)"
    r"|~|\bapprox\.?)\s*$",
    re.I,
)
_DURATION_AFTER = re.compile(r"^\s*(?:ago|later|before|since|running|now|off\b|of\b|in\b|at\b|on\b|to\b|with\b)", re.I)


def _no_baby_age(text: str, match: re.Match[str]) -> bool:
    """Whether a weeks-or-months match is no baby's age: a gestation, a length of time, or "2day"."""
    return bool(
        _GESTATION.match(text[match.end() : match.end() + 24])
        or _duration(text, match)
        or _TODAY.fullmatch(match.group(0))
    )


def _duration(text: str, match: re.Match[str]) -> bool:
    """Whether an age-shaped match measures a length of time: "sofa surfing for three weeks", "a
    year 9 boy" (a school year), "two years ago". One that says "old" is an age whatever precedes it
    ("for a 7 week old"), and "a"/"an" count as one only with "old" ("a year old")."""
    said = match.group(0).lower()
    if said.rstrip().endswith("old") or re.search(r"y/?o$", said):
        return False
    if said.split()[0] in ("a", "an"):
        return True
    return bool(_DURATION_BEFORE.search(text[max(0, match.start() - 12) : match.start()])) or bool(
        _DURATION_AFTER.match(text[match.end() : match.end() + 8])
    )


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
WEEKS_A_MONTH = 52 / 12
DAYS_A_MONTH = 365 / 12
_ANTENATAL = re.compile(r"\b(?:antenatal|ante-natal|gestation|trimester|booking appointment)\b", re.I)


def is_non_mobile_baby(text: str) -> bool:
    """A baby too young to move about: six months or less, or called newborn or not mobile."""
    if _NON_MOBILE_WORDS.search(text):
        return True
    pregnancy = _UNBORN.search(text) or _ANTENATAL.search(text)
    for match in _UNDER_ONE.finditer(text):
        if _no_baby_age(text, match):
            continue
        unit = match.group(0).lower()
        weeks = "week" in unit or "wk" in unit
        # "she is 30 weeks and came to antenatal": in a pregnancy, weeks not said to be old count the pregnancy
        if weeks and pregnancy and not unit.rstrip().endswith("old"):
            continue
        value = _number(match.group(1))
        if "month" in unit or "mth" in unit or re.search(r"\bmo\b", unit):
            months = value
        else:
            months = value / WEEKS_A_MONTH if weeks else value / DAYS_A_MONTH
        if months <= NON_MOBILE_MONTHS:
            return True
    return False
