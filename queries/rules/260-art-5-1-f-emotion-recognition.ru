# Rule: art-5-1-f-emotion-recognition
# Label: Prohibited under Art 5(1)(f): inferring emotions in the workplace or education institutions, except for medical or safety reasons
# Provisions: aiap:art_5.par_1.pnt_f aiap:anx_III.pnt_1.pnt_c aiap:anx_III.pnt_3 aiap:anx_III.pnt_4
# A practice description with aia:practice aiac:practice-emotion-recognition in the area of the
# workplace or of education institutions (aia:practiceArea aiac:area-workplace /
# aiac:area-education) falls under point (f), unless it is intended for medical or safety
# reasons (aia:practiceReason aiac:reason-medical / aiac:reason-safety) and for no other: the
# exception concept aiac:art-5-1-f-exception-medical-safety is then the outcome, and no category.
# A practice also intended for another reason (e.g. safety and productivity) is prohibited: the
# exception covers only a use "intended ... for medical or safety reasons". A missing reason
# counts as another reason (see the submission shapes). Emotion recognition elsewhere is not
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
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-f-emotion-recognition ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_f> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-emotion-recognition ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practiceArea ; aia:premiseValue ?area ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?s ?area (COUNT(?other0) AS ?reasons) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      # exempt only where every stated reason is medical or safety: a further reason (e.g. to
      # monitor productivity) is a purpose the exception does not cover (a branch each, each
      # with the practice: as nested or alternative NOT EXISTS filters they overflow Virtuoso 7's
      # stack)
      {
        ?p0 aia:practice aiac:practice-emotion-recognition ; aia:practiceArea ?area .
        FILTER NOT EXISTS { ?p0 aia:practiceReason ?exempt . VALUES ?exempt { aiac:reason-medical aiac:reason-safety } }
      } UNION {
        ?p0 aia:practice aiac:practice-emotion-recognition ; aia:practiceArea ?area ; aia:practiceReason ?other0 .
        FILTER(?other0 != aiac:reason-medical && ?other0 != aiac:reason-safety)
      }
      VALUES ?area { aiac:area-workplace aiac:area-education }
      # a stated reason is counted by the second branch alone (reasons that are neither medical
      # nor safety; an OPTIONAL over the reasons after the UNION counted one on Virtuoso 7 where
      # none was stated)
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
      }
    }
  }
  aiap:art_5 eli:date_applicability ?applies .
  BIND(IF(?reasons > 0, "a stated reason is neither medical nor safety", "no medical or safety reason was stated") AS ?why)
  BIND(CONCAT("The system infers the emotions of natural persons in the area of the ", STR(?areaLabel),
              "; emotion recognition there is prohibited by Art 5(1)(f) unless intended for medical or safety reasons, and ", ?why,
              ". Placing it on the market, putting it into service for this purpose and using it are prohibited from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-f-emotion-recognition|", STR(?area))))) AS ?d)
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
      VALUES ?area { aiac:area-workplace aiac:area-education }
      VALUES ?reason { aiac:reason-medical aiac:reason-safety }
      FILTER NOT EXISTS { ?p0 aia:practiceReason ?other . FILTER(?other != aiac:reason-medical && ?other != aiac:reason-safety) }
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
# the new intended purpose of a change on or before the as-of date (rules 311 and 320 match a
# change so). A system with both stated as aia:intendedPurpose is decided by the third operation
# (same key), one with an emotion-recognition practice description by the first.
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
        ?s aia:purposeChangeInEffect ?emotionChange .
        ?emotionChange aia:newIntendedPurpose aiac:annex-iii-1c ; aia:eventDate ?emotionOn .
      }
      {
        ?s aia:intendedPurpose ?purpose .
      } UNION {
        ?s aia:purposeChangeInEffect ?contextChange .
        ?contextChange aia:newIntendedPurpose ?purpose ; aia:eventDate ?contextOn .
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
  # the system for a stated purpose, the change for a new one
  {
    SELECT DISTINCT ?s ?area ?on ?property ?value WHERE {
      {
        ?s aia:intendedPurpose ?value .
        BIND(?s AS ?on) BIND(aia:intendedPurpose AS ?property)
      } UNION {
        ?s aia:purposeChangeInEffect ?on . ?on aia:newIntendedPurpose ?value .
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
  BIND(CONCAT("An operator changed the intended purpose of the system: it is now intended for emotion recognition (Annex III point 1(c)) and for a use case of ", STR(?contextCitation),
              ", so it infers emotions in the area of the ", STR(?areaLabel),
              "; emotion recognition there is prohibited by Art 5(1)(f) unless intended for medical or safety reasons, and none was stated (describe the practice, aia:engagesIn, with its area and reason to state one). Placing it on the market, putting it into service for this purpose and using it are prohibited from ",
              STR(?from), IF(?from > ?applies, CONCAT(", the day of the change (Art 5 applies from ", STR(?applies), ")"), ""), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-f-emotion-recognition|", STR(?area))))) AS ?d)
}
