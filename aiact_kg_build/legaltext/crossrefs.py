"""Find the explicit cross-references in the text of the Regulation (a build-time tool).

A reference is a phrase such as "Article 6(2)", "points (a) and (b) of Article 16",
"Annex III, point 1", "paragraph 1, point (a)" (relative to the citing article) or
"Regulation (EU) 2017/745". :func:`find_references` returns, for each phrase, the local names of
the provisions of this Regulation it names (resolved against the citing provision) or the ELI of
the other act it names. Phrases that name a provision of *another* act ("Article 4 of Regulation
(EU) 2016/679") link to that act, never to our own article of the same number. Nothing here reads
files or the network; the caller passes the set of known local names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from aiact_kg.legal.citation import ORDINALS, split_brackets
from aiact_kg_build.legaltext.eurlex import Provision

_ORD = "|".join(ORDINALS)
_AND = r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+to\s+|\s+and/or\s+)"
_PAREN = r"\((?:[0-9]+[a-z]?|[a-z]{1,5})\)"
_ART_NUM = rf"\d+[a-z]?(?:\s?{_PAREN})*"
_ROMAN = r"[IVX]+"
_POINT_ITEM = rf"(?:{_PAREN}|\d+(?:\.\d+)*)(?:\s?{_PAREN})*"
_POINTS = rf"{_POINT_ITEM}(?:{_AND}{_POINT_ITEM})*"

# acts: "Regulation (EU) 2017/745", "Regulation (EC) No 300/2008", "Directive 2014/90/EU",
# "Council Framework Decision 2002/584/JHA", "Decision No 768/2008/EC"
_ACT = re.compile(
    r"(?P<kind>Regulation|Directive|Framework Decision|Decision)\s+"
    r"(?:(?:\((?P<series>EU|EC|EEC|EU,\s*Euratom|Euratom)\)\s+)?(?P<no>No\s+)?"
    r"(?P<a>\d{2,4})/(?P<b>\d{1,4})(?:/(?P<suffix>EU|EC|EEC|JHA|CFSP))?)"
)
_EXTERNAL_AFTER = re.compile(
    r",?\s*(?:of|to|in)\s+(?:the\s+)?(?:Council\s+|Commission\s+)?"
    r"(?:Regulation|Directive|Framework Decision|Decision|Treaty|TFEU|TEU|Charter|Protocol|"
    r"Annex\s+(?:[IVX]+\s+)?to\s|"
    r"that\s+(?:Regulation|Directive|Decision|Treaty|Charter|Protocol|Act|act)|"
    r"those\s+(?:Regulations|Directives|acts)|Union harmonisation|Union law|the said)"
    r"|\s*(?:TFEU|TEU)\b"
)
_OF_ACT = re.compile(rf",?\s*of\s+(?:the\s+)?{_ACT.pattern}")
_OF_THAT = re.compile(r",?\s*of\s+that\s+(?:Regulation|Directive|Decision)\b")
_THEREOF = re.compile(r",?\s*thereof\b")
_ARTICLE = re.compile(
    r"\b(?=[ptfseA])"  # cheap first-letter test
    rf"(?:(?P<prepts>points?\s+{_POINTS})\s+of\s+)?"
    rf"(?:(?:the\s+)?(?P<presub>{_ORD})\s+subparagraph\s+of\s+)?"
    rf"Articles?\s+(?P<list>{_ART_NUM}(?:{_AND}(?:(?:Article\s+)?{_ART_NUM}|{_PAREN}))*)"
    rf"(?:,\s*(?P<sub>{_ORD})\s+subparagraph)?"
    rf"(?:,?\s*(?P<postpts>points?\s+{_POINTS}))?"
)
# "points 1 to 10", "points 1 to 5, and points 8 and 9" (Art 49(4)(b): all of Section B)
_SECT_POINTS = rf"points?\s+{_POINTS}(?:,?\s+and\s+points?\s+{_POINTS})?"
_ANNEX = re.compile(
    r"\b(?=[pSstA])"  # cheap first-letter test
    rf"(?:(?P<prepts>points?\s+{_POINTS}),?\s+of\s+)?"
    rf"(?:[Ss]ection\s+(?P<presect>[A-Z])(?:,\s*(?P<sectpts>{_SECT_POINTS}),?)?\s+of\s+)?"
    rf"(?:the\s+)?Annex(?:es)?\s+(?P<list>{_ROMAN}(?:{_AND}{_ROMAN})*)\b"
    rf"(?:,?\s*[Ss]ection\s+(?P<sect>[A-Z])\b)?"
    rf"(?:,?\s*(?P<postpts>points?\s+{_POINTS}))?"
)
_CHAPTER = re.compile(
    r"\b(?=[SC])"  # cheap first-letter test
    r"(?:Section\s+(?P<presect>\d+)\s+of\s+)?"
    rf"Chapters?\s+(?P<list>{_ROMAN}(?:{_AND}{_ROMAN})*)\b"
    rf"(?:,\s*Sections?\s+(?P<sect>\d+(?:{_AND}\d+)*)\b)?"
)
_PAR_NUM = rf"(?:\d+[a-z]?|\(\d+\))(?:{_PAREN})*"  # "paragraph 2(a)", "paragraphs (3) to (9)"
_PARAGRAPH = re.compile(
    r"\b(?=[ptfseP])"  # cheap first-letter test
    rf"(?:(?P<prepts>points?\s+{_POINTS})\s+of\s+)?"
    rf"(?:(?:the\s+)?(?P<presub>{_ORD})\s+subparagraph\s+of\s+)?"
    rf"[Pp]aragraphs?\s+(?P<list>{_PAR_NUM}(?:{_AND}{_PAR_NUM})*)"
    rf"(?:,\s*(?P<sub>{_ORD})\s+subparagraph)?"
    rf"(?:,?\s*(?P<postpts>points?\s+{_POINTS}))?"
    r"(?P<of>\s+of\s+(?:this\s+Article|Article\s+(?P<art>\d+[a-z]?)))?"
)
_POINT = re.compile(
    rf"(?<!\w)(?P<pts>points?\s+{_POINTS})"
    rf"(?:\s+of\s+(?:this\s+paragraph|the\s+(?P<sub>{_ORD})\s+subparagraph)|(?P<thereof>,?\s+thereof))?"
)
_SUBPARAGRAPH = re.compile(rf"\b(?:the\s+)?(?P<sub>{_ORD})\s+subparagraph(?!\s+of\s+Article)")
_SELF_ACT = ("2024", "1689")


@dataclass(frozen=True, slots=True)
class Reference:
    """One phrase of the citing provision and what it names.

    ``targets`` are local names of provisions of this Regulation (``art_6.par_2``); ``acts`` are
    ELIs of other acts; ``external`` marks a phrase naming a provision of another act or treaty
    ("Article 4 of Regulation (EU) 2016/679"). A phrase with no target and no act is unresolved.
    """

    citing: str
    phrase: str
    start: int
    targets: tuple[str, ...]
    acts: tuple[str, ...] = ()
    external: bool = False


def act_eli(match: re.Match[str]) -> str | None:
    """The ELI of the act named by an :data:`_ACT` match (``None`` for this Regulation)."""
    kind, a, b = match["kind"], match["a"], match["b"]
    if match["series"] and not match["no"]:
        year, number = a, b
    elif match["no"]:
        number, year = a, b
    else:  # "Directive 2014/90/EU", "Framework Decision 2002/584/JHA", "Directive 95/46/EC"
        year, number = a, b
    if len(year) == 2:
        year = ("19" if int(year) > 50 else "20") + year
    if (year, number) == _SELF_ACT:
        return None
    typedoc = {"Regulation": "reg", "Directive": "dir", "Decision": "dec"}.get(kind, "dec_framw")
    return f"http://data.europa.eu/eli/{typedoc}/{year}/{int(number)}/oj"


def _split(items: str) -> list[tuple[str, str]]:
    """``"8 to 15"`` -> [("8","to"),("15","")]; keeps the connector after each item."""
    parts = re.split(r"(\s*,\s*(?:and\s+|or\s+)?|\s+and/or\s+|\s+and\s+|\s+or\s+|\s+to\s+)", items)
    out: list[tuple[str, str]] = []
    for index in range(0, len(parts), 2):
        item = re.sub(r"^(?:Article|points?)\s+", "", parts[index].strip())
        connector = parts[index + 1].strip() if index + 1 < len(parts) else ""
        out.append((item, "to" if connector == "to" else ""))
    return out


def _expand(items: str, numeric: bool) -> list[str]:
    """Expand ranges: "8 to 15" -> 8..15; "(a) to (d)" -> (a)..(d); keeps other items."""
    split = _split(items)
    out: list[str] = []
    index = 0
    while index < len(split):
        item, connector = split[index]
        if connector == "to" and index + 1 < len(split):
            end = split[index + 1][0]
            out.extend(_range(item, end, numeric))
            index += 2
            continue
        out.append(item)
        index += 1
    return out


def _chain(item: str) -> tuple[str, list[str]]:
    """``"5(1)(h)"`` -> ("5", ["1", "h"]); ``"(a)(ii)"`` -> ("", ["a", "ii"]).

    Split as citations are (:func:`split_brackets`).
    """
    head, parts = split_brackets(item)
    return head.split("(", 1)[0].strip(), parts


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def _roman(text: str) -> int | None:
    if not text or any(c not in _ROMAN_VALUES for c in text):
        return None
    total = 0
    for char, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def _to_roman(value: int) -> str:
    out = ""
    for number, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out, value = out + letters, value - number
    return out


def _range(start: str, end: str, numeric: bool) -> list[str]:
    """The items of the range "start to end", each written as a full item.

    A range whose end is one bracketed label stays inside the provision its start names:
    "5(2) to (6)" is 5(2), 5(3) ... 5(6) (paragraphs of Article 5, never Articles 5 and 6), and
    "1(a) to (c)" is 1(a), 1(b), 1(c). Between two heads it is a range of heads, the start's
    and the end's labels kept on the first and the last: "8 to 15", "8(1) to 10" (8(1), 9, 10).
    Ends that make no range ("(h) to (2)") are kept as they are.
    """
    (head_a, labels_a), (head_b, labels_b) = _chain(start), _chain(end)
    if labels_a and not head_b and len(labels_b) == 1:  # the end replaces the last label
        prefix = head_a + "".join(f"({label})" for label in labels_a[:-1])
        values = _values(labels_a[-1], labels_b[0])
        return [f"{prefix}({v})" for v in values] if values else [start, end]
    if head_a and head_b and (labels_a or labels_b):
        heads = _values(head_a, head_b, numeric) if head_a.isdigit() else None
        return [start, *heads[1:-1], end] if heads else [start, end]
    values = _values(start, end, numeric)
    return values or [start, end]


def _values(a: str, b: str, numeric: bool = False) -> list[str] | None:
    """The labels from ``a`` to ``b`` (numbers, letters or roman numerals), ``None`` if the
    two make no range. Roman numerals win over letters in capitals (Annexes "V to X") and for
    "i" and "v" in small letters ("(i) to (iv)")."""
    if a.isdigit() and b.isdigit():
        return [str(n) for n in range(int(a), int(b) + 1)]
    if numeric:
        return None
    roman_a, roman_b = _roman(a.lower()), _roman(b.lower())
    if roman_a and roman_b and roman_a < roman_b and (a.isupper() or a in "iv"):
        romans = [_to_roman(n) for n in range(roman_a, roman_b + 1)]
        return [r.upper() for r in romans] if a.isupper() else romans
    if len(a) == 1 and len(b) == 1 and a.isalpha() and b.isalpha() and a < b:
        return [chr(c) for c in range(ord(a), ord(b) + 1)]
    if roman_a and roman_b and roman_a < roman_b:
        return [_to_roman(n) for n in range(roman_a, roman_b + 1)]
    return None


def _points(text: str | None) -> list[list[str]]:
    """``"points (a) and (b)"`` -> [["a"], ["b"]]; ``"point 1(a)"`` -> [["1", "a"]]."""
    if not text:
        return []
    body = re.sub(r"^points?\s+", "", text)
    chains: list[list[str]] = []
    previous: list[str] = []
    for item in _expand(body, numeric=False):
        base, parts = _chain(item.replace(" ", ""))
        head = base.split(".") if base else []
        if not head and previous and len(previous) > len(parts):
            head = previous[: len(previous) - len(parts)]  # "5(b) and (c)": (c) is 5(c)
        chain = head + parts
        chains.append(chain)
        previous = chain
    return chains


class _Resolver:
    def __init__(self, known: Collection[str], citing: str) -> None:
        self.known = known
        self.citing = citing

    def first(self, *candidates: str) -> str | None:
        return next((c for c in candidates if c in self.known), None)

    def below(self, base: str, path: list[str], sub: int | None) -> str | None:
        """Resolve a path of paragraph/point labels under ``base`` (subparagraph optional)."""
        if not path and sub is None:
            return base if base in self.known else None
        heads = [base]
        if sub is not None:
            heads = [f"{base}.sub_{sub}", base] if path else [f"{base}.sub_{sub}"]
        for head in heads:
            local = head
            for label in path:
                local = f"{local}.pnt_{label}"
            if local in self.known:
                return local
        return None

    def article(
        self, number: str, chain: list[str], sub: int | None, pts: list[list[str]]
    ) -> list[str]:
        art = f"art_{number}"
        base = art
        path = list(chain)
        if path and f"{art}.par_{path[0]}" in self.known:
            base, path = f"{art}.par_{path[0]}", path[1:]
        bases = [(base, path)]
        if path and base == art and f"{art}.sub_{path[0]}" in self.known:
            bases.append((art, path[1:]))  # "Article 113(3), point (a)": no numbered paragraphs
        out = []
        for point in pts or [[]]:
            found = next(
                (f for head, rest in bases if (f := self.below(head, rest + point, sub))), None
            )
            numbered = len(point) == 1 and point[0].isdigit() and base != art
            sibling = f"{art}.par_{point[0]}" if numbered else ""
            if found is None and sibling in self.known:
                found = sibling  # "Article 5(1), ..., point (h), (2) to (6)": paragraphs 2-6
            if found:
                out.append(found)
        return out

    def annex(self, numeral: str, section: str | None, pts: list[list[str]]) -> list[str]:
        base = f"anx_{numeral}"
        if section:
            base = self.first(f"{base}.sct_{section}") or base
        if not pts:
            return [base] if base in self.known else []
        out = []
        for point in pts:
            prefix = f"anx_{numeral}.sct_"
            sections = sorted(
                s for s in self.known if s.startswith(prefix) and "." not in s[len(prefix) :]
            )
            candidates = [base, f"anx_{numeral}", *sections]
            for head in candidates:
                local = head + "".join(f".pnt_{label}" for label in point)
                if local in self.known:
                    out.append(local)
                    break
        return out

    def ancestors(self) -> list[str]:
        parts = self.citing.split(".")
        return [".".join(parts[:n]) for n in range(len(parts), 0, -1)]

    def paragraph_of_citing(self) -> str | None:
        return next((a for a in self.ancestors() if re.search(r"\.par_\w+$", a)), None)

    def relative_points(
        self, pts: list[list[str]], sub: int | None, context: tuple[str, ...] = ()
    ) -> list[str]:
        heads = self.ancestors() if not context else []
        for target in context:
            parts = target.split(".")
            heads += [".".join(parts[:n]) for n in range(len(parts), 0, -1)]
        if context:
            heads += self.ancestors()
        out = []
        for point in pts:
            for head in heads:
                if sub is not None:
                    head = f"{head}.sub_{sub}"
                local = head + "".join(f".pnt_{label}" for label in point)
                if local in self.known and local != self.citing:
                    out.append(local)
                    break
        return out


def find_references(
    citing: str, text: str, known: Collection[str], amended_act: str | None = None
) -> list[Reference]:
    """Every explicit reference in ``text`` (the citing provision's own words), resolved.

    ``amended_act`` is the ELI of the act an amending article (Articles 102 to 110) amends:
    there "Article 17" or "paragraph 2" name provisions of that act, not of this Regulation.
    """
    return _Finder(citing, text, known, amended_act).run()


class _Finder:
    """One pass over one provision's words: acts first, then articles, annexes, paragraphs,
    points and subparagraphs, each phrase taken once (the longest, earliest pattern wins)."""

    def __init__(
        self, citing: str, text: str, known: Collection[str], amended_act: str | None
    ) -> None:
        self.citing, self.text, self.amended_act = citing, text, amended_act
        self.resolver = _Resolver(known, citing)
        self.article_of_citing = citing.split(".")[0]
        self.taken: list[tuple[int, int]] = []
        self.refs: list[Reference] = []

    def run(self) -> list[Reference]:
        for match in _ACT.finditer(self.text):
            eli = act_eli(match)
            if eli:
                self.add(match, [], [eli], False)
        passes: list[tuple[re.Pattern[str], Callable[[re.Match[str]], None]]] = [
            (_ARTICLE, self.on_article),
            (_ANNEX, self.on_annex),
            (_CHAPTER, self.on_chapter),
            (_PARAGRAPH, self.on_paragraph),
            (_POINT, self.on_point),
            (_SUBPARAGRAPH, self.on_subparagraph),
        ]
        for pattern, handler in passes:
            for match in pattern.finditer(self.text):
                if self.free(*match.span()):
                    handler(match)
        return sorted(self.refs, key=lambda r: r.start)

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.taken)

    def add(
        self, match: re.Match[str], targets: list[str], acts: list[str], external: bool
    ) -> None:
        if self.amended_act and not _ACT.match(match.group(0)) and not self.names_self(match):
            targets, acts, external = [], [self.amended_act], True
        self.taken.append(match.span())
        self.refs.append(
            Reference(
                self.citing,
                match.group(0),
                match.start(),
                tuple(dict.fromkeys(targets)),
                tuple(dict.fromkeys(acts)),
                external,
            )
        )

    def next_act(self, end: int) -> list[str]:
        act = _ACT.search(self.text, end, min(len(self.text), end + 120))
        if act is None and _OF_THAT.match(self.text, end):
            act = self.antecedent(end)
        eli = act_eli(act) if act else None
        return [eli] if eli else []

    def principal_act(self, start: int) -> list[str]:
        """The act a "thereof" points back to: the first act the provision names (Annex I
        entries name the act first, then the acts it amends or repeals)."""
        first = _ACT.search(self.text, 0, start)
        eli = act_eli(first) if first else None
        return [eli] if eli else []

    def names_self(self, match: re.Match[str]) -> bool:
        """The words after ``match`` name this act: "of Regulation (EU) 2024/1689", or "of
        that Regulation" right after this act was named."""
        after = _OF_ACT.match(self.text, match.end())
        if after is not None:
            return act_eli(after) is None
        if _OF_THAT.match(self.text, match.end()):
            antecedent = self.antecedent(match.start())
            return antecedent is not None and act_eli(antecedent) is None
        return False

    def antecedent(self, start: int) -> re.Match[str] | None:
        """The last act named before ``start`` (what "that Regulation" points back to)."""
        found = None
        for found in _ACT.finditer(self.text, 0, start):  # noqa: B007 - keep the last
            pass
        return found

    def external(self, match: re.Match[str]) -> bool:
        """Add ``match`` as a reference to another act if the words after it say so."""
        if _EXTERNAL_AFTER.match(self.text, match.end()) is None or self.names_self(match):
            return False
        self.add(match, [], self.next_act(match.end()), True)
        return True

    def on_article(self, match: re.Match[str]) -> None:
        if _THEREOF.match(self.text, match.end()):  # "Article 2(1) thereof": the act named
            self.add(match, [], self.principal_act(match.start()), True)
            return
        if self.external(match):
            return
        sub = ORDINALS.get(match["sub"] or match["presub"] or "")
        pts = _points(match["prepts"] or match["postpts"])
        targets: list[str] = []
        previous = ""
        for item in _expand(match["list"], numeric=True):
            number, chain = _chain(item.replace(" ", ""))
            number = previous = number or previous  # "Article 42(1) and (2)"
            targets += self.resolver.article(number, chain, sub, pts)
        self.add(match, targets, [], False)

    def on_chapter(self, match: re.Match[str]) -> None:
        if self.external(match):
            return
        sections = _expand(match["sect"] or match["presect"] or "", numeric=True)
        targets = []
        for numeral in _expand(match["list"], numeric=False):
            for section in [s for s in sections if s] or [""]:
                local = f"cpt_{numeral}" + (f".sct_{section}" if section else "")
                if local in self.resolver.known:
                    targets.append(local)
        self.add(match, targets, [], False)

    def on_annex(self, match: re.Match[str]) -> None:
        if self.external(match):
            return
        pts = _points(match["prepts"] or match["sectpts"] or match["postpts"])
        section = match["sect"] or match["presect"]
        targets: list[str] = []
        for numeral in _expand(match["list"], numeric=False):
            targets += self.resolver.annex(numeral, section, pts)
        self.add(match, targets, [], False)

    def on_paragraph(self, match: re.Match[str]) -> None:
        if match["of"] is None and self.external(match):
            return
        article = f"art_{match['art']}" if match["art"] else self.article_of_citing
        if not article.startswith("art_"):
            self.add(match, [], [], False)
            return
        sub = ORDINALS.get(match["sub"] or match["presub"] or "")
        pts = _points(match["prepts"] or match["postpts"])
        targets: list[str] = []
        for item in _expand(match["list"], numeric=True):
            number, chain = _chain(item)
            path = [number, *chain] if number else chain  # "(3)": paragraph 3
            targets += self.resolver.article(article[4:], path, sub, pts)
        self.add(match, targets, [], False)

    def on_point(self, match: re.Match[str]) -> None:
        if self.external(match):
            return
        sub = ORDINALS.get(match["sub"] or "")
        points = _points(match["pts"])
        if sub is not None:
            paragraph = self.resolver.paragraph_of_citing() or self.article_of_citing
            found = (self.resolver.below(paragraph, p, sub) for p in points)
            self.add(match, [t for t in found if t], [], False)
            return
        before = self.text[max(0, match.start() - 20) : match.start()]
        near = match["thereof"] is not None or re.search(r"exception of\s*$", before)
        previous: tuple[str, ...] = ()
        if near:  # "point 2 thereof", "with the exception of points 6, 8 and 9"
            previous = next((r.targets for r in reversed(self.refs) if r.start < match.start()), ())
        self.add(match, self.resolver.relative_points(points, None, previous), [], False)

    def on_subparagraph(self, match: re.Match[str]) -> None:
        paragraph = self.resolver.paragraph_of_citing() or self.article_of_citing
        found = self.resolver.first(f"{paragraph}.sub_{ORDINALS[match['sub']]}")
        if found and found != self.citing:
            self.add(match, [found], [], False)


def own_texts(texts: dict[str, str], parents: dict[str, str | None]) -> dict[str, str]:
    """Each provision's own words: its text minus the text of its descendants.

    The legal-text graph gives every provision its full text (an article includes its
    paragraphs); a reference is attributed to the deepest provision whose own words hold it.
    """
    groups: dict[str, list[str]] = {}
    for local in texts:
        groups.setdefault(local.split(".")[0], []).append(local)
    out: dict[str, str] = {}
    for local, text in texts.items():
        ancestors = set()
        current = parents.get(local)
        while current is not None:
            ancestors.add(current)
            current = parents.get(current)
        own = text
        others = [
            other
            for other in groups[local.split(".")[0]]
            if other != local and other not in ancestors and len(texts[other]) < len(text)
        ]
        for other in sorted(others, key=lambda o: -len(texts[o])):
            piece = texts[other]
            if piece not in own:
                piece = re.sub(r"^\d+[a-z]?\.\s+", "", piece)
            if piece and piece in own:
                own = own.replace(piece, " \u2026 ", 1)
        out[local] = own
    return out


_SKIPPED_KINDS = frozenset({"Chapter", "Section"})


def collect_references(provisions: Sequence[Provision]) -> list[Reference]:
    """The references of every provision of the act, in document order."""
    texts = {p.iri_local: p.text for p in provisions if p.text}
    parents = {p.iri_local: p.parent_local for p in provisions}
    known = frozenset(p.iri_local for p in provisions)
    amended: dict[str, str] = {}
    for provision in provisions:
        heading = provision.heading or ""
        if provision.kind.value == "Article" and heading.startswith("Amendment"):
            match = _ACT.search(heading)
            eli = act_eli(match) if match else None
            if eli:
                amended[provision.iri_local] = eli
    own = own_texts(texts, parents)
    refs: list[Reference] = []
    for provision in provisions:
        if provision.kind.value in _SKIPPED_KINDS or provision.iri_local not in own:
            continue
        top = provision.iri_local.split(".")[0]
        refs += find_references(
            provision.iri_local, own[provision.iri_local], known, amended.get(top)
        )
    return refs
