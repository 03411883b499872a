# Rule: art-3-1-ai-system-definition
# Label: Not an AI system under Art 3(1): the system does not infer from its input how to generate outputs
# Provisions: aiap:art_3.pnt_1 aiap:rct_12
# The Regulation applies to AI systems as Art 3(1) defines them: machine-based systems that infer,
# from the input they receive, how to generate outputs such as predictions, content,
# recommendations or decisions. Recital 12: the definition does not cover systems "based on the
# rules defined solely by natural persons to automatically execute operations" (a scoring formula
# written by people, say). The submission states it with aia:infersOutputsFromInput false on the
# subject described as a system; absent or true, the system is taken to be an AI system. Such a
# subject is out of scope, before any exclusion of Art 2 is read. A system built on an AI model
# (aia:basedOnModel) infers, and the shape NotInferringButBuiltOnModel warns; the statement is
# still read as made.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-out-of-scope ;
    aia:byRule aiar:art-3-1-ai-system-definition ;
    aia:legalBasis aiap:art_3.pnt_1 , aiap:rct_12 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:infersOutputsFromInput ; aia:premiseValue false ] ;
    aia:explanation "The system does not infer from its input how to generate outputs: it executes operations by rules defined solely by natural persons. It is not an AI system as Art 3(1) defines it (Recital 12), so the Regulation does not apply to it." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?s a aia:AISystem ; aia:infersOutputsFromInput false .
  FILTER(isIRI(?s))
  FILTER NOT EXISTS { ?s aia:infersOutputsFromInput true }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-3-1-ai-system-definition|")))) AS ?d)
}
