# Rule: art-5-1-d-crime-prediction
# Label: Prohibited under Art 5(1)(d): predicting the risk that a person commits a criminal offence based solely on profiling or personality traits
# Provisions: aiap:art_5.par_1.pnt_d
# A practice description with aia:practice aiac:practice-crime-risk-prediction falls under point
# (d) when the assessment is based solely on profiling or on personality traits and
# characteristics (aia:basedSolelyOnProfiling true). Exception written into the point: systems
# that support a human assessment already based on objective and verifiable facts directly
# linked to a criminal activity (aia:supportsHumanAssessmentOnFacts true) are not covered; the
# exception concept aiac:art-5-1-d-exception-objective-facts is then the outcome, and no
# category. A prediction not based solely on profiling is not prohibited; it may be high-risk
# under Annex III point 6(d) (rules 300-399).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:byRule aiar:art-5-1-d-crime-prediction ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_d> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-crime-risk-prediction ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:basedSolelyOnProfiling ; aia:premiseValue true ] ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # every qualifying practice description is a premise (no arbitrary pick)
    SELECT DISTINCT ?s (?p0 AS ?p) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-crime-risk-prediction ; aia:basedSolelyOnProfiling true .
      FILTER NOT EXISTS { ?p0 aia:supportsHumanAssessmentOnFacts true }
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("The system assesses or predicts the risk that a natural person will commit a criminal offence based solely on profiling or on an assessment of personality traits and characteristics, and it does not merely support a human assessment based on objective and verifiable facts linked to a criminal activity; placing it on the market, putting it into service for this purpose and using it are prohibited by Art 5(1)(d) from ", STR(?applies), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-d-crime-prediction|")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:art-5-1-d-exception-objective-facts ;
    aia:byRule aiar:art-5-1-d-crime-prediction ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_d> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-crime-risk-prediction ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:supportsHumanAssessmentOnFacts ; aia:premiseValue true ] ;
    aia:explanation "The system predicts the risk that a natural person commits a criminal offence, but only to support a human assessment of the person's involvement that is already based on objective and verifiable facts directly linked to a criminal activity; the prohibition of Art 5(1)(d) does not apply to it (it may be high-risk under Annex III point 6(d))." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # every qualifying practice description is a premise (no arbitrary pick)
    SELECT DISTINCT ?s (?p0 AS ?p) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-crime-risk-prediction ; aia:supportsHumanAssessmentOnFacts true .
      FILTER(isIRI(?s))
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-d-crime-prediction|exception")))) AS ?d)
}
