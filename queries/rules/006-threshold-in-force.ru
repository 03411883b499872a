# Rule: threshold-in-force
# Label: The training-compute threshold of Art 51(2) in force on the as-of date, as amended by delegated acts under Art 51(3)
# Provisions: aiap:art_51.par_2 aiap:art_51.par_3
# Unless the assessment sets its own threshold (the --threshold option, a "what-if"), the run uses
# the threshold of Art 51(2) or the latest threshold replacing it (aia:replacesThreshold, from a
# delegated act recorded in data/law/law-versions.ttl with its source) whose aia:inForceFrom is on
# or before the as-of date. Before any threshold is in force the one of Art 51(2) applies.
INSERT { ?run aia:usesThreshold ?threshold }
WHERE {
  BIND(aiaa:run AS ?run)
  ?run aia:asOf ?asOf .
  FILTER NOT EXISTS { ?run aia:usesThreshold ?set }
  {
    SELECT (MAX(?from) AS ?latest) WHERE {
      ?candidate a aia:Threshold ; aia:inForceFrom ?from .
      FILTER(?candidate = aiac:threshold-art-51-2 || EXISTS { ?candidate aia:replacesThreshold+ aiac:threshold-art-51-2 })
      aiaa:run aia:asOf ?asOf0 .
      FILTER(?from <= ?asOf0)
    }
  }
  OPTIONAL {
    ?inForce a aia:Threshold ; aia:inForceFrom ?latest .
    FILTER(?inForce = aiac:threshold-art-51-2 || EXISTS { ?inForce aia:replacesThreshold+ aiac:threshold-art-51-2 })
  }
  BIND(COALESCE(?inForce, aiac:threshold-art-51-2) AS ?threshold)
}
