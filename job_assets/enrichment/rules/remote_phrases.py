"""The phrase tables behind `remote`: how postings state a work arrangement, in English, French, German, Spanish.

Each pattern needs its context (a place, a frequency, "this role", a label): a bare word in prose is never
enough, except "hybrid" once its non-policy uses (pay models, cloud, events) are blanked out.
"""

from __future__ import annotations

import re

from job_assets.enrichment.rules.first_chars import quick_start
from job_assets.enrichment.rules.keywords import Prefiltered

_I = re.IGNORECASE

# ---- what is not policy (blanked out before anything is read) --------------------------------------------------
_HOME = (
    r"(?:home[\s-]?office|work(?:ing)?[\s-]+from[\s-]+(?:home|anywhere)|wfh|remote[\s-]+work(?:ing)?|remote"
    r"|t[ée]l[ée]travail|home[\s-]?office|homeoffice|teletrabajo)"
)
_PERK = (
    r"(?:stipends?|allowances?|support|budget|set[\s-]?up|equipment|reimburse\w*|benefits?|perks?|grants?"
    r"|subsid\w*|credits?|kits?|package|furniture|gear|expenses?|days?\s+(?:per|a)\s+(?:month|year)|weeks?\b"
    r"|zuschuss|pauschale|ausstattung|budget|indemnit[ée]s?|primes?|forfait|ayuda|compensaci[oó]n)"
)
# Prefilter: every alternative names home working (`_HOME`, or work from home/anywhere, remote work).
BENEFIT = Prefiltered(
    re.compile(
        rf"\b{_HOME}[\s-]+(?:\w+[\s-]+)?{_PERK}\b"  # "home office stipend", "Work From Home Support", "WFH budget"
        rf"|\b{_PERK}\s+(?:for|towards?|to\s+(?:set\s+up|equip))\s+(?:your\s+|a\s+)?{_HOME}\b"  # "stipend for your home office"
        rf"|\b(?:indemnit[ée]|prime|forfait|allocation)s?\s+(?:de\s+|d['’])?{_HOME}"  # "indemnité de télétravail"
        r"|\bzuschuss\s+(?:f[üu]r|zum)\s+(?:dein(?:en)?\s+|ihr(?:en)?\s+)?home[\s-]?office"
        r"|\b(?:work\s+from\s+(?:home|anywhere)|remote\s+work(?:ing)?)\s+(?:weeks?|days?|months?)\s+(?:per|a|each)\s+year"
        r"|\b(?:weeks?|days?|months?)\s+(?:of\s+)?(?:work(?:ing)?\s+from\s+(?:home|anywhere)|remote\s+work(?:ing)?)"
        r"(?:\s+(?:per|a|each)\s+year)?",
        _I,
    ),
    ("home", "wfh", "remote", "travail", "teletrabajo", "anywhere"),
)
# Prefilter: every alternative has "hybrid"/"híbrido".
NOT_POLICY_HYBRID = Prefiltered(
    re.compile(
        r"\b(?:hybrid(?:e|es|en|er)?|h[ií]brid[oa]s?)[\s-]+(?:commission|compensation|comp\b|pay|incentive|bonus|salary|cloud|multi[\s-]?cloud"
        r"|on[\s-]?prem\w*|infrastructure|IT\b|it\s+environment|app|apps|application|mobile|events?|vehicles?|cars?"
        r"|engines?|search|database|storage|network|model\s+of\s+(?:sales|commission)|sales|quota|plan|deployments?"
        r"|architectures?|systems?|solutions?|products?|approach(?:es)?(?!\s+to\s+(?:work|working))"
        r"|learning|teaching|courses?|classes?|meetings?|sessions?|warfare|integration|ai\b|retrieval|fund|capital"
        r"|funding|rna|genome|energy|solar|power)\b"
        r"|\b(?:cloud|public|private|multi|commission|pay)[\s-]+hybrid\b"
        r"|\ba\s+hybrid\s+of\b|\bhybrid\s+(?:between|of)\b"
        r"|\bhybrid\s+(?:role|position)\s+(?:that|which|combining|spanning|blending|bridging|across|between)\b"
        # a "Hybrid Work Policy that allows you to work from wherever you are" is a remote policy with another name
        r"|\bhybrid(?=\s+(?:work(?:ing)?\s+|workplace\s+)?(?:policy|model|program|programme|approach|setup)\s+(?:(?:that|which)\s+)?"
        r"(?:allows|lets|enables|gives)\s+(?:you|employees|everyone|team\s+members|our\s+(?:team|people))\s+"
        r"(?:the\s+(?:freedom|flexibility|option)\s+)?(?:to\s+)?work\s+(?:from\s+)?(?:wherever|anywhere))",
        _I | re.MULTILINE,
    ),
    ("brid",),
)
# Prefilter: each alternative has one of these words.
NOT_POLICY_REMOTE = Prefiltered(
    re.compile(
        r"\bremote(?:ly)?[\s-]+(?:sensing|control(?:led|s)?|monitoring|patient|operations?\s+cent\w+|pilot\w*|access"
        r"|surgery|diagnostics?|desktop|teams?\s+(?:across|around|in)|management|troubleshoot\w*|debug\w*|assistance"
        r"|servers?|hosts?|devices?|sites?|areas?|locations?\s+(?:such\s+as|like)|communities|regions?|islands?)\b"
        r"|\b(?:experience|comfortable|used)\s+(?:\w+\s+){0,3}?(?:with|in|managing|leading|working\s+(?:with|in))\s+"
        r"(?:a\s+)?(?:remote|distributed|hybrid)\s+(?:teams?|environments?|colleagues|workforce)\b",
        _I,
    ),
    ("remote", "distributed", "hybrid"),
)

# ---- statements of policy ------------------------------------------------------------------------------------
_NUM = (
    r"(?:[1-4](?:\s*(?:-|–|to|or)\s*[2-5])?|one|two|three|four"
    r"|(?:one|two|three)\s*(?:-|–|to|or)\s*(?:two|three|four))"
)
_FREQ = rf"(?:{_NUM}\s*(?:x|times|days?|d)\b|twice|once)"
_PER_WEEK = r"(?:\s*(?:a|per|each|every|/|in\s+a)\s*(?:week|wk)\b|\s+weekly)"
_OFFICE = (
    r"(?:office|offices|hq|headquarters|hub|studio|campus|workplace|site|on[\s-]?site|in[\s-]person"
    r"|in[\s-]office|onsite)"
)
# Every match of `_OFFICE` or `_IN_OFFICE` has one of these (prefilter keywords).
_OFFICE_WORDS = ("office", "hq", "headquarters", "hub", "studio", "campus", "workplace", "site", "person")
_IN_OFFICE = (
    rf"(?:(?:in|at|from|into|to|on|within)[\s-]+(?:the\s+|our\s+|an?\s+|one\s+of\s+our\s+)?(?:[\w.&'-]+\s+){{0,3}}?"
    rf"{_OFFICE}\b|on[\s-]?site|onsite|in[\s-]person|in[\s-]office)"
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|mon|tue|tues|wed|thu|thur|thurs|fri)s?\b"
_LABEL = (
    r"(?:workplace(?:\s+type)?|work(?:place)?\s+(?:arrangement|model|location|mode|setup|style|type|environment)"
    r"|location\s+type|arrangement|remote\s+status|job\s+type|modalit[ée](?:\s+de\s+travail)?|modalidad"
    r"|arbeitsmodell|arbeitsort|type\s+de\s+poste)\s*[:\-–]\s*"
)
_ROLE = r"(?:this|the)\s+(?:role|position|job|opportunity|opening)"

_HYBRID_WORD = r"(?:hybrid(?:e|es|en|er)?|h[ií]brid[oa]s?)"
# Home working as an option next to some regular office presence, in one sentence: "There will be some in person
# meetings, but still allows for flexibility to work from home".
_HOME_OPTION = r"(?:flexib\w+|option|freedom|choice)\s+(?:for\s+you\s+)?to\s+work\s+from\s+home\b"
_SOME_PRESENCE = (
    r"(?:some|regular|frequent)\s+(?:in[\s-]person|in[\s-]office|office|on[\s-]?site)\s+(?:meetings?|days?|time"
    r"|presence|collaboration|work)\b"
)

# Split in four by the words each part needs, so a posting is read only by the parts it can match; `first_match`
# gives the leftmost match of any part, where `re` would have found the alternation of them all.
HYBRID: tuple[Prefiltered, ...] = (
    Prefiltered(
        re.compile(
            # the word in a construction about the work: "this role is hybrid", "hybrid working model", "Hybrid, 3 days"
            rf"\b{_ROLE}\s+is\s+(?:a\s+|an?\s+)?{_HYBRID_WORD}\b|\b(?:is|are|be|being)\s+(?:fully\s+)?{_HYBRID_WORD}\b"
            rf"|\b{_HYBRID_WORD}[\s-]+(?:role|position|job|schedule|work\w*|arrangement|model|set[\s-]?up|policy"
            r"|environment|basis|opportunity|office|from|remote|in[\s-]office|on[\s-]?site|arbeit\w*|poste|trabajo)\b"
            rf"|\bon\s+a\s+{_HYBRID_WORD}\s+basis|\(\s*{_HYBRID_WORD}\s*\)|\b{_HYBRID_WORD}\s*[,:(–-]\s*(?:\d|one|two|three|four)"
            rf"|\b{_LABEL}{_HYBRID_WORD}\b|^\s*{_HYBRID_WORD}\s*$"
            rf"|\b(?:organisation|mode|mod[eè]le|modalidad|modelo|arbeitsmodell|modalit[ée]|poste|travail|trabajo)\s+"
            rf"(?:de\s+travail\s+|de\s+trabajo\s+)?{_HYBRID_WORD}\b",
            _I,
        ),
        ("brid",),
    ),
    Prefiltered(
        re.compile(
            # `(?=[...])` first: a match starts with a digit or the first letter of a frequency, of `_IN_OFFICE` or
            # of an office word; a cheap look before the whole alternation at every word.
            r"(?=[\dotfiawh])(?:"
            rf"\b{_FREQ}(?:{_PER_WEEK}\s+(?:[\w-]+\s+){{0,4}}?|\s+){_IN_OFFICE}"  # "3 days a week in our NYC office"
            rf"|\b{_IN_OFFICE}\s+(?:[\w,-]+\s+){{0,3}}?{_FREQ}{_PER_WEEK}"  # "in-office three days a week"
            rf"|\b(?:office|on[\s-]?site|in[\s-]person|hq)\s+{_FREQ}{_PER_WEEK}"  # "office 3x a week"
            rf"|\b{_IN_OFFICE}\s+(?:[\w-]+\s+){{0,2}}?(?:on\s+)?(?!mon(?:day)?s?\s*(?:-|–|to|through|thru)\s*fri)"
            rf"{_DAY}(?:\s*(?:-|–|to|through|thru|and|&|,)\s*{_DAY})+"  # "in the office Tuesday-Thursday"
            r")",
            _I,
        ),
        _OFFICE_WORDS,
    ),
    Prefiltered(
        re.compile(
            # `(?=[...])`: a digit or the first letter of a frequency, work/from, part..., remote, mix/blend/...,
            # flexib..., `_SOME_PRESENCE`, `_HOME_OPTION`.
            r"(?=[\dotfwprmbcs])(?:"
            rf"\b{_FREQ}{_PER_WEEK}?\s+(?:from\s+home|remote(?:ly)?|wfh)\b"  # "two days a week from home"
            r"|\b(?:work(?:ing)?\s+)?from\s+home\s+(?:up\s+to\s+)?\S+\s+days?\b"
            r"|\b(?:partially|partly|part[\s-]time)\s+remote\b|\bremote\s+part\s+of\s+the\s+week\b"
            r"|\b(?:mix|blend|combination|split|balance)\s+(?:of\s+|your\s+time\s+)?(?:between\s+)?(?:remote|home|wfh)"
            r"(?:\s+work(?:ing)?)?\s+(?:and|&|/)\s+(?:in[\s-])?(?:office|on[\s-]?site|in[\s-]person)"
            r"|\bflexib\w+\s+(?:remote|home[\s-]?office|work\s+from\s+home)\s+(?:and|/)\s+office\b"
            rf"|\b{_SOME_PRESENCE}[^.!?\n]{{0,80}}?\b{_HOME_OPTION}|\b{_HOME_OPTION}[^.!?\n]{{0,80}}?\b{_SOME_PRESENCE}"
            r")",
            _I,
        ),
        ("home", "remote", "wfh"),
    ),
    Prefiltered(
        re.compile(
            # French, German, Spanish: a stated share of home/office days
            r"(?=[\dtudezhr])(?:"  # a digit or the first letter of a word below: a cheap look first
            r"\bt[ée]l[ée]travail\s+(?:partiel|hybride|flexible|(?:jusqu['’][àa]\s+)?\d)"
            r"|\b(?:\d|un|deux|trois)\s+jours?\s+(?:de\s+t[ée]l[ée]travail|(?:par\s+semaine\s+)?(?:au\s+bureau|sur\s+site))"
            r"|\b(?:\d|ein|zwei|drei)\s+tage?\s+(?:pro\s+woche\s+|die\s+woche\s+)?(?:im\s+b[üu]ro|vor\s+ort|home-?office"
            r"|remote|mobil)|\bhome-?office\s+an\s+\S+\s+tagen|\bremote[\s-]arbeit\w*\s+an\s+\S+\s+tagen"
            r"|\bteletrabajo\s+(?:parcial|flexible|\d)|\b(?:\d|dos|tres)\s+d[ií]as\s+(?:de\s+teletrabajo|(?:a\s+la\s+semana\s+)?en\s+"
            r"(?:la\s+)?oficina|presenciales)"
            r")",
            _I,
        ),
        ("travail", "jour", "tag", "home", "arbeit", "trabajo", "oficina", "presenciales"),
    ),
)
# Prefilter: each alternative has "remote"/"remoto", "homeoffice" or "télétravail".
NOT_REMOTE = Prefiltered(
    re.compile(
        r"\b(?:not|non|no)[\s-]+(?:a\s+|an\s+|fully\s+|100%\s+)?remote(?![\s-]+(?:sensing|control))\b"
        r"|\bremote\s+(?:work\s+|working\s+)?(?:is|are)\s+not\s+(?:possible|available|an\s+option|offered|permitted)"
        rf"|\b{_ROLE}\s+is\s+not\s+(?:eligible\s+for\s+)?remote"
        r"|\bcannot\s+be\s+(?:done\s+|performed\s+|worked\s+)?remote(?:ly)?\b"
        r"|\bnot\s+(?:open\s+to|eligible\s+for)\s+remote\b|\bremote\s*:\s*no\b"
        r"|\bkein(?:e)?\s+(?:homeoffice|remote)|\bpas\s+de\s+t[ée]l[ée]travail|\bno\s+es\s+remoto",
        _I,
    ),
    ("remot", "homeoffice", "travail"),
)
_ONSITE_WORD = r"(?:on[\s-]?site|in[\s-]office|in[\s-]person|office[\s-]based|in\s+the\s+office)"
# Office presence without a share of days ("working in-person at our HQ", "must be in the office"): on-site, but
# also true of a hybrid role, so a board's "hybrid" refines it (`merge`).
_NOT_POLICY_AFTER = (
    r"(?!\s+(?:events?|meetings?|visits?|interviews?|training|prospecting|sales|collaboration|customers?|clients?"
    r"|at\s+(?:customer|client)|with\s+(?:customers|clients)|as\s+needed|occasionally|when))"
)
# Prefilter: every alternative has `_ONSITE_WORD`.
OFFICE_PRESENCE = Prefiltered(
    re.compile(
        rf"\b(?:work|working|based|located|report(?:ing)?|be|are|stationed)\s+(?:fully\s+|100%\s+)?{_ONSITE_WORD}"
        rf"{_NOT_POLICY_AFTER}"
        # the team or company works in person: "We're in-person with cozy offices in ...", "we are an in-office company"
        rf"|\b(?:we|our\s+(?:team|company|teams)|the\s+(?:team|company))\s*(?:['’]re|\s+are|\s+is|\s+remains?)\s+"
        rf"(?:an?\s+)?(?:fully\s+|100%\s+|primarily\s+|entirely\s+)?{_ONSITE_WORD}{_NOT_POLICY_AFTER}"
        r"(?=[\s-]+(?:company|team|organi[sz]ation|startup|workplace|culture|first)\b|\s*[,.;:!]|\s+(?:with|at|in|across)\b)"
        rf"|\b(?:an?\s+)?(?:fully\s+|100%\s+)?{_ONSITE_WORD}[\s-]+(?:first\s+)?(?:company|organi[sz]ation|startup)\b"
        rf"|\b(?:required|expected|need|needs|must)\s+(?:to\s+)?(?:be\s+|work\s+|report\s+)?{_ONSITE_WORD}"
        r"(?!\s+(?:events?|meetings?|occasionally|as\s+needed|when|for\s+(?:occasional|quarterly|team)))",
        _I,
    ),
    ("site", "office", "person"),
)
# An office requirement that does not say how often: onsite alone, hybrid next to a remote statement.
# Prefilter: each alternative has a commute word or a distance.
COMMUTE = Prefiltered(
    re.compile(
        r"\bwithin\s+(?:a\s+)?(?:reasonable\s+|daily\s+|easy\s+)?commut(?:ing|able)\s+distance"
        r"|\b(?:live|reside|located|based)\s+(?:with)?in\s+(?:a\s+)?(?:commut\w+|reasonable\s+commut\w+|\d+\s+(?:miles|km))"
        r"|\bcommutable\s+(?:distance\s+)?(?:to|from)\b"
        r"|\b(?:able|willing)\s+to\s+commute\s+(?:daily\s+)?to\s+(?:the|our)\s+(?:[\w.-]+\s+){0,3}?(?:office|hub|site|campus)",
        _I,
    ),
    ("commut", "miles", "km"),
)
# Prefilter: each alternative has `_ONSITE_WORD`, `_IN_OFFICE`, a label's office word or a French/German/Spanish
# presence word.
_PRESENCE_WORDS = (
    "site",
    "office",
    "person",
    "hq",
    "headquarters",
    "hub",
    "studio",
    "campus",
    "workplace",
    "bureau",
    "sentiel",
    "vor",
    "presencial",
)
ONSITE = Prefiltered(
    re.compile(
        rf"\b{_ROLE}\s+is\s+(?:an?\s+)?(?:fully\s+|100%\s+|entirely\s+)?(?:{_ONSITE_WORD}|based\s+in\s+(?:the|our)\s+office)"
        rf"|\b(?:an?\s+)?(?:fully\s+|100%\s+)?(?:on[\s-]?site|in[\s-]office|in[\s-]person|office[\s-]based)"
        r"\s+(?:role|position|job|opportunity)\b"
        rf"|\b(?:fully|100%|entirely|completely)\s+{_ONSITE_WORD}"
        rf"|\b(?:five|5)\s*(?:days|x)\s+(?:a|per|each)\s+week\s+(?:[\w-]+\s+){{0,3}}?{_IN_OFFICE}"
        rf"|\b{_IN_OFFICE}\s+(?:[\w,-]+\s+){{0,3}}?(?:five|5)\s*(?:days|x)\s+(?:a|per|each)\s+week"
        rf"|\b{_IN_OFFICE}\s+(?:[\w-]+\s+){{0,2}}?(?:on\s+)?mon(?:day)?s?\s*(?:-|–|to|through|thru)\s*fri(?:day)?"
        rf"|\b{_LABEL}(?:on[\s-]?site|in[\s-]office|office|in[\s-]person)\b"
        r"|\bpr[ée]sence\s+(?:sur\s+site|au\s+bureau)|\b(?:en\s+)?pr[ée]sentiel\b"
        r"|\b(?:poste|travail|bas[ée]e?)\s+sur\s+site\b|\b100\s*%\s+sur\s+site"
        r"|\b(?:arbeit|t[äa]tigkeit|pr[äa]senz|arbeiten|einsatz|job)\s+vor\s+ort\b|\bvor\s+ort\s+in\s+(?:unserem|unserer|der|dem)"
        r"|\b100\s*%\s+vor\s+ort|\bpresencial\b",
        _I,
    ),
    _PRESENCE_WORDS,
)
# Prefilter: each alternative has remote(ly)/remoto, home, wfh, telecommuting, anywhere/wherever, télétravail,
# teletrabajo or mobil.
REMOTE = Prefiltered(
    re.compile(
        rf"\b{_ROLE}\s+is\s+(?:an?\s+)?(?:fully\s+|100%\s+|completely\s+|entirely\s+|a\s+)?remote\b"
        rf"|\b{_ROLE}\s+(?:can|may|will)\s+be\s+(?:performed|done|worked|based)\s+(?:fully\s+)?remote(?:ly)?"
        r"|\b(?:fully|100%|completely|entirely|permanently|full)[\s-]+remote\b"
        r"|\bremote[\s-](?:only|based|eligible|ok)\b"
        r"|\b(?:a|this|fully|100%)\s+(?:remote|work[\s-]from[\s-]home|wfh|telecommut\w+)\s+(?:role|position|job|opportunity"
        r"|contract)\b"
        r"|\bremote\s+(?:role|position|job|opportunity)\b"
        r"|\b(?:you|candidates?)\s+(?:will|can|may)\s+(?:\w+\s+)?work\s+(?:fully\s+)?(?:remotely|from\s+home|from\s+anywhere)"
        r"|\bwork\s+(?:fully\s+)?remotely\s+(?:from|within|in|across|anywhere)\b|\bwork\s+from\s+anywhere\b"
        r"|\bwork\s+from\s+wherever\s+(?:you|they)\s+(?:are|live|want|like|choose|please)\b"
        r"|\bwork\s+anywhere\s+(?:in|within|across)\s+(?:the\s+)?(?-i:[A-Z])"
        r"|\bremote\s+(?:within|from|across|anywhere)\b|\bremote\s+in\s+(?:the\s+)?(?-i:[A-Z])"
        r"|\bopen\s+to\s+remote\s+(?:candidates|applicants|work)\b|\beligible\s+for\s+(?:remote\s+work|telecommut\w+)"
        rf"|\b(?:{_LABEL}|locations?\s*:\s*)(?:fully\s+|100\s*%\s+)?remote\b|\bremote\s*:\s*(?:yes|100\s*%)"
        r"|\b100\s*%\s+(?:t[ée]l[ée]travail|remoto|home-?office|teletrabajo)\b"
        r"|\bt[ée]l[ée]travail\s*(?::\s*)?(?:[àa]\s+)?(?:100\s*%|complet|total|int[ée]gral)"
        r"|\b(?:komplett|vollst[äa]ndig|ausschlie(?:ß|ss)lich)\s+(?:remote|im\s+homeoffice|mobil)"
        r"|\b(?:trabajo|modalidad|posici[oó]n|puesto)\s+(?:100\s*%\s+)?remot[oa]\b|\ben\s+remoto\b",
        _I,
    ),
    ("remot", "home", "wfh", "telecommut", "anywhere", "wherever", "travail", "trabajo", "mobil"),
)

# Office days asked only of those who live near an office ("For our team in the NY area, you will join us at HQ on
# Tuesdays and Thursdays", "If you live within 50 miles of Austin, ..."): next to a remote statement, the role
# can be held remotely and the office days are an option of place.
LOCAL_ONLY = re.compile(
    r"\b(?:for|if)\s+(?:those|you|employees|candidates|people|team\s+members|anyone|our\s+[\w'’-]+)\s+"
    r"(?:who\s+)?(?:live\s+|lives\s+|reside\s+|work\s+|are\s+)?(?:(?:based|living|located|residing)\s+)?"
    r"(?:in|near|within|around|close\s+to)\b"
    r"|\b(?:those|candidates|employees|people|anyone)\s+(?:who\s+(?:are|live)\s+)?(?:local\s+to|near|close\s+to"
    r"|(?:based|living|located|residing)\s+(?:in|near|within|around))\b"
    r"|\bif\s+(?:you\s+are\s+|you['’]re\s+)?local\s+to\b",
    _I,
)

# A frequency per week ("3 days/week", "twice a week", "at least 2x per week") and a place of work in one sentence:
# hybrid; five days: on-site.
FREQUENCY = re.compile(rf"\b(?P<n>{_FREQ}){_PER_WEEK}", _I)
FIVE_DAYS = re.compile(rf"\b(?:five|5)\s*(?:days|x|times){_PER_WEEK}", _I)
WORKPLACE_WORD = quick_start(  # read on every posting (`remote._office_days`): a look at two letters first
    re.compile(
        r"\b(?:office|offices|hq|headquarters|hub|studio|campus|on[\s-]?site|onsite|in[\s-]person|in[\s-]office)\b",
        _I,
    )
)
SENTENCE = re.compile(r"[^.!?\n]+")

# Tags recruiters add for LinkedIn ("#LI-Hybrid", "#LI-DNI #LI-Remote", "R123_Hybrid"): posting metadata, not
# prose, so they decide only when neither a statement nor the ATS's field does.
_TAG = r"(?:#\s?LI[\s_-]?(?:[A-Za-z0-9]+[\s_-])?|\b[A-Za-z0-9]+_)"
# Prefilter: each names its policy word (a tag's own letters are `[A-Za-z0-9]+`, tried at every word otherwise).
TAGS: tuple[tuple[str, Prefiltered], ...] = (
    ("hybrid", Prefiltered(re.compile(rf"{_TAG}hybrid\b", _I), ("hybrid",))),
    ("onsite", Prefiltered(re.compile(rf"{_TAG}(?:on[\s-]?site|office)\b", _I), ("site", "office"))),
    ("remote", Prefiltered(re.compile(rf"{_TAG}remote\b", _I), ("remote",))),
)

# Bare words: "hybrid" anywhere ("many teams offer hybrid options"), and words that, in French, German or Spanish
# postings, mean "some days from home" unless a share is stated.
# Prefilter: each alternative has one of these words.
HYBRID_HINT = Prefiltered(
    re.compile(
        rf"\b{_HYBRID_WORD}\b|\bt[ée]l[ée]travail\b|\bmobile[sn]?\s+arbeit\w*|\bhome-?office\b|\bteletrabajo\b"
        r"|\bremote[\s-]arbeit\w*\s+(?:ist\s+)?m[öo]glich",
        _I,
    ),
    ("brid", "travail", "arbeit", "home", "teletrabajo"),
)

# ---- labels: titles and location names -------------------------------------------------------------------------
LABEL_HYBRID = re.compile(rf"\b{_HYBRID_WORD}\b", _I)
LABEL_REMOTE = re.compile(
    r"\b(?:remote|remoto|remota|t[ée]l[ée]travail|teletrabajo|homeoffice|work\s+from\s+home|wfh|anywhere)\b",
    _I,
)
LABEL_ONSITE = re.compile(r"\b(?:on[\s-]?site|in[\s-]office|sur\s+site|vor\s+ort|presencial)\b", _I)
