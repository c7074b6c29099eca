"""The level vocabularies `seniority` reads, in English, French, German and Spanish.

Patterns run on `parsing.employment.fold`ed text (lowercase ASCII words between single spaces: "Prácticas" is
" practicas ", "Sr." is " sr "), so each word is matched as " word ".
"""

from __future__ import annotations

import re

from job_assets.enrichment.rules.keywords import Prefiltered

# "<thing> Manager" manages a thing, not people: product, program, account, partnerships, social media...
IC_MANAGER = re.compile(
    r" (?:product|program|programme|project|account|accounts|customer success|partner|partners|partnerships?"
    r"|community|success|content|category|territory|channel|release|office|case|property|media|brand|marketing"
    r"|activation|relationship|relationships|campaign|campaigns|event|events|lifecycle|vendor|client|portfolio"
    r"|enablement|launch|solutions|implementation|onboarding|retention|ecosystem|alliances?|demand"
    r"|business development|bd|new business"
    r"|compliance|mobility|global mobility|immigration|relocation|privacy|sustainability|localization"
    r"|produit|projet|programme|compte|comptes|grands comptes|producto|proyecto|cuenta|cuentas|programa)"
    r"(?: [a-z]+)? manager ",
)
# ... unless a group of them: a "Group Product Manager" leads product managers.
GROUP_MANAGER = re.compile(r" group (?:product|program|programme|project) manager ")
IC_FRENCH_SPANISH = re.compile(
    r" (?:responsable|gerente|jefe|jefa|chef) (?:de |d )?(?:produit|projet|projets|programme|compte|comptes|grands"
    r" comptes|producto|proyecto|proyectos|cuenta|cuentas|programa|clientele)",
)
# Titles whose level word names something else: "Account Director" is a sales title, "Member of Technical Staff"
# a title for every engineer, "Executive Assistant to the CEO" supports one, a "Chief of Staff" is no staff level.
NOT_LEVEL = re.compile(
    r" (?:account|client) director | member of (?:the )?(?:technical )?staff | technical staff "
    r"| (?:assistant|reporting|support|chief of staff) to (?:the |our )?(?:[a-z]+ )?(?:ceo|cto|cfo|coo|cro|cmo|cpo"
    r"|founders?|president|vp|executive team|chief [a-z]+ officer)"
    r"| staff (?:accountant|nurse|writer|assistant|auditor|pharmacist|physician|attorney|photographer) "
    r"| mid (?:market|size|sized) | lead (?:gen|generation) | all levels | mid senior"
    r"| associate (?:principal|partner) | thought leaders? | chief of staff ",
)
# A technical leader leads the work, not people: the "lead" level. A product, program or project leader leads a
# product or a project (as its manager does): no level.
TECH_LEADER = re.compile(r" (?:tech|technical|technology) leaders? ")
IC_LEADER = re.compile(r" (?:product|program|programme|project) leaders? ")
# Most specific first: "Senior Director" is a director, "Senior Engineering Manager" a manager.
LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "intern",
        re.compile(
            r" (?:intern|interns|internship|co op|coop|werkstudent|werkstudentin|working student|apprentice"
            r"|apprenticeship|stagiaire|alternant|alternante|alternance|apprenti|apprentie|praktikant|praktikantin"
            r"|praktikum|azubi|auszubildende|auszubildender|becario|becaria|practicas|pasante|stage de fin d etudes) "
        ),
    ),
    (
        "executive",
        re.compile(
            r" (?:chief [a-z]+(?: [a-z]+)? officer|c[etofpimrs]o|ciso|vp|svp|evp|avp|rvp|gvp|v p|vice president"
            r"|president|presidente|president directeur general|co founder|cofounder|general manager"
            r"|directeur general|directrice generale|director general|directora general|gerente general"
            r"|geschaftsfuhrer|geschaftsfuhrerin|geschaeftsfuehrer|vorstand|vicepresidente|vice presidente) "
        ),
    ),
    (
        "director",
        re.compile(
            r" (?:director|directora|directeur|directrice|direktor|direktorin|head of|dir|subdirector"
            r"|chef de l|chef du|chef de la|chef des|jefe de la|jefe del|jefa de la|jefa del"
            r"|bereichsleiter|bereichsleiterin|abteilungsleiter|abteilungsleiterin|leiter|leiterin|leitung) "
        ),
    ),
    (
        "manager",
        re.compile(
            r" (?:manager|managers|mgr|supervisor|supervisora|leader|teamleiter|teamleiterin|teamleitung"
            # the head of a local unit ("Cluster Head", "Store Head"); "Head of X" is a director
            r"|(?:cluster|team|shift|store|branch|site|hub|city|unit|section|depot|warehouse|outlet|plant|area) head"
            r"|gruppenleiter|gruppenleiterin|filialleiter|filialleiterin|responsable|gerente|jefe|jefa"
            r"|chef d equipe|chef de service|chef de rayon|encargado|encargada) "
        ),
    ),
    ("principal", re.compile(r" (?:principal|distinguished|fellow) ")),
    ("staff", re.compile(r" staff ")),
    ("senior", re.compile(r" (?:senior|sr|snr|lead) ")),
    (
        "junior",
        re.compile(
            r" (?:junior|jr|entry level|graduate|new grad|early career|trainee|debutant|debutante|berufseinsteiger"
            r"|berufseinsteigerin) "
        ),
    ),
    ("mid", re.compile(r" (?:mid level|intermediate|experienced|confirme|confirmee) ")),
)
IC_ORDER = ("intern", "junior", "mid", "senior", "staff", "principal")
# "Senior / Staff Engineer", "Junior or Mid-level": alternatives, the lower is the level.
ALTERNATIVES = re.compile(r"\S\s*(?:/|\bor\b|\bou\b|\boder\b|\bo\b)\s*\S", re.IGNORECASE)

# Ladder level at the end of a title part ("Engineer II", "Analyst 3", "Engineer - 2") or right after the role noun
# ("Software Development Engineer III DevOps"). Steps I-III read junior, mid, senior everywhere; what IV or V
# mean differs from one company's ladder to the next (senior, staff, principal), so they state no level.
LADDER = re.compile(r"(?:^|\s)(I{1,3}|IV|V|[1-5])\s*$")
LADDER_LEVELS = {"I": "junior", "1": "junior", "II": "mid", "2": "mid", "III": "senior", "3": "senior"}
LADDER_STEP = r"(?P<step>i{1,3}|iv|v|[1-5])"

# Words that make up a title part that only qualifies the role ("(Senior)", "- II", "(m/w/d)", "Summer 2025").
QUALIFIER_WORDS = frozenset(
    str.split(
        "senior sr snr junior jr lead staff principal mid level entry intern internship i ii iii iv v 1 2 3 4 5 m w d f h"
        " x all levels summer fall winter spring 2024 2025 2026 2027 contract contractor temporary part full time"
        " remote hybrid onsite stage stages stagiaire alternance alternant werkstudent werkstudentin praktikum"
        " praktikant praktikantin becario becaria practicas cdi cdd freelance vollzeit teilzeit in de fin d etudes"
        " mois months month 6 12"
    )
)

# A level stated in the description when the title states none.
_LEVEL_WORDS = (
    r"(?:entry[\s-]level|junior|mid[\s-]level|intermediate|senior[\s-]level|senior|staff[\s-]level"
    r"|principal[\s-]level|executive[\s-]level|director[\s-]level|early[\s-]career)"
)
_LEVEL_WORD = f"(?P<level>{_LEVEL_WORDS})"
# Prefilter: every match ends with a level word.
STATED_LEVEL = Prefiltered(
    re.compile(
        r"\b(?:(?:this\s+is\s+an?|this\s+(?:role|position|job)\s+is\s+an?|(?:looking\s+for|hiring|seeking)\s+an?)\s+"
        rf"(?={_LEVEL_WORDS}\s+(?:role|position|opportunity|job|hire|candidate|individual\s+contributor)\b)"
        r"|(?:seniority|experience|career)\s+level\s*:\s*"
        rf"|(?={_LEVEL_WORDS}\s+(?:role|position|opportunity)\b))"
        rf"{_LEVEL_WORD}",
        re.IGNORECASE,
    ),
    (
        "entry",
        "junior",
        "mid",
        "intermediate",
        "senior",
        "staff",
        "principal",
        "executive",
        "director",
        "early",
    ),
)
STATED_LEVEL_NAMES = {
    "entry": "junior", "junior": "junior", "mid": "mid", "intermediate": "mid", "senior": "senior",
    "staff": "staff", "principal": "principal", "executive": "executive", "director": "director", "early": "junior",
}  # fmt: skip
# The role manages people: "Lead and manage a team of Collection Executives", "5 direct reports", "Builds, hires,
# and leads a high-performing team", "Lead and develop teams of 10+". Not "3+ years of managing a team" (a
# requirement), "lead the team's design reviews" or "mentor junior engineers" (a senior engineer does those).
_TEAM = r"(?:a|the|your|our)\s+(?:[\w-]+\s+){0,3}?teams?(?!['’\w])"
_COUNT = r"(?:\d+\+?|several|multiple|two|three|four|five|six|seven|eight|nine|ten)"
# `(?=[...])` first: the first letters of the alternatives below (lead, manage, supervise, as/you/this/the,
# hire, build, a count, people); one look at a letter is cheaper than trying each alternative at every word (~2x).
MANAGES_PEOPLE = re.compile(
    r"(?=[lmsaythbp\d])(?:"
    r"\b(?:lead|leading)\s+and\s+manag(?:e|ing)\s+(?:a|the|your)\s+team\b"
    r"|\bmanag(?:e|ing)\s+(?:a|the|your)\s+team\s+of\b"
    # "lead a remote team of 50+ freelancers", "supervise a team of 8 technicians"
    rf"|\b(?:lead|leads|leading|manage|manages|managing|supervise|supervises|supervising)\s+(?:a|the|your)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?team\s+of\s+{_COUNT}"
    # the role is called a people manager: "As a first-line manager ...", "this is a people manager role"
    r"|\b(?:as\s+an?|you\s+(?:are|will\s+be)\s+an?|you['’]ll\s+be\s+an?|(?:this|the)\s+(?:role|position|job)\s+is\s+an?|this\s+is\s+an?)\s+"
    r"(?:first[\s-]line|front[\s-]?line|line|people)[\s-]+manag(?:er|ement)\b"
    r"|\b(?:lead|leads|leading|manage|manages|managing)\s+(?:and\s+(?:develop|grow|coach|mentor)s?\s+)?teams?\s+of\s+"
    r"(?:\d+|several|multiple|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|\bhir(?:e|es|ing)\s*,?\s+(?:and\s+)?(?:lead|leads|leading|manage|manages|managing)\s+(?:and\s+\w+\s+)?"
    rf"(?:{_TEAM}|(?:a|the|your)\s+(?:[\w-]+\s+){{0,2}}?(?:staff|organization|organisation|function))\b"
    r"|\bbuild(?:s|ing)?\s*,?\s+(?:hire(?:s)?\s*,?\s+)?and\s+(?:lead|leads|leading|manage|manages|managing)\s+"
    rf"{_TEAM}\b"
    r"|\b(?:\d+|several|multiple)\s+direct\s+reports\b|\bpeople\s+management\s+(?:responsibilit\w+|experience\s+required)"
    r")",
    re.IGNORECASE,
)
# A requirement about past work, not this role: "3+ years of managing a team of 5", "experience leading a team of".
PAST_MANAGEMENT = re.compile(
    r"(?:\byears?|\bexperience|\bbackground|\btrack\s+record|\bhistory)\s+(?:of\s+|in\s+|with\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# The description names the hire with a level: "As Senior Applications Engineer you will ...", "As our Lead
# Designer, you'll ...". The named role is read like a title (so "As a Product Manager, you will" states none).
STATED_ROLE = re.compile(
    r"\b[Aa]s\s+(?:an?\s+|our\s+|the\s+)?(?P<role>(?:[A-Z][\w.&/-]*\s+){1,5}?[A-Z][\w.&/-]*)\s*,?\s+"
    r"(?:[^.;:!?\n]{0,60}?\s)?you(?:['’]ll|\s+will|['’]re|\s+are|\s+would|\s+can)\b",
)

# The hire the description names is a C-level officer ("We are looking for an experienced and strategic Chief
# Information Security Officer (CISO)"): an executive, whatever the title calls it ("Head of Security"). Not a
# person the role reports to or works with ("reporting to our CTO", "partner with the CFO").
HIRES_EXECUTIVE = re.compile(  # `(?=[lhsr])`: the first letters of looking, hiring, seeking, searching, recruiting
    r"(?=[lhsr])\b(?:looking\s+for|hiring|seeking|searching\s+for|recruiting)\s+(?:an?|our)\s+(?:first\s+)?"
    r"(?:(?!(?:who|with|to|for|that|reporting|report|work|partner|under)\b)[\w-]+\s+){0,4}?"
    r"(?:chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|c[etofimrs]o|ciso|vice\s+president|svp|evp)(?![\w'’-])",
    re.IGNORECASE,
)
