# Rule: minimal-risk
# Label: Minimal risk: an AI system in scope that is neither prohibited, nor high-risk, nor subject to Art 50
# Provisions: aiap:art_95 aiap:art_4
# Runs after every classification and after the Art 2(12) open-source rule. An AI system (not a
# model) with no out-of-scope, prohibited, high-risk or transparency determination is of minimal
# risk: only the general duties apply (AI literacy, Art 4), and voluntary codes of conduct may be
# followed (Art 95). Outcomes such as an Art 6(3) derogation, an Art 5 exception or an Art 50
# exception do not prevent it.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-minimal ;
    aia:byRule aiar:minimal-risk ;
    aia:legalBasis aiap:art_95 , aiap:art_4 ;
    aia:premise ?purposePremise ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?purposePremise a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:intendedPurpose ; aia:premiseValue ?purpose .
}
WHERE {
  {
    # every intended purpose is a premise (one row each, no arbitrary pick)
    SELECT DISTINCT ?s (?purpose0 AS ?purpose) WHERE {
      ?s a aia:AISystem .
      FILTER(isIRI(?s))
      OPTIONAL { ?s aia:intendedPurpose ?purpose0 }
    }
  }
  MINUS {
    ?other aia:determinationOf ?s ; aia:conclusion ?category .
    FILTER(?category IN (aiac:category-out-of-scope, aiac:category-prohibited, aiac:category-high-risk, aiac:category-transparency))
  }
  # a system not high-risk only by an Art 6(3) condition keeps its provider's duties of Art 6(4)
  # and Art 49(2) (an outside check found "only the general duties apply" beside them)
  BIND(EXISTS {
    ?derogation aia:determinationOf ?s ; aia:conclusion ?condition .
    ?condition a aia:HighRiskDerogationCondition .
  } AS ?derogated)
  # those duties arise only for a system placed after they applied (rule 311 says so in the
  # derogation's outcome; an outside check found them announced here beside it)
  # (an EXISTS of its own, read in nested IFs: joined with && to another, Virtuoso 7 refuses the query)
  BIND(EXISTS { ?s aia:satisfiesTrigger aiac:trigger-non-high-risk-conclusion } AS ?dutiesArose)
  BIND(CONCAT("The system is within the scope of the Regulation but is neither prohibited (Art 5), nor high-risk (Art 6",
              IF(?derogated,
                 IF(?dutiesArose, ": its provider relies on a condition of Art 6(3), so it documents that assessment, Art 6(4), and registers the system, Art 49(2)",
                    ": its provider relies on a condition of Art 6(3); the duties to document that assessment and register the system, Art 6(4) and Art 49(2), did not arise for it, as the outcome of the derogation says"), ""),
              "), nor subject to the transparency obligations of Art 50: it is of minimal risk. ",
              IF(?derogated, IF(?dutiesArose, "Besides those duties, the general ones apply", "Only the general duties apply"), "Only the general duties apply"),
              ", such as AI literacy (Art 4); voluntary codes of conduct may be followed (Art 95).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|minimal-risk|")))) AS ?d)
  # each intended purpose is a premise with an IRI of its own, minted from the determination and the purpose
  BIND(IF(BOUND(?purpose), IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?s), "|intendedPurpose|", STR(?purpose))))), ?unbound) AS ?purposePremise)
}
