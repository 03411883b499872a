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
# A submission's own property reaches ours through its declarations: rdfs:subPropertyOf (the
# same direction) and owl:inverseOf, either way round (the other direction), in any order:
# ex:sub rdfs:subPropertyOf ex:deploys . ex:deploys owl:inverseOf aia:hasDeployer states
# aia:hasDeployer from the system to the party that ex:sub names. The inverse declarations are
# made symmetric first; then each round states the submission's statements under every
# property its own properties are declared below, and the other way round under every property
# declared their inverse. Three rounds read chains of up to three inverse steps with any number
# of subproperty steps between them (docs/submission-guide.md says so). Only the submission's
# properties whose declarations reach one of ours take part. (One SPARQL path per parity of
# inverse steps would read any length, but Virtuoso 7 answers such nested paths wrongly.)
INSERT { ?other owl:inverseOf ?theirs }
WHERE {
  ?theirs owl:inverseOf ?other .
  FILTER(!STRSTARTS(STR(?theirs), STR(aia:)) || !STRSTARTS(STR(?other), STR(aia:)))
} ;
INSERT { ?s ?super ?o }
WHERE {
  {
    SELECT DISTINCT ?theirs WHERE {
      ?theirs rdfs:subPropertyOf|owl:inverseOf ?declared .
      FILTER(!STRSTARTS(STR(?theirs), STR(aia:)))
      ?theirs (rdfs:subPropertyOf|owl:inverseOf)* ?ours .
      FILTER(STRSTARTS(STR(?ours), STR(aia:)))
    }
  }
  ?theirs rdfs:subPropertyOf+ ?super .
  ?s ?theirs ?o .
} ;
INSERT { ?o ?other ?s }
WHERE {
  {
    SELECT DISTINCT ?theirs WHERE {
      ?theirs rdfs:subPropertyOf|owl:inverseOf ?declared .
      FILTER(!STRSTARTS(STR(?theirs), STR(aia:)))
      ?theirs (rdfs:subPropertyOf|owl:inverseOf)* ?ours .
      FILTER(STRSTARTS(STR(?ours), STR(aia:)))
    }
  }
  ?theirs owl:inverseOf ?other .
  ?s ?theirs ?o .
  FILTER(!isLiteral(?o))
} ;
INSERT { ?s ?super ?o }
WHERE {
  {
    SELECT DISTINCT ?theirs WHERE {
      ?theirs rdfs:subPropertyOf|owl:inverseOf ?declared .
      FILTER(!STRSTARTS(STR(?theirs), STR(aia:)))
      ?theirs (rdfs:subPropertyOf|owl:inverseOf)* ?ours .
      FILTER(STRSTARTS(STR(?ours), STR(aia:)))
    }
  }
  ?theirs rdfs:subPropertyOf+ ?super .
  ?s ?theirs ?o .
} ;
INSERT { ?o ?other ?s }
WHERE {
  {
    SELECT DISTINCT ?theirs WHERE {
      ?theirs rdfs:subPropertyOf|owl:inverseOf ?declared .
      FILTER(!STRSTARTS(STR(?theirs), STR(aia:)))
      ?theirs (rdfs:subPropertyOf|owl:inverseOf)* ?ours .
      FILTER(STRSTARTS(STR(?ours), STR(aia:)))
    }
  }
  ?theirs owl:inverseOf ?other .
  ?s ?theirs ?o .
  FILTER(!isLiteral(?o))
} ;
INSERT { ?s ?super ?o }
WHERE {
  {
    SELECT DISTINCT ?theirs WHERE {
      ?theirs rdfs:subPropertyOf|owl:inverseOf ?declared .
      FILTER(!STRSTARTS(STR(?theirs), STR(aia:)))
      ?theirs (rdfs:subPropertyOf|owl:inverseOf)* ?ours .
      FILTER(STRSTARTS(STR(?ours), STR(aia:)))
    }
  }
  ?theirs rdfs:subPropertyOf+ ?super .
  ?s ?theirs ?o .
} ;
INSERT { ?o ?other ?s }
WHERE {
  {
    SELECT DISTINCT ?theirs WHERE {
      ?theirs rdfs:subPropertyOf|owl:inverseOf ?declared .
      FILTER(!STRSTARTS(STR(?theirs), STR(aia:)))
      ?theirs (rdfs:subPropertyOf|owl:inverseOf)* ?ours .
      FILTER(STRSTARTS(STR(?ours), STR(aia:)))
    }
  }
  ?theirs owl:inverseOf ?other .
  ?s ?theirs ?o .
  FILTER(!isLiteral(?o))
} ;
INSERT { ?s ?super ?o }
WHERE {
  {
    SELECT DISTINCT ?theirs WHERE {
      ?theirs rdfs:subPropertyOf|owl:inverseOf ?declared .
      FILTER(!STRSTARTS(STR(?theirs), STR(aia:)))
      ?theirs (rdfs:subPropertyOf|owl:inverseOf)* ?ours .
      FILTER(STRSTARTS(STR(?ours), STR(aia:)))
    }
  }
  ?theirs rdfs:subPropertyOf+ ?super .
  ?s ?theirs ?o .
} ;
# The property hierarchy of our own vocabulary (and what the rounds stated under our terms)
INSERT { ?s ?superProperty ?o }
WHERE {
  ?property rdfs:subPropertyOf+ ?superProperty .
  FILTER(STRSTARTS(STR(?superProperty), STR(aia:)))
  ?s ?property ?o .
}
