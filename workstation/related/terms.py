"""Salient terms of a draft: what the story is about, weighted by field and rarity (tf-idf)."""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from workstation.domain.article import Article
from workstation.related.stopwords import STOP_WORDS

# The index's tokenizer; the stemmer below uses the same one, so draft terms meet index terms.
TOKENIZER = "porter unicode61 remove_diacritics 2"

# A term in the headline or the tags says more about the story than one in the body.
HEADLINE_WEIGHT = 3.0
TAGS_WEIGHT = 3.0
STANDFIRST_WEIGHT = 2.0
LEDE_WEIGHT = 1.5  # news puts the story in its first paragraph(s)
BODY_WEIGHT = 1.0
LEDE_WORDS = 60
MIN_SIGNAL = 1.5  # one mention in the body alone is not enough to make a term salient

_WORD = re.compile(r"[^\W_]+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_MARKUP = re.compile(r"<[^>]{0,200}>|&[a-z]+;|&#\d+;")
# Clause breaks: a phrase never spans them. A curly apostrophe inside a word is not a break.
_CLAUSE = re.compile(r"[.,;:!?()\[\]{}\"“”‘—–|/\n]+|’(?!\w)|(?<!\w)’|\s-\s")


@dataclass(frozen=True)
class QueryTerm:
    """A salient word (or two-word phrase) of the draft, as the archive query uses it."""

    stems: tuple[str, ...]
    """Index terms: one stem, or two for a phrase such as ('integr', 'care')."""
    words: tuple[str, ...]
    """The words as written (lower case), for the FTS5 query."""
    label: str
    """How the reasons show it: 'integrated care', 'NHS England'."""
    weight: float
    df: int
    """Archive stories holding it (an upper bound for phrases)."""
    cost: int = 0
    """Postings the query reads for it (a phrase reads every word's): what latency follows."""
    column: str = ""
    """Search only this column (draft tags look in the archive's tags)."""

    @property
    def is_phrase(self) -> bool:
        return len(self.stems) > 1


def clean_text(markdown_text: str) -> str:
    """Markdown without link targets, URLs or HTML: the words a reader reads."""
    text = _LINK_TARGET.sub("]", markdown_text)
    text = _URL.sub(" ", text)
    return _MARKUP.sub(" ", text)


def clauses(text: str) -> list[list[str]]:
    """Text as clauses of words (original case); phrases are looked for within a clause."""
    result = []
    for part in _CLAUSE.split(text):
        found = _WORD.findall(part)
        if found:
            result.append(found)
    return result


def is_content_word(word: str) -> bool:
    """Not a stop word, not a bare number, not a single letter."""
    lower = word.lower()
    return len(lower) > 1 and not lower.isdigit() and lower not in STOP_WORDS


def weighted_clauses(article: Article) -> list[tuple[list[str], float]]:
    """Every clause of the article with the weight of the field it is in."""
    parts: list[tuple[list[str], float]] = []
    fields = ((article.headline, HEADLINE_WEIGHT), (article.standfirst, STANDFIRST_WEIGHT))
    for text, weight in fields:
        parts.extend((clause, weight) for clause in clauses(text))
    for tag in article.tags:
        parts.extend((clause, TAGS_WEIGHT) for clause in clauses(tag))
    seen = 0
    for clause in clauses(clean_text(article.body)):
        parts.append((clause, LEDE_WEIGHT if seen < LEDE_WORDS else BODY_WEIGHT))
        seen += len(clause)
    return parts


class Stemmer:
    """Maps words to index terms with SQLite's own FTS5 tokenizer (no second stemmer to drift).

    Holds a private in-memory database; thread-safe; remembers what it has stemmed.
    """

    MAX_CACHE = 200_000

    def __init__(self) -> None:
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        self._conn.execute(f"CREATE VIRTUAL TABLE words USING fts5(w, tokenize = '{TOKENIZER}')")
        self._conn.execute("CREATE VIRTUAL TABLE terms USING fts5vocab(words, 'instance')")
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()

    def stems(self, words: Iterable[str]) -> dict[str, str]:
        """Lower-case word -> index term, for every word given (a word without one maps to '')."""
        wanted = {word.lower() for word in words}
        with self._lock:
            missing = [word for word in wanted if word not in self._cache]
            if missing:
                if len(self._cache) > self.MAX_CACHE:
                    self._cache.clear()
                self._conn.executemany(
                    "INSERT INTO words (rowid, w) VALUES (?, ?)", enumerate(missing, start=1)
                )
                found: dict[int, str] = {}
                for doc, term in self._conn.execute("SELECT doc, term FROM terms ORDER BY offset"):
                    found.setdefault(doc, term)
                self._conn.execute("DELETE FROM words")
                for number, word in enumerate(missing, start=1):
                    self._cache[word] = found.get(number, "")
            return {word: self._cache[word] for word in wanted}

    def close(self) -> None:
        self._conn.close()


def idf(df: int, n_docs: int) -> float:
    """BM25's inverse document frequency (always positive)."""
    return math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))


def _label(forms: Counter[str]) -> str:
    """Lower case unless the draft capitalises it mid-sentence too (names, acronyms).

    Forms seen first in a clause are recorded with a leading '^' (their capital proves nothing).
    """
    inner = Counter({form: n for form, n in forms.items() if not form.startswith("^")})
    if inner and all(form[:1].isupper() for form in inner):
        return inner.most_common(1)[0][0]
    best = (inner or forms).most_common(1)[0][0].lstrip("^")
    return best if best.isupper() and len(best) > 1 else best.lower()


def salient_terms(
    article: Article,
    stemmer: Stemmer,
    doc_freq: Callable[[str], int],
    n_docs: int,
    max_terms: int = 14,
    max_phrases: int = 4,
    prefetch: Callable[[set[str]], None] | None = None,
) -> list[QueryTerm]:
    """The draft's most telling terms: field-weighted tf times archive idf, phrases first-class.

    Words absent from the archive cannot find anything and are dropped; so are words in more
    than half the archive (unless it is tiny), which find everything.
    """
    parts = weighted_clauses(article)
    distinct = {word for clause, _ in parts for word in clause}
    content = [word for word in distinct if is_content_word(word)]
    stem_of = stemmer.stems(content)
    stem_for = dict.fromkeys(distinct, "")
    stem_for.update((word, stem_of[word.lower()]) for word in content)
    unigram_tf: dict[str, float] = defaultdict(float)
    bigram_tf: dict[tuple[str, str], float] = defaultdict(float)
    forms: dict[str, list[str]] = defaultdict(list)
    phrase_forms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for clause, weight in parts:
        previous = ""
        previous_form = ""
        for position, word in enumerate(clause):
            stem = stem_for[word]
            if not stem:
                previous = ""
                continue
            form = word if position else "^" + word
            unigram_tf[stem] += weight
            forms[stem].append(form)
            if previous:
                pair = (previous, stem)
                bigram_tf[pair] += weight
                phrase_forms[pair].append(f"{previous_form} {word}")
            previous, previous_form = stem, form

    # Words said once in the body (most of them) are rarely what a story is about; looking up
    # a frequency reads the term's postings, so they are considered only for a short draft.
    telling = [stem for stem, tf in unigram_tf.items() if tf >= MIN_SIGNAL]
    considered = telling if len(telling) >= max_terms else list(unigram_tf)
    if prefetch is not None:  # one batched look-up before the one-by-one use below
        prefetch(set(considered))
    limit = n_docs if n_docs < 20 else n_docs // 2  # a tiny archive: every word may help
    scored: list[tuple[float, str, int]] = []  # (weight, stem, df); terms made for the best
    for stem in considered:
        df = doc_freq(stem)
        if 0 < df <= limit:
            scored.append(((1.0 + math.log(unigram_tf[stem])) * idf(df, n_docs), stem, df))
    strong = [item for item in scored if unigram_tf[item[1]] >= MIN_SIGNAL]
    if len(strong) >= max_terms // 2:
        scored = strong
    scored.sort(key=lambda item: item[0], reverse=True)
    terms = []
    for weight, stem, df in scored[:max_terms]:
        label = _label(Counter(forms[stem]))
        terms.append(QueryTerm((stem,), (label.lower(),), label, weight, df, cost=df))

    phrases: list[QueryTerm] = []
    for pair, tf in bigram_tf.items():
        if tf < 2.0 or pair[0] == pair[1]:
            continue
        df_a, df_b = doc_freq(pair[0]), doc_freq(pair[1])
        if df_a == 0 or df_b == 0:
            continue
        label = _label(Counter(phrase_forms[pair]))
        weight = (1.0 + math.log(tf)) * (idf(df_a, n_docs) + idf(df_b, n_docs)) * 0.75
        words = tuple(label.lower().split())
        phrases.append(QueryTerm(pair, words, label, weight, min(df_a, df_b), df_a + df_b))
    phrases.sort(key=lambda term: term.weight, reverse=True)
    return sorted(terms + phrases[:max_phrases], key=lambda term: term.weight, reverse=True)


def tag_terms(
    tags: Sequence[str],
    stemmer: Stemmer,
    doc_freq: Callable[[str], int],
    prefetch: Callable[[set[str]], None] | None = None,
) -> list[QueryTerm]:
    """The draft's tags as phrases to look for in the archive's tags column."""
    phrases = [tuple(word.lower() for word in _WORD.findall(tag)) for tag in tags]
    stem_of = stemmer.stems(word for words in phrases for word in words)
    if prefetch is not None:
        prefetch(set(stem_of.values()) - {""})
    found = []
    for tag, words in zip(tags, phrases, strict=True):
        if not words:
            continue
        stems = tuple(stem_of[word] for word in words)
        dfs = [doc_freq(stem) for stem in stems if stem]
        if dfs and min(dfs) > 0:
            found.append(QueryTerm(stems, words, tag, 0.0, min(dfs), sum(dfs), column="tags"))
    return found
