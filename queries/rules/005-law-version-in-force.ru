# Rule: law-version-in-force
# Label: Without a requested version, apply the version of the Regulation in force on the as-of date
# Provisions: aiap:art_113 aiap:art_113.sub_1
# Runs first. A run that names no aia:lawVersion gets the law version whose entry into force
# (aia:inForceFrom in data/law/law-versions.ttl) is the latest on or before the as-of date: the
# text as published from 1 August 2024 (Art 113, first paragraph), a version with an amendment
# from that amendment's entry into force. Before 1 August 2024 no version is in force; the
# earliest version, the text as published, is applied (none of its dates has come). The run
# records how the version was chosen (aia:lawVersionChosenBy).
INSERT { aiaa:run aia:lawVersion ?version ; aia:lawVersionChosenBy ?how }
WHERE {
  aiaa:run a aia:Assessment ; aia:asOf ?asOf .
  FILTER NOT EXISTS { aiaa:run aia:lawVersion ?requested }
  {
    SELECT (MAX(?from) AS ?latest) WHERE {
      aiaa:run aia:asOf ?date .
      ?candidate a aia:LawVersion ; aia:inForceFrom ?from .
      FILTER(?from <= ?date)
    }
  }
  {
    SELECT (MIN(?first) AS ?earliest) WHERE { ?any a aia:LawVersion ; aia:inForceFrom ?first }
  }
  ?version a aia:LawVersion ; aia:inForceFrom ?chosen .
  FILTER(?chosen = COALESCE(?latest, ?earliest))
  BIND(IF(BOUND(?latest), aiac:law-in-force, aiac:law-before-entry-into-force) AS ?how)
}
