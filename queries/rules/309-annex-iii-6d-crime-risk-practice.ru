# Rule: annex-iii-6d-crime-risk-practice
# Label: A crime-risk prediction that Art 5(1)(d) does not prohibit, used by or for law enforcement, is intended for the use case of Annex III point 6(d)
# Provisions: aiap:anx_III.pnt_6.pnt_d aiap:art_5.par_1.pnt_d aiap:art_6.par_2
# Annex III point 6(d) lists systems intended to be used by or on behalf of law enforcement
# authorities (or Union bodies supporting them) for assessing the risk of a natural person
# offending or re-offending not solely on the basis of profiling. Art 5(1)(d) prohibits the
# prediction based solely on profiling or personality traits, and excepts support of a human
# assessment based on objective and verifiable facts; what it leaves is the Annex III use case
# when law enforcement uses it. A system whose description links a crime-risk prediction (not
# prohibited by rule 240) with a law-enforcement context (a deployer or provider that is a law
# enforcement authority or acts on its behalf, aia:isLawEnforcementAuthority, or the practice
# carried out for law enforcement, aia:forLawEnforcement) has Annex III point 6(d) as intended
# purpose, whatever other purpose it states, with an outcome citing the practice, so that the
# high-risk rules (Art 6(2), the Art 6(3) derogation) read it as a stated purpose. Out-of-scope
# and prohibited systems are skipped.
INSERT {
  ?s aia:intendedPurpose aiac:annex-iii-6d .
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-purpose-from-crime-risk-practice ;
    aia:byRule aiar:annex-iii-6d-crime-risk-practice ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/anx_III.pnt_6.pnt_d> ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-crime-risk-prediction ] ,
                [ a aia:Premise ; aia:premiseSubject ?context ; aia:premiseProperty ?contextProperty ; aia:premiseValue true ] ;
    aia:explanation "The system assesses the risk that a natural person offends or re-offends, in a way Art 5(1)(d) does not prohibit, and it is used by or on behalf of a law enforcement authority or for law enforcement, so it is intended for the use case of Annex III point 6(d): its intended purpose includes that point." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # every qualifying practice and context is a premise (no arbitrary pick)
    SELECT DISTINCT ?s ?p ?context ?contextProperty WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p .
      ?p aia:practice aiac:practice-crime-risk-prediction .
      FILTER(isIRI(?s))
      {
        ?s aia:hasDeployer|aia:hasProvider ?context .
        ?context aia:isLawEnforcementAuthority true .
        BIND(aia:isLawEnforcementAuthority AS ?contextProperty)
      } UNION {
        ?p aia:forLawEnforcement true .
        BIND(?p AS ?context)
        BIND(aia:forLawEnforcement AS ?contextProperty)
      }
    }
  }
  FILTER NOT EXISTS { ?s aia:intendedPurpose aiac:annex-iii-6d }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  # nor a system of general purpose whose practice rule 295 reads as its deployers' prohibited
  # use: the practice is not the purpose its provider intends (Art 3(12)), which Annex III reads
  FILTER NOT EXISTS {
    ?useOnly aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited ;
             aia:amendedByRule aiar:art-5-placing-prohibited .
  }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|annex-iii-6d-crime-risk-practice|")))) AS ?d)
}
