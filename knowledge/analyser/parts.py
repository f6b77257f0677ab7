"""Concerns read from their parts (FROM_PARTS): a criterion the words lists cannot hold as phrases,
written as the words each part needs, the pattern of the evidence, and what must be told beside it
or must not be. The analyser reads the table (Analyser._from_parts); a new concern of this kind is a
row here, not a method there. Each row was chosen on the validation split, with guard cases beside
its tests in tests/knowledge/test_analyser_reading.py."""

from __future__ import annotations

import re
from typing import NamedTuple

# A child left alone because the one who cares for them was taken away ("mum's gone off in an
# ambulance and the little ones are home on their own") has nobody to care for them: the concern
# the catalogue names for a parent arrested, in hospital or gone.
CHILD_WITHOUT_CARER = "child_without_carer"
_CARER_REMOVED = (
    r"ambulance|arrested|custody|collapsed|police (?:took|have taken|came and took)|taken away"
    r"|(?:mum|mother|dad|father|parent|carer)(?:'s|’s|s)?\s+(?:\w+\s+){0,3}?(?:in|to|into) hospital"
)
CARER_TAKEN = re.compile(rf"\b(?:{_CARER_REMOVED}|passed away|died)\b", re.I)
CARER_REMOVED = re.compile(rf"\b(?:{_CARER_REMOVED})\b", re.I)  # and alive: a death is a bereavement

# A child about to be taken, told by its parts: someone set on taking the child ("hes gonna take
# me", "he's on his way to collect Poppy", "he's going to grab him"), there or on the way now
# (TAKING_THERE), and a threat or a stranger (TAKING_THREAT). Taking the child somewhere ("taking
# me to football") is not.
ABOUT_TO_BE_TAKEN = "child_about_to_be_taken"
TAKING = re.compile(
    r"\b(?:gonna|going to|will|'ll|is|he's|hes|she's|shes|coming to|on (?:his|her) way to)\s+"
    r"(?:take|taking|grab|grabbing|snatch|snatching|collect|collecting|get|getting)\s+"
    r"(?:me|him|her|them|the (?:kids|baby|boy|girl|children)|[A-Z][a-z]+)\b"
    r"(?!\s+(?:to|for|from|home|swimming|shopping|out|round|up|back|ready|dressed|something|some)\b)",
)
TAKING_THERE = {"outside", "gate", "gates", "way", "van", "car", "now", "tonight", "today", "rn"}
TAKING_THREAT = {"never", "pay", "sorry", "hurt", "injunction", "non", "man", "stranger"}

# A child's distress met with nothing, told by its parts: the child upset ("when i cry", "wen im
# upset", "crying for extended periods") and the adult not responding ("never asks why", "dont even
# look up from there phones", "just said whatever", "no comfort offered").
UNRESPONSIVE = "emotional_needs_unresponsive"
DISTRESS_WORDS = {"cry", "cries", "crying", "cried", "upset", "sad", "scared", "hurt", "distressed"}
DISTRESS_WORDS |= {"reached", "reaches", "reaching"}
CHILD_DISTRESS = re.compile(
    r"\b(?:when|whenever|wen|if|every time)\s+(?:\w+\s+){0,3}?(?:cry|cries|crying|cried|upset|sad|scared|hurt|distressed"
    r"|reache[sd]|reaching)\b|\b(?:crying|upset|distressed) for (?:ages|hours|extended)"
    r"|\bi (?:told|tell) (?:my )?(?:mum|dad|her|him) (?:i was|im|i'm) (?:\w+ )?(?:sad|upset|scared)",
    re.I,
)
NO_RESPONSE = re.compile(
    r"\b(?:never|doesn'?t|dont|don't|won'?t|wont|didn'?t|didnt|no one|no1|nobody)\s+(?:\w+\s+){0,2}?"
    r"(?:asks?|notices?|look(?:s)? up|cares?|comforts?|cuddles?|responds?)\b|\bignores?\b|\bjust (?:says?|said|tells?|told)\b"
    r"|\bno (?:eye contact|comfort|cuddle)|\bturn(?:s|ed)? away\b|\bcarr(?:y|ies|ied) on\b|\bsaid whatever\b",
    re.I,
)
# A child brought into the country by adults who are not family, told by its parts: the coming
# ("came over with", "arrived from Nigeria 3 wks ago", "flew her over here") and the adults being no
# family ("aint her family", "no relation", "never met before", calls them "aunty").
BROUGHT_TO_UK = "trafficking_brought_to_uk"
CAME_WORDS = {"came", "arrived", "flew", "flown", "brought", "sent"}  # CAME_OVER needs one
CAME_OVER = re.compile(
    r"\b(?:came (?:over|here|to (?:england|the uk|britain|this country))|arrived (?:from|in (?:the uk|england))"
    r"|fl[eo]w(?:n)? (?:her|him|them) (?:over|here)|brought (?:her|him|them) (?:over|here)|sent (?:her|him) (?:over|here))\b",
    re.I,
)
NO_FAMILY = re.compile(
    r"\b(?:(?:ai|is|are|was|were)n'?t (?:her|his|their) (?:family|parents|relatives?)"
    r"|not (?:her|his|their) (?:family|parents|relatives?)|not theirs|no relation|not related|never met"
    r"|(?:does|do)n'?t know (?:them|who)|barely (?:seems to )?know|calls? \"?(?:aunty|auntie|uncle)|no relationship)\b",
    re.I,
)
# A child giving a parent intimate or medical care ("i have to wash my mum n do her meds", "he
# showers and dresses Mum every morning", "help her on the toilet before school") is caring far
# beyond their years, read in place of the lesser caring the words read.
INAPPROPRIATE_CARING = "young_carer_inappropriate_caring"
SOME_CARING = "young_carer_some_caring"
CARE_WORDS = {"wash", "washes", "washing", "shower", "showers", "showering", "dress", "dresses", "dressing", "bath"}
CARE_WORDS |= {"bathes", "bathing", "meds", "medication", "medicine", "tablets", "morphine", "insulin", "injection"}
CARE_WORDS |= {"injections", "toilet", "loo"}  # INTIMATE_CARE needs one
INTIMATE_CARE = re.compile(
    r"\b(?:i|he|she|they|we)\s+(?:\w+\s+){0,3}?(?:wash|washes|washing|shower|showers|showering|dress|dresses|dressing"
    r"|bath|bathes|bathing)\s+(?:my\s+|his\s+|her\s+)?(?:mum|dad|mother|father|nan|gran|grandma|grandad)\b"
    r"|\b(?<!mum )(?<!dad )(?:do|does|doing|give|gives|giving|sort|sorts|sorting)\s+(?:my\s+)?"
    r"(?:mum'?s|mums|dad'?s|dads|nan'?s|her|his)\s+(?:meds|medication|medicine|tablets|morphine|insulin|injections?)\b"
    r"|\bhelp(?:s|ing)?\s+(?:her|him|my mum|my dad|mum|dad)\s+(?:on|onto|to|with|go to)\s+the\s+(?:toilet|loo)\b",
    re.I,
)
# A parent telling a child they are not wanted, in any tense and person ("she wished he'd never been
# born", "I wish I'd never had you", "can't wait to get rid of him", "I don't want you"). Not
# "everyone would be better off without me", which is the child's own despair.
REJECTED = "rejection_unwanted"
NOT_WANTED_WORDS = {"wish", "wishes", "wished", "rid", "want"}  # one is in every match: most texts skip it
NOT_WANTED = re.compile(
    r"\bwish(?:es|ed)?\s+(?:\w+\s+){0,2}?(?:had\s+)?never\s+(?:been\s+born|had\s+(?:you|him|her|me|them)"
    r"|(?:was|were)\s+born)\b|\b(?:can'?t|cant|cannot)\s+wait\s+to\s+get\s+rid\s+of\s+(?:you|him|her|me|them)\b"
    # "I don't want you" said whole, not "I don't want him arrested", "she doesn't want him to go"
    r"|\b(?:i|she|he)\s+(?:do(?:es)?n'?t|dont|doesnt)\s+want\s+(?:you|him|her|me)"
    r"(?=\s*(?:[,.;:!?'\"]|$)|\s+(?:anymore|any\s+more|here|around|back)\b)",
    re.I,
)
# An illness told by the carer and not borne out by the child, with a doctor or a treatment in the
# story ("mum tells the hospital i have fits but i dont", "reports daily seizures never witnessed by
# staff", "tells everyone she has all these illnesses ... but she's perfectly fine with us"): the
# carer's account is fabricating it. Not a doctor's account, nor an illness with no contradiction.
FABRICATED = "fii_fabricated"
CLAIM_WORDS = {"tell", "tells", "told", "telling", "say", "says", "said", "saying", "report", "reports", "reported"}
CLAIM_WORDS |= {"insist", "insists", "claim", "claims"}
MEDICAL_WORDS = {"hospital", "hospitals", "doctor", "doctors", "gp", "paeds", "consultant", "clinic", "tablets"}
MEDICAL_WORDS |= {"medicine", "medication", "operation", "wheelchair", "tests", "eeg", "eegs", "scans", "tube"}
CLAIMED_ILL = re.compile(
    r"\b(?:mum|mother|mam|dad|father|she|he|parents?|carer|stepmum|stepdad|cousin|friend|sister|daughter-in-law)"
    r"\s+(?:\w+\s+){0,2}?(?:tells?|told|telling|says?|said|saying|reports?|reported|insists?|claims?)\s+"
    r"(?:\S+\s+){0,6}?(?:ill|illness(?:es)?|sick|poorly|fits|seizures?|epilepsy|allerg(?:y|ies|ic)|can'?t\s+walk)\b",
    re.I,
)
NOT_BORNE_OUT = re.compile(
    r"\bbut\s+(?:\S+\s+){0,10}?(?:fine|healthy|normal|(?:i|she|he)\s+(?:do\s*n'?t|does\s*n'?t|never))\b"
    r"|\bnever\s+(?:been\s+)?(?:seen|witnessed)\b|\bno\s+(?:diagnosis|cause)\b",
    re.I,
)
# Something put into a child's drink or food by the carer, with the child sick after it or made
# sick by it ("mum puts stuff in my drink and after i get really dizzy", "crush her own tablets into
# his juice", "giving the baby something to make him sick"): the illness induced. Not a medicine
# given for an illness the child has ("calpol in his milk because he's poorly").
INDUCED = "fii_induced"
SICK_WORDS = {"sick", "ill", "poorly", "dizzy", "drowsy", "sleepy", "vomit", "vomiting", "vomits", "throw", "floppy"}
PUT_INTO = re.compile(
    r"\b(?:puts?|putting|crush(?:es|ed|ing)?|slips?|slipped|slipping|mix(?:es|ed|ing)?|adds?|added|adding"
    r"|gives?|giving|gave)\s+(?:\S+\s+){0,5}?(?:(?:in(?:to)?|to)\s+(?:my|his|her|their|the|\w+'s)\s+"
    r"(?:drinks?|juice|bottles?|food|milk|feeds?|tea|dinner|cup|squash)|to\s+make\s+(?:me|him|her|them)\s+"
    r"(?:sick|ill|poorly))\b",
    re.I,
)
MADE_SICK = re.compile(
    r"(?<!never )(?<!not )\b(?:sick|ill|poorly|dizzy|drowsy|sleepy|vomit\w*|throw(?:s|ing)? up|floppy)\b", re.I
)
FOR_AN_ILLNESS = re.compile(
    r"\b(?:because|cos|coz|when|as)\s+(?:s?he|i|they)(?:'s|s| is| am|m| are| was)?\s+(?:ill|poorly|sick|unwell)\b",
    re.I,
)
# A young person's sexuality or gender told to the family, or found out by them, and the family
# turning away: not speaking to or looking at them, condemning them ("going to hell", "disgusting",
# "no son of mine"), putting them out or cutting them off. Coming out met with acceptance is not it.
IDENTITY_REJECTED = "identity_rejected_by_family"
IDENTITY_WORDS = {"gay", "bi", "bisexual", "lesbian", "trans", "transgender", "queer", "nonbinary", "non-binary"}
IDENTITY_WORDS |= {"pansexual", "binary"}  # "non-binary" is three tokens
IDENTITY_UNSUPPORTED = "identity_needs_unsupported"
IDENTITY_TOLD = re.compile(
    r"\b(?:(?:came|come|comes|coming)\s+out|told\s+(?:\w+\s+)?(?:mum|mom|mam|dad|parents|family)"
    r"|(?:mum|mom|mam|dad|parents|family)\s+(?:\w+\s+)?found\s+out|(?:since|after)\s+telling\s+them)\b",
    re.I,
)
TURNED_AWAY = re.compile(
    r"\b(?:wo\s*n'?t|wont|will\s+not|does\s*n'?t|doesnt|do\s*n'?t|dont|not|stopped)\s+(?:even\s+)?"
    r"(?:talk|speak|look|answer)(?:ing)?\s+(?:to\s+|at\s+)?(?:me|him|her|them)\b"
    r"|\b(?:go(?:ing)?\s+to\s+hell|disgust(?:ing|ed)?|disgrace|sinful|ashamed\s+of)\b"
    r"|\bno\s+(?:son|daughter|child)\s+of\s+(?:mine|his|hers|ours)\b"
    r"|\b(?:kick(?:ed)?|thr[eo]w(?:n)?|chuck(?:ed)?|put)\s+(?:me|him|her|them)\s+out\b"
    r"|\b(?:cut|cutting)\s+(?:me|him|her|them)\s+off\b|\bignor(?:e|es|ed|ing)\s+(?:me|him|her|them)\b"
    r"|\bact(?:s|ing)?\s+like\s+(?:i|he|she|they)\s+(?:do\s*n'?t|dont|does\s*n'?t|doesnt)\s+exist\b",
    re.I,
)
# A pregnancy kept hidden or kept from antenatal care: told as pregnant, and kept secret, hidden,
# known to nobody, or not seen by a midwife or doctor ("pregnant and keeping it secret and wont go
# to the doctors", "32/40, not booked until today, missed 3 appts"). Not "nobody knows who the dad is".
CONCEALED_PREGNANCY = "unborn_concealed_pregnancy"
PREGNANCY_WORDS = {"pregnant", "pregnancy", "expecting", "bump", "antenatal", "midwife"}
PREGNANCY_TOLD = re.compile(r"\b(?:pregnant|pregnancy|expecting|\d{1,2}/40)\b", re.I)
KEPT_FROM_CARE = re.compile(
    r"\b(?:keep(?:s|ing)?|kept)\s+(?:it|the\s+pregnancy|(?:her|the|my)\s+bump)\s+(?:a\s+)?(?:secret|hidden|quiet)\b"
    r"|\bhid(?:e|es|ing|in|den)?\s+(?:it|the\s+pregnancy|(?:her|the|my)\s+bump)\b"
    r"|\b(?:nobody|no\s*one|noone)\s+(?:else\s+)?knows\b(?!\s+(?:who|where|what|why|how|whose|which|if|whether)\b)"
    r"|\b(?:unaware|did\s*n'?t\s+know)\s+(?:of|about)\s+(?:the\s+)?pregnancy\b"
    r"|\b(?:not|never|wo\s*n'?t|wont|has\s*n'?t|hasnt|have\s*n'?t|havent|is\s*n'?t|isnt|does\s*n'?t|doesnt)\s+"
    r"(?:\w+\s+){0,2}?(?:go|gone|been|going|see|seen|booked|attend(?:ed|ing)?)\s+(?:\S+\s+){0,3}?"
    r"(?:midwife|doctors?|gp|scans?|appointments?|appts?|antenatal|clinic)\b"
    r"|\bnot\s+booked\s+until\b|\b(?:not|never|has\s*n'?t|hasnt|have\s*n'?t|havent|did\s*n'?t|didnt)\s+told\s+"
    r"(?:anyone|anybody|no\s*one)\b",
    re.I,
)
# Help offered to the family and turned away, and the child's world worse since: "said no to the
# family support worker, and since then the kids look scruffier", "told the lady from the council to
# go away and now its even worse". The refusal alone is the family's right; with things getting
# worse it is early help refused while needs escalate.
HELP_REFUSED = "early_help_refused_needs_escalating"
HELP_WORDS = {"help", "helper", "support", "worker", "council", "offered", "services"}
TURNED_HELP_AWAY = re.compile(
    # the family turning it away, not the helper saying no
    r"\b(?:mum|mom|mam|dad|parents?|she|he|they|we|family|carer|stepdad|stepmum|nan|gran|grandad|\S+-in-law"
    r"|sister|brother|friend|cousin)\s+(?:\S+\s+){0,3}?(?:said\s+no|no\s+thanks|did\s*n'?t\s+want|do\s*n'?t\s+want"
    r"|told\s+(?:\S+\s+){0,5}?(?:to\s+go\s+away|where\s+to\s+go|to\s+get\s+lost))\b",
    re.I,
)
WORSE_SINCE = re.compile(
    r"\b(?:(?:way|even|much|getting|got|gone|more|been)\s+worse|worse\s+and\s+worse|downhill|deteriorat\w*)\b",
    re.I,
)
# An adult with a record of violence or crime left in charge of the child by the parent: "mum lets
# him mind us" beside "hes been in jail", "allowing him to babysit" beside "convicted of violent
# offences", "she leaves me with him" beside "was in jail for stabbing someone".
UNSAFE_ADULTS = "unsafe_adults_around_child"
RECORD_WORDS = {"jail", "prison", "convicted", "conviction", "convictions", "assault", "gbh", "abh", "violent"}
RECORD_WORDS |= {"stabbing", "stabbed", "glassed", "smashed", "marac", "licence", "offences", "inside"}
LEFT_IN_CHARGE = re.compile(
    r"\b(?:lets?|letting|allow(?:s|ed|ing)?)\s+(?:him|her|them|\S+)\s+(?:to\s+)?(?:babysit|mind|watch|look\s+after)\b"
    r"|\bleaves?\s+(?:me|us|the\s+kids|\S+\s+\S+)\s+(?:\S+\s+){0,4}?with\s+(?:him|them)\b"
    r"|\b(?:he|she|hes|he's|shes|she's|they|mate|friend|man|bloke|fella|boyfriend|bf)\s+(?:\S+\s+){0,3}?"
    r"(?:babysits?|babysitting|minds"
    r"|meant\s+to\s+be\s+(?:watching|minding|looking\s+after))\b",
    re.I,
)
VIOLENT_RECORD = re.compile(
    r"\b(?:jail|prison|inside\s+for|convict\w*|assault\w*|gbh|abh|violent|violence|stabb\w*|glassed|smashed|marac"
    r"|known\s+to\s+(?:the\s+)?police|on\s+licence)\b",
    re.I,
)
# Moving home or school told as happening again and again: "moved house about six times in two
# years", "movin again, its like the 4th time this year", "a new school every time".
MOVES = "frequent_moves_instability"
MOVE_WORDS = {"moved", "moving", "movin", "move", "moves"}
MOVED = re.compile(r"\bmov(?:ed|ing|in|es|e)\s+(?:house|home|flats?|schools?|around|about|again|areas?|towns?)\b", re.I)
AGAIN_AND_AGAIN = re.compile(
    r"\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+times"
    r"|(?:\d+(?:st|nd|rd|th)|third|fourth|fifth|sixth|seventh)\s+(?:time|move|school|house|home)"
    r"|new\s+school\s+every|every\s+(?:few|couple\s+of)\s+(?:months|weeks))\b",
    re.I,
)
# A child passed from carer to carer: "sent to stay at different people's houses", "passed around",
# "cared for by 5 different adults this month".
CHANGING_CARERS = "changing_carers_chaotic"
PASSED_WORDS = {"sent", "passed", "shipped", "farmed", "different"}  # PASSED_ROUND needs one
PASSED_ROUND = re.compile(
    r"\b(?:sent|passed|shipped|farmed)\s+(?:(?:out\s+)?to\s+stay\s+(?:at|with)\s+|around\s+|round\s+|about\s+|between\s+)"
    r"(?:\S+\s+){0,2}?(?:diff?e?r[ae]nt|random|other|various)\b"
    # passed round people or homes, not a picture "sent round the school"
    r"|\b(?:passed|sent|shipped)\s+(?:a?round|about|between)\s+(?:the\s+)?(?:neighbours|family|relatives|friends|houses)\b"
    r"|\b(?:kids|children|s?he|they)\s+(?:are|is|get|gets|got|were|was)\s+(?:being\s+)?passed\s+(?:a?round|about)"
    r"(?=\s*(?:[,.;!]|$))"
    r"|\b(?:\d+|three|four|five|six|seven|eight)\s+different\s+(?:adults|carers|people|homes|houses)\b",
    re.I,
)
# Care refused for a child who plainly needs it: the carer declines or won't ring 111, go to A&E or
# take the child to the doctor, beside signs of a serious illness ("floppy, rash not fading under
# glass; mum declined to ring 111", an infected wound) or of an injury ("its all swollen n mum wont let
# me go hospital"). An injury is a delay in seeking treatment; an illness or infection, whatever
# caused it, is medical neglect, the child's health already going downhill.
DELAY_TREATMENT = "delay_seeking_treatment"
MEDICAL_NEGLECT = "medical_neglect_serious"
CARE_PLACES = {"doctor", "doctors", "docs", "gp", "a&e", "hospital", "111", "999", "ambulance", "e"}
CARE_REFUSED = re.compile(
    r"\b(?:declined|refused|refuses|refusing|wo\s*n'?t|wont|will\s+not|would\s*n'?t|wouldnt)"
    r"\s+(?:to\s+)?(?:\S+\s+){0,2}?(?:take|ring|call|phone|attend|go|get)\s+(?:\S+\s+){0,3}?"
    r"(?:doctors?|docs|gp|a\s*&\s*e|a\s+and\s+e|hospital|111|999|(?:an\s+)?ambulance)(?!\w)",
    re.I,
)
# ... or kept from care so that nobody asks ("we cant go hospital cos theyll ask questions"): a delay
# in seeking treatment whatever the wound has become. Not kept from it by the bus ("cant get to the
# doctors cos theres no bus").
CARE_HIDDEN = re.compile(
    r"\b(?:can\s*'?t|cant|not\s+allowed\s+to|wo\s*n'?t\s+let\s+(?:me|us|him|her))\s+(?:\S+\s+){0,2}?(?:go|take|get)\s+"
    r"(?:\S+\s+){0,3}?(?:doctors?|docs|gp|a\s*&\s*e|a\s+and\s+e|hospital)(?!\w)"
    r"(?=.{0,40}?\b(?:questions|find\s+out|ask|asking|tell|know)\b)",
    re.I,
)
INJURY_SIGNS = re.compile(
    r"\b(?:swollen|swelling|deformed|broken|broke|fractur\w*|burnt|burn|scald\w*|gash|bleeding|cut\s+(?:my|his|her))\b",
    re.I,
)
ILLNESS_SIGNS = re.compile(
    r"\b(?:floppy|lethargic|febrile|feverish|fever|non-blanching|not\s+fading|unresponsive|fitting|seizures?"
    r"|(?:can'?t|cant|struggling\s+to)\s+breathe?|blue\s+lips|dehydrated|not\s+(?:eating|drinking)\s+(?:or|and)"
    r"|infected|infection|pus|weeping|gone\s+(?:all\s+)?green|smelly)\b",
    re.I,
)
# A parent taken away (an ambulance, arrested, in hospital) and nobody else there for the children:
# "taken off in an ambulance ... no one else to have them", "mum got arrested and theres no one at
# home". The children need a carer now.
NOBODY_WORDS = {"nobody", "noone", "no"}
NOBODY_FOR_THEM = re.compile(
    r"\b(?:no\s*(?:one|body|1)|nobody|noone)\s+(?:else\s+)?(?:to\s+(?:have|look\s+after|take|mind|care\s+for)\b"
    r"|(?:is\s+)?(?:at\s+home|home|here|there)\b|(?:who\s+)?can\s+(?:have|take|look\s+after)\b)",
    re.I,
)
NOBODY_THEN = re.compile(r"\bthere\s+was\s+(?:no\s*(?:one|body)|nobody|noone)\b", re.I)  # told as past
# Images held over a child for money or more images: a threat to send, post or share the pictures,
# and a demand ("if i dont send them money", "if he doesn't send £200"). Not a request to share
# family photos.
SEXTORTION = "sextortion"
IMAGE_WORDS = {"pic", "pics", "picture", "pictures", "photo", "photos", "nudes", "images", "video", "videos", "vids"}
OR_ELSE = re.compile(
    r"\bif\s+(?:i|he|she|they|you|we)\s+(?:do\s*n'?t|dont|does\s*n'?t|doesnt|wo\s*n'?t|wont)\s+(?:send|pay|give|transfer)"
    r"\s+(?:\S+\s+){0,3}?(?:money|£\s*\d+|\d+|cash|more|another|nudes|pics|vouchers|gift\s*cards?)",
    re.I,
)
SHARE_THREAT = re.compile(
    r"\b(?:send|post|share|put|leak|show|spread)\w*\s+(?:them|it|my|his|her|the)\b[^.]{0,40}?"
    r"\b(?:pics?|pictures?|photos?|nudes|images?|videos?|vids)\b"
    r"|\b(?:pics?|pictures?|photos?|nudes|images?|videos?|vids)\b[^.]{0,60}?\b(?:send|post|share|put|leak|show|spread)"
    r"\w*\s+(?:them|it)\b",
    re.I,
)
# A carer too drunk or high to look after the child they are in charge of now: "so wasted rn he fell
# over and hes meant to be watching my baby brother", "slumped and incoherent, sole carer for 18 mo".
INTOXICATED_IN_CHARGE = "parent_intoxicated_caring_for_child"
INTOXICATED_WORDS = {"wasted", "drunk", "hammered", "smashed", "paralytic", "legless", "incoherent", "stoned"}
INTOXICATED_WORDS |= {"slumped", "high", "passed", "face"}
INTOXICATED = re.compile(
    r"\b(?:wasted|drunk|hammered|smashed|paralytic|legless|incoherent|stoned|slumped|passed\s+out"
    r"|off\s+(?:his|her|their)\s+face|out\s+of\s+it)\b",
    re.I,
)
IN_CHARGE_NOW = re.compile(
    r"\b(?:meant\s+to\s+be\s+(?:watching|looking\s+after|minding)|(?:sole|only)\s+carer"
    r"|in\s+charge\s+of\s+(?:my|the|his|her|a)\b)",
    re.I,
)
# A parent's work leaving the children on their own or with nobody ("I do nights ... the kids are
# basically on their own before one of us gets in", "nobody home after school on her shift days").
WORK_GAPS = "parent_work_childcare_gaps"
GAP_WORDS = {"own", "nobody", "noone", "one", "themselves", "himself", "herself", "myself"}
LEFT_BY_WORK = re.compile(
    r"\b(?:on\s+(?:their|his|her|my|our)\s+own|by\s+(?:themselves|himself|herself|myself|ourselves)"
    r"|(?:got|has|have)\s+nobody|nobody(?:'s|s|\s+is)?\s+(?:home|in)|no\s*one(?:'s|s|\s+is)?\s+(?:home|in))\b",
    re.I,
)
ON_SHIFT = re.compile(
    r"\b(?:(?:do|does|did|doing|on|work|works|working)\s+(?:\w+\s+)?(?:nights|shifts?|lates|earlies)|night\s+shifts?"
    r"|(?:long|split|double|early|late|\d+(?:am|pm)?-\d+(?:am|pm))\s+shifts?|works?\s+(?:till|until|late|days|nights)"
    r"|working\s+(?:late|nights|days))\b",
    re.I,
)
# A young person kept close by the family and pressed about marriage: not allowed out, walked to
# and from school, watched everywhere, beside talk of a husband, being matched or engaged. Pressure
# short of a marriage arranged: the early signs.
MARRIAGE_PRESSURE = "forced_marriage_early_signs"
FORCED_MARRIAGE = "forced_marriage"
MARRIAGE_WORDS = {"husband", "matched", "engaged", "marriage", "married", "marry", "marrying", "wed", "wedding"}
KEPT_CLOSE = re.compile(
    r"\b(?:is\s*n'?t|isnt|not|never)\s+allowed\s+(?:out\b|anywhere\b|to\s+go\s+(?:out|anywhere)\b)"
    r"|\b(?:walks?|takes?|drives?|escorts?)\s+her\s+(?:everywhere|to\s+and\s+from)\b"
    r"|\b(?:can'?t|cant|cannot)\s+go\s+anywhere\s+without\b",
    re.I,
)
MARRIAGE_TALK = re.compile(  # her own marriage, not her parents'
    r"\b(?:(?:a|her)\s+husband|matched\s+up|(?:her|she|i|im|me)\b(?:\S*\s+){0,3}?"
    r"(?:get(?:ting)?\s+married|be\s+married|engaged|marry(?:ing)?))\b",
    re.I,
)


# A child afraid to go home, told by its parts: the fear (frightened, scared, shaking, begs not to)
# and going home or back, in either order ("he begs not to ... when it's time to go", "shaking when
# it's time to go home"). Not going back to school or to bed, nor "scared to go in", which is as
# often school.
AFRAID_HOME = "afraid_to_go_home"
FEAR_WORDS = {"frightened", "scared", "terrified", "afraid", "petrified", "shaking", "begs", "begged", "beg"}
_FEAR = r"(?:frightened|scared|terrified|afraid|petrified|shaking|begs?\s+not|begged\s+not)"
_GOING_HOME = (
    r"(?:(?:to\s+)?go(?:ing)?\s+(?:home|back(?!\s+to\s+(?:school|bed|sleep)))"
    r"|gets?\s+(?:back|home)|time\s+to\s+go(?!\s+to\s+(?:bed|school|sleep)))"
)
AFRAID_OF_HOME = re.compile(
    rf"\b{_FEAR}\b(?:\s+\S+){{0,8}}?\s+{_GOING_HOME}\b"
    # going home, then the fear: not "loves going home and isn't scared"
    rf"|\b{_GOING_HOME}\b(?:\s+(?!(?:not|isn'?t|isnt|never|no|nothing)\b)\S+){{0,4}}?\s+{_FEAR}\b",
    re.I,
)
# A threat to send the child away or cut them off from a parent, said to the child as what will
# happen if they tell or misbehave: "told him 'if you tell anyone I'll put you in care and you'll
# never see your mum again'", "says if i tell my dad anything shell get me sent away". Not "what if I
# tell them and they kick me out", the child's own supposition.
THREATENED = "threats_to_child"
LOSS_WORDS = {"care", "away", "out", "never"}
THREAT_OF_LOSS = re.compile(
    r"\b(?:(?:put|send|sent|throw|kick|chuck)\s+(?:me|you|him|her)|get\s+(?:me|you|him|her)\s+(?:put|sent|taken|thrown))"
    r"\s+(?:in(?:to)?\s+care|away|out|to\s+a\s+(?:care\s+)?home)\b"
    r"|\b(?:never|not)\s+see\s+(?:your|my|his|her)\s+(?:mum|dad|mam|mother|father|brothers?|sisters?)\s+again\b",
    re.I,
)
IF_THE_CHILD = re.compile(
    r"\b(?:says?|said|told\s+(?:me|him|her)|tells?\s+(?:me|him|her)|threaten\w*|keeps?\s+saying)\s+(?:\S+\s+){0,2}?'?"
    r"if\s+(?:i|you|he|she)\s+(?:\S+\s+){0,3}?(?:tell|grass|behave|say|misbehave|do)\w*\b",
    re.I,
)
# Parents apart who use the child between them: passing messages, reporting back, quizzed about the
# other, asked who they love more.
IN_THE_MIDDLE = "parental_conflict_child_in_middle"
SEPARATION_CALM = "parental_separation_calm"  # no longer calm
APART_WORDS = {"split", "separated", "separating", "divorced", "divorcing", "divorce", "ex", "apart"}
USED_BETWEEN = re.compile(
    r"\b(?:pass(?:ing)?\s+(?:on\s+)?(?:\S+\s+)?messages|go-between|report\s+back|quiz(?:zes|zed|zing)?\s+(?:me|him|her)"
    r"|who\s+(?:i|he|she)\s+loves?\s+more|make\s+(?:me|him|her)\s+tell\s+them|take\s+sides|ping\s*pong\s+ball)\b",
    re.I,
)


# A relative bringing up a family member's children ("bringing up my daughter's three kids", "I've
# got my sister's two", "my nan looks after me"), beside the carer at the end of their strength
# (worn out, can't keep doing it, breaking point): the kinship carer struggling; beside asking for
# help with money or school: kinship care needing support.
KINSHIP_STRUGGLING = "kinship_carer_struggling"
KINSHIP_SUPPORT = "kinship_care_needs_support"
# "daughter's" is two tokens, "daughter" and "'s"
KIN_WORDS = {"daughter", "son", "sister", "brother", "daughters", "sons", "sisters", "brothers", "nan", "gran"}
KIN_WORDS |= {"grandson", "granddaughter", "grandsons", "granddaughters", "grandkids", "grandchildren", "niece"}
KIN_WORDS |= {"nephew", "grandma", "grandad", "grandmother", "grandfather", "aunt", "auntie", "aunty", "uncle"}
KIN_CARE = re.compile(
    r"\b(?:bringing\s+up|raising|looking\s+after|caring\s+for|(?:got|had|have)|taken?\s+(?:on|in)|took\s+(?:on|in))\s+"
    r"(?:my|her|his|our)\s+(?:(?:daughter|son|sister|brother)'?s|grand(?:sons?|daughters?|kids|children)|nieces?|nephews?)\b"
    r"|\b(?:nan|gran|grandma|grandad|grandmother|grandfather|aunt|auntie|aunty|uncle)\s+(?:\S+\s+){0,2}?"
    r"(?:looks\s+after|is\s+looking\s+after|brings\s+up|is\s+raising|has\s+had)\s+(?:me|us)\b",
    re.I,
)
AT_THE_END = re.compile(
    r"\b(?:worn\s+out|exhausted|shattered|can'?t\s+(?:keep\s+(?:doing|going|on)|carry\s+on|cope|do\s+(?:it|this)|manage)"
    r"|end\s+of\s+(?:my|her|his)\s+(?:rope|tether)|breaking\s+point|much\s+longer)\b",
    re.I,
)
# An evening's babysitting is not bringing them up.
FOR_A_WHILE = re.compile(
    r"\b(?:tonight|this\s+(?:evening|afternoon|weekend)|for\s+the\s+(?:day|night|weekend|evening)|babysit\w*)\b", re.I
)
HELP_ASKED = re.compile(
    r"\b(?:could\s+(?:really\s+)?do\s+with|need(?:s)?|asking\s+for|want)\s+(?:some\s+)?(?:help|support|advice)\b", re.I
)
# Going missing told as one of many: "reported missing x5 since Jan", "ive run off like 5 times this
# month", "missing for the 6th time since Sept".
# A child nobody came for at the end of the school or nursery day: "no one collected Freddie (3) at
# 18:00 close", "not collected at 3.15 for the 3rd time", "nobody came to get him from school". Not
# "no one to collect him" (a parent taken away: a child without a carer), nor "inhalers not collected
# since June".
SUPERVISION_LAPSES = "supervision_lapses"
COLLECT_WORDS = {"collected", "collect", "picked", "pick", "get"}
NOT_COLLECTED = re.compile(
    r"\b(?:no ?(?:one|1|body)|nobody|not|never|wasn'?t|weren'?t)\s+(?:(?:been\s+)?(?:collected|picked up)"
    r"|(?:came|come|turned up|showed up)\s+to\s+(?:collect|pick (?:him|her|them) up|get (?:him|her|them)))\b",
    re.I,
)
THINGS_NOT_COLLECTED = re.compile(
    r"\b(?:prescriptions?|repeats?|inhalers?|meds|medications?|medicines?|tablets|parcels?)\s+(?:\w+\s+)?not collected\b",
    re.I,
)
SCHOOL_DAY = re.compile(
    r"\b(?:school|nursery|club|gates?|end of (?:the )?day|home time|close|closing|\d{1,2}[:.]\d{2}|\d{1,2}\s?pm)\b",
    re.I,
)
# A scald that needs a doctor now: something boiling or hot pulled, tipped or spilt over the child, or
# the child scalded, and the skin peeling, coming off or blistering all over. A scald told without
# such signs is left to the words (suspicious or not), and one long ago to the history cue.
SERIOUS_INJURY_NOW = "serious_injury_needs_treatment_now"
SCALD_WORDS = {"boiling", "scalded", "scalding", "scald", "kettle", "hot"}
HOT_SPILL = re.compile(
    r"\b(?:pulled|tipped|spilt|spilled|poured|knocked|threw|thrown|fell into|fallen into)\s+(?:\w+\s+){0,4}?"
    r"(?:(?:boiling|scalding|hot)\s+(?:(?:cup|mug|bowl|jug|pan) of\s+)?(?:water|kettle|pan|tea|coffee|oil|fat|bath|soup)|kettle)\b"
    r"|\bscalded\b",
    re.I,
)
SKIN_OFF = re.compile(
    r"\bskin(?:'s|’s|s)?(?:\s+\w+){0,4}?\s+(?:peeling|coming off|falling off|hanging off|blistering|bubbling)"
    r"|\bblister(?:s|ing|ed)?\s+(?:all over|everywhere)",
    re.I,
)
# A debt the child is threatened over, read from its parts: owing ("i owe these guys 500", "in debt to
# these man") and a threat of harm to the child or the family ("theyll slice me if i dont pay up",
# "they gonna come for my little bro"). A debt with no threat, or a threat with no debt, is not it.
DEBT_THREATS = "cce_debt_threats"
OWE_WORDS = {"owe", "owes", "owed", "owing", "debt", "hock"}
OWING = re.compile(
    r"\b(?:owe|owes|owed|owing)\s+(?:\w+\s+){0,3}?(?:£\s?\d+|\d+(?:\s+bags?)?|money|cash|bags?|quid|grand)\b"
    r"|\b(?:in debt|in hock)\s+to\b",
    re.I,
)
HARM_THREATENED = re.compile(
    r"(?:'ll|’ll|\b(?:theyll|will|gonna|going to|would|theyd)|'d|’d)\s+(?:\w+\s+){0,2}?"
    r"(?:slice|shank|stab|cut|hurt|kill|batter|smash|jump|break|do (?:me|him|her|us) in|come for)\b",
    re.I,
)
# Sex between two young teenagers told as "doing it" ("me n jay did it at his house on sat were both
# 15", "me n my gf are both 15 n weve done it"): the act as the pair tell it, beside both their ages
# of 13 to 15. A child of 12 or under is read as under 13 by the age rule; "did it for a dare", or
# "me and my brother did it", is not it.
UNDER_16_PEER = "sexual_activity_under_16_peer"
DONE_WORDS = {"did", "done", "doing"}
BOTH_WORDS = {"both"}
DID_IT = re.compile(
    r"\b(?:(?:me|i)\s+(?:n|and|&)\s+(?!(?:my\s+)?(?:brother|sister|bro|sis|mum|dad|nan|cousin|mates?|friends?)\b)"
    r"(?:\w+\s+)?\w+\s+(?:did|done|have done|'ve done|ve done)\s+it|we(?:'ve|’ve|ve| have)?\s+(?:did|done)\s+it"
    r"|(?:did|done|doing)\s+it\s+with)\b(?!\s+(?:for|to|on purpose|because|cos|coz|again|wrong|right)\b)",
    re.I,
)
BOTH_YOUNG_TEENS = re.compile(r"\bboth\s+(?:only\s+)?(?:1[3-5]|thirteen|fourteen|fifteen)\b", re.I)
# A weapon carried, told as the child keeps it ("i keep a blade on me now when i go town", "he's got
# a knife in his coat"): a blade on the person or in what they carry, not one in a kitchen drawer nor
# one taken to cut an apple at lunch.
WEAPON_CARRYING = "weapon_carrying"
WEAPON_WORDS = {"knife", "blade", "machete", "shank", "weapon", "knives", "blades"}
WEAPON_CARRIED = re.compile(
    r"\b(?:carry|carries|carrying|keep|keeps|keeping|kept|got|have|has|had|bring|brings|bringing|brought|take|takes)"
    rf"\s+(?:a|an|his|her|my|their|the)?\s*(?:{'|'.join(sorted(WEAPON_WORDS))})"
    r"\s+(?:(?:on|with)\s+(?:me|him|her|them|us)\b"
    r"|in\s+(?:my|his|her|their)\s+(?:bag|pocket|coat|jacket|waistband|rucksack|sock|trousers|hoodie)s?\b)"
    r"(?!\s+(?:to\s+(?:cut|eat|slice|peel|spread|open)|for\s+(?:lunch|work|fishing|camping|scouts))\b)",
    re.I,
)
# The child's main carer in prison and the child moved from home: the mother or the sole carer locked
# up, remanded or sent down ("my mum got locked up", "mum remanded in custody 3 wks ago"), beside the
# child now living elsewhere or at a new school. A parent in prison with the child's care unchanged is
# the lesser concern.
CARER_IMPRISONED = "primary_carer_imprisoned"
IN_CUSTODY = "parent_in_custody"
JAIL_WORDS = {"locked", "remanded", "custody", "prison", "jail", "jailed", "sent", "sentenced", "imprisoned", "remand"}
CARER_JAILED = re.compile(
    r"\b(?:mum|mother|mam|mom|(?:sole|only|main) carer)(?:'s|’s|s)?\s+(?:\w+\s+){0,2}?"
    r"(?:locked up|sent down|jailed|imprisoned|remanded|sentenced|in (?:prison|custody|jail)|went to (?:prison|jail))\b",
    re.I,
)
MOVED_AWAY = re.compile(
    r"\b(?:(?:now|am|im|is|are)\s+(?:with|living with|livin with|staying with)|moved (?:to|in with)|sent to live"
    r"|changed schools?|new school|split (?:up )?between)\b",
    re.I,
)
# A child hurt in an attack on their parent: the attack on the mother ("went for her", "shoved her
# into the door", "threw a plate at his mum") and the child hurt in it ("the baby got knocked out of
# her arms", "I got hit"). Not "she got hurt", who as often is the mother.
HURT_IN_DV = "child_hurt_in_domestic_violence"
GOT_WORDS = {"got", "was", "were", "getting", "gets"}
HURT_WORDS = {"knocked", "hit", "hurt", "caught", "thrown", "flung", "cut", "injured", "dropped", "shoved", "pushed"}
CHILD_HURT_IN_IT = re.compile(
    r"\b(?:baby|child|kid|toddler|little one|son|daughter|boy|girl|brother|sister|bro|sis|he|i)\s+(?:\w+\s+)?"
    rf"(?:{'|'.join(sorted(GOT_WORDS))})\s+(?:{'|'.join(sorted(HURT_WORDS))})\b",
    re.I,
)
ATTACK_ON_MOTHER = re.compile(
    r"\b(?:went for|going for|gone for|goes for|laying into|laid into|attacked|attacking|shoved|pushed|punched|punching"
    r"|hit|hitting|battering|battered|strangling|strangled|threw \w+(?: \w+)? at)\s+(?:her|mum|mother|(?:my|his|her|their) (?:mum|mam|mother))\b",
    re.I,
)
MISSING_AGAIN = "missing_repeatedly"
MISSING_WORDS = {"missing", "run", "ran", "runs", "running"}
MANY_TIMES_GONE = re.compile(
    r"\b(?:missing|run\s+off|ran\s+off|run\s+away|ran\s+away)\s+(?:\S+\s+){0,3}?"
    r"(?:x\s*\d+|\d+\s*(?:x|times)|(?:three|four|five|six|seven|several|loads\s+of)\s+times"
    r"|for\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)|third|fourth|fifth|sixth|seventh)\s+time)\b"
    r"|\bmissing\s+x\s*\d+",
    re.I,
)

# Second word sets, asked before any pattern runs, for the rows whose first set is common ("no",
# "son", "help"): each holds a word every match of the row's patterns needs.
CARER_GONE_WORDS = {"ambulance", "arrested", "custody", "collapsed", "police", "hospital", "taken"}
IF_WORDS = {"if"}
SHIFT_WORDS = {"nights", "night", "shift", "shifts", "work", "works", "working", "lates", "earlies"}
END_WORDS = {"worn", "exhausted", "shattered", "cope", "carry", "keep", "do", "manage", "rope", "tether"}
END_WORDS |= {"breaking", "longer"}
ASK_WORDS = {"help", "support", "advice"}
WORSE_WORDS = {"worse", "downhill", "deteriorating", "deteriorated", "deterioration", "deteriorate", "deteriorates"}
BETWEEN_WORDS = {"messages", "report", "quiz", "quizzes", "quizzed", "quizzing", "loves", "love", "tell"}
BETWEEN_WORDS |= {"sides", "ping", "pingpong", "between"}  # "go-between" is three tokens
IN_CHARGE_WORDS = {"babysit", "babysits", "babysitting", "mind", "minds", "watch", "watching", "leaves", "leave"}
IN_CHARGE_WORDS |= {"look", "looks", "looking", "meant"}


class Parts(NamedTuple):
    """A concern read from its parts: the narrative holds a word of each set in `needs` (most
    narratives are turned down there, without a pattern run), and `beside` somewhere if given; the
    evidence is the first words of `evidence` not denied, supposed or over (`negative`: words that
    carry their own negation). `lesser`: a lesser grade of the concern, dropped where covered.
    `unless`: words anywhere that tell it is something else. `graver`: a graver grade of the concern,
    where read, this one adds nothing."""

    key: str
    needs: tuple[set[str], ...]
    evidence: re.Pattern[str]
    beside: re.Pattern[str] | None = None
    negative: bool = False
    lesser: str | None = None
    unless: re.Pattern[str] | None = None
    graver: str | None = None


FROM_PARTS = (
    Parts(ABOUT_TO_BE_TAKEN, (TAKING_THERE, TAKING_THREAT), TAKING),
    Parts(UNRESPONSIVE, (DISTRESS_WORDS,), NO_RESPONSE, beside=CHILD_DISTRESS, negative=True),
    Parts(BROUGHT_TO_UK, (CAME_WORDS,), CAME_OVER, beside=NO_FAMILY),
    Parts(INAPPROPRIATE_CARING, (CARE_WORDS,), INTIMATE_CARE, lesser=SOME_CARING),
    Parts(REJECTED, (NOT_WANTED_WORDS,), NOT_WANTED),
    Parts(FABRICATED, (CLAIM_WORDS, MEDICAL_WORDS), CLAIMED_ILL, beside=NOT_BORNE_OUT),
    Parts(INDUCED, (SICK_WORDS,), PUT_INTO, beside=MADE_SICK, unless=FOR_AN_ILLNESS),
    Parts(
        IDENTITY_REJECTED,
        (IDENTITY_WORDS,),
        TURNED_AWAY,
        beside=IDENTITY_TOLD,
        negative=True,
        lesser=IDENTITY_UNSUPPORTED,
    ),
    Parts(HELP_REFUSED, (HELP_WORDS, WORSE_WORDS), TURNED_HELP_AWAY, beside=WORSE_SINCE, negative=True),
    Parts(UNSAFE_ADULTS, (RECORD_WORDS, IN_CHARGE_WORDS), LEFT_IN_CHARGE, beside=VIOLENT_RECORD),
    Parts(MOVES, (MOVE_WORDS,), MOVED, beside=AGAIN_AND_AGAIN),
    Parts(CHANGING_CARERS, (PASSED_WORDS,), PASSED_ROUND),
    Parts(DELAY_TREATMENT, (CARE_PLACES,), CARE_HIDDEN, negative=True),
    Parts(DELAY_TREATMENT, (CARE_PLACES,), CARE_REFUSED, beside=INJURY_SIGNS, negative=True, unless=ILLNESS_SIGNS),
    Parts(MEDICAL_NEGLECT, (CARE_PLACES,), CARE_REFUSED, beside=ILLNESS_SIGNS, negative=True),
    Parts(
        CHILD_WITHOUT_CARER,
        (NOBODY_WORDS, CARER_GONE_WORDS),
        NOBODY_FOR_THEM,
        beside=CARER_REMOVED,
        negative=True,
        unless=NOBODY_THEN,
    ),
    Parts(SEXTORTION, (IMAGE_WORDS,), OR_ELSE, beside=SHARE_THREAT, negative=True),
    Parts(INTOXICATED_IN_CHARGE, (INTOXICATED_WORDS,), INTOXICATED, beside=IN_CHARGE_NOW),
    Parts(WORK_GAPS, (GAP_WORDS, SHIFT_WORDS), LEFT_BY_WORK, beside=ON_SHIFT, negative=True),
    Parts(
        MARRIAGE_PRESSURE, (MARRIAGE_WORDS,), KEPT_CLOSE, beside=MARRIAGE_TALK, negative=True, graver=FORCED_MARRIAGE
    ),
    Parts(AFRAID_HOME, (FEAR_WORDS,), AFRAID_OF_HOME, negative=True),
    Parts(THREATENED, (LOSS_WORDS, IF_WORDS), THREAT_OF_LOSS, beside=IF_THE_CHILD),
    Parts(IN_THE_MIDDLE, (APART_WORDS, BETWEEN_WORDS), USED_BETWEEN, lesser=SEPARATION_CALM),
    Parts(
        KINSHIP_STRUGGLING,
        (KIN_WORDS, END_WORDS),
        KIN_CARE,
        beside=AT_THE_END,
        lesser=KINSHIP_SUPPORT,
        unless=FOR_A_WHILE,
    ),
    Parts(
        KINSHIP_SUPPORT,
        (KIN_WORDS, ASK_WORDS),
        KIN_CARE,
        beside=HELP_ASKED,
        graver=KINSHIP_STRUGGLING,
        unless=FOR_A_WHILE,
    ),
    Parts(MISSING_AGAIN, (MISSING_WORDS,), MANY_TIMES_GONE),
    Parts(SERIOUS_INJURY_NOW, (SCALD_WORDS,), HOT_SPILL, beside=SKIN_OFF),
    Parts(DEBT_THREATS, (OWE_WORDS,), OWING, beside=HARM_THREATENED),
    Parts(UNDER_16_PEER, (DONE_WORDS, BOTH_WORDS), DID_IT, beside=BOTH_YOUNG_TEENS),
    Parts(WEAPON_CARRYING, (WEAPON_WORDS,), WEAPON_CARRIED),
    Parts(CARER_IMPRISONED, (JAIL_WORDS,), CARER_JAILED, beside=MOVED_AWAY, lesser=IN_CUSTODY),
    Parts(HURT_IN_DV, (GOT_WORDS, HURT_WORDS), CHILD_HURT_IN_IT, beside=ATTACK_ON_MOTHER),
    Parts(
        SUPERVISION_LAPSES,
        (COLLECT_WORDS,),
        NOT_COLLECTED,
        beside=SCHOOL_DAY,
        negative=True,
        graver=CHILD_WITHOUT_CARER,
        unless=THINGS_NOT_COLLECTED,
    ),
    Parts(CONCEALED_PREGNANCY, (PREGNANCY_WORDS,), KEPT_FROM_CARE, beside=PREGNANCY_TOLD, negative=True),
)
