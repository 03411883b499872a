# Rule: placing-bound
# Label: The latest day on which a system or model was placed on the market or put into service, from its stated dates (for a model, also those of the systems built on it) or, without them, its value-chain events
# Provisions: aiap:art_3.pnt_9 aiap:art_3.pnt_10 aiap:art_3.pnt_11 aiap:art_3.pnt_23 aiap:art_25.par_1 aiap:rct_97
# Several provisions turn on whether a system was placed on the market or put into service before
# a day: Art 111(1) and (2) (rules 345, 350), the duties of Art 6(4) and 49(2) to act before
# placing (rule 311) and an amendment's transitional period for systems already on the market
# (rule 820). This rule writes, once, the day by which the system was placed on the market or put
# into service at the latest (aia:placedNoLaterThan): the earliest stated date of placing on the
# market or putting into service (Art 3(9), 3(11)); without one, the earliest dated value-chain
# event, as each concerns a system "already placed on the market or put into service" (Art 25(1)(a)
# to (c)) and a substantial modification is a change "after its placing on the market or putting
# into service" (Art 3(23)); nothing for a system stated not yet placed on the market (Art 2(8),
# rule 130). Those rules read the day through this link, so that none of them takes a system with
# dated events and no stated placing date as placed after every cut-off (an outside check found
# the event read for Art 25 and the system taken as placed after 2 August 2026 for Art 111(2)).
# A general-purpose AI model is bounded by its own stated date and by the dates of the systems
# built on it, whichever is earliest: Art 111(3) (rule 540), the day Art 51(1)(a) was met at the
# latest (rule 520) and the model's outcome (rule 500) read it (an outside check found a model's
# own later date, or another provider's system, left out of the Art 111(3) transition).
INSERT { ?s aia:placedNoLaterThan ?bound }
WHERE {
  {
    SELECT ?s (MIN(?placedOn) AS ?bound) WHERE {
      { ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?placedOn . }
      UNION {
        # a general-purpose AI model is placed on the market at the latest when an AI system built
        # on it is made available or put into service: its provider's own system (Recital 97), or
        # another provider's, to which the model was supplied for it (Art 3(9), 3(10))
        # (a model the description describes: a model only named as a system's is no subject)
        ?s a aia:GeneralPurposeAIModel .
        ?system aia:basedOnModel ?s ; aia:placedOnMarketOn|aia:putIntoServiceOn ?placedOn .
      }
    } GROUP BY ?s
  } UNION {
    SELECT ?s (MIN(?eventOn) AS ?bound) WHERE {
      ?s aia:hasValueChainEvent ?event . ?event aia:eventDate ?eventOn .
      FILTER NOT EXISTS { ?s aia:placedOnMarketOn|aia:putIntoServiceOn ?statedPlacing }
      FILTER NOT EXISTS { ?s aia:notYetPlacedOnMarket true }
    } GROUP BY ?s
  }
}
