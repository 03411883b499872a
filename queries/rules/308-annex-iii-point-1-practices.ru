# Rule: annex-iii-point-1-practices
# Label: A system that engages in a biometric practice is intended to be used for it: the Annex III point 1 use case of the practice is its intended purpose
# Provisions: aiap:anx_III.pnt_1 aiap:anx_III.pnt_1.pnt_a aiap:anx_III.pnt_1.pnt_b aiap:anx_III.pnt_1.pnt_c aiap:art_6.par_2
# Annex III point 1 lists systems intended to be used for remote biometric identification (a),
# for biometric categorisation by sensitive or protected attributes (b) and for emotion
# recognition (c). A system whose description links a practice description with such a
# practice (aia:engagesIn / aia:practice; the knowledge base gives the practice's use case,
# aia:practiceUseCase, and what the description must state for it, aia:practiceUseCaseRequires:
# the inferred attribute for categorisation) has that use case as intended purpose, whatever
# other purpose it states: aia:intendedPurpose is added, with an outcome citing the practice, so
# that the high-risk rules (Art 6(2), the Art 6(3) derogation, the Annex III exclusions such as
# the sole purpose of confirming an identity) read it as a stated purpose. Out-of-scope and
# prohibited systems are skipped (the prohibition decides; Art 5 runs first). A categorisation
# by attributes that are neither sensitive nor protected only (aiac:attribute-not-sensitive, e.g.
# hair colour) is not the use case of point 1(b): it stays a biometric categorisation system of
# Art 50(3) (rule 420), and no purpose is added (it could not be described before: any
# categorisation was read as point 1(b)).
INSERT {
  ?s aia:intendedPurpose ?useCase .
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-purpose-from-biometric-practice ;
    aia:byRule aiar:annex-iii-point-1-practices ;
    aia:legalBasis ?useCaseProvision ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue ?practice ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?practice aia:practiceUseCase ?useCase .
  ?s aia:engagesIn ?p . ?p aia:practice ?practice .
  ?s a aia:AISystem .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?practice aia:practiceUseCaseRequires ?needed . FILTER NOT EXISTS { ?p ?needed ?stated . FILTER(?stated != aiac:attribute-not-sensitive) } }
  FILTER NOT EXISTS { ?s aia:intendedPurpose ?useCase }
  FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
  FILTER NOT EXISTS { ?s aia:placingProhibited true }
  # nor a system of general purpose whose practice rule 295 reads as its deployers' prohibited
  # use: the practice is not the purpose its provider intends (Art 3(12)), which Annex III reads
  FILTER NOT EXISTS {
    ?useOnly aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited ;
             aia:amendedByRule aiar:art-5-placing-prohibited .
  }
  ?useCase aia:citation ?useCaseCitation ; rdfs:label ?useCaseLabel ; aia:sourceProvision ?useCaseProvision .
  FILTER(LANG(?useCaseLabel) = "en")
  FILTER(STRSTARTS(STR(?useCaseProvision), CONCAT(STR(aiap:), "anx_III")))
  ?practice rdfs:label ?practiceLabel .
  FILTER(LANG(?practiceLabel) = "en")
  BIND(CONCAT("The system engages in ", STR(?practiceLabel), ", so it is intended to be used for it: its intended purpose includes ",
              STR(?useCaseCitation), " (", STR(?useCaseLabel), ").") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|annex-iii-point-1-practices|", STR(?useCase))))) AS ?d)
}
