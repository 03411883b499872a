# Rule: materialise-types
# Label: Materialise the class and property hierarchy of the ontology for submitted subjects
# Provisions: aiap:art_3.pnt_1 aiap:art_3.pnt_63 aiap:art_3.pnt_66
# Closure: yes
# The OWL layer (rdfs:subClassOf, rdfs:subPropertyOf, owl:inverseOf) is materialised here, inside the store,
# so that later rules can match aia:AISystem for a aia:GeneralPurposeAISystem, or aia:hasOperator
# for aia:hasProvider. It is a closure (only adds, and adds nothing run again on its output), so
# a store keeping the knowledge base may hold it closed beforehand (see aiact_kg/reasoning/warm.py).
# The class pairs of the hierarchy are found once, then joined with the typed nodes (walking
# the hierarchy again from each typed node's class is several times slower); MINUS leaves out
# the types already stated, as FILTER NOT EXISTS would (both variables are bound), but faster.
# The path starts from a stated subclass link (Virtuoso refuses a transitive path with neither
# end bound: "transitive start not given").
INSERT { ?s a ?super }
WHERE {
  {
    SELECT DISTINCT ?class ?super
    WHERE { ?class rdfs:subClassOf ?direct . ?direct rdfs:subClassOf* ?super . FILTER(isIRI(?super)) }
  }
  ?s a ?class .
  MINUS { ?s a ?super }
} ;
# A property a submission declares the inverse of one of ours (owl:inverseOf, either way round)
# states our property the other way round (first, so that the next operation closes it too).
INSERT { ?o ?ours ?s }
WHERE {
  { ?theirs owl:inverseOf ?ours } UNION { ?ours owl:inverseOf ?theirs }
  FILTER(STRSTARTS(STR(?ours), STR(aia:)) && !STRSTARTS(STR(?theirs), STR(aia:)))
  ?s ?theirs ?o .
  FILTER(!isLiteral(?o))
} ;
# The property hierarchy: ours, and a property a submission declares below one of ours
INSERT { ?s ?superProperty ?o }
WHERE {
  ?property rdfs:subPropertyOf+ ?superProperty .
  FILTER(STRSTARTS(STR(?superProperty), STR(aia:)))
  ?s ?property ?o .
}
