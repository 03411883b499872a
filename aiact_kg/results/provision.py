"""The result of ``aiact-kg provision`` and ``GET /provisions/{citation}``."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from aiact_kg.results.base import Result


class Reference(Result):
    """A provision, obligation or concept mentioned in a provision's report."""

    iri: str = Field(description="its IRI")
    label: str = Field(description="its label or citation")
    detail: str = Field(description="more about it, or ''")


class ProvisionChange(Result):
    """A change an amendment makes, or is reported to make, to the provision or a related one."""

    change: str = Field(description="IRI of the change")
    label: str = Field(description="the change in words")
    relation: str = Field(description="'changes the words' or 'moves the application'")
    provision: str = Field(description="citation of the provision the change names")
    amendment: str = Field(description="IRI of the amendment")
    amendment_label: str = Field(description="the amendment's title")
    status: str = Field(description="how the amendment is known (IRI)")
    status_label: str = Field(description="that status in words")
    previous_date: date | None = Field(description="the date it applied from before")
    new_date: date | None = Field(description="the date it applies from after the change")
    only_placed_before: date | None = Field(
        description="the change applies only to systems placed on the market before this day"
    )
    new_text: str | None = Field(description="the words as amended, if the change gives them")
    applied_in_assessment: bool = Field(description="true when assessments apply the change")
    reported_readings: list[str] = Field(description="how secondary sources report the change")


class ProvisionResult(Result):
    """Everything the knowledge base holds about one provision."""

    iri: str = Field(description="the provision's IRI")
    citation: str = Field(description="its citation, e.g. Art 6(3)")
    kind: str = Field(description="its kind: Article, Paragraph, Point, Annex, ...")
    title: str | None = Field(description="its heading, if it has one")
    text: str | None = Field(description="its text as published")
    eur_lex_link: str | None = Field(description="its anchor in the EUR-Lex text")
    applies_from: date | None = Field(description="the day it applies from, as published")
    applicability_rule: str | None = Field(description="the rule that sets that day")
    applicability_source: str | None = Field(description="the provision that sets that day")
    ancestors: list[Reference] = Field(description="the provisions it is part of, outermost first")
    children: list[Reference] = Field(description="its parts")
    obligations: list[Reference] = Field(description="obligations of the catalogue resting on it")
    fined_obligations: list[Reference] = Field(
        description="obligations of the catalogue whose fine tier it, or one of its parts, sets "
        "(Arts 99-101); each reference's detail is the tier's citation"
    )
    concepts: list[Reference] = Field(description="concepts and terms that cite it")
    draft_citations: list[Reference] = Field(description="how drafts cited it")
    amendments: list[ProvisionChange] = Field(description="changes made by amendments")
    eli: str | None = Field(
        description="the official ELI of the provision, or of the article or recital it is part "
        "of; null where EUR-Lex documents no ELI form (annexes)"
    )
    eli_of: str | None = Field(description="citation of the provision that ELI identifies")
    cites: list[Reference] = Field(description="what its text refers to (eli:cites)")
    cited_by: list[Reference] = Field(description="provisions whose text refers to it")
