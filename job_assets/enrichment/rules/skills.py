"""Skills from a curated vocabulary: canonical short names and the spellings postings use for them.

The same vocabulary canonicalises the LLM's free-text skills ("ReactJS" -> "React", "k8s" -> "Kubernetes"), so
both backends produce the same names. Words that are also ordinary English (Go, C, R, Spark, Swift, Excel) only
count in a form that cannot be prose (case-sensitive, or inside a list for one-letter names).
"""

from __future__ import annotations

import re

from job_assets.enrichment.rules.keywords import folded

# canonical name -> aliases matched case-insensitively (the canonical name itself is always one).
VOCABULARY: dict[str, tuple[str, ...]] = {
    # languages
    "Python": ("python3", "python 3"),
    "Java": (),
    "JavaScript": ("js", "ecmascript", "es6"),
    "TypeScript": (),
    "Go": ("golang",),
    "Rust": (),
    "Swift": (),
    "C": (),
    "R": (),
    "C++": ("cpp",),
    "C#": ("c-sharp", "csharp"),
    "Ruby": (),
    "PHP": (),
    "Scala": (),
    "Kotlin": (),
    "Objective-C": ("objc",),
    "Elixir": (),
    "Erlang": (),
    "Haskell": (),
    "Clojure": (),
    "OCaml": (),
    "Perl": (),
    "Dart": (),
    "MATLAB": (),
    "Solidity": (),
    "Bash": ("shell scripting", "bash scripting"),
    "PowerShell": (),
    "SQL": (),
    "HTML": ("html5",),
    "CSS": ("css3",),
    # frameworks and libraries
    "React": ("react.js", "reactjs"),
    "React Native": (),
    "Vue": ("vue.js", "vuejs"),
    "Angular": ("angularjs",),
    "Svelte": (),
    "Next.js": ("nextjs",),
    "Node.js": ("nodejs", "node js"),
    "Express": ("express.js", "expressjs"),
    "Django": (),
    "Flask": (),
    "FastAPI": (),
    "Ruby on Rails": ("ruby-on-rails", "rails 7"),
    "Spring Boot": ("spring framework",),
    ".NET": ("dotnet", ".net core", "asp.net"),
    "Laravel": (),
    "Tailwind": ("tailwindcss", "tailwind css"),
    "GraphQL": (),
    "gRPC": (),
    "Redux": (),
    "jQuery": (),
    "Pandas": (),
    "NumPy": (),
    "PyTorch": (),
    "TensorFlow": (),
    "JAX": (),
    "scikit-learn": ("sklearn", "scikit learn"),
    "Keras": (),
    "Hugging Face": ("huggingface", "hugging face transformers"),
    "LangChain": (),
    "Jest": (),
    "Cypress": (),
    "Selenium": (),
    "Playwright": (),
    # data
    "PostgreSQL": ("postgres",),
    "MySQL": (),
    "SQLite": (),
    "MongoDB": ("mongo",),
    "Redis": (),
    "Elasticsearch": ("elastic search", "opensearch"),
    "Cassandra": (),
    "DynamoDB": (),
    "ClickHouse": (),
    "Snowflake": (),
    "BigQuery": (),
    "Redshift": (),
    "Databricks": (),
    "DuckDB": (),
    "Kafka": ("apache kafka",),
    "RabbitMQ": (),
    "Spark": ("apache spark", "pyspark"),
    "Flink": ("apache flink",),
    "Hadoop": (),
    "Airflow": ("apache airflow",),
    "Dagster": (),
    "dbt": (),
    "Trino": ("presto",),
    "Tableau": (),
    "Looker": (),
    "Power BI": ("powerbi",),
    "Excel": ("microsoft excel",),
    # infrastructure
    "AWS": ("amazon web services",),
    "GCP": ("google cloud", "google cloud platform"),
    "Azure": ("microsoft azure",),
    "Docker": (),
    "Kubernetes": ("k8s",),
    "Terraform": (),
    "Ansible": (),
    "Helm": (),
    "Linux": (),
    "Git": (),
    "CI/CD": ("ci / cd", "continuous integration"),
    "Jenkins": (),
    "GitHub Actions": (),
    "Prometheus": (),
    "Grafana": (),
    "Datadog": (),
    "Nginx": (),
    "Microservices": ("microservice",),
    # fields and platforms
    "Machine Learning": ("ml",),
    "Deep Learning": (),
    "NLP": ("natural language processing",),
    "Computer Vision": (),
    "LLMs": ("llm", "large language models", "large language model"),
    "MLOps": (),
    "iOS": (),
    "Android": (),
    "CUDA": (),
    "Unity": (),
    "Unreal Engine": ("unreal engine 5",),
    "Figma": (),
    "Salesforce": (),
    "HubSpot": (),
    "Jira": (),
    "SEO": (),
}

# Ordinary English words too ("swift decisions", "excel at"): only the capitalised name counts; their
# unambiguous aliases ("pyspark", "microsoft excel") are matched like any other.
_CASE_SENSITIVE = {"Spark", "Swift", "Excel", "Unity", "Dart", "Helm", "Express", "Rust", "Flask"}
# So short they only count inside a list ("C, C++ and Go", "R/Python"); "golang" counts anywhere.
_LIST_ONLY = {"C", "R", "Go"}

_ALIAS_TO_CANONICAL: dict[str, str] = {}
for _canonical, _aliases in VOCABULARY.items():
    for _alias in (_canonical, *_aliases):
        _ALIAS_TO_CANONICAL[_alias.lower()] = _canonical


def _trie(words: list[str]) -> str:
    """One regex for many words, factored by common prefixes: Python's engine tries a flat alternation of
    hundreds of words one by one at every position, a trie only follows the letters present."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return (
            f"(?:{body})?" if "" in node else body
        )  # greedy: the longer word first, the shorter on backtrack

    return build(root)


def _pattern(aliases: list[str], flags: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w+#.])(?:{_trie(aliases)})(?![\w+#]|\.\w)", flags)


_SPECIAL = _CASE_SENSITIVE | _LIST_ONLY
# The lower-case aliases, matched case-sensitively on the `folded` text: the same matches as `re.IGNORECASE` on the
# text (folding keeps every offset and what is a word character), and each word start compares letters directly
# instead of trying every first letter of the trie case-insensitively (~2x faster).
_INSENSITIVE = _pattern(
    [alias for alias, canonical in _ALIAS_TO_CANONICAL.items() if alias not in {s.lower() for s in _SPECIAL}],
    0,
)
_SENSITIVE = _pattern(sorted(_CASE_SENSITIVE), 0)
# `(?=[CRG])` first: every match starts with one of these letters, and one look at a letter is much cheaper than
# trying each lookbehind at every position of the text (same matches, ~8x faster).
_LIST_CONTEXT = re.compile(
    r"(?=[CRG])(?:"
    r"(?:(?<=, )|(?<=,)|(?<=/)|(?<=\()|(?<= and )|(?<= or ))(?P<a>C|R|Go)(?![\w+#])"
    r"|(?<![\w+#.-])(?P<b>C|R|Go)(?=,|/|\)| and | or )"
    r")"
)


def canonical_skill(name: str) -> str:
    """The vocabulary's name for `name` when it knows it; otherwise the name as given, whitespace-normalised."""
    cleaned = " ".join(name.split())
    return _ALIAS_TO_CANONICAL.get(cleaned.lower(), cleaned)


def extract_skills(text: str | None) -> list[str]:
    """Vocabulary skills mentioned in the text, in order of first mention."""
    if not text:
        return []
    found: list[tuple[int, str]] = []
    for match in _INSENSITIVE.finditer(folded(text)):
        found.append((match.start(), _ALIAS_TO_CANONICAL[match.group(0)]))
    for match in _SENSITIVE.finditer(text):
        found.append((match.start(), _ALIAS_TO_CANONICAL[match.group(0).lower()]))
    for match in _LIST_CONTEXT.finditer(text):
        found.append((match.start(), match.group("a") or match.group("b")))
    seen: dict[str, None] = {}
    for _, skill in sorted(found):
        seen.setdefault(skill, None)
    return list(seen)
