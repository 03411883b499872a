"""The result of ``aiact-kg assess`` and ``POST /assess``: subjects, determinations, obligations.

Every value that names law (a category, a role, a rule, a citation) comes from the knowledge
base, so these models type it as text and describe it; they do not enumerate it.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from aiact_kg.results.base import Citations, ProvisionIris, Result, optional
from aiact_kg.results.validation import Finding, Unreadable


class Amendment(Result):
    """An amendment included in the law version applied, and how far it is verified."""

    id: str | None = Field(description="its notation, e.g. digital-omnibus-2026")
    title: str | None = Field(description="its title")
    identifier: str | None = Field(description="its official identifier, as far as known")
    in_force: date | None = Field(description="the day it enters into force")
    status: str | None = Field(
        description="verified, or how it is known otherwise (e.g. unverified-secondary-sources)"
    )
    status_note: str | None = Field(description="what the status means for the results")


class LawVersion(Result):
    """The version of Regulation (EU) 2024/1689 the rules applied, and why that one."""

    version: str | None = Field(description="as-published or as-amended")
    title: str | None = Field(description="the version's title")
    in_force_from: date | None = Field(description="the day the version is in force from")
    chosen_by: str | None = Field(
        description="how it was chosen: in-force-on-as-of-date, before-entry-into-force or "
        "requested (--law)"
    )
    reason: str = Field(description="why this version applies, in words")
    base: str = Field(description="ELI of the Regulation as published")
    amendments: list[Amendment] = Field(description="the amendments this version includes")
    verified: bool = Field(description="true when every included amendment is verified")


class Fine(Result):
    """The fine tier for breaching an obligation or engaging in a prohibited practice."""

    tier: str | None = Field(description="citation of the tier, e.g. Art 99(4)")
    max_eur: float | None = Field(description="the fixed maximum in euro, if the tier has one")
    max_turnover_percent: float | None = Field(
        description="the maximum as a percentage of worldwide annual turnover, if any"
    )
    cap: str | None = Field(
        description="which figure caps the fine: higher or lower of the two, or fixed (the "
        "amount alone: a public authority is not an undertaking, Art 99(8))"
    )
    cap_provision: str | None = Field(description="citation of the provision that sets the cap")
    applies_from: date | None = Field(
        description="the day the tier applies from (Art 113(b): the penalties of Chapter XII "
        "from 2 August 2025, Art 101 from 2 August 2026); before it no such fine can be imposed"
    )
    fined_from: date | None = Field(
        default=None,
        description="the first day a breach can be fined: the later of the tier's day and the "
        "day the obligation or prohibited practice it punishes applies",
    )
    condition: str | None = optional(
        "what the fine depends on besides its cap, in words (a public authority or body: whether "
        "it may be fined at all is for its Member State's rules, Art 99(8))"
    )
    operator: str | None = optional(
        "on a prohibited practice: the operator this fine is for (Art 99(6): each fine of an SME "
        "or start-up takes the lower cap); an obligation's fine is its bearer's"
    )


class Determination(Result):
    """One rule's conclusion about a subject, with its premises and legal basis in reading order."""

    id: str = Field(description="the determination's key within its run")
    conclusion: str = Field(
        description="what was concluded: a category, flag, outcome or procedure state"
    )
    kind: str | None = Field(description="category, flag, outcome or state")
    legal_basis: Citations
    provisions: ProvisionIris
    rule: str = Field(description="the rule that drew it (compact IRI, e.g. aiar:...)")
    rule_label: str | None = Field(description="what the rule does, in words")
    amended_by_rules: list[str] | None = optional(
        "present when other rules added to its legal basis, premises or explanation after it "
        "was drawn (compact IRIs, e.g. aiar:art-111-2-transparency-note citing Art 111(2))"
    )
    premises: list[str] = Field(
        description="the facts it rests on ('subject property value') and the determinations "
        "('determination ID')"
    )
    explanation: str | None = Field(description="the conclusion explained in words")
    applies_from: date | None = Field(description="the day the conclusion applies from")
    depends_on_unverified_amendment: str | None = optional(
        "present when it rests on an amendment that is not verified: what that means"
    )
    fines: list[Fine] | None = optional("present on prohibited practices: the fine tiers")
    since: date | None = optional("on a procedure state: the day it holds since, where known")
    due: date | None = optional("on a procedure state: the day the step it awaits is due")
    earliest: date | None = optional(
        "on a procedure state: the earliest day the step it opens may be taken"
    )


class AlternativeCompliance(Result):
    """A way the Regulation lets a bearer meet a duty within another framework that applies to
    it (a financial institution: within Union financial services law)."""

    id: str = Field(description="the way's identifier in the catalogue")
    title: str = Field(description="the way in words")
    how: str = Field(description="how the bearer meets the duty that way, and what stays")
    legal_basis: list[str] = Field(description="the provisions that allow it (citations)")


class Obligation(Result):
    """A duty an operator bears because of a determination about a subject."""

    id: str = Field(description="the obligation's identifier in the catalogue")
    citation: str | None = Field(description="citation of the provision that imposes it")
    title: str | None = Field(description="the duty in words")
    bearer: str | None = Field(description="IRI of the operator who bears it")
    role: str | None = Field(description="the bearer's role: provider, deployer, importer, ...")
    applies_from: date | None = Field(description="the day it applies from")
    due: date | None = Field(description="the deadline, for a duty with one")
    met_on: date | None = optional(
        "present for a once-only duty that an event of the description performed on or before "
        "the as-of date (the Art 52(1) notification): the day it was met"
    )
    in_force: bool = Field(description="true when it applies on the as-of date")
    legal_basis: list[str] = Field(
        description="every provision it rests on (citations): those that impose it, then a "
        "transitional rule (Art 111) that sets its day for this subject"
    )
    determination: str | None = Field(description="id of the determination it follows from")
    conditional_on: list[str] = Field(
        description="events any one of which makes it arise; [] for a standing duty"
    )
    condition: str | None = optional("present for a duty that arises on an event: when, in words")
    fines: list[Fine] = Field(description="the fine tiers for breaching it")
    depends_on_unverified_amendment: str | None = optional(
        "present when it rests on an amendment that is not verified: what that means"
    )
    met_through: AlternativeCompliance | None = optional(
        "present where the Regulation lets this bearer meet the duty within another framework "
        "(a financial institution: Art 17(4), 18(3), 19(2), 26(5), 26(6), 72(4)): how"
    )


class DeclaredCategory(Result):
    """A conclusion the submitter stated in DPV, AIRO or VAIR terms, as a category of ours."""

    category: str = Field(description="the category the stated term means")
    term: str = Field(description="the term as the submitter wrote it (compact IRI)")
    agrees: bool = Field(description="whether the assessment derived the same category")


class DerivedCategory(Result):
    """A category the assessment derived, beside a stated conclusion."""

    category: str = Field(description="the derived category")
    legal_basis: Citations
    provisions: ProvisionIris


class Party(Result):
    """An operator of the subject and a role it holds for it."""

    iri: str = Field(description="the party's IRI")
    role: str = Field(
        description="provider, deployer, importer, distributor, authorised-representative or "
        "product-manufacturer"
    )
    status: str | None = optional(
        "what qualifies the role on the as-of date: former (an Art 25(1) event made another "
        "operator the provider, Art 25(2)), outgoing (such an event will, on a later day), "
        "incoming (the provider from a later day), outside-scope (a deployer in purely personal "
        "use, Art 2(10), or outside the territorial scope, Art 2(1)), third-party (a duty borne "
        "for the subject in a role held for something else: the provider of a general-purpose "
        "AI model integrated into it, Art 25(4))"
    )


class AssessedSubject(Result):
    """One AI system or model: its categories, flags, determinations and obligations."""

    iri: str = Field(description="the subject's IRI")
    kind: str | None = Field(description="ai-system, gpai-model, gpai-system or ai-model")
    categories: list[str] = Field(
        description="risk categories, in a fixed order: out-of-scope, prohibited, high-risk, "
        "transparency, minimal, gpai, gpai-systemic-risk"
    )
    flags: list[str] = Field(description="flags such as borderline-compute or compute-estimated")
    parties: list[Party] = Field(
        default_factory=list,
        description="each party with a role for the subject, whether or not it bears a duty, "
        "by IRI and role",
    )
    determinations: list[Determination] = Field(
        description="categories first, then the other determinations, by id"
    )
    obligations: list[Obligation] = Field(description="the duties that follow")
    declared: list[DeclaredCategory] | None = optional(
        "present when the description stated conclusions (DPV/AIRO terms): what it stated"
    )
    derived: list[DerivedCategory] | None = optional(
        "present with `declared`: the categories derived, with their provisions"
    )
    disagreements: list[str] | None = optional(
        "present with `declared`: each stated conclusion the assessment does not derive"
    )


class Violation(Finding):
    """A violation that stopped the assessment, with where it was found."""

    file: str = Field(description="the file with the violation")
    subject: str = Field(description="the subject's IRI ('' when nothing is described)")


class ValidationNote(Finding):
    """A warning or note of validation on a description that was assessed all the same: how a
    fact was read, or what was assumed where one was missing."""

    file: str = Field(description="the file the finding is about")
    subject: str = Field(description="the subject's IRI ('' when nothing is described)")


class RunInput(Result):
    """One input the run read."""

    file: str = Field(description="the input's file name")
    sha256: str = Field(description="SHA-256 of the input as read")


class RunProvenance(Result):
    """Which run this was (its PROV activity) and what it read."""

    iri: str = Field(description="the run's PROV activity; its determinations are minted under it")
    started_at: str = Field(description="start time, xsd:dateTime in UTC to the millisecond")
    knowledge_base: str = Field(description="SHA-256 of the knowledge base and rules read")
    inputs: list[RunInput] = Field(description="the inputs read")


class AssessmentResult(Result):
    """The result of assessing descriptions: per subject, categories and obligations."""

    as_of: date = Field(description="the date the assessment is made as of")
    law: LawVersion
    valid: bool = Field(
        description="false when a violation stopped the assessment of the subjects it concerns "
        "(the inputs linked to them; the others are assessed) or an input could not be read"
    )
    violations: list[Violation] = Field(description="the violations found, if any")
    warnings: list[ValidationNote] = Field(
        default_factory=list,
        description="the warnings and notes of validation (severity warning or info): how the "
        "assessment read a fact, or what it assumed where a fact was missing",
    )
    unreadable: list[Unreadable] = Field(description="inputs that could not be read")
    subjects: list[AssessedSubject] = Field(
        description="the assessed subjects (none of the inputs a violation concerns)"
    )
    run: RunProvenance
