# Rule: determination-dates
# Label: The date from which the provision a category determination rests on applies
# Provisions: aiap:art_113
# Rules may set aia:appliesFromDate themselves; otherwise the earliest application date of the
# provisions in the determination's legal basis is used, the definitions of Art 3 aside: they
# apply from 2 February 2025 with Chapter I (Art 113(a)), but a conclusion that also rests on an
# operative provision (Art 6(3) third subparagraph with the definition of profiling, Art 3(52))
# applies only from that provision's date. A determination resting on definitions alone takes
# their date. (One aggregate: each date is keyed "0" for an operative provision and "1" for a
# definition, so the least key is the earliest operative date, if there is one.)
# A systemic-risk presumption whose compute used a threshold event dates (rule 520 names the
# first event above the threshold as a premise), or that rests on the day stated as the one the
# threshold was met or became known (aia:thresholdKnownOn, also a premise; a threshold event
# stands for it, the guide says: an outside check found the two forms of one description dated
# apart, and the stated day's procedure state "since" that day beside duties from Chapter V's),
# applies from the earliest such day, the events' where there are any (or, if later, the day the
# threshold came into force), and
# not before Chapter V applies (Art 51(1)(a), Art 113(b)): the model has no systemic risk before
# (first operation).
INSERT { ?d aia:appliesFromDate ?since }
WHERE {
  {
    SELECT ?d (MIN(?dated) AS ?eventDate) WHERE {
      ?d aia:byRule aiar:art-51-1-a-presumption ; aia:conclusion aiac:category-gpai-systemic-risk .
      # (each branch binds ?d itself: a FILTER in a branch sees that branch's variables only)
      {
        ?d aia:premise ?datingPremise .
        ?datingPremise aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?event .
        ?event a aia:ThresholdKnown ; aia:eventDate ?dated .
      } UNION {
        ?d aia:premise ?knownPremise .
        ?knownPremise aia:premiseProperty aia:thresholdKnownOn ; aia:premiseValue ?dated .
        # a threshold event dates the compute used itself (the day known may be that of planned
        # compute, rule 007)
        FILTER NOT EXISTS {
          ?d aia:premise ?eventPremise .
          ?eventPremise aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?thresholdEvent .
          ?thresholdEvent a aia:ThresholdKnown .
        }
      }
    } GROUP BY ?d
  }
  FILTER NOT EXISTS { ?d aia:appliesFromDate ?set }
  aiaa:run aia:usesThreshold ?threshold .
  OPTIONAL { ?threshold aia:inForceFrom ?thresholdFrom }
  BIND(IF(BOUND(?thresholdFrom) && ?thresholdFrom > ?eventDate, ?thresholdFrom, ?eventDate) AS ?metOn)
  <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> eli:date_applicability ?chapterV .
  BIND(IF(?metOn > ?chapterV, ?metOn, ?chapterV) AS ?since)
} ;
# A classification with systemic risk that rests on the provider's notification (or arguments
# presented with it, rule 525: no compute decides it) applies from the first of them on or
# before the as-of date, and not before Chapter V applies: the facts show the condition of
# Art 51(1)(a) met at the latest then, and no earlier day (an outside check found Art 55 dated
# from 2 August 2025 for a model placed in October 2025 and notified in March 2026, beside the
# procedure state "since" the notification; and an open-source model's exemption lost before it
# was notified). Their events are the determination's premises.
INSERT { ?d aia:appliesFromDate ?since }
WHERE {
  {
    SELECT ?d (MIN(?dated) AS ?notified) WHERE {
      ?d aia:byRule aiar:art-52-procedure-events ; aia:conclusion aiac:category-gpai-systemic-risk ;
         aia:premise ?premise .
      ?premise aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?event .
      ?event aia:eventDate ?dated .
    } GROUP BY ?d
  }
  FILTER NOT EXISTS { ?d aia:appliesFromDate ?set }
  <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> eli:date_applicability ?chapterV .
  BIND(IF(?notified > ?chapterV, ?notified, ?chapterV) AS ?since)
} ;
INSERT { ?d aia:appliesFromDate ?date }
WHERE {
  {
    SELECT ?d (MIN(?keyed) AS ?least) WHERE {
      ?d a aia:Determination ; aia:legalBasis ?provision .
      ?provision eli:date_applicability ?provisionDate .
      BIND(CONCAT(IF(STRSTARTS(STR(?provision), CONCAT(STR(aiap:), "art_3.")), "1", "0"),
                  STR(?provisionDate)) AS ?keyed)
    }
    GROUP BY ?d
  }
  FILTER NOT EXISTS { ?d aia:appliesFromDate ?set }
  BIND(xsd:date(SUBSTR(?least, 2)) AS ?date)
}
