# Rule: art-2-2-limitation-in-force
# Label: Once Art 2(2) limits a Section B product's system, the conclusions of the provisions it leaves out are withdrawn
# Provisions: aiap:art_2.par_2 aiap:art_6.par_1 aiap:art_6.par_2 aiap:art_113.pnt_c
# For a high-risk AI system under Art 6(1) related to a product under Annex I Section B, "only
# Article 6(1), Articles 102 to 109 and Article 112 apply" (Art 2(2)). Rule 150 dates that
# limitation from the day Art 6(1) applies (rule 702 moves it with an amendment, so this rule
# runs after the dates are final); before that day the rest of the Regulation applies to the
# system as to any other. On and after it, on the as-of date, the determinations that rest on the
# provisions left out are withdrawn with their premises: the transparency categories of Art 50,
# a classification under Art 6(2) and Annex III, the conformity route of Art 43, a prohibition of
# Art 5, the value-chain outcomes of Art 25. What stays: the Art 6(1) classification, the
# limitation itself and any out-of-scope determination. (Rule 810 lists no obligation for the
# subject from the same day, reading the same limitation.) The limitation's explanation then
# names the provisions whose conclusions are withdrawn (the second operation).
# The limitation says what it withdraws: the provisions the withdrawn determinations rest on (e.g.
# Annex III point 6(c) under Art 6(2), Art 50(1)), in code-point order, so that an Annex III
# purpose or a transparency case stated for the system is not set aside without a word (an outside
# check found a law-enforcement use of Annex III dropped with no trace, beside a validation note
# that called the system high-risk for it)
# A system that is also high-risk under Art 6(2) (an Annex III use case) keeps that classification
# with the whole Regulation, as one that is also a Section A product keeps its own (rule 150): Art
# 2(2) limits only the classification related to the Section B product, Art 6(2) classifies
# Annex III systems "in addition to" those of Art 6(1), and the sectoral acts that Arts 102 to 109
# amend take up only the requirements of Chapter III Section 2, none of the duties of an Annex
# III use (Art 26, 27, 49, 50(3)). Nothing is withdrawn from it; the limitation says so (the first
# operation, before the Annex III determination could be withdrawn), and rule 810 reads the same
# determination. (An outside check found the Annex III duties of a driver-monitoring system of a
# type-approved vehicle dropped on the day Art 6(1) applies, while a Section A product under a
# Section B act kept the whole Regulation.)
# A system that a prohibition bars from the market gets no Annex III classification (rule 310
# skips it, and rule 308 adds no purpose from its biometric practice): its Annex III use case, of
# its stated purpose or of the practice it engages in, is recorded here, so that it too keeps the
# whole Regulation, the prohibition with it. (An outside check found an emotion-recognition
# system of a vehicle, used at the workplace without a medical or safety reason, prohibited until
# Art 6(1) applied and then left with no classification of Art 5 or Art 6(2) and no duty at all,
# while the same system with a safety reason kept its Annex III duties.) A purpose its provider
# derogates from under Art 6(3), without profiling, is no such use case.
INSERT { ?s aia:annexIIIUseCaseBesideSectionB ?useCase }
WHERE {
  ?s aia:placingProhibited true .
  ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 .
  {
    ?s aia:intendedPurpose ?useCase .
    ?useCase a aia:HighRiskUseCase .
  } UNION {
    ?s aia:engagesIn ?p . ?p aia:practice ?practice . ?practice aia:practiceUseCase ?useCase .
    FILTER NOT EXISTS { ?practice aia:practiceUseCaseRequires ?needed . FILTER NOT EXISTS { ?p ?needed ?stated . FILTER(?stated != aiac:attribute-not-sensitive) } }
  }
  FILTER NOT EXISTS { ?s aia:useCaseLeftOut ?useCase }
  FILTER NOT EXISTS {
    ?s aia:reliesOnCondition ?condition ; aia:performsProfiling false .
    FILTER NOT EXISTS { ?s aia:foundHighRiskByAuthority true }
  }
} ;
DELETE { ?limited aia:explanation ?stated }
INSERT { ?limited aia:explanation ?amended ; aia:amendedByRule aiar:art-2-2-limitation-in-force }
WHERE {
  ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 ;
           aia:explanation ?stated .
  {
    SELECT ?s (GROUP_CONCAT(DISTINCT ?citation; separator=", ") AS ?points) WHERE {
      ?limitedAny aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 .
      ?s aia:annexIIIUseCaseBesideSectionB ?useCase .
      ?useCase aia:citation ?citation .
    } GROUP BY ?s
  }
  BIND(CONCAT(?stated, " The system is also an Annex III system (", ?points, "), which Art 2(2) does not limit: for it the whole Regulation applies, the prohibition of Art 5 with it, and nothing is withdrawn.") AS ?amended)
} ;
DELETE { ?limited aia:explanation ?stated }
INSERT { ?limited aia:explanation ?amended ; aia:amendedByRule aiar:art-2-2-limitation-in-force }
WHERE {
  ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 ;
           aia:explanation ?stated .
  {
    SELECT ?s (GROUP_CONCAT(DISTINCT ?citation; separator=", ") AS ?points) WHERE {
      ?limitedAny aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 .
      ?annexIII aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ;
                aia:route aiac:route-art-6-2 ; aia:legalBasis ?point .
      ?point aia:citation ?citation .
      FILTER(STRSTARTS(?citation, "Annex III"))
    } GROUP BY ?s
  }
  BIND(CONCAT(?stated, " The system is also high-risk under Art 6(2) (", ?points, "), a classification Art 2(2) does not take away: for it the whole Regulation applies, and nothing is withdrawn.") AS ?amended)
} ;
DELETE { ?limited aia:explanation ?stated }
INSERT { ?limited aia:explanation ?amended ; aia:amendedByRule aiar:art-2-2-limitation-in-force }
WHERE {
  {
    SELECT ?limited ?stated (GROUP_CONCAT(?citation; separator=", ") AS ?withdrawn) WHERE {
      {
        SELECT DISTINCT ?limited ?stated ?citation WHERE {
          ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 ;
                   aia:appliesFromDate ?limitedFrom ; aia:explanation ?stated .
          aiaa:run aia:asOf ?asOf .
          FILTER(?limitedFrom <= ?asOf)
          FILTER NOT EXISTS { ?annexIII aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 }
          FILTER NOT EXISTS { ?s aia:annexIIIUseCaseBesideSectionB ?besideUseCase }
          ?d a aia:Determination ; aia:determinationOf ?s ; aia:legalBasis ?basis .
          FILTER NOT EXISTS { ?d aia:byRule aiar:art-2-2-annex-i-section-b }
          FILTER NOT EXISTS { ?d aia:byRule aiar:art-6-1-annex-i }
          FILTER NOT EXISTS { ?d aia:byRule aiar:unverified-amendment-flag }
          FILTER NOT EXISTS { ?d aia:conclusion aiac:category-out-of-scope }
          ?basis aia:citation ?citation .
        } ORDER BY ?limited ?citation
      }
    } GROUP BY ?limited ?stated
  }
  BIND(CONCAT(?stated, " On the as-of date the conclusions of the provisions it leaves out are withdrawn with it (", ?withdrawn, ").") AS ?amended)
} ;
# A conclusion about a system that Art 2(2) will limit, dated on or after the day the limitation
# applies, never takes effect: from that day the provisions it rests on no longer apply to the
# system (e.g. an operator's substantial modification before Art 6(1) applies makes it the
# provider under Art 25(1)(b) only once the system is high-risk, the very day Art 25 stops
# applying to it). Before that day the limitation says so (third operation) and the conclusion
# is withdrawn with its premises (fourth), and with it the operators it would make the
# providers (fifth: aia:hasIncomingProvider and the outgoing providers they replace, rule 320).
# (An outside check found an Art 25(1)(b) outcome and the operator's Art 4 duty as provider
# dated from the very day Art 2(2) limits the system, gone from the assessment a day later.)
DELETE { ?limited aia:explanation ?stated }
INSERT { ?limited aia:explanation ?amended ; aia:amendedByRule aiar:art-2-2-limitation-in-force }
WHERE {
  {
    SELECT ?limited ?stated (GROUP_CONCAT(?citation; separator=", ") AS ?neverEffective) WHERE {
      {
        SELECT DISTINCT ?limited ?stated ?citation WHERE {
          ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 ;
                   aia:appliesFromDate ?limitedFrom ; aia:explanation ?stated .
          aiaa:run aia:asOf ?asOf .
          FILTER(?limitedFrom > ?asOf)
          FILTER NOT EXISTS { ?annexIII aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 }
          FILTER NOT EXISTS { ?s aia:annexIIIUseCaseBesideSectionB ?besideUseCase }
          ?d a aia:Determination ; aia:determinationOf ?s ; aia:appliesFromDate ?from ; aia:legalBasis ?basis .
          FILTER(?from >= ?limitedFrom)
          FILTER NOT EXISTS { ?d aia:byRule aiar:art-2-2-annex-i-section-b }
          FILTER NOT EXISTS { ?d aia:byRule aiar:art-6-1-annex-i }
          FILTER NOT EXISTS { ?d aia:byRule aiar:unverified-amendment-flag }
          FILTER NOT EXISTS { ?d aia:conclusion aiac:category-out-of-scope }
          ?basis aia:citation ?citation .
        } ORDER BY ?limited ?citation
      }
    } GROUP BY ?limited ?stated
  }
  BIND(CONCAT(?stated, " Conclusions that would apply only from that day never take effect and are withdrawn (", ?neverEffective, ").") AS ?amended)
} ;
DELETE { ?d ?p ?o . ?premise ?premiseProperty ?premiseValue }
WHERE {
  {
    SELECT DISTINCT ?s ?limitedFrom WHERE {
      ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 ;
               aia:appliesFromDate ?limitedFrom .
      aiaa:run aia:asOf ?asOf .
      FILTER(?limitedFrom > ?asOf)
      FILTER NOT EXISTS { ?annexIII aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 }
      FILTER NOT EXISTS { ?s aia:annexIIIUseCaseBesideSectionB ?besideUseCase }
    }
  }
  ?d a aia:Determination ; aia:determinationOf ?s ; aia:appliesFromDate ?from .
  FILTER(?from >= ?limitedFrom)
  FILTER NOT EXISTS { ?d aia:byRule aiar:art-2-2-annex-i-section-b }
  FILTER NOT EXISTS { ?d aia:byRule aiar:art-6-1-annex-i }
  FILTER NOT EXISTS { ?d aia:byRule aiar:unverified-amendment-flag }
  FILTER NOT EXISTS { ?d aia:conclusion aiac:category-out-of-scope }
  ?d ?p ?o .
  OPTIONAL {
    ?d aia:premise ?premise .
    ?premise a aia:Premise ; ?premiseProperty ?premiseValue .
  }
} ;
DELETE { ?s ?pending ?party }
WHERE {
  VALUES ?pending { aia:hasIncomingProvider aia:hasOutgoingProvider }
  ?s ?pending ?party .
  ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 .
  FILTER NOT EXISTS {
    ?stillPending aia:determinationOf ?s ; aia:conclusion aiac:outcome-new-provider-art-25 ;
                  aia:appliesFromDate ?switchOn .
    aiaa:run aia:asOf ?pendingAsOf .
    FILTER(?switchOn > ?pendingAsOf)
  }
} ;
DELETE { ?d ?p ?o . ?premise ?premiseProperty ?premiseValue }
WHERE {
  {
    SELECT DISTINCT ?s WHERE {
      ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 ;
               aia:appliesFromDate ?limitedFrom .
      aiaa:run aia:asOf ?asOf .
      FILTER(?limitedFrom <= ?asOf)
      FILTER NOT EXISTS { ?annexIII aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 }
      FILTER NOT EXISTS { ?s aia:annexIIIUseCaseBesideSectionB ?besideUseCase }
    }
  }
  ?d a aia:Determination ; aia:determinationOf ?s .
  FILTER NOT EXISTS { ?d aia:byRule aiar:art-2-2-annex-i-section-b }
  FILTER NOT EXISTS { ?d aia:byRule aiar:art-6-1-annex-i }
  FILTER NOT EXISTS { ?d aia:conclusion aiac:category-out-of-scope }
  ?d ?p ?o .
  OPTIONAL {
    ?d aia:premise ?premise .
    ?premise a aia:Premise ; ?premiseProperty ?premiseValue .
  }
}
