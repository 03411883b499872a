# Rule: law-version-in-force
# Label: Without a requested version, apply the version of the Regulation in force on the as-of date
# Provisions: aiap:art_113 aiap:art_113.sub_1
# Runs first. A run that names no aia:lawVersion gets the law version whose entry into force
# (aia:inForceFrom in data/law/law-versions.ttl) is the latest on or before the as-of date: the
# text as published from 1 August 2024 (Art 113, first paragraph), a version with an amendment
# from that amendment's entry into force. Before 1 August 2024 no version is in force; the
# earliest version, the text as published, is applied (none of its dates has come). The run
# records how the version was chosen (aia:lawVersionChosenBy).
# Written without aggregates over subqueries (which Virtuoso 7 cannot compile): a version is
# chosen when no other version came into force after it and on or before the as-of date, or,
# if it is not yet in force itself, when no version came into force before it (the earliest).
INSERT { aiaa:run aia:lawVersion ?version ; aia:lawVersionChosenBy ?how }
WHERE {
  aiaa:run a aia:Assessment ; aia:asOf ?asOf .
  FILTER NOT EXISTS { aiaa:run aia:lawVersion ?requested }
  ?version a aia:LawVersion ; aia:inForceFrom ?chosen .
  FILTER NOT EXISTS {
    ?other a aia:LawVersion ; aia:inForceFrom ?from .
    FILTER((?from > ?chosen && ?from <= ?asOf) || (?chosen > ?asOf && ?from < ?chosen))
  }
  BIND(IF(?chosen <= ?asOf, aiac:law-in-force, aiac:law-before-entry-into-force) AS ?how)
}
