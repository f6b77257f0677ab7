"""The spaCy pipeline: blank English, lookup lemmas, sentences, and one normal form per token.

Every matcher pattern and every cue reads `Token.norm_`, which this module sets to the lemma of the
word after text-speak and common misspellings are put right. Patterns are built by running the
catalogue's words through the same pipeline, so text and patterns always meet in the same form.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from rapidfuzz import fuzz, process
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


class Normaliser:
    """Sets each token's norm: spelling put right, then the lookup lemma, then a vocabulary repair.

    `vocabulary` holds the norms the patterns use; an unknown word close to one of them (a
    misspelling the table does not list) is read as that word.
    """

    def __init__(self, nlp: Language, vocabulary: set[str]) -> None:
        self.lemmas = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        self.vocabulary = sorted(vocabulary)
        self.vocabulary_set = set(vocabulary)
        self._norm = lru_cache(maxsize=50_000)(self._norm_uncached)

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
        # A word spelt to itself keeps its form: "drunk" is not "drink" ("he is drunk" is not "he drinks").
        norm = word if SPELLING.get(word) == word else self.lemma(word)
        if (
            fuzzy
            and norm not in self.vocabulary_set
            and len(word) >= FUZZY_MIN_LENGTH
            and word.isalpha()
            and word not in self.lemmas
            and word not in self.known_base
        ):
            hit = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if hit is not None:
                return hit[0], True
        return norm, False

    @property
    def known_base(self) -> set[str]:
        # Base forms are values, not keys, of the lookup table; a real word is never "corrected".
        if not hasattr(self, "_known_base"):
            self._known_base = set(self.lemmas.values()) if hasattr(self.lemmas, "values") else set()
        return self._known_base

    def __call__(self, doc: Doc, fuzzy: bool = True) -> Doc:
        guessed = []
        norms, lowers, punct = [], [], []
        for token in doc:
            lower = token.lower_
            if token.norm_ == "not" or lower in ("n't", "nt"):
                norm, guess = "not", False
            elif lower in EXCEPTION_NORMS:
                norm, guess = EXCEPTION_NORMS[lower], False
            else:
                norm, guess = self._norm(lower, fuzzy)
            # "used to carry drugs", "used to drink": the construction, never the verb "use".
            if norm == "use" and lower == "used" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                norm = "used"
            token.norm_ = norm
            norms.append(norm)
            lowers.append(lower)
            # Quotes around a word ('she was "cut"') and a hyphen inside one ("far-right", "step-dad")
            # do not break a phrase.
            punct.append(token.is_punct and not token.is_quote and not _joining_hyphen(doc, token.i))
            if guess:
                guessed.append(token.i)
        # Plain lists of what the matchers and cues read, so they never walk the Doc again.
        doc.user_data.update(guessed=guessed, norms=norms, lowers=lowers, punct=punct)
        return doc


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
    data = doc.user_data
    if "norms" not in data:
        data.update(norms=[t.norm_ for t in doc], lowers=[t.lower_ for t in doc], punct=[t.is_punct for t in doc])
    return data["norms"], data["lowers"], data["punct"]
