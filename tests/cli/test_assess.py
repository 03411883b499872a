"""`aiact-kg assess` and `explain` on the guide's examples, across dates and law versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from aiact_kg.cli import main
from tests.cases.conftest import PREFIXES
from tests.conftest import REPO_ROOT

EXAMPLES = sorted(
    path
    for path in (REPO_ROOT / "examples" / "submissions").rglob("*")
    if path.is_file() and path.name != "README.md"
)
CV = REPO_ROOT / "examples" / "submissions" / "recruitment-cv-screening.ttl"
TOP_KEYS = {"as_of", "law", "valid", "violations", "warnings", "unreadable", "subjects", "run"}
SUBJECT_KEYS = {"iri", "kind", "categories", "flags", "determinations", "obligations"}
DETERMINATION_KEYS = {
    "id",
    "conclusion",
    "legal_basis",
    "provisions",
    "rule",
    "premises",
    "explanation",
}
OBLIGATION_KEYS = {
    "id",
    "citation",
    "title",
    "bearer",
    "role",
    "applies_from",
    "due",
    "legal_basis",
    "determination",
}
CATEGORIES = {
    "out-of-scope",
    "prohibited",
    "high-risk",
    "transparency",
    "minimal",
    "gpai",
    "gpai-systemic-risk",
}
ROLES = {
    "provider",
    "deployer",
    "importer",
    "distributor",
    "authorised-representative",
    "product-manufacturer",
}


def assess(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["assess", "--no-progress", "--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_each_example_is_assessed_with_the_public_structure(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = assess(capsys, "--as-of", "2026-11-22", str(path))
    assert code == 0
    assert set(data) == TOP_KEYS
    assert data["valid"] is True
    assert data["subjects"]
    for subject in data["subjects"]:
        assert set(subject) >= SUBJECT_KEYS
        assert subject["kind"] in {"ai-system", "gpai-model", "gpai-system"}
        assert subject["categories"], f"{subject['iri']} got no category"
        assert set(subject["categories"]) <= CATEGORIES
        for determination in subject["determinations"]:
            assert set(determination) >= DETERMINATION_KEYS
            assert determination["legal_basis"], determination
        for obligation in subject["obligations"]:
            assert set(obligation) >= OBLIGATION_KEYS
            assert obligation["role"] in ROLES
            assert obligation["legal_basis"]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_explain_walks_to_provision_text(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, data = assess(capsys, "--as-of", "2026-11-22", str(path))
    subject = data["subjects"][0]["iri"]
    code = main(["explain", "--no-progress", "--as-of", "2026-11-22", subject, str(path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "because:" in out or "applies from" in out
    assert "│ " in out  # provision text quoted
    assert "eur-lex.europa.eu" in out


def test_obligations_that_arise_on_an_event_say_so(capsys: pytest.CaptureFixture[str]) -> None:
    _, data = assess(capsys, "--as-of", "2026-11-22", "--law", "as-published", str(CV))
    by_citation = {(o["citation"], o["role"]): o for o in _cv(data)["obligations"]}
    incident = by_citation[("Art 73(1)", "provider")]
    assert incident["conditional_on"] == ["serious incident"]
    assert "serious incident" in incident["condition"]
    standing = by_citation[("Art 26(1)", "deployer")]
    assert standing["conditional_on"] == []
    assert "condition" not in standing


def test_explain_quotes_the_words_imposing_each_obligation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, data = assess(capsys, "--as-of", "2026-11-22", "--law", "as-published", str(CV))
    subject = _cv(data)
    code = main(
        [
            *("explain", "--no-progress", "--as-of", "2026-11-22", "--law", "as-published"),
            *(subject["iri"], str(CV)),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    section = out.split("Obligations that follow")[1]
    # the deployer's duty to use the system per instructions, with the words of Art 26(1)
    block = section.split("  Art 26(1) (deployer")[1].split("\n\n")[0]
    assert "in force" in block
    assert "│ Deployers of high-risk AI systems shall take appropriate technical" in block
    assert "#026.001>" in block


def _cv(data: dict) -> dict:  # type: ignore[type-arg]
    (subject,) = [s for s in data["subjects"] if s["kind"] == "ai-system"]
    return subject  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("as_of", "law", "applies", "in_force"),
    [
        ("2026-07-01", "as-published", "2026-08-02", False),
        ("2026-11-22", "as-published", "2026-08-02", True),
        ("2026-07-01", "as-amended", "2027-12-02", False),
        ("2026-11-22", "as-amended", "2027-12-02", False),
    ],
)
def test_dates_follow_the_version_of_the_law(
    capsys: pytest.CaptureFixture[str], as_of: str, law: str, applies: str, in_force: bool
) -> None:
    code, data = assess(capsys, "--as-of", as_of, "--law", law, str(CV))
    assert code == 0
    assert data["as_of"] == as_of
    subject = _cv(data)
    assert "high-risk" in subject["categories"]
    risk_management = [o for o in subject["obligations"] if o["citation"] == "Art 9(1)"]
    assert risk_management
    assert {o["applies_from"] for o in risk_management} == {applies}
    assert {o["in_force"] for o in risk_management} == {in_force}
    literacy = [o for o in subject["obligations"] if o["citation"] == "Art 4"]
    assert literacy
    assert all(o["applies_from"] == "2025-02-02" for o in literacy)
    if law == "as-amended":
        (amendment,) = data["law"]["amendments"]
        assert amendment["status"] == "unverified-secondary-sources"
        assert "not verified against the Official Journal" in amendment["status_note"]
        assert data["law"]["verified"] is False
        assert "unverified-amendment" in subject["flags"]
        assert all(o.get("depends_on_unverified_amendment") for o in risk_management)
        # Art 4 is reported changed (disputed): kept as published, with a note saying so
        assert all(
            "Reported change not applied" in o["depends_on_unverified_amendment"] for o in literacy
        )
    else:
        assert data["law"]["amendments"] == []
        assert "unverified-amendment" not in subject["flags"]


MACHINERY = REPO_ROOT / "examples" / "submissions" / "machinery-safety-component-imported.ttl"


@pytest.mark.parametrize("law", ["as-published", "as-amended"])
def test_a_determination_on_a_reported_change_not_applied_says_so(
    capsys: pytest.CaptureFixture[str], law: str
) -> None:
    """The amendment is reported to add Art 6(1a)-(1c) and narrow "safety component" (recorded,
    not applied): under the amended law the Art 6(1) classification says it is drawn from the
    text as published, as the obligations on a changed provision do (outsider audit)."""
    code, data = assess(capsys, "--as-of", "2028-10-01", "--law", law, str(MACHINERY))
    assert code == 0
    (subject,) = [s for s in data["subjects"] if "high-risk" in s["categories"]]
    (annex_i,) = [
        d
        for d in subject["determinations"]
        if d["conclusion"] == "high-risk" and "Art 6(1)" in d["legal_basis"]
    ]
    note = annex_i.get("depends_on_unverified_amendment") or ""
    assert ("Reported change not applied: Art 6(1)" in note) is (law == "as-amended"), note


@pytest.mark.parametrize(
    ("as_of", "version", "applies", "flagged"),
    [
        ("2026-07-01", "as-published", "2026-08-02", False),
        ("2026-07-26", "as-published", "2026-08-02", False),
        ("2026-07-27", "as-amended", "2027-12-02", True),
        ("2026-11-30", "as-amended", "2027-12-02", True),
    ],
)
def test_without_law_the_version_in_force_on_the_date_applies(
    capsys: pytest.CaptureFixture[str], as_of: str, version: str, applies: str, flagged: bool
) -> None:
    code, data = assess(capsys, "--as-of", as_of, str(CV))
    assert code == 0
    assert data["law"]["version"] == version
    assert data["law"]["chosen_by"] == "in-force-on-as-of-date"
    assert data["law"]["reason"].startswith("The version in force on the as-of date")
    subject = _cv(data)
    high_risk = [d for d in subject["determinations"] if d["conclusion"] == "high-risk"]
    assert [d["applies_from"] for d in high_risk] == [applies]
    risk_management = [o for o in subject["obligations"] if o["citation"] == "Art 9(1)"]
    assert {o["applies_from"] for o in risk_management} == {applies}
    assert ("unverified-amendment" in subject["flags"]) is flagged
    assert ("not verified against the Official Journal" in data["law"]["reason"]) is flagged


@pytest.mark.parametrize(
    ("as_of", "law", "said"),
    [
        ("2024-07-31", "as-published", "the Regulation is not yet in force"),
        ("2024-07-31", "as-amended", "the Regulation is not yet in force"),
        ("2024-07-31", None, "the Regulation is not yet in force"),
        ("2026-07-01", "as-amended", "this version is not yet in force"),
        ("2026-11-30", "as-published", None),
        ("2026-11-30", None, None),
    ],
)
def test_the_reason_says_when_the_law_is_not_yet_in_force(
    capsys: pytest.CaptureFixture[str], as_of: str, law: str | None, said: str | None
) -> None:
    """A version requested before the Regulation (or the version) entered into force says so, as
    the version chosen by the date does (an outside check found "Requested: ... in force from
    2024-08-01" for an as-of date of 31 July 2024, without a word that nothing applied)."""
    code, data = assess(capsys, "--as-of", as_of, *(("--law", law) if law else ()), str(CV))
    assert code == 0
    reason = data["law"]["reason"]
    if said is None:
        assert "not yet in force" not in reason
    else:
        assert f"On the as-of date ({as_of}) {said}" in reason


def test_law_option_forces_a_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = assess(capsys, "--as-of", "2026-11-30", "--law", "as-published", str(CV))
    assert code == 0
    assert (data["law"]["version"], data["law"]["chosen_by"]) == ("as-published", "requested")
    code, data = assess(capsys, "--as-of", "2026-07-01", "--law", "as-amended", str(CV))
    assert (data["law"]["version"], data["law"]["chosen_by"]) == ("as-amended", "requested")
    # the text says the version was requested, not to use the option just used (an outside check)
    assert main(["assess", "--as-of", "2026-07-01", "--law", "as-amended", str(CV)]) == 0
    head = capsys.readouterr().out.splitlines()[:3]
    assert "  (requested with --law)" in head
    assert main(["assess", "--as-of", "2026-07-01", str(CV)]) == 0
    assert any(
        "use --law to force a version" in line for line in capsys.readouterr().out.splitlines()[:3]
    )


def test_bad_date_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["assess", "--no-progress", "--as-of", "22/11/2026", str(CV)])
    assert code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_threshold_what_if(capsys: pytest.CaptureFixture[str]) -> None:
    model = REPO_ROOT / "examples" / "submissions" / "gpai-model-systemic-risk.jsonld"
    _, default = assess(capsys, "--as-of", "2026-11-22", str(model))
    _, higher = assess(capsys, "--as-of", "2026-11-22", "--threshold", "1e26", str(model))
    assert "gpai-systemic-risk" in default["subjects"][0]["categories"]
    assert "gpai-systemic-risk" not in higher["subjects"][0]["categories"]


def test_invalid_input_is_not_assessed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
        "<https://example.org/x> a aia:AISystem .\n",
        encoding="utf-8",
    )
    code, data = assess(capsys, str(bad))
    assert code == 1
    assert data["valid"] is False
    assert data["subjects"] == []
    assert data["violations"]


def test_text_output_says_which_obligations_are_not_yet_in_force(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before 2 August 2026 the CV screener's high-risk duties are listed, marked as not yet in
    force (Art 113); AI literacy (Art 4) applies since 2 February 2025 and is not marked."""
    assert main(["assess", "--as-of", "2026-03-01", "--law", "as-published", str(CV)]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(line for line in lines if line.startswith("  obligations ("))
    literacy = [line for line in lines if line.lstrip().startswith("Art 4 ")]
    logging = next(line for line in lines if line.lstrip().startswith("Art 12(1) "))
    incident = next(line for line in lines if line.lstrip().startswith("Art 73(1) "))
    assert "not yet in force on 2026-03-01" in header
    assert literacy
    assert all("not yet in force" not in line for line in literacy)
    assert "from 2026-08-02 (not yet in force)" in logging
    assert "(conditional)" in incident
    assert "(conditional)" not in logging


def test_text_output_dates_a_conclusion_that_applies_only_after_the_as_of_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before Chapter V applies (2 August 2025, Art 113(b)) a model above the threshold is
    presumed to have systemic risk and owes the notification of Art 52(1) only from that day:
    the text says so beside the state (an outside check read the states as holding on the as-of
    date); a conclusion whose words give the day is not dated twice."""
    path = tmp_path / "early-model.ttl"
    path.write_text(
        PREFIXES
        + """
        ex:early a aia:GeneralPurposeAIModel ; aia:hasProvider ex:lab ;
          aia:trainingComputeFLOP 2e25 ; aia:thresholdKnownOn "2025-04-01"^^xsd:date ;
          aia:placedOnMarketOn "2025-05-01"^^xsd:date ; aia:freeAndOpenSourceLicence false .
        ex:lab a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .
        """,
        encoding="utf-8",
    )
    argv = ["assess", str(path), "--law", "as-published", "--format", "text"]
    assert main([*argv, "--as-of", "2025-06-01"]) == 0
    text = capsys.readouterr().out
    assert "      applies from 2025-08-02, after the as-of date" in _entry(text, "notification-due")
    assert "applicable from 2025-08-02" in _entry(text, "gpai")
    assert "after the as-of date" not in _entry(text, "gpai")
    assert main([*argv, "--as-of", "2025-09-01"]) == 0
    assert "after the as-of date" not in capsys.readouterr().out


def _entry(text: str, conclusion: str) -> str:
    """The lines of the text report's entry for ``conclusion`` (its heading and its words)."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(f"  - {conclusion} ["))
    rest = lines[first + 1 :]
    words = next((i for i, line in enumerate(rest) if not line.startswith("      ")), len(rest))
    return "\n".join(lines[first : first + 1 + words])


def test_warnings_and_notes_are_shown_beside_the_results(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A warning of validation (how the results read a fact) is in the JSON and the text of
    ``assess``, not only in ``validate`` (an outside check found it only there)."""
    example = REPO_ROOT / "examples" / "submissions" / "with-warnings"
    path = example / "training-compute-probably-mistyped.ttl"
    code, data = assess(capsys, str(path), "--format", "json", "--as-of", "2026-09-01")
    assert code == 0
    assert data["valid"]
    warnings = data["warnings"]
    assert warnings
    assert {w["severity"] for w in warnings} <= {"warning", "info"}
    assert all(w["file"].endswith(path.name) for w in warnings)
    assert all(w["legal_basis"] and w["message"] for w in warnings)
    assert any(w["severity"] == "warning" for w in warnings)
    main(["assess", str(path), "--format", "text", "--as-of", "2026-09-01"])
    text = capsys.readouterr().out
    first = next(w for w in warnings if w["severity"] == "warning")
    assert "! warning" in text
    assert first["message"][:60] in text


def test_text_report_names_an_unreadable_input_not_violations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One unreadable file stops the text report's single batch: it says so, and does not
    speak of violations the input does not have (an outside check)."""
    (tmp_path / "good.ttl").write_bytes(CV.read_bytes())
    (tmp_path / "bad.ttl").write_text("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c\n")
    code = main(["assess", str(tmp_path), "--as-of", "2026-11-01"])
    out = capsys.readouterr().out
    assert code == 2
    assert "Not assessed: an input could not be read." in out
    assert "bad.ttl" in out
    assert "violations" not in out


def test_text_report_gives_the_fines_the_json_gives(capsys: pytest.CaptureFixture[str]) -> None:
    """The text of ``assess`` and ``explain`` shows each obligation's fine, as the JSON does (an
    outside check found the fines only in the JSON): the public authority's Art 99(4) ceiling
    is the fixed amount with the Art 99(8) condition, the SME provider's the lower figure."""
    path = REPO_ROOT / "examples" / "submissions" / "public-authority-benefits-eligibility.ttl"
    code, data = assess(capsys, str(path), "--format", "json", "--as-of", "2026-11-30")
    assert code == 0
    (subject,) = data["subjects"]
    deployer_tiers = {
        fine["tier"]
        for item in subject["obligations"]
        if item["role"] == "deployer"
        for fine in item["fines"]
    }
    assert main(["assess", str(path), "--as-of", "2026-11-30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("  fines (the most one infringement can cost):")
    entries = " ".join(line.strip() for line in lines[start + 1 :])
    for tier in deployer_tiers:
        assert f"{tier} deployer:" in entries
    assert "Art 99(4) deployer: up to EUR 15,000,000 (Art 99(8))" in entries
    assert "Art 26(8)" in entries.split("Art 99(4) deployer:")[1].split("condition:")[0]
    assert "whether and to what extent it may be fined at all" in entries
    assert (
        "Art 99(4) provider: up to EUR 15,000,000 or 3% of worldwide annual turnover, "
        "whichever is lower (Art 99(6))" in entries
    )
    assert main(["explain", subject["iri"], str(path), "--as-of", "2026-11-30"]) == 0
    explained = capsys.readouterr().out
    assert "    fine: Art 99(4): up to EUR 15,000,000 (Art 99(8))" in explained


def test_text_report_gives_the_fine_for_a_prohibited_practice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A prohibited practice's fine (Art 99(3)) is shown for the operator it concerns."""
    case = REPO_ROOT / "tests" / "cases" / "art-005" / "01-a-manipulation-harm.yaml"
    path = tmp_path / "practice.ttl"
    path.write_text(PREFIXES + yaml.safe_load(case.read_text())["facts"])
    assert main(["assess", str(path), "--as-of", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    entries = " ".join(line.strip() for line in out.splitlines())
    assert (
        "Art 99(3) acme (operator): up to EUR 35,000,000 or 7% of worldwide annual "
        "turnover, whichever is higher (Art 99(3)), from 2025-08-02; breach of "
        "Art 5(1)(a)" in entries
    )


RBI_CASE = REPO_ROOT / "tests" / "cases" / "art-005" / "24-h-iii-three-year-offence.yaml"


def test_the_fine_of_an_annex_ii_offence_names_the_breached_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Real-time remote biometric identification for an Annex II offence rests on Annex II too;
    the fine line named Annex II, a list that cannot be breached (an outside check)."""
    path = tmp_path / "rbi.ttl"
    path.write_text(PREFIXES + yaml.safe_load(RBI_CASE.read_text())["facts"])
    main(["assess", str(path), "--as-of", "2026-11-30", "--law", "as-published"])
    entries = " ".join(line.strip() for line in capsys.readouterr().out.splitlines())
    assert "breach of Art 5(1)(h)" in entries
    assert "breach of Annex II" not in entries


def test_explain_dates_a_fine_from_the_later_of_the_tier_and_the_breached_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A breach is fined only once the penalty tier and the breached rule both apply (an audit
    found the new Art 5(1) prohibition's fine dated from its tier, 2025-08-02, a year and more
    before the prohibition applies as amended, 2026-12-02)."""
    case = REPO_ROOT / "tests" / "cases" / "art-005" / "32-omnibus-ncii-as-amended-after-date.yaml"
    path = tmp_path / "ncii.ttl"
    path.write_text(PREFIXES + yaml.safe_load(case.read_text())["facts"])
    args = [str(path), "--as-of", "2026-12-15", "--law", "as-amended"]
    code, data = assess(capsys, str(path), "--format", "json", *args[1:])
    (ncii,) = data["subjects"]
    fines = [
        fine
        for determination in ncii["determinations"]
        if determination["conclusion"] == "prohibited"
        for fine in determination.get("fines", [])
    ]
    assert fines
    assert {(fine["applies_from"], fine["fined_from"]) for fine in fines} == {
        ("2025-08-02", "2026-12-02")
    }
    assert main(["explain", "https://example.org/undress", *args]) == 0
    explained = " ".join(line.strip() for line in capsys.readouterr().out.splitlines())
    assert (
        "whichever is higher (Art 99(3)), from 2026-12-02 (the prohibition's day; the tier "
        "applies from 2025-08-02)" in explained
    )
    # a high-risk deployer's duty applies after its tier: the duty's day is given
    cv = REPO_ROOT / "examples" / "submissions" / "recruitment-cv-screening.ttl"
    code, data = assess(capsys, str(cv), "--format", "json", "--as-of", "2026-11-30")
    assert code == 0
    (subject,) = data["subjects"]
    assert main(["explain", subject["iri"], str(cv), "--as-of", "2026-11-30"]) == 0
    explained = capsys.readouterr().out
    later = [
        item
        for item in subject["obligations"]
        if item["fines"] and item["applies_from"] > item["fines"][0]["applies_from"]
    ]
    assert later
    for item in subject["obligations"]:  # the JSON gives the same day
        for fine in item["fines"]:
            assert fine["fined_from"] == max(item["applies_from"], fine["applies_from"])
    for item in later[:3]:
        assert (
            f", from {item['applies_from']} (the duty's day; the tier applies from "
            f"{item['fines'][0]['applies_from']})" in explained.replace("\n      ", " ")
        )


@pytest.mark.parametrize(
    ("as_of", "law", "later"),
    [
        ("2026-11-30", "as-published", True),
        ("2026-07-26", "as-published", False),  # the amended version is not in force yet
        ("2026-11-30", "as-amended", False),
        ("2026-11-30", None, False),  # chosen by the date: the latest in force
    ],
)
def test_a_requested_version_older_than_the_one_in_force_says_so(
    capsys: pytest.CaptureFixture[str], as_of: str, law: str | None, later: bool
) -> None:
    """--law as-published on a day the amended version is in force: neither the JSON nor the text
    said that another version governs that day (an outside check)."""
    code, data = assess(capsys, "--as-of", as_of, *(("--law", law) if law else ()), str(CV))
    assert code == 0
    said = f"On the as-of date ({as_of}) a later version is in force: "
    assert (said in data["law"]["reason"]) is later
    if later:
        assert "as amended by the Digital Omnibus on AI, from 2026-07-27" in data["law"]["reason"]
        assert main(["assess", "--as-of", as_of, "--law", "as-published", str(CV)]) == 0
        head = " ".join(capsys.readouterr().out.splitlines()[:6])
        assert said in head
