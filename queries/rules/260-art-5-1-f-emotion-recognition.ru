# Rule: art-5-1-f-emotion-recognition
# Label: Prohibited under Art 5(1)(f): inferring emotions in the workplace or education institutions, except for medical or safety reasons
# Provisions: aiap:art_5.par_1.pnt_f aiap:anx_III.pnt_1.pnt_c aiap:anx_III.pnt_3 aiap:anx_III.pnt_4 aiap:art_25.par_1.pnt_c aiap:art_3.pnt_11 aiap:art_3.pnt_12
# A practice description with aia:practice aiac:practice-emotion-recognition in the area of the
# workplace or of education institutions (aia:practiceArea aiac:area-workplace /
# aiac:area-education) falls under point (f), unless it is intended for medical or safety
# reasons (aia:practiceReason aiac:reason-medical / aiac:reason-safety) and for no other: the
# exception concept aiac:art-5-1-f-exception-medical-safety is then the outcome, and no category.
# A practice also intended for another reason (e.g. safety and productivity) is prohibited: the
# exception covers only a use "intended ... for medical or safety reasons". A missing reason
# counts as another reason (see the submission shapes). So does an intended purpose stated for the
# system (aia:intendedPurpose) that is an Annex III use case of the practice's area: point 4
# (recruitment and selection, decisions on work relationships, task allocation, monitoring and
# evaluating workers' performance and behaviour) for the workplace, point 3 (admission, evaluating
# learning outcomes, assessing the level of education, monitoring students during tests) for
# education institutions. None of these is a medical or safety reason, and the exception covers
# only a system whose use "is intended to be put in place or into the market for medical or
# safety reasons" (Art 5(1)(f)), "strictly" so (Recital 44: "systems intended for therapeutical
# use"): a system stated to be intended for evaluating its workers' performance as well is
# placed on the market for that purpose too, whatever reason its practice description gives (an
# outside check found the exception given to a system stated for Annex III point 4(b) with a
# practice at the workplace "for medical reasons"; the same two purposes without the practice
# description are prohibited by the third operation). The determination then has the stated
# purpose as a premise (one, the first in code-point order of its citation), and its explanation
# names it where it is the only reason the exception fails.
# Emotion recognition elsewhere is not
# prohibited; it is high-risk (Annex III point 1(c): rule annex-iii-point-1-practices reads the
# practice as the system's intended purpose) and needs transparency (Art 50(3), rules 400-499).
# A system described by its purposes alone (no emotion-recognition practice description) whose
# intended purpose is emotion recognition (Annex III point 1(c)) and also an Annex III use case of
# employment and workers' management (point 4: the workplace) or of education and vocational
# training (point 3: education institutions) infers emotions in that area: prohibited too, with
# no medical or safety reason stated (the third operation; an outside check found such a system
# classified high-risk). A practice description, which must state its area (shape
# EmotionRecognitionContext), decides where there is one.
# The same holds where either purpose, or both, is the new intended purpose of a change an
# operator made on or before the as-of date (aia:IntendedPurposeChange, aia:newIntendedPurpose,
# aia:eventDate): from then the system is intended for it (the fourth operation; an
# outside check found such a system classified high-risk under Art 25(1)(c)). A stated purpose
# and a change's new purpose both count, as rule 420 reads them. The prohibition applies from
# the first day both purposes hold, the date of the later change it rests on (never before Art 5
# applies): before that, the system was not intended to infer emotions in that area.
# Who changed the purpose decides what is prohibited (an outside check found one deployer's change
# prohibiting the whole system, exposing its provider, importer, distributor and other deployers
# to the fine of Art 99(3) and removing the provider's high-risk duties). Point (f) prohibits "the
# placing on the market, the putting into service for this specific purpose, or the use" of such a
# system. The intended purpose is the provider's (Art 3(12)): a change the provider of the system
# makes (a provider described for it, aia:hasProvider) changes what the system is placed on the
# market and put into service for, so the fourth operation prohibits the system as before (no
# other classification; every operator exposed, rule 840). A change by any other operator (a
# deployer, importer, distributor or other third party, aia:byOperator) concerns that operator's
# own putting into service and use: Art 25(1)(c) makes the operator that modifies the intended
# purpose answerable for the new purpose as its provider, and the provider, importer and
# distributor did not place the system on the market or make it available "for this specific
# purpose". Where the practice arises only through such a change (the fifth operation: emotion
# recognition and a point 3 or 4 purpose, at least one of them from that operator's change, the
# other stated or from its own or the provider's change), the determination cites Art 5(1)(f) and
# Art 25(1)(c), names the operator (a premise aia:byOperator on each of its changes) and applies
# from the change: rule 295 then bars nothing else (no aia:placingProhibited) and withdraws that
# operator's prohibited change from the classifications that follow (a purpose it may neither put
# into service nor use makes no Art 25(1)(c) provider, no high-risk system and no Art 50(3)
# duty), and rule 840 exposes that operator alone to the fine. The system keeps the
# classifications of the purposes it was placed on the market for (a stated point 1(c) purpose:
# high-risk and Art 50(3)), and its other operators keep their duties; the changing operator
# keeps the duties of the role it holds for the system as placed. A change by one operator is not
# combined with another operator's (each changes the purpose of its own use). Where the provider's
# purposes alone already make the system prohibited, the operator's determination is drawn only
# if its change made the practice arise earlier. Foreseeable misuse by a deployer (Art 3(13)) is
# not a change of intended purpose and is not read here.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-f-emotion-recognition ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_f> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-emotion-recognition ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practiceArea ; aia:premiseValue ?area ] ,
                ?purposePremise ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?purposePremise a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:intendedPurpose ; aia:premiseValue ?statedPurpose .
}
WHERE {
  {
    SELECT ?s ?area (COUNT(?other0) AS ?reasons) (COUNT(?bare0) AS ?bare) (MIN(?stated0) AS ?statedEntry) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      # exempt only where every stated reason is medical or safety: a further reason (e.g. to
      # monitor productivity) is a purpose the exception does not cover (a branch each, each
      # with the practice: as nested or alternative NOT EXISTS filters they overflow Virtuoso 7's
      # stack)
      {
        ?p0 aia:practice aiac:practice-emotion-recognition ; aia:practiceArea ?area .
        FILTER NOT EXISTS { ?p0 aia:practiceReason ?exempt . VALUES ?exempt { aiac:reason-medical aiac:reason-safety } }
        BIND(?p0 AS ?bare0)
      } UNION {
        ?p0 aia:practice aiac:practice-emotion-recognition ; aia:practiceArea ?area ; aia:practiceReason ?other0 .
        FILTER(?other0 != aiac:reason-medical && ?other0 != aiac:reason-safety)
      } UNION {
        # a medical or safety reason, but the system is stated to be intended for a use case of
        # the area's Annex III point (point 4: workplace; point 3: education institutions),
        # which is neither: the citation and the concept, to name the first in the explanation
        ?p0 aia:practice aiac:practice-emotion-recognition ; aia:practiceArea ?area ; aia:practiceReason ?exempt1 .
        VALUES ?exempt1 { aiac:reason-medical aiac:reason-safety }
        ?s aia:intendedPurpose ?statedPurpose0 .
        ?statedPurpose0 a aia:HighRiskUseCase ; skos:broader ?areaPoint ; aia:citation ?statedCitation0 .
        VALUES (?areaPoint ?area) { (aiac:annex-iii-4 aiac:area-workplace) (aiac:annex-iii-3 aiac:area-education) }
        BIND(CONCAT(STR(?statedCitation0), "|", STR(?statedPurpose0)) AS ?stated0)
      }
      VALUES ?area { aiac:area-workplace aiac:area-education }
      # a stated reason is counted by the second branch alone (reasons that are neither medical
      # nor safety; an OPTIONAL over the reasons after the UNION counted one on Virtuoso 7 where
      # none was stated), a practice without a medical or safety reason by the first
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    } GROUP BY ?s ?area
  }
  # every such practice description in the area is a premise (one row each), with the area's
  # label (read here: joined to the rows of the sub-selects, the label pattern found no row on
  # Virtuoso 7 in a store holding this description alone)
  {
    SELECT DISTINCT ?s ?p ?area ?areaLabel WHERE {
      ?s aia:engagesIn ?p .
      ?area rdfs:label ?areaLabel . FILTER(LANG(?areaLabel) = "en")
      {
        ?p aia:practice aiac:practice-emotion-recognition ; aia:practiceArea ?area .
        FILTER NOT EXISTS { ?p aia:practiceReason ?exemptReason . VALUES ?exemptReason { aiac:reason-medical aiac:reason-safety } }
      } UNION {
        ?p aia:practice aiac:practice-emotion-recognition ; aia:practiceArea ?area ; aia:practiceReason ?other .
        FILTER(?other != aiac:reason-medical && ?other != aiac:reason-safety)
      } UNION {
        ?p aia:practice aiac:practice-emotion-recognition ; aia:practiceArea ?area ; aia:practiceReason ?exemptStated .
        VALUES ?exemptStated { aiac:reason-medical aiac:reason-safety }
        ?s aia:intendedPurpose ?statedInArea .
        ?statedInArea a aia:HighRiskUseCase ; skos:broader ?statedPoint .
        VALUES (?statedPoint ?area) { (aiac:annex-iii-4 aiac:area-workplace) (aiac:annex-iii-3 aiac:area-education) }
      }
    }
  }
  aiap:art_5 eli:date_applicability ?applies .
  BIND(STRBEFORE(?statedEntry, "|") AS ?statedCitation)
  BIND(IRI(STRAFTER(?statedEntry, "|")) AS ?statedPurpose)
  BIND(IF(?reasons > 0, "a stated reason is neither medical nor safety",
       IF(?bare > 0, "no medical or safety reason was stated",
          CONCAT("the medical or safety reason stated is not its only purpose: the system is also intended for a use case of ", ?statedCitation,
                 ", which is neither a medical nor a safety reason, and the exception covers only a system intended strictly for medical or safety reasons (Recital 44)"))) AS ?why)
  # the stated purpose of the area, where there is one, is a premise (an IRI of its own, minted
  # from the determination and the purpose)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-f-emotion-recognition|", STR(?area))))) AS ?d)
  BIND(IF(STRLEN(STR(?statedPurpose)) > 0, IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?s), "|intendedPurpose|", STR(?statedPurpose))))), ?unbound) AS ?purposePremise)
  BIND(CONCAT("The system infers the emotions of natural persons in the area of the ", STR(?areaLabel),
              "; emotion recognition there is prohibited by Art 5(1)(f) unless intended for medical or safety reasons, and ", ?why,
              ". Placing it on the market, putting it into service for this purpose and using it are prohibited from ", STR(?applies), ".") AS ?explanation)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:art-5-1-f-exception-medical-safety ;
    aia:byRule aiar:art-5-1-f-emotion-recognition ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_f> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-emotion-recognition ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practiceArea ; aia:premiseValue ?area ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practiceReason ; aia:premiseValue ?reason ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # every practice description with the reason is a premise (no arbitrary pick)
    SELECT DISTINCT ?s ?area ?reason (?p0 AS ?p) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-emotion-recognition ; aia:practiceArea ?area ; aia:practiceReason ?reason .
      VALUES (?areaPoint ?area) { (aiac:annex-iii-4 aiac:area-workplace) (aiac:annex-iii-3 aiac:area-education) }
      VALUES ?reason { aiac:reason-medical aiac:reason-safety }
      FILTER NOT EXISTS { ?p0 aia:practiceReason ?other . FILTER(?other != aiac:reason-medical && ?other != aiac:reason-safety) }
      # nor where the system is stated to be intended for a use case of the area's Annex III
      # point, which is no medical or safety reason (the first operation prohibits it)
      FILTER NOT EXISTS { ?s aia:intendedPurpose ?stated . ?stated a aia:HighRiskUseCase ; skos:broader ?areaPoint }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  ?area rdfs:label ?areaLabel . FILTER(LANG(?areaLabel) = "en")
  ?reason rdfs:label ?reasonLabel . FILTER(LANG(?reasonLabel) = "en")
  BIND(CONCAT("The system infers emotions in the area of the ", STR(?areaLabel), ", but it is intended for ", STR(?reasonLabel),
              "; the prohibition of Art 5(1)(f) does not apply. Emotion recognition remains high-risk where it is the intended purpose (Annex III point 1(c)) and requires informing the persons exposed (Art 50(3)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-f-emotion-recognition|exception|", STR(?area), "|", STR(?reason))))) AS ?d)
}
 ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-f-emotion-recognition ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_f> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:intendedPurpose ; aia:premiseValue aiac:annex-iii-1c ] ,
                [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:intendedPurpose ; aia:premiseValue ?contextPurpose ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # one purpose of the area as the premise (the first in code-point order)
    SELECT ?s ?area (MIN(STR(?purpose)) AS ?contextPurposeText) WHERE {
      ?s a aia:AISystem ; aia:intendedPurpose aiac:annex-iii-1c , ?purpose .
      ?purpose a aia:HighRiskUseCase ; skos:broader ?areaPoint .
      VALUES (?areaPoint ?area) { (aiac:annex-iii-4 aiac:area-workplace) (aiac:annex-iii-3 aiac:area-education) }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?s aia:engagesIn ?practice . ?practice aia:practice aiac:practice-emotion-recognition }
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    } GROUP BY ?s ?area
  }
  BIND(IRI(?contextPurposeText) AS ?contextPurpose)
  ?contextPurpose aia:citation ?contextCitation .
  ?area rdfs:label ?areaLabel . FILTER(LANG(?areaLabel) = "en")
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("The system is intended for emotion recognition (Annex III point 1(c)) and for a use case of ", STR(?contextCitation),
              ", so it infers emotions in the area of the ", STR(?areaLabel),
              "; emotion recognition there is prohibited by Art 5(1)(f) unless intended for medical or safety reasons, and none was stated (describe the practice, aia:engagesIn, with its area and reason to state one). Placing it on the market, putting it into service for this purpose and using it are prohibited from ",
              STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-f-emotion-recognition|", STR(?area))))) AS ?d)
} ;
# The fourth operation: emotion recognition and a use case of point 3 or 4, one of them (or both)
# the new intended purpose of a change by a provider of the system on or before the as-of date
# (rules 311 and 320 match a change so), the other stated or from such a change: the system as
# its provider places it on the market is intended for the practice. A system with both stated
# as aia:intendedPurpose is decided by the third operation (same key), one with an
# emotion-recognition practice description by the first; a change by another operator by the
# fifth.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-f-emotion-recognition ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_f> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?on ; aia:premiseProperty ?property ; aia:premiseValue ?value ] ;
    aia:appliesFromDate ?from ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # per system and area: the earliest day both purposes hold (the later of their sources, a
    # change's date or, for a stated purpose, the date Art 5 applies), and one purpose of the
    # area for the explanation (the first in code-point order)
    SELECT ?s ?area (MIN(?rowFrom) AS ?from) (MIN(STR(?purpose)) AS ?contextPurposeText) WHERE {
      ?s a aia:AISystem .
      {
        ?s aia:intendedPurpose aiac:annex-iii-1c .
      } UNION {
        ?s aia:purposeChangeInEffect ?emotionChange ; aia:hasProvider ?emotionBy .
        ?emotionChange aia:newIntendedPurpose aiac:annex-iii-1c ; aia:eventDate ?emotionOn ; aia:byOperator ?emotionBy .
      }
      {
        ?s aia:intendedPurpose ?purpose .
      } UNION {
        ?s aia:purposeChangeInEffect ?contextChange ; aia:hasProvider ?contextBy .
        ?contextChange aia:newIntendedPurpose ?purpose ; aia:eventDate ?contextOn ; aia:byOperator ?contextBy .
      }
      ?purpose a aia:HighRiskUseCase ; skos:broader ?areaPoint .
      VALUES (?areaPoint ?area) { (aiac:annex-iii-4 aiac:area-workplace) (aiac:annex-iii-3 aiac:area-education) }
      # at least one purpose from a change: both stated is the third operation
      FILTER(BOUND(?emotionOn) || BOUND(?contextOn))
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?s aia:engagesIn ?practice . ?practice aia:practice aiac:practice-emotion-recognition }
      FILTER NOT EXISTS { ?s aia:intendedPurpose aiac:annex-iii-1c , ?stated . ?stated a aia:HighRiskUseCase ; skos:broader ?areaPoint }
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      aiap:art_5 eli:date_applicability ?art5From .
      BIND(COALESCE(?emotionOn, ?art5From) AS ?emotionFrom)
      BIND(COALESCE(?contextOn, ?art5From) AS ?contextFrom)
      BIND(IF(?emotionFrom > ?contextFrom, ?emotionFrom, ?contextFrom) AS ?bothFrom)
      BIND(IF(?bothFrom > ?art5From, ?bothFrom, ?art5From) AS ?rowFrom)
    } GROUP BY ?s ?area
  }
  # every source of either purpose (on or before the as-of date) is a premise, one row each:
  # the system for a stated purpose, the provider's change for a new one
  {
    SELECT DISTINCT ?s ?area ?on ?property ?value WHERE {
      {
        ?s aia:intendedPurpose ?value .
        BIND(?s AS ?on) BIND(aia:intendedPurpose AS ?property)
      } UNION {
        ?s aia:purposeChangeInEffect ?on ; aia:hasProvider ?by .
        ?on aia:newIntendedPurpose ?value ; aia:byOperator ?by .
        BIND(aia:newIntendedPurpose AS ?property)
      }
      ?value skos:broader ?valuePoint .
      VALUES (?areaPoint ?area) { (aiac:annex-iii-4 aiac:area-workplace) (aiac:annex-iii-3 aiac:area-education) }
      FILTER(?value = aiac:annex-iii-1c || ?valuePoint = ?areaPoint)
    }
  }
  BIND(IRI(?contextPurposeText) AS ?contextPurpose)
  ?contextPurpose aia:citation ?contextCitation .
  ?area rdfs:label ?areaLabel . FILTER(LANG(?areaLabel) = "en")
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("Its provider changed the intended purpose of the system: it is now intended for emotion recognition (Annex III point 1(c)) and for a use case of ", STR(?contextCitation),
              ", so it infers emotions in the area of the ", STR(?areaLabel),
              "; emotion recognition there is prohibited by Art 5(1)(f) unless intended for medical or safety reasons, and none was stated (describe the practice, aia:engagesIn, with its area and reason to state one). Placing it on the market, putting it into service for this purpose and using it are prohibited from ",
              STR(?from), IF(?from > ?applies, CONCAT(", the day of the change (Art 5 applies from ", STR(?applies), ")"), ""), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-f-emotion-recognition|", STR(?area))))) AS ?d)
} ;
# The fifth operation: the practice arises only through a change by an operator that is not a
# provider of the system (aia:byOperator, not aia:hasProvider): emotion recognition and a use case
# of point 3 or 4 among the purposes of that operator's use (stated, changed by a provider, or
# changed by that operator), at least one of them from that operator's change. The prohibition
# concerns that operator's putting into service for the new purpose and its use (Art 5(1)(f),
# Art 25(1)(c)), from the first day both purposes hold for it; it is not drawn where the
# provider's purposes alone make the system prohibited from that day or earlier (the third and
# fourth operations). Rule 295 reads the aia:byOperator premises: no aia:placingProhibited for
# the system, and the operator's change is withdrawn from the classifications; rule 840 exposes
# only that operator.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-f-emotion-recognition ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_f> , <https://w3id.org/aiact-kg/reg/2024/1689/art_25.par_1.pnt_c> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?on ; aia:premiseProperty ?property ; aia:premiseValue ?value ] ;
    aia:appliesFromDate ?from ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # per system, operator and area: the earliest day both purposes hold for the operator's use
    # through its own change (?from), the earliest day they hold through the provider's purposes
    # alone (?providerFrom: none if they never do), and one purpose of the area from the
    # operator's rows for the explanation (the first in code-point order)
    SELECT ?s ?x ?area (MIN(?xRowFrom) AS ?from) (MIN(?providerRowFrom) AS ?providerFrom) (MIN(?xPurposeText) AS ?contextPurposeText) WHERE {
      ?s a aia:AISystem ; aia:purposeChangeInEffect ?xChange .
      ?xChange aia:byOperator ?x .
      FILTER NOT EXISTS { ?s aia:hasProvider ?x }
      {
        ?s aia:intendedPurpose aiac:annex-iii-1c .
      } UNION {
        ?s aia:purposeChangeInEffect ?emotionChange ; aia:hasProvider ?emotionBy .
        ?emotionChange aia:newIntendedPurpose aiac:annex-iii-1c ; aia:eventDate ?emotionOn ; aia:byOperator ?emotionBy .
      } UNION {
        ?s aia:purposeChangeInEffect ?emotionChange .
        ?emotionChange aia:newIntendedPurpose aiac:annex-iii-1c ; aia:eventDate ?emotionOn ; aia:byOperator ?x .
        BIND("x" AS ?emotionSource)
      }
      {
        ?s aia:intendedPurpose ?purpose .
      } UNION {
        ?s aia:purposeChangeInEffect ?contextChange ; aia:hasProvider ?contextBy .
        ?contextChange aia:newIntendedPurpose ?purpose ; aia:eventDate ?contextOn ; aia:byOperator ?contextBy .
      } UNION {
        ?s aia:purposeChangeInEffect ?contextChange .
        ?contextChange aia:newIntendedPurpose ?purpose ; aia:eventDate ?contextOn ; aia:byOperator ?x .
        BIND("x" AS ?contextSource)
      }
      ?purpose a aia:HighRiskUseCase ; skos:broader ?areaPoint .
      VALUES (?areaPoint ?area) { (aiac:annex-iii-4 aiac:area-workplace) (aiac:annex-iii-3 aiac:area-education) }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?s aia:engagesIn ?practice . ?practice aia:practice aiac:practice-emotion-recognition }
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
      aiap:art_5 eli:date_applicability ?art5From .
      BIND(COALESCE(?emotionOn, ?art5From) AS ?emotionFrom)
      BIND(COALESCE(?contextOn, ?art5From) AS ?contextFrom)
      BIND(IF(?emotionFrom > ?contextFrom, ?emotionFrom, ?contextFrom) AS ?bothFrom)
      BIND(IF(?bothFrom > ?art5From, ?bothFrom, ?art5From) AS ?rowFrom)
      # a row resting on the operator's change, or on the provider's purposes alone (the other
      # kind's day is a day after any other, so that each minimum is the day of its own rows:
      # a COALESCE over the minima, or a row left unbound and tested outside the sub-select, is
      # refused by Virtuoso 7's compiler or read as bound there)
      BIND(CONCAT(COALESCE(?emotionSource, ""), COALESCE(?contextSource, "")) != "" AS ?byX)
      BIND(IF(?byX, ?rowFrom, "9999-12-31"^^xsd:date) AS ?xRowFrom)
      BIND(IF(?byX, "9999-12-31"^^xsd:date, ?rowFrom) AS ?providerRowFrom)
      BIND(IF(?byX, STR(?purpose), ?unbound) AS ?xPurposeText)
    } GROUP BY ?s ?x ?area
  }
  # only where the operator's change makes the practice arise before the provider's purposes do
  # (or they never do: the day after any other); a group with no row of the operator's has that
  # day as ?from and is left out
  FILTER(?from < ?providerFrom)
  # every source of either purpose for the operator's use (on or before the as-of date) is a
  # premise, one row each: the system for a stated purpose, the provider's or the operator's
  # change for a new one, and the operator of each of its changes of either purpose
  {
    SELECT DISTINCT ?s ?x ?area ?on ?property ?value WHERE {
      ?s aia:purposeChangeInEffect ?xEvent .
      ?xEvent aia:byOperator ?x .
      {
        ?s aia:intendedPurpose ?purposeValue .
        BIND(?s AS ?on) BIND(aia:intendedPurpose AS ?property) BIND(?purposeValue AS ?value)
      } UNION {
        ?s aia:purposeChangeInEffect ?on ; aia:hasProvider ?by .
        ?on aia:newIntendedPurpose ?purposeValue ; aia:byOperator ?by .
        BIND(aia:newIntendedPurpose AS ?property) BIND(?purposeValue AS ?value)
      } UNION {
        ?s aia:purposeChangeInEffect ?on .
        ?on aia:newIntendedPurpose ?purposeValue ; aia:byOperator ?x .
        BIND(aia:newIntendedPurpose AS ?property) BIND(?purposeValue AS ?value)
      } UNION {
        ?s aia:purposeChangeInEffect ?on .
        ?on aia:newIntendedPurpose ?purposeValue ; aia:byOperator ?x .
        BIND(aia:byOperator AS ?property) BIND(?x AS ?value)
      }
      ?purposeValue skos:broader ?valuePoint .
      VALUES (?areaPoint ?area) { (aiac:annex-iii-4 aiac:area-workplace) (aiac:annex-iii-3 aiac:area-education) }
      FILTER(?purposeValue = aiac:annex-iii-1c || ?valuePoint = ?areaPoint)
    }
  }
  # the operator's name: an English label first, then the first in code-point order, else its IRI
  # (two labels must not give two explanations to one determination)
  OPTIONAL {
    SELECT ?x (MIN(CONCAT(IF(LANGMATCHES(LANG(?l), "en"), "0", "1"), STR(?l))) AS ?rankedLabel)
    WHERE { ?x rdfs:label ?l } GROUP BY ?x
  }
  BIND(SUBSTR(?rankedLabel, 2) AS ?operatorLabel)
  BIND(IF(BOUND(?operatorLabel), CONCAT("'", STR(?operatorLabel), "'"), CONCAT("<", STR(?x), ">")) AS ?who)
  BIND(IRI(?contextPurposeText) AS ?contextPurpose)
  ?contextPurpose aia:citation ?contextCitation .
  ?area rdfs:label ?areaLabel . FILTER(LANG(?areaLabel) = "en")
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("The operator ", ?who, ", which is not a provider of the system, changed its intended purpose: for that operator's use it is now intended for emotion recognition (Annex III point 1(c)) and for a use case of ", STR(?contextCitation),
              ", so it infers emotions in the area of the ", STR(?areaLabel),
              "; emotion recognition there is prohibited by Art 5(1)(f) unless intended for medical or safety reasons, and none was stated (describe the practice, aia:engagesIn, with its area and reason to state one). The operator that modified the intended purpose answers for the new purpose (Art 25(1)(c)): its putting into service of the system for this purpose and its use of it are prohibited from ",
              STR(?from), IF(?from > ?applies, CONCAT(", the day of the change (Art 5 applies from ", STR(?applies), ")"), ""),
              ". The system was not placed on the market for this purpose: its placing on the market and its other operators are not concerned by this prohibition, and the change gives it no other classification.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-f-emotion-recognition|", STR(?area), "|", STR(?x))))) AS ?d)
}
