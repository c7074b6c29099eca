"""Employment-type words in the languages boards use -> the schema's vocabulary, in one table.

Used on ATS values (Lever commitment "CDI", "Stage de fin d'études", "Werkstudent"; Ashby "FullTime"; a
Greenhouse custom field "Permanent - Full Time") and, by the rules, on titles and stated text. Checked in the
table's order, so the more specific type wins: "Full-time Internship" is an internship, "Part-time Contractor" a
contract, "Fixed-term contract" (FTC, CDD, befristet) temporary employment, not a contractor. Text is compared word by word with accents, case and hyphens folded
("Prácticas" = "practicas", "Full-Time" = "full time", "FullTime" = "full time"), so "temps plein" is never "temp"
and "unbefristet" never "befristet".
"""

from __future__ import annotations

import re
import unicodedata

from job_assets.parsing.schema import EMPLOYMENT_TYPES

# Words that mean a type in any text (titles, stated prose, ATS values).
EMPLOYMENT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "intern",
        (
            "intern", "interns", "internship", "internships", "co op", "coop", "apprentice", "apprenticeship",
            "werkstudent", "werkstudentin", "working student", "stagiaire", "alternance", "alternant",
            "alternante", "apprenti", "apprentie", "apprentissage", "praktikum", "praktikant", "praktikantin",
            "pflichtpraktikum", "ausbildung", "azubi", "becario", "becaria", "practicas", "pasante", "pasantia",
            "aprendiz", "tirocinio", "stagista", "stage de fin d etudes",
        ),
    ),
    (
        "temporary",
        (
            "temporary", "temp", "fixed term", "fixed term contract", "ftc", "seasonal", "maternity cover", "parental leave cover", "interim",
            "befristet", "zeitarbeit", "aushilfe", "saisonal", "sustitucion", "tempo determinato",
        ),
    ),
    (
        "contract",
        (
            "contract", "contractor", "freelance", "freelancer", "independent contractor", "1099", "c2c",
            "corp to corp", "portage salarial", "auto entrepreneur", "freiberuflich", "freie mitarbeit",
            "freier mitarbeiter", "werkvertrag", "autonomo", "por obra", "contratista",
        ),
    ),
    (
        "part_time",
        (
            "part time", "parttime", "temps partiel", "mi temps", "teilzeit", "tiempo parcial", "medio tiempo",
            "media jornada", "jornada parcial", "minijob", "tempo parziale",
        ),
    ),
    (
        "full_time",
        (
            "full time", "fulltime", "permanent", "temps plein", "temps complet", "vollzeit",
            "festanstellung", "unbefristet", "tiempo completo", "jornada completa", "indefinido", "tempo pieno",
            "tempo indeterminato",
        ),
    ),
)  # fmt: skip

# Words that name a type only as a label's value (an ATS field, "Tipo de contrato: Temporal"): in English prose
# "regular" or "temporal" mean something else.
# "Trainee" is no such word: a trainee programme is a salaried entry-level job (India's "Trainee", Germany's
# "Trainee-Programm", the UK's "Graduate Trainee"), not an internship; it states a level (junior), not a type.
LABEL_ONLY_WORDS: dict[str, tuple[str, ...]] = {
    "intern": ("practica",),
    "temporary": ("temporal", "fixedterm", "eventual"),
    "full_time": ("regular", "salaried", "employee", "indefinida", "perm", "fte"),
}
# French words that are English words or acronyms too ("Stage Manager", "CDI Specialist" in healthcare): read in
# French text and in labels only.
FRENCH_ONLY_WORDS: dict[str, tuple[str, ...]] = {
    "intern": ("stage", "stages"),
    "temporary": ("cdd",),
    "full_time": ("cdi",),
}

assert sorted(kind for kind, _ in EMPLOYMENT_WORDS) == sorted(EMPLOYMENT_TYPES)

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_PUNCT = re.compile(r"[^\w]+|_")


def fold(text: str) -> str:
    """Lowercase ASCII words separated by single spaces: accents, case, hyphens and camel case folded."""
    text = _PUNCT.sub(
        " ", _CAMEL.sub(" ", text)
    )  # before dropping non-ASCII: "l’Approvisionnement" is two words
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " " + _NON_WORD.sub(" ", text.lower()).strip() + " "


def _compile(words: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    return {
        kind: re.compile(" (?:" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) + ") ")
        for kind, ws in words.items()
    }


_FULL_HOURS = _compile(
    {"full_time": ["full time", "fulltime", "temps plein", "vollzeit", "tiempo completo"]}
)["full_time"]
_ANY_TEXT = _compile({kind: list(words) for kind, words in EMPLOYMENT_WORDS})
_LABEL = _compile(
    {
        kind: [*words, *LABEL_ONLY_WORDS.get(kind, ()), *FRENCH_ONLY_WORDS.get(kind, ())]
        for kind, words in EMPLOYMENT_WORDS
    }
)
_FRENCH = _compile({kind: [*words, *FRENCH_ONLY_WORDS.get(kind, ())] for kind, words in EMPLOYMENT_WORDS})


def kinds_in_words(text: str, *, label: bool = False, french: bool = False) -> list[str]:
    """Every type named in `text`, in the table's order."""
    folded = fold(text)
    table = _LABEL if label else _FRENCH if french else _ANY_TEXT
    return [kind for kind, pattern in table.items() if pattern.search(folded)]


def kind_of_value(value: str, text: str | None) -> str | None:
    """An ATS value, with the posting's text to choose when the value names two types ("Temporary/Contract"):
    the one of them the text names alone ("Are you a Freelancer or Private Individual?" -> contract). "Full-time
    or part-time" keeps `kind_in_words`'s reading (the text naming hours decides nothing); with no text, or a text
    that names both or neither, the table's order decides."""
    kinds = kinds_in_words(value, label=True)
    candidates = [kind for kind in kinds if kind != "full_time"]
    if len(candidates) > 1 and text:
        named = [kind for kind in candidates if kind in kinds_in_words(text)]
        if len(named) == 1:
            return named[0]
    return kind_in_words(value, label=True)


def kind_in_words(text: str, *, label: bool = False, french: bool = False) -> str | None:
    """The first type (in the table's order) named in `text`. `label`: text is a field's value (an ATS
    commitment, "Type de contrat: ..."); `french`: the posting is French. "Full-time or part-time" is full-time
    (part-time is then an option, not the job); "Permanent, part-time" is part-time."""
    folded = fold(text)
    table = _LABEL if label else _FRENCH if french else _ANY_TEXT
    found = [kind for kind, pattern in table.items() if pattern.search(folded)]
    if not found:
        return None
    if found == ["part_time", "full_time"] and _FULL_HOURS.search(folded):
        return "full_time"
    return found[0]
