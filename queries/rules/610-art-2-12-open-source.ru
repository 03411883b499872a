# Rule: art-2-12-open-source
# Label: Out of scope under Art 2(12): an AI system released under a free and open-source licence, unless high-risk or falling under Art 5 or Art 50
# Provisions: aiap:art_2.par_12
# Art 2(12) excludes AI systems released under free and open-source licences
# (aia:freeAndOpenSourceLicence true) unless they are placed on the market or put into service as
# high-risk AI systems or as AI systems that fall under Art 5 or Art 50. Runs after every
# classification (2NN-5NN), so the carve-backs are known: a system with a prohibited, high-risk
# or transparency determination stays in scope and gets the outcome aiac:outcome-foss-carve-back
# naming those determinations; any other such system is out of scope. A system that fell under
# Art 50 until a later prohibition applied (rule 440's outcome) is kept in scope by both, and the
# carve-back dates from the earlier (rule 705). A system Art 50 addresses
# whose duty an exception of Art 50 lifts (an interaction obvious to the persons, assistive
# editing, a use authorised by law: a determination concluding an aia:TransparencyException)
# still "falls under" Art 50: the exception takes away the duty, not the article (it was put out
# of scope, losing Art 4 as well). General-purpose AI models
# are not AI systems: their open-source exemptions are Art 53(2) and Art 54(6) (rules 500-599).
# Runs before the minimal-risk rule, which skips out-of-scope subjects. The outcome of an Art 6(3)
# derogation (rule 311) of a system put out of scope says that its duties do not arise (the last
# operation).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-out-of-scope ;
    aia:byRule aiar:art-2-12-open-source ;
    aia:legalBasis aiap:art_2.par_12 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:freeAndOpenSourceLicence ; aia:premiseValue true ] ;
    aia:explanation "The system is released under a free and open-source licence and is neither a high-risk AI system nor a system falling under Art 5 or Art 50; the Regulation does not apply to it (Art 2(12))." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:freeAndOpenSourceLicence true .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS {
    ?keep aia:determinationOf ?s ; aia:conclusion ?category .
    VALUES ?category { aiac:category-prohibited aiac:category-high-risk aiac:category-transparency }
  }
  FILTER NOT EXISTS {
    ?excepted aia:determinationOf ?s ; aia:conclusion ?exception .
    ?exception a aia:TransparencyException .
  }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-12-open-source|")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-foss-carve-back ;
    aia:byRule aiar:art-2-12-open-source ;
    aia:legalBasis aiap:art_2.par_12 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:freeAndOpenSourceLicence ; aia:premiseValue true ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # in a fixed order (prohibited, high-risk, transparency), whatever the order of the statements
    SELECT ?s (GROUP_CONCAT(?what; separator=" and ") AS ?whats) WHERE {
      {
        SELECT DISTINCT ?s ?rank ?what WHERE {
          ?s a aia:AISystem ; aia:freeAndOpenSourceLicence true .
          FILTER(isIRI(?s))
          ?keep aia:determinationOf ?s ; aia:conclusion ?category .
          {
            VALUES (?category ?rank ?what) {
              (aiac:category-prohibited 1 "a system falling under Art 5 (prohibited practices)")
              (aiac:category-high-risk 2 "a high-risk AI system")
              (aiac:category-transparency 3 "a system falling under Art 50 (transparency)")
              (aiac:outcome-art-50-until-prohibited 3 "a system that fell under Art 50 (transparency) until the prohibition applied, having been placed on the market before it")
            }
          } UNION {
            # (said so: the minimal-risk outcome of such a system says it bears no Art 50 duty,
            # and an outside check read the two as contradicting each other; a system that also
            # bears an Art 50 duty is named as above)
            # (the branch binds the system itself: a FILTER in a branch sees that branch's variables
            # only, and an unbound one matched every system of the batch)
            ?s aia:freeAndOpenSourceLicence true .
            ?category a aia:TransparencyException .
            FILTER NOT EXISTS { ?transparency aia:determinationOf ?s ; aia:conclusion aiac:category-transparency }
            BIND(3 AS ?rank)
            BIND("a system falling under Art 50 (transparency), although an exception of that article lifts its duty" AS ?what)
          }
          FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
        } ORDER BY ?s ?rank
      }
    } GROUP BY ?s
  }
  BIND(CONCAT("The system is released under a free and open-source licence, but it is ", ?whats,
              "; the open-source exclusion of Art 2(12) does not apply to it, and the Regulation applies.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-2-12-open-source|carve-back")))) AS ?d)
} ;
INSERT { ?d aia:premise ?keep }
WHERE {
  ?d aia:determinationOf ?s ; aia:byRule aiar:art-2-12-open-source ; aia:conclusion aiac:outcome-foss-carve-back .
  ?keep a aia:Determination ; aia:determinationOf ?s ; aia:conclusion ?category .
  VALUES ?category { aiac:category-prohibited aiac:category-high-risk aiac:category-transparency aiac:outcome-art-50-until-prohibited }
} ;
INSERT { ?d aia:premise ?keep }
WHERE {
  ?d aia:determinationOf ?s ; aia:byRule aiar:art-2-12-open-source ; aia:conclusion aiac:outcome-foss-carve-back .
  ?keep a aia:Determination ; aia:determinationOf ?s ; aia:conclusion ?exception .
  ?exception a aia:TransparencyException .
}
;
# An Annex III system whose provider relies on Art 6(3) (rule 311) and that the first operation
# puts out of scope owes no duty of Art 6(4) or 49(2): its derogation's outcome says so, instead
# of telling the provider to document the assessment and register the system (an outside check
# found that beside an out-of-scope category and an empty list of duties)
DELETE { ?derogation aia:explanation ?stated }
INSERT { ?derogation aia:explanation ?amended ; aia:amendedByRule aiar:art-2-12-open-source }
WHERE {
  ?out aia:determinationOf ?s ; aia:byRule aiar:art-2-12-open-source ; aia:conclusion aiac:category-out-of-scope .
  ?derogation aia:determinationOf ?s ; aia:byRule aiar:art-6-3-derogation ; aia:explanation ?stated .
  BIND(STRBEFORE(?stated, "it is not considered high-risk (Art 6(3)). ") AS ?head)
  FILTER(STRLEN(?head) > 0)
  BIND(CONCAT(?head, "it is not considered high-risk (Art 6(3)); released under a free and open-source licence and falling under neither Art 5 nor Art 50, it is outside the Regulation (Art 2(12)), so the duties to document the assessment and to register the system (Art 6(4), Art 49(2)) do not arise.") AS ?amended)
}
