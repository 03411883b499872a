# Rule: premise-determination-dates
# Label: A determination that rests on another determination applies no earlier than it
# Provisions: aiap:art_113 aiap:art_113.pnt_c
# An outcome drawn from a classification (e.g. the conformity route of Art 43 from a high-risk
# determination) cannot apply before the classification it rests on: Art 43 applies from
# 2 August 2026, but for a system that is high-risk under Art 6(1) the corresponding obligations
# apply from 2 August 2027 (Art 113(c)), or from the date an amendment sets. The latest date
# among the determinations a determination rests on (aia:premise, followed through chains)
# replaces its own when later (the earliest, for the open-source carve-back, whose premises are
# alternatives); an amendment a premise depends on is carried over.
DELETE { ?d aia:appliesFromDate ?own }
INSERT { ?d aia:appliesFromDate ?latest }
WHERE {
  {
    SELECT ?d (MAX(?premiseDate) AS ?latest) WHERE {
      ?d a aia:Determination ; aia:premise+ ?premise .
      ?premise a aia:Determination ; aia:appliesFromDate ?premiseDate .
      # alternatives, dated by the next operation
      FILTER NOT EXISTS { ?d aia:conclusion aiac:outcome-foss-carve-back }
    }
    GROUP BY ?d
  }
  ?d aia:appliesFromDate ?own .
  FILTER(?latest > ?own)
} ;
# The open-source carve-back (Art 2(12), rule 610) rests on alternatives: any one of its
# classifications brings the system within the Regulation, so it applies from the earliest of
# them (an outside check found it dated from the latest, beside duties in force from the earliest)
DELETE { ?d aia:appliesFromDate ?own }
INSERT { ?d aia:appliesFromDate ?earliest }
WHERE {
  {
    SELECT ?d (MIN(?premiseDate) AS ?earliest) WHERE {
      ?d aia:conclusion aiac:outcome-foss-carve-back ; aia:premise ?premise .
      ?premise a aia:Determination ; aia:appliesFromDate ?premiseDate .
    }
    GROUP BY ?d
  }
  ?d aia:appliesFromDate ?own .
  FILTER(?earliest > ?own)
} ;
INSERT { ?d aia:dependsOnAmendment ?amendment }
WHERE {
  ?d a aia:Determination ; aia:premise+ ?premise .
  ?premise a aia:Determination ; aia:dependsOnAmendment ?amendment .
  FILTER NOT EXISTS { ?d aia:conclusion aiac:flag-unverified-amendment }
}
