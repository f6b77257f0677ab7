"""Who the concern is about, read from the people the narrative names next to what they did."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.attrs import ORTH
from spacy.tokens import Doc

from knowledge.analyser.cues import PASSIVE, negated, sentence
from knowledge.analyser.phrases import PhraseIndex
from knowledge.analyser.pipeline import words

# Single words and two-word phrases, as norms; the reporter's own "my" does not matter here.
PEOPLE: dict[str, list[tuple[str, ...]]] = {
    "step_parent": [
        ("stepdad",),
        ("stepmum",),
        ("step", "dad"),
        ("step", "mum"),
        ("step", "parent"),
        ("stepparent",),
        ("step", "father"),
        ("step", "mother"),
    ],
    "parent_partner": [
        ("mum", "boyfriend"),
        ("mum", "partner"),
        ("mum", "new", "partner"),
        ("mum", "new", "boyfriend"),
        ("mother", "boyfriend"),
        ("mother", "partner"),
        ("dad", "girlfriend"),
        ("dad", "partner"),
        ("father", "girlfriend"),
        ("father", "partner"),
        ("mum", "fella"),
        ("mum", "bloke"),
        ("mum", "'s", "boyfriend"),
        ("mum", "'s", "partner"),
        ("mum", "'s", "new"),
        ("dad", "'s", "girlfriend"),
        ("dad", "'s", "partner"),
        ("mother", "'s", "boyfriend"),
        ("mother", "'s", "partner"),
        ("father", "'s", "partner"),
        ("father", "'s", "girlfriend"),
        ("mum", "'s", "fella"),
    ],
    "parent": [("mum",), ("mother",), ("dad",), ("father",), ("parent",), ("parents",), ("carer",)],
    "relative": [
        ("uncle",),
        ("aunt",),
        ("auntie",),
        ("aunty",),
        ("grandmother",),
        ("grandfather",),
        ("cousin",),
        ("brother",),
        ("sister",),
        ("grandparent",),
        ("relative",),
        ("family", "friend"),
    ],
    "other_child": [
        ("another", "child"),
        ("other", "child"),
        ("older", "boy"),
        ("older", "girl"),
        ("older", "child"),
        ("classmate",),
        ("pupil",),
        ("boys",),
        ("girls",),
        ("another", "pupil"),
        ("other", "pupils"),
        ("peer",),
        ("peers",),
        ("older", "kid"),
        ("teenager",),
        ("gang",),
        ("gang", "leader"),
    ],
    "stranger": [
        ("stranger",),
        ("strangers",),
        ("unknown", "man"),
        ("unknown", "adult"),
        ("older", "man"),
        ("older", "men"),
        ("a", "man"),
        ("man",),
        ("men",),
        ("someone", "online"),
        ("online",),
        ("adult", "man"),
        ("unknown", "adult"),
    ],
    "adult_working_with_children": [
        ("teacher",),
        ("teaching", "assistant"),
        ("ta",),
        ("1:1",),  # "his 1:1": the assistant who supports one child
        ("lsa",),
        ("support", "assistant"),
        ("coach",),
        ("instructor",),
        ("youth", "leader"),
        ("youth", "worker"),
        ("scout", "leader"),
        ("cub", "leader"),
        ("brownie", "leader"),
        ("care", "worker"),
        ("residential", "worker"),
        ("carer", "at"),
        ("staff",),
        ("nursery", "worker"),
        ("nursery", "staff"),
        ("childminder",),
        ("tutor",),
        ("lunchtime", "supervisor"),
        ("dinner", "lady"),
        ("caretaker",),
        ("foster", "carer"),
        ("driver",),
        ("colleague",),
        ("leader",),
        ("foster", "dad"),
        ("foster", "mum"),
        ("foster", "father"),
        ("foster", "mother"),
        ("foster", "parent"),
        ("foster", "parents"),
        ("foster", "lady"),
        ("foster", "man"),
        ("foster", "woman"),
        ("key", "worker"),
        ("keyworker",),
        ("headteacher",),
        ("head", "teacher"),
        ("sunday", "school"),
        ("club", "leader"),
        ("trainer",),
        ("mentor",),
        ("volunteer",),
        ("priest",),
        ("imam",),
        ("vicar",),
        ("madrasa",),
        ("babysitter",),
        ("swimming", "teacher"),
        ("dance", "teacher"),
    ],
}
# What the person did, as norms; a role counts only next to one of these, so the reporter's own
# role ("I am her teacher", "told her teacher") does not name the person the concern is about.
HARM = {
    "hit",
    "hurt",
    "punch",
    "kick",
    "slap",
    "smack",
    "beat",
    "shove",
    "push",
    "grab",
    "strangle",
    "choke",
    "touch",
    "kiss",
    "abuse",
    "assault",
    "rape",
    "grope",
    "threaten",
    "shout",
    "scream",
    "swear",
    "message",
    "text",
    "send",
    "groom",
    "film",
    "photograph",
    "photo",
    "picture",
    "pic",
    "restrain",
    "drag",
    "throw",
    "lock",
    "burn",
    "bite",
    "pinch",
    "squeeze",
    "shake",
    "yank",
    "twist",
    "molest",
    "expose",
    "flash",
    "gift",
    "inappropriate",
    "inappropriately",
    "sexual",
    "sexually",
    "bully",
    "humiliate",
    "harass",
    "stalk",
    "follow",
    "lure",
    "pick",
    "give",
    "offer",
    "drive",
    "take",
    "meet",
    "control",
    "force",
    "make",
    "batter",
    "attack",
    "stab",
    "kill",
    "injure",
    "harm",
    "drink",
    "drunk",
    "violent",
    "aggressive",
    "snapchat",
    "dming",
    "whack",
    "thump",
    "wallop",
    "clout",
    "dmed",
    "dmd",
    "whatsapp",
    "dm",
    "dms",
    "befriend",
    "exploit",
    "post",
    "upload",
}
BEFORE = {"by", "from", "with"}
BEFORE_WINDOW = 5  # "DMs from one of our PE staff", "a message from a member of staff"
PERSON_WORDS = {phrase[0] for phrases in PEOPLE.values() for phrase in phrases if len(phrase) == 1}
# The person's own clause ends here: "I am her teacher and she told me dad hits her".
STOPS = {",", ";", ":", ".", "and", "but", "because", "who", "tell", "say", "told", "said", "when", "so", "that"}
WINDOW = 6
# Calling a child something is harm ("calls him thick", "called her names"); calling mum is not.
NAME_CALLING = "call"
CALLED = {"him", "her", "me", "them", "us", "names"}
APPOSITION = 3  # "his 1:1, Mrs D, calls him thick": a name between commas after the role
FOSTER_TITLES = {"auntie", "aunty", "uncle"}
# Words that may stand between a name and the role it holds; and capitalised words that are no name.
NAME_LINKS = {"is", "was", "the", "her", "his", "their", "my", "a", ",", "(", "-", "who", "s", "'s", "mum", "mums"}
STAFF = "adult_working_with_children"
# How children name the adults who teach or mind them, and where such adults work: a title counts as
# one of them only in a narrative set in one of those places ("Mr Jones next door" is a neighbour).
TITLES = {"miss", "sir", "mr", "mrs", "ms"}
SETTINGS = {"nursery", "school", "class", "classroom", "lesson", "teacher", "club", "preschool", "playgroup"}
SETTINGS |= {"college", "playground", "detention", "scout", "cub", "brownie", "training", "practice"}
NOT_NAMES = {"i", "mum", "dad", "mother", "father", "she", "he", "they", "we", "the", "my", "her", "his", "a", "an"}
NAME_REACH = 4  # how many words before its role a name may be
ROLES_ANY_MENTION = {"step_parent", "parent_partner"}
# A role word that names a place or an outing is no person: "food from the staff room", "on the coach trip".
PLACES = {"room", "rooms", "toilet", "toilets", "office", "meeting", "kitchen", "trip", "park"}


def people_matcher(norm: Callable[[str], str]) -> PhraseIndex:
    # One word may sit inside a phrase: "mum's boyfriend", "mum new boyfriend", "older teenage boy".
    index = PhraseIndex(max_gap=1)
    for role, phrases in PEOPLE.items():
        for phrase in phrases:
            index.add(role, [norm(w) for w in phrase if w not in ("-", "'s")])
    index.prepare()
    return index


class Involved(NamedTuple):
    """A person the concern is about: where the text names them, and the word of what they did
    (None when naming them is enough, as for a mother's new partner)."""

    at: int
    act: int | None


def read_involved(doc: Doc, matcher: PhraseIndex) -> dict[str, Involved]:
    """The roles of the people the concern is about, in the order the text names them."""
    found: dict[str, Involved] = {}

    def take(role: str, at: int, act: int | None) -> None:
        if role not in found or at < found[role].at:
            found[role] = Involved(at, act)

    norms, lowers, _ = words(doc)
    taken: set[int] = set()
    # Longest phrases first, so "carer at the home" is staff before "carer" is read as a parent.
    matches = sorted(matcher(doc), key=lambda m: (m[1] - m[2], m[1]))
    for role, start, end in matches:
        if any(j in taken for j in range(start, end)) or (end < len(lowers) and lowers[end] in PLACES):
            continue
        act = None if role in ROLES_ANY_MENTION else _act(doc, norms, lowers, start, end)
        if role in ROLES_ANY_MENTION or act is not None:
            take(role, start, act)
            taken.update(range(start, end))
    # A looked-after child calls foster carers "auntie" and "uncle": in a narrative about foster care,
    # what "Auntie Carol" did, a foster carer did.
    if "foster" in norms:
        for role, start, end in matches:
            if role == "relative" and lowers[start] in FOSTER_TITLES and STAFF not in found:
                act = _act(doc, norms, lowers, start, end + 1)
                if act is not None:
                    take(STAFF, start, act)
    # A person named and then said to hold a role ("Jan smack ... Jan is the foster carer", "Kev, her
    # mum's boyfriend"): what the name did, the role did.
    for role, at in _named_roles(doc, matches).values():
        if role not in found:
            act = next((a for i in _same_word(doc, at) if (a := _act(doc, norms, lowers, i, i + 1)) is not None), None)
            if act is not None:
                take(role, at, act)
    if STAFF not in found and not SETTINGS.isdisjoint(norms):
        titled = _titled_staff(doc, norms, lowers)
        if titled is not None:
            take(STAFF, *titled)
    return dict(sorted(found.items(), key=lambda item: item[1].at))


def _titled_staff(doc: Doc, norms: list[str], lowers: list[str]) -> tuple[int, int] | None:
    """Where a person called by a title ("Miss Jade squeezed me", "sir grabbed his arm") is named and
    what they did, in a narrative set where adults work with children: children name their teachers
    and nursery staff so. A lower-case "miss" is a verb ("I miss Jade"), never a title."""
    for i, lower in enumerate(lowers):
        if lower not in TITLES or (lower == "miss" and not doc[i].is_title):
            continue
        end = i + 1
        if end < len(doc) and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
            end += 1  # the name after the title
        act = _act(doc, norms, lowers, i, end)
        if act is not None:
            return i, act
    return None


def _named_roles(doc: Doc, matches: list[tuple[str, int, int]]) -> dict[str, tuple[str, int]]:
    """Capitalised names tied to a role read from the text: "Jan is the foster carer", "Jan (foster
    carer)", "Kev, mum's boyfriend"."""
    roles_at = {start: role for role, start, _ in matches}
    named: dict[str, tuple[str, int]] = {}
    # Only the few words just before a role can be a name tied to it, so only those are looked at.
    before_a_role = sorted({i for k in roles_at for i in range(max(0, k - NAME_REACH), k)})
    for token in (doc[i] for i in before_a_role):
        if not (token.is_title and token.is_alpha and len(token) > 1) or token.lower_ in NOT_NAMES:
            continue
        # the role starts within a few words after the name: "is the", "is her", ", her mum's", "("
        for k in range(token.i + 1, min(token.i + NAME_REACH + 1, len(doc))):
            if k in roles_at:
                between = set(words(doc)[1][token.i + 1 : k])
                if between <= NAME_LINKS:
                    named.setdefault(token.text, (roles_at[k], token.i))
                break
    return named


def _same_word(doc: Doc, at: int) -> list[int]:
    """Where else the doc has the word at token `at`, written the same way (compared by the ids of
    the words, so no Token is made for the words that differ)."""
    orth = doc[at].orth
    return [i for i, other in enumerate(doc.to_array(ORTH).tolist()) if other == orth and i != at]


def _after_aside(doc: Doc, lowers: list[str], j: int, end: int, sent_end: int) -> int | None:
    """Where what the person did is told, when an aside between commas starts at j: "the coach, who
    is in his 40s, has been messaging him", or a name right after the role ("his 1:1, Mrs D, calls
    him thick"). None when there is no aside."""
    if lowers[j] != ",":
        return None
    if j + 1 < sent_end and lowers[j + 1] == "who":
        return next((k + 1 for k in range(j + 2, sent_end) if lowers[k] == ","), None)
    if j != end:
        return None
    close = next((k for k in range(j + 1, min(j + APPOSITION + 2, sent_end)) if lowers[k] == ","), None)
    if close is None or not all(doc[k].is_title or doc[k].is_upper for k in range(j + 1, close)):
        return None
    return close + 1


def _done_to_them(norms: list[str], lowers: list[str], end: int, j: int) -> bool:
    """Whether the harm word at j, right after the person and a "was", is done to them ("her 1:1 was
    taken away", "the coach got hit"), not by them ("the coach was messaging him")."""
    return j == end + 1 and norms[end] in PASSIVE and not lowers[j].endswith("ing")


def _act(doc: Doc, norms: list[str], lowers: list[str], start: int, end: int) -> int | None:
    """Where the word of what the person at start..end did is: the first harm word in their clause
    ("the coach, who is in his 40s, has been messaging him"), or one before them ("hit by the coach").
    None when they did nothing the concern is about ("I am her teacher")."""
    sent_start, sent_end = sentence(doc, start)
    j, limit = end, min(end + WINDOW, sent_end)
    while j < limit:
        resume = _after_aside(doc, lowers, j, end, sent_end)
        if resume is not None:
            limit = min(resume + WINDOW, sent_end)
            j = resume
            continue
        called = norms[j] == NAME_CALLING and j + 1 < sent_end and lowers[j + 1] in CALLED
        if (norms[j] in HARM or lowers[j] in HARM or called) and not _done_to_them(norms, lowers, end, j):
            # "the coach has never messaged her" says what the person did not do.
            return None if negated(doc, j, j + 1) else j
        # Another person named after them is the one the next words are about: "told TA at breakfast
        # club 'mummy hits me'".
        if lowers[j] in STOPS or norms[j] in STOPS or norms[j] in PERSON_WORDS:
            break
        j += 1
    if not any(lowers[j] in BEFORE for j in range(max(sent_start, start - BEFORE_WINDOW), start)):
        return None
    return next((j for j in range(sent_start, start) if norms[j] in HARM or lowers[j] in HARM), None)
