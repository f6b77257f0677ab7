"""The spaCy pipeline: blank English, lookup lemmas, sentences, and one normal form per token.

Every matcher pattern and every cue reads `Token.norm_`, which this module sets to the lemma of the
word after text-speak and common misspellings are put right. Patterns are built by running the
catalogue's words through the same pipeline, so text and patterns always meet in the same form.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy
import spacy
from rapidfuzz import fuzz, process
from spacy.attrs import IS_PUNCT, IS_QUOTE, LOWER, NORM, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

# Text-speak and misspellings seen in real reports; the value is the word meant.
SPELLING = {
    "u": "you",
    "r": "are",
    "ur": "your",
    "ya": "you",
    "yr": "year",
    "yrs": "year",
    "y/o": "year",
    "yo": "year",
    "yof": "year",
    "wk": "week",
    "wks": "week",
    "mth": "month",
    "mths": "month",
    "mo": "month",
    "mos": "month",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "bc": "because",
    "wen": "when",
    "wat": "what",
    "wot": "what",
    "tho": "though",
    "rn": "now",  # right now
    "childrens": "children",  # the possessive without its apostrophe
    "thru": "through",
    "pls": "please",
    "im": "i",
    "ive": "i",
    "id": "i",
    "ill": "ill",
    "hes": "he",
    "shes": "she",
    "theyre": "they",
    "mam": "mum",
    "mom": "mum",
    "mommy": "mum",
    "mummy": "mum",
    "mammy": "mum",
    "ma": "mum",
    "daddy": "dad",
    "da": "dad",
    "step-dad": "stepdad",
    "stepfather": "stepdad",
    "step-mum": "stepmum",
    "stepmother": "stepmum",
    "stepmom": "stepmum",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "nan": "grandmother",
    "nana": "grandmother",
    "nanna": "grandmother",
    "gran": "grandmother",
    "granny": "grandmother",
    "grandma": "grandmother",
    "grandad": "grandfather",
    "granddad": "grandfather",
    "grandpa": "grandfather",
    "bruse": "bruise",
    "bruses": "bruise",
    "brused": "bruise",
    "bruize": "bruise",
    "bruized": "bruise",
    "bruice": "bruise",
    "bruices": "bruise",
    "bruceing": "bruise",
    "brusing": "bruising",
    "hitt": "hit",
    "hitted": "hit",
    "hurted": "hurt",
    "hurtin": "hurt",
    "hittin": "hit",
    "beated": "beat",
    "smak": "smack",
    "smaks": "smack",
    "smacked": "smack",
    "slaped": "slap",
    "punchd": "punch",
    "neglet": "neglect",
    "neglekt": "neglect",
    "negleted": "neglect",
    "abuseing": "abuse",
    "abusing": "abuse",
    "sexualy": "sexually",
    "sexully": "sexually",
    "touchd": "touch",
    "toched": "touch",
    "rapped": "rape",
    "drunk": "drunk",
    "died": "died",  # someone died is a loss; "wants to die" is not
    "sectioned": "sectioned",
    "well": "well",
    "bit": "bit",  # "a bit quieter" is not a bite
    "cutting": "cutting",  # "has been cutting her arms" is not "has been cut"
    "older": "older",  # "older friends" are not "old friends"
    "those": "those",  # "leaves those kids alone": the lemma "that" would open a clause in the gap
    # "no daughter of theirs" is "of hers", "of his": the owner, whom a phrase's pronoun stands for
    "theirs": "their",
    "hers": "her",
    "ours": "our",
    "yours": "your",
    # trafficking is not the traffic on a road ("playing next to the traffic")
    "trafficked": "traffick",
    "trafficking": "traffick",
    "traffickers": "traffick",
    "trafficker": "traffick",
    "durnk": "drunk",
    "drinkin": "drink",
    "smokin": "smoke",
    "weed": "cannabis",
    "skool": "school",
    "scool": "school",
    "shcool": "school",
    "teecher": "teacher",
    "techer": "teacher",
    "scared": "scared",
    "scard": "scared",
    "skared": "scared",
    "afriad": "scared",
    "frightend": "scared",
    "hungy": "hungry",
    "hungery": "hungry",
    "starvin": "starving",
    "dirty": "dirty",
    "smelly": "smell",
    "alone": "alone",
    "alon": "alone",
    "selfharm": "self-harm",
    "self-harming": "self-harm",
    "cuttin": "cut",
    "kil": "kill",
    "gona": "going",
    "gonna": "going",
    "wanna": "want",
    "gotta": "have",
    "dont": "do",
    "doesnt": "does",
    "didnt": "did",
    "wont": "will",
    "cant": "can",
    "aint": "is",
    "pregnent": "pregnant",
    "pragnant": "pregnant",
    "todler": "toddler",
    "babys": "baby",
    "baby's": "baby",
    "nite": "night",
    "tonite": "tonight",
    "2nite": "tonight",
    "2day": "today",
    "b4": "before",
    "ppl": "people",
    "bcoz": "because",
    "safe": "safe",
    "unsafe": "unsafe",
    # One word for words of one meaning, so a pattern written with one meets text written with
    # another: professionals write "mother", children "mum"; "frightened" is "scared".
    "mother": "mum",
    "father": "dad",
    "frightened": "scared",
    "terrified": "scared",
    "afraid": "scared",
    "kid": "child",
    "kids": "child",
    "photo": "picture",
    "photos": "picture",
    # more text-speak, abbreviations and common misspellings
    "n": "and",
    "w": "with",
    "w/": "with",
    "abt": "about",
    "bout": "about",
    "sum1": "someone",
    "some1": "someone",
    "any1": "anyone",
    "every1": "everyone",
    "no1": "nobody",
    "l": "left",
    "msg": "message",
    "msgs": "message",
    "msging": "message",
    "txt": "text",
    "txts": "text",
    "txting": "text",
    "pic": "picture",
    "pics": "picture",
    "vid": "video",
    "vids": "video",
    "nudes": "nude",
    "hosp": "hospital",
    "sis": "sister",
    "bro": "brother",
    "bday": "birthday",
    "od": "overdose",
    "od'd": "overdose",
    "xray": "x-ray",
    "becuase": "because",
    "becasue": "because",
    "freind": "friend",
    "freinds": "friend",
    "mate": "friend",
    "mates": "friend",
    "loads": "lot",
    "thier": "their",
    "scarred": "scared",
    "choaked": "choke",
    "strangeled": "strangle",
    "pregnat": "pregnant",
    "preggers": "pregnant",
    "preggo": "pregnant",
    "knifes": "knife",
}
# Words after which a separate "nt" / "t" is the negation the writer left the apostrophe out of.
NEGATED_VERBS = {
    "dont",
    "doesnt",
    "didnt",
    "wont",
    "cant",
    "aint",
    "isnt",
    "wasnt",
    "hasnt",
    "havent",
    "hadnt",
    "arent",
    "werent",
    "wouldnt",
    "couldnt",
    "shouldnt",
}

# Halves of contractions the tokenizer splits off ("can't" -> "ca" + "n't", "won't" -> "wo" + "n't").
EXCEPTION_NORMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "be"}
UNSPLIT = {"wed"}
FUZZY_MIN_LENGTH = 5
FUZZY_CUTOFF = 86
# A token's SENT_START as spaCy keeps it in a uint64 array: 1 starts a sentence, -1 does not.
SENTENCE_START, NOT_SENTENCE_START = 1, 2**64 - 1


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    nlp = spacy.blank("en")
    # spaCy reads "wed" as "we'd" written without its apostrophe; in a worry about a child it is far
    # more often the verb ("plans for her to wed a man abroad").
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k.lower() not in UNSPLIT}
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


class Reading(NamedTuple):
    """A doc's words as the normaliser reads them: an entry per token in each list but `guessed`."""

    lowers: list[str]
    norms: list[str]
    norm_ids: list[int]  # the norms' ids in the vocabulary's strings
    guessed: list[int]  # the positions of the tokens whose norm is a fuzzy guess
    is_punct: list[int]  # spaCy's punctuation flag
    punct: list[bool]  # what breaks a phrase: punctuation but quotes and hyphens inside a word


class Normaliser:
    """Sets each token's norm: spelling put right, then the lookup lemma, then a vocabulary repair;
    and the sentence starts, as spaCy's sentencizer would.

    `vocabulary` holds the norms the patterns use; an unknown word close to one of them (a
    misspelling the table does not list) is read as that word.
    """

    def __init__(self, nlp: Language, vocabulary: set[str]) -> None:
        self.lemmas = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        self.vocabulary = sorted(vocabulary)
        self.vocabulary_set = set(vocabulary)
        self.strings = nlp.vocab.strings
        self.punct_chars = nlp.get_pipe("sentencizer").punct_chars
        self._norm = lru_cache(maxsize=50_000)(self._norm_uncached)
        self._token_norm = lru_cache(maxsize=50_000)(self._token_norm_uncached)

    def word(self, word: str) -> str:
        """The norm of a single word written in code (cue lists), exactly as text tokens get it."""
        if word in ("not", "n't"):
            return "not"
        return self._norm(word.lower(), False)[0]

    def lemma(self, word: str) -> str:
        return self.lemmas.get(word, word)

    def _norm_uncached(self, lower: str, fuzzy: bool) -> tuple[str, bool]:
        """The norm of one lower-cased word, and whether it was guessed rather than looked up."""
        if lower in NEGATED_VERBS:
            return "not", False
        word = SPELLING.get(lower, lower)
        # Text-speak drops the g of -ing ("comin", "sayin", "goin"): read the word it stands for, when
        # that is a word and the written one is not ("cousin", "ruin" stay as they are).
        if word.endswith("in") and len(word) >= 4 and word + "g" in self.lemmas and not self._known(word):
            word += "g"
        # A word spelt to itself keeps its form: "drunk" is not "drink" ("he is drunk" is not "he drinks").
        norm = word if SPELLING.get(word) == word else self.lemma(word)
        if (
            fuzzy
            and norm not in self.vocabulary_set
            and len(word) >= FUZZY_MIN_LENGTH
            and word.isalpha()
            and not self._known(word)
        ):
            hit = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if hit is not None:
                return hit[0], True
        return norm, False

    def _token_norm_uncached(self, lower_id: int, norm_id: int, fuzzy: bool) -> tuple[str, str, bool, int]:
        """A token's lower-case form, its norm, whether the norm was guessed, and the norm's id, from
        the ids of its lower-case form and of the norm the tokenizer gave it ("n't" is "not")."""
        lower = self.strings[lower_id]
        if self.strings[norm_id] == "not" or lower in ("n't", "nt"):
            norm, guess = "not", False
        elif lower in EXCEPTION_NORMS:
            norm, guess = EXCEPTION_NORMS[lower], False
        else:
            norm, guess = self._norm(lower, fuzzy)
        return lower, norm, guess, self.strings.add(norm)

    def _known(self, word: str) -> bool:
        return word in self.lemmas or word in self.known_base

    @property
    def known_base(self) -> set[str]:
        # Base forms are values, not keys, of the lookup table; a real word is never "corrected".
        if not hasattr(self, "_known_base"):
            self._known_base = set(self.lemmas.values()) if hasattr(self.lemmas, "values") else set()
        return self._known_base

    def __call__(self, doc: Doc, fuzzy: bool = True) -> Doc:
        """Sets the doc's norms and sentences, and keeps the plain lists the matchers and cues read."""
        reading = self.read(doc, fuzzy)
        # The sentencizer's sentence starts are set here, with the norms (parse() leaves it out).
        starts = _sentence_starts(reading.lowers, reading.is_punct, self.punct_chars)
        sent_starts = [NOT_SENTENCE_START] * len(doc)
        for i in starts:
            sent_starts[i] = SENTENCE_START
        # Written as one array: a Token object per word, set one attribute at a time, costs more.
        doc.from_array([NORM, SENT_START], numpy.array([reading.norm_ids, sent_starts], dtype=numpy.uint64).T)
        # Plain lists of what the matchers and cues read, so they never walk the Doc again.
        doc.user_data.update(
            guessed=reading.guessed, words=(reading.norms, reading.lowers, reading.punct), sentence_starts=starts
        )
        return doc

    def read(self, doc: Doc, fuzzy: bool = True) -> Reading:
        """The doc's words as the normaliser reads them, without setting anything on the doc."""
        # Read as one array: a Token object per word, read one attribute at a time, costs more.
        lower_ids, given_norm_ids, is_punct, is_quote = doc.to_array([LOWER, NORM, IS_PUNCT, IS_QUOTE]).T.tolist()
        read = [self._token_norm(*ids, fuzzy) for ids in zip(lower_ids, given_norm_ids, strict=True)]
        lowers = [lower for lower, _, _, _ in read]
        norms = [norm for _, norm, _, _ in read]
        norm_ids = [norm_id for _, _, _, norm_id in read]
        # "used to carry drugs", "used to drink": the construction, never the verb "use".
        for i in [i for i, lower in enumerate(lowers) if lower == "used"]:
            if norms[i] == "use" and i + 1 < len(lowers) and lowers[i + 1] == "to":
                norms[i] = "used"
                norm_ids[i] = self.strings.add("used")
        # Quotes around a word ('she was "cut"') and a hyphen inside one ("far-right", "step-dad")
        # do not break a phrase.
        punct = [
            bool(mark) and not quote and not _joining_hyphen(doc, i)
            for i, (mark, quote) in enumerate(zip(is_punct, is_quote, strict=True))
        ]
        # A note's bracketed age ("boyfriend (17) slaps her", "Y10 pupil (15)") does not break a phrase.
        for i in [i for i, lower in enumerate(lowers) if lower == "("]:
            if i + 2 < len(lowers) and lowers[i + 2] == ")" and any(c.isdigit() for c in lowers[i + 1]):
                punct[i] = punct[i + 2] = False
        guessed = [i for i, (_, _, guess, _) in enumerate(read) if guess]
        return Reading(lowers, norms, norm_ids, guessed, is_punct, punct)


def _sentence_starts(lowers: list[str], is_punct: list[int], punct_chars: set[str]) -> list[int]:
    """Where sentences start, by the rule of spaCy's Sentencizer (spacy/pipeline/sentencizer.pyx):
    at the first word, and at the first word after a sentence-ending mark that is neither
    punctuation nor such a mark. Read from the lists the normaliser has anyway (a mark is its own
    lower case); the Sentencizer makes a Token object for every word, which cost more than the rest
    of parsing."""
    starts = {0} if lowers else set()
    for mark in [i for i, lower in enumerate(lowers) if lower in punct_chars]:
        i = mark + 1
        while i < len(lowers) and (is_punct[i] or lowers[i] in punct_chars):
            i += 1
        # "the couple at no. 12": a house number, not the end of a sentence (nor a negation)
        if i < len(lowers) and not (lowers[mark] == "." and mark and lowers[mark - 1] == "no" and lowers[i].isdigit()):
            starts.add(i)
    return sorted(starts)


def _joining_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen with a word right against it on both sides: part of a word, not a dash."""
    return (
        doc[i].text in ("-", "‐", "‑")
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def words(doc: Doc) -> tuple[list[str], list[str], list[bool]]:
    """The doc's norms, lower-case words and punctuation flags (set by the Normaliser)."""
    found = doc.user_data.get("words")
    if found is None:
        found = doc.user_data["words"] = ([t.norm_ for t in doc], [t.lower_ for t in doc], [t.is_punct for t in doc])
    return found


TEXT = "text"


def text_of(doc: Doc) -> str:
    """The doc's text, joined once: Doc.text joins every token again on each call, and the rules that
    read a concern from its parts search it for every narrative. A doc made from a text may be given
    it (user_data[TEXT]), which spaCy keeps exactly, and is then never joined."""
    found = doc.user_data.get(TEXT)
    if found is None:
        found = doc.user_data[TEXT] = doc.text
    return found


def lower_set(doc: Doc) -> set[str]:
    """The words the doc holds as written (lower case), made once for every rule that asks."""
    found = doc.user_data.get("lower_set")
    if found is None:
        found = doc.user_data["lower_set"] = set(words(doc)[1])
    return found


def norm_set(doc: Doc) -> set[str]:
    """The norms the doc holds, made once for every matcher that reads it."""
    found = doc.user_data.get("norm_set")
    if found is None:
        found = doc.user_data["norm_set"] = set(words(doc)[0])
    return found
