# Rule: obligation-dates
# Label: When each assessed obligation applies: application dates, Annex I products, amendments, Art 111(3)
# Provisions: aiap:art_113 aiap:art_113.pnt_c aiap:art_50.par_1 aiap:art_50.par_2 aiap:art_50.par_3 aiap:art_111.par_1 aiap:art_111.par_2 aiap:art_111.par_3 aiap:art_25.par_1 aiap:art_25.par_1.pnt_c aiap:art_25.par_2 aiap:art_3.pnt_3 aiap:art_6.par_4 aiap:art_49.par_2 aiap:art_53.par_2 aiap:art_54.par_6
# Base date: the catalogue's aia:appliesFrom, or aia:appliesFromForAnnexIProducts for systems
# that are high-risk by the Art 6(1) route and not also by the Art 6(2) route (Annex III), except
# for the obligations that only Annex I products bear (aiac:applicability-art-6-1). Under the amended law an aia:AmendedApplicability
# of the run's law version replaces it (by category and route, by obligation for subjects
# placed before a date, or by obligation for every subject). Art 111(3) moves GPAI obligations of models placed before
# 2 August 2025 to 2 August 2027; a duty only models with systemic risk bear, and one an
# open-source model is exempt from without it (Art 53(2), Art 54(6)), applies no earlier than the
# model has systemic risk; Art 111(2) moves the high-risk obligations of legacy systems
# used by public authorities to 2 August 2030, and those of a legacy system whose design changed
# significantly to that change (Art 111(2): "as from that date"); the provider's obligations of
# an operator an Art 25(1) event made the provider, and the duties of Art 25 itself, apply from
# the event (as do the provider's duties of an operator that changed the intended purpose and
# relied on Art 6(3), rule 311), and a system a change of intended purpose made high-risk (Art 25(1)(c)) bears every
# high-risk obligation from the change, and one that became an emotion recognition or biometric
# categorisation system by such a change bears Art 50(3) from it, and one that became a chatbot
# or a content generator only by such a change Art 50(1) or 50(2) (rules 400, 410); Art 111(1) moves the high-risk and transparency
# obligations of Annex X components placed before 2 August 2027 to 31 December 2030. The latest
# applicable date wins. A deadline (the Art 52(1) notification: two weeks from the day the
# threshold became known) is never before the day its obligation applies.
INSERT { ?assessed aia:effectiveFrom ?effective ; aia:inForce ?inForce }
WHERE {
  {
    # each branch gives candidate dates for assessed obligations; the latest wins. Every branch
    # starts from what binds it most narrowly (an amendment's changes, a transitional trigger),
    # so the cost stays linear in the number of assessed obligations.
    SELECT ?assessed (MAX(?candidate) AS ?effective) WHERE {
      {
        # (aia:obligation is written for assessed obligations only: a submission stating it is
        # refused, so no type test, which cost a quarter of this branch)
        ?assessed aia:obligation ?obligation .
        ?obligation aia:appliesFrom ?candidate .
      } UNION {
        # Annex I products: systems high-risk by the Art 6(1) route (only: a system also high-risk
        # by Annex III bears those obligations from the Art 6(2) date, Art 113(c) postponing only
        # "Article 6(1) and the corresponding obligations")
        ?route6 aia:route aiac:route-art-6-1 ; aia:determinationOf ?s .
        ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
        ?obligation aia:appliesFromForAnnexIProducts ?candidate .
        # (the Art 6(2) route as OPTIONAL, not FILTER NOT EXISTS: the embedded engine plans an
        # EXISTS pattern on its own, starting from every Art 6(2) determination, once per row)
        OPTIONAL { ?route62 aia:determinationOf ?s ; aia:route aiac:route-art-6-2 ; aia:conclusion aiac:category-high-risk . }
        FILTER(!BOUND(?route62) || EXISTS { ?obligation aia:applicabilityRule aiac:applicability-art-6-1 })
      } UNION {
        # an amendment of the run's law version, by category and route: only the duties that
        # applied from the date the change postpones (for the route: an Annex I product's date
        # for Art 6(1)); a duty that applied earlier (Art 113(b): notified bodies, confidentiality
        # under Art 78, from 2 August 2025) keeps its date (an outside check found Art 36(8)(b) and
        # Art 78(3) moved to December 2027). The changes' duties are a sub-select of the knowledge
        # base, evaluated once.
        {
          SELECT ?candidate ?category ?route ?obligation WHERE {
            aiaa:run aia:lawVersion ?law .
            ?law aia:includesAmendment ?amendment .
            ?change a aia:AmendedApplicability ; aia:amendedBy ?amendment ; aia:newDate ?candidate ;
                    aia:affectsCategory ?category ; aia:affectsRoute ?route ; aia:previousDate ?postponed .
            ?obligation aia:appliesToCategory ?category ; aia:appliesFrom ?ownFrom .
            OPTIONAL { ?obligation aia:appliesFromForAnnexIProducts ?ownAnnexIFrom }
            FILTER(?ownFrom >= ?postponed
                   || (?route = aiac:route-art-6-1 && BOUND(?ownAnnexIFrom) && ?ownAnnexIFrom >= ?postponed))
          }
        }
        ?hr aia:route ?route ; aia:conclusion ?category ; aia:determinationOf ?s .
        # the Art 6(1) route's date gives way to the Art 6(2) route's, as above
        ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
        OPTIONAL { ?hr62 aia:determinationOf ?s ; aia:route aiac:route-art-6-2 ; aia:conclusion ?category . }
        FILTER(?route != aiac:route-art-6-1 || !BOUND(?hr62)
               || EXISTS { ?obligation aia:applicabilityRule aiac:applicability-art-6-1 })
      } UNION {
        # an amendment of the run's law version, for one obligation of subjects placed before a date
        # (the day rule 011 bounds: without a stated date, the earliest value-chain event)
        aiaa:run aia:lawVersion ?law2 .
        ?law2 aia:includesAmendment ?amendment2 .
        ?change2 a aia:AmendedApplicability ; aia:amendedBy ?amendment2 ; aia:newDate ?candidate ;
                 aia:affectsObligation ?obligation ; aia:onlyPlacedBefore ?cutoff .
        ?assessed aia:obligation ?obligation ; aia:obligationFor ?s .
        ?s aia:placedNoLaterThan ?placed .
        FILTER(?placed < ?cutoff)
      } UNION {
        # an amendment of the run's law version, for one obligation of every subject (no cut-off)
        aiaa:run aia:lawVersion ?law3 .
        ?law3 aia:includesAmendment ?amendment3 .
        ?change3 a aia:AmendedApplicability ; aia:amendedBy ?amendment3 ; aia:newDate ?candidate ;
                 aia:affectsObligation ?obligation .
        FILTER NOT EXISTS { ?change3 aia:onlyPlacedBefore ?anyCutoff }
        ?assessed aia:obligation ?obligation .
      } UNION {
        # from the earliest of the model's systemic-risk determinations (a designation from the
        # Commission's decision, Art 51(1)(b); the rejection of the provider's arguments, Art
        # 52(3)), two kinds of duty apply: one only models with systemic risk bear, and one an
        # open-source model is exempt from while it has none (Art 53(2), Art 54(6); rule 540
        # records that the exemption is limited, and it ends then)
        {
          SELECT ?s (MIN(?since) AS ?candidate) WHERE {
            ?sr aia:conclusion aiac:category-gpai-systemic-risk ; aia:determinationOf ?s ; aia:appliesFromDate ?since .
          } GROUP BY ?s
        }
        ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
        {
          ?obligation aia:appliesToCategory aiac:category-gpai-systemic-risk .
          FILTER NOT EXISTS { ?obligation aia:appliesToCategory aiac:category-gpai }
        } UNION {
          ?obligation aia:exemption aiac:trigger-open-source-exemption .
          ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-open-source-exemption-limited .
        }
      } UNION {
        # Art 111(2), first sentence: a high-risk system placed before 2 August 2026 whose design
        # changed significantly on or after that date falls under the Regulation "as from" the
        # change (rule 350's first operation wrote its day), Chapters I-II aside; each duty's own
        # date (as amended) is another candidate. Not the outcome's date, which rule 702 moves to
        # the amended date of the high-risk duties (an outside check found a legacy chatbot's
        # Art 50(1) duty moved with it to 2 December 2027, the amendment leaving Art 50(1) alone)
        ?legacyChanged aia:conclusion aiac:outcome-legacy-changed-art-111-2 ; aia:determinationOf ?s .
        ?s aia:legacyDesignChangedOn ?candidate .
        FILTER NOT EXISTS {
          ?s aia:intendedForPublicAuthorities true .
          aiac:transition-art-111-2 aia:complianceDeadline ?changedAfterDeadline .
          FILTER(?candidate > ?changedAfterDeadline)
        }
        ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
        FILTER NOT EXISTS { ?obligation aia:applicabilityRule aiac:applicability-chapters-i-ii }
      } UNION {
        # "in any case" by the deadline for the providers and deployers of one intended to be used
        # by public authorities whose design changed only after it (rule 350)
        ?legacyChangedLate aia:conclusion aiac:outcome-legacy-changed-art-111-2 ; aia:determinationOf ?s .
        ?s aia:legacyDesignChangedOn ?lateChange ; aia:intendedForPublicAuthorities true .
        aiac:transition-art-111-2 aia:complianceDeadline ?candidate .
        FILTER(?lateChange > ?candidate)
        ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
        FILTER NOT EXISTS { ?obligation aia:applicabilityRule aiac:applicability-chapters-i-ii }
      } UNION {
        # the deadline of its second sentence binds only the "providers and deployers" of a system
        # intended to be used by public authorities (rule 350 dates the outcome by it when the
        # change comes later): its other operators fall under the Regulation as from the change
        # (rule 350's first operation wrote its day; an outside check found an importer's duties
        # dated from the deadline, which an as-of date between the two had not listed)
        ?legacyChangedLater aia:conclusion aiac:outcome-legacy-changed-art-111-2 ; aia:determinationOf ?s .
        ?s aia:legacyDesignChangedOn ?candidate .
        ?assessed aia:obligationFor ?s ; aia:obligation ?obligation ; aia:bearerRoleType ?otherRole .
        FILTER(?otherRole != aiac:role-provider && ?otherRole != aiac:role-deployer)
        FILTER NOT EXISTS { ?obligation aia:applicabilityRule aiac:applicability-chapters-i-ii }
      } UNION {
        # a duty that only a substantial modification triggers (Art 43(4): "in the event of a
        # substantial modification") arises with the first one on or before the as-of date, not
        # before (an outside check found a provider's new conformity assessment dated 2 August
        # 2026 for its own modification of November 2026, absent the day before)
        {
          SELECT ?s (MIN(?modifiedOn) AS ?candidate) WHERE {
            ?s aia:satisfiesTrigger aiac:trigger-substantial-modification ;
               aia:hasValueChainEvent ?modification .
            ?modification a aia:SubstantialModification ; aia:eventDate ?modifiedOn .
            aiaa:run aia:asOf ?modificationAsOf .
            FILTER(?modifiedOn <= ?modificationAsOf)
          } GROUP BY ?s
        }
        ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
        ?obligation aia:trigger aiac:trigger-substantial-modification .
        FILTER NOT EXISTS {
          ?obligation aia:trigger ?otherTrigger .
          FILTER(?otherTrigger != aiac:trigger-substantial-modification)
        }
      } UNION {
        # Art 25(1): an operator that an event made the provider bears the provider's obligations
        # from the event, not before; the duties of Art 25 itself (the operator's, and the initial
        # provider's under Art 25(2)) arise with the event too
        # (the event's determination in each branch: as a join with a UNION of the two, the
        # embedded engine evaluated the UNION over every assessed obligation first)
        # (the outcome's date: the event's, or the day Art 25 applies to it if later; an outside
        # check found an operator's Art 4 duty as provider dated from a rebranding of May 2026)
        ?newProvider aia:conclusion aiac:outcome-new-provider-art-25 ; aia:determinationOf ?s ;
                     aia:premise ?byPremise ; aia:appliesFromDate ?candidate .
        ?byPremise aia:premiseProperty aia:byOperator ; aia:premiseValue ?operator .
        ?assessed aia:obligationFor ?s ; aia:bearer ?operator ; aia:bearerRoleType aiac:role-provider .
        # an event that takes effect after the as-of date dates the duties of the operator it
        # will make the provider, not those of an operator that is the provider now and stays it
        # (rule 320 makes it no incoming provider): an outside check found, as amended, a
        # provider's Art 4 and Art 50(1) duties in force in 2026 and "not yet in force" in 2027,
        # moved to December 2027 by its own pending modification
        FILTER NOT EXISTS {
          aiaa:run aia:asOf ?pendingAsOf .
          FILTER(?candidate > ?pendingAsOf)
          ?s aia:hasProvider ?operator .
          FILTER NOT EXISTS { ?s aia:hasFormerProvider ?operator }
        }
      } UNION {
        # the same for an operator that changed the intended purpose to an Annex III use case and
        # relied on Art 6(3) (rule 311): it is the provider for the new purpose from the change
        # (Art 3(3)), and bears the provider's duties (Art 6(4), Art 49(2)) from then
        ?derogationChange aia:byRule aiar:art-6-3-derogation ; aia:determinationOf ?s ;
                          aia:premise ?changeByPremise , ?changeDatePremise .
        ?changeByPremise aia:premiseProperty aia:byOperator ; aia:premiseValue ?repurposer .
        ?changeDatePremise aia:premiseProperty aia:eventDate ; aia:premiseValue ?candidate .
        ?assessed aia:obligationFor ?s ; aia:bearer ?repurposer ; aia:bearerRoleType aiac:role-provider .
      } UNION {
        # the duty of Art 25(1) of the operator that acted: from its own event (every event's date
        # was a candidate for every such duty, so with two events both took the later one)
        ?actEvent aia:conclusion aiac:outcome-new-provider-art-25 ; aia:determinationOf ?s ;
                  aia:premise ?actByPremise ; aia:appliesFromDate ?candidate .
        ?actByPremise aia:premiseProperty aia:byOperator ; aia:premiseValue ?actor .
        ?assessed aia:obligationFor ?s ; aia:bearer ?actor ; aia:obligation ?actObligation .
        ?actObligation aia:bearerProperty ?actBearer .
        VALUES ?actBearer { aia:hasRebrandingOperator aia:hasModifyingOperator aia:hasRepurposingOperator }
      } UNION {
        # the duties of a former provider (Art 25(2)): from the first event by another operator that
        # ended its being the provider, i.e. not followed by an event of its own
        {
          SELECT ?s ?former (MIN(?endedFrom) AS ?candidate) WHERE {
            # (or will be from a day after the as-of date, rule 320)
            ?s aia:hasFormerProvider|aia:hasOutgoingProvider ?former .
            ?endEvent aia:conclusion aiac:outcome-new-provider-art-25 ; aia:determinationOf ?s ;
                      aia:premise ?endByPremise , ?endDatePremise ; aia:appliesFromDate ?endedFrom .
            ?endByPremise aia:premiseProperty aia:byOperator ; aia:premiseValue ?endedBy .
            ?endDatePremise aia:premiseProperty aia:eventDate ; aia:premiseValue ?endedOn .
            FILTER(?endedBy != ?former)
            FILTER NOT EXISTS {
              ?ownEvent aia:conclusion aiac:outcome-new-provider-art-25 ; aia:determinationOf ?s ;
                        aia:premise ?ownByPremise , ?ownDatePremise .
              ?ownByPremise aia:premiseProperty aia:byOperator ; aia:premiseValue ?former .
              ?ownDatePremise aia:premiseProperty aia:eventDate ; aia:premiseValue ?ownOn .
              FILTER(?ownOn > ?endedOn)
            }
          } GROUP BY ?s ?former
        }
        ?assessed aia:obligationFor ?s ; aia:bearer ?former ; aia:obligation ?formerObligation .
        ?formerObligation aia:bearerProperty aia:hasFormerProvider .
      } UNION {
        # Art 25(1)(c): a system that a change of its intended purpose made high-risk "becomes" a
        # high-risk system on the change (rule 320 dates that determination), so the high-risk
        # obligations of every bearer, its deployers' too, apply from then; the earliest such
        # change counts (the assessed obligations inside the sub-select, as for Art 50(3) below:
        # joined outside it, the embedded engine read every high-risk one of the batch, 0.14 s
        # per 1,000 high-risk subjects none of which had such a change)
        {
          SELECT ?assessed (MIN(?changed) AS ?candidate) WHERE {
            ?byChange aia:byRule aiar:art-25-value-chain ; aia:conclusion aiac:category-high-risk ;
                      aia:determinationOf ?s ; aia:appliesFromDate ?changed .
            ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
            ?obligation aia:appliesToCategory aiac:category-high-risk .
          } GROUP BY ?assessed
        }
      } UNION {
        # Art 50(3): a system a change of its intended purpose made an emotion recognition or
        # biometric categorisation system after Art 50 applies is one from the change (rule 420
        # dates each case); a duty triggered by several cases applies from the earliest of them
        # (the assessed obligations inside the sub-select: joined outside it, the embedded engine
        # read every assessed obligation of the batch first)
        {
          SELECT ?assessed (MIN(?caseFrom) AS ?candidate) WHERE {
            ?transparencyCase aia:byRule aiar:art-50-3-emotion-biometric ; aia:conclusion ?caseConcept ;
                              aia:determinationOf ?s ; aia:appliesFromDate ?caseFrom .
            ?obligation aia:trigger ?caseConcept ; a aia:Obligation .
            # not Art 50(5), which has every case's trigger: it follows the earliest duty it
            # accompanies (the third operation), which may be older than the change
            FILTER NOT EXISTS { ?obligation aia:accompanies ?caseAccompanied }
            ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
          } GROUP BY ?assessed
        }
      } UNION {
        # Art 50(1), 50(2): a system that only a change of its intended purpose made a chatbot or
        # a content generator is one from the change (rules 400 and 410 date those determinations
        # and name the change as a premise); from those few premises, the assessed obligations
        # inside the sub-select, as for Art 50(3)
        {
          SELECT ?assessed (MIN(?becameFrom) AS ?candidate) WHERE {
            VALUES ?newPurpose { aiac:purpose-customer-service-chatbot aiac:purpose-content-generation }
            ?changePremise aia:premiseValue ?newPurpose ; aia:premiseProperty aia:newIntendedPurpose .
            ?becameCase aia:premise ?changePremise ; aia:conclusion ?becameConcept ;
                        aia:determinationOf ?s ; aia:appliesFromDate ?becameFrom .
            ?obligation aia:trigger ?becameConcept ; a aia:Obligation .
            FILTER NOT EXISTS { ?obligation aia:accompanies ?becameAccompanied }
            ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
          } GROUP BY ?assessed
        }
      } UNION {
        # Art 111(3): GPAI models placed before 2 August 2025
        ?s aia:satisfiesTrigger aiac:transition-art-111-3 .
        ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
        ?obligation aia:appliesToCategory ?gpaiCategory .
        FILTER(?gpaiCategory IN (aiac:category-gpai, aiac:category-gpai-systemic-risk))
        aiac:transition-art-111-3 aia:complianceDeadline ?candidate .
      } UNION {
        # Art 2(12): a system released under a free and open-source licence falls within the
        # Regulation only from the day the first classification that carves it back applies (a
        # high-risk, prohibited or transparency determination, or an exception of Art 50: rule
        # 610's outcome, which rule 705 dates from the earliest of them): before then it is
        # excluded, so a duty of every AI system (Art 4) does not apply either (an outside check
        # found Art 4 in force beside a carve-back dated December 2027)
        ?carveBack aia:conclusion aiac:outcome-foss-carve-back ; aia:determinationOf ?s ; aia:appliesFromDate ?candidate .
        ?assessed aia:obligationFor ?s ; a aia:AssessedObligation .
      } UNION {
        # Art 111(2) legacy high-risk systems (the providers and deployers of those intended for
        # public authorities: 810 keeps no other obligation); Art 111(1) Annex X components: the
        # whole Regulation, Art 5 aside (Chapters I-II keep their dates)
        ?s aia:satisfiesTrigger ?legacyRule .
        VALUES ?legacyRule { aiac:transition-art-111-2 aiac:transition-art-111-1 }
        ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
        FILTER NOT EXISTS { ?obligation aia:applicabilityRule aiac:applicability-chapters-i-ii }
        ?legacyRule aia:complianceDeadline ?candidate .
      }
    }
    GROUP BY ?assessed
  }
  # in force on the as-of date (in the same pass: not a second one over every assessed obligation)
  aiaa:run aia:asOf ?asOf .
  BIND(?effective <= ?asOf AS ?inForce)
} ;
# The change that dated the duty is named in a note (its label), so the reader learns which
# reported change moved the date, not only that the amendment is unverified; the last two
# branches date a duty from an outcome the amendment moved, named in that outcome's explanation.
INSERT { ?assessed aia:dependsOnAmendment ?amendment ; aia:amendmentNote ?note }
WHERE {
  # the same changes as above; each branch starts from the amendment's changes
  aiaa:run aia:lawVersion ?law .
  ?law aia:includesAmendment ?amendment .
  {
    # the duties the change postpones, as above
    {
      SELECT ?amendment ?category ?route ?obligation ?changeLabel WHERE {
        ?change a aia:AmendedApplicability ; aia:amendedBy ?amendment ; rdfs:label ?changeLabel ;
                aia:affectsCategory ?category ; aia:affectsRoute ?route ; aia:previousDate ?postponed .
        ?obligation aia:appliesToCategory ?category ; aia:appliesFrom ?ownFrom .
        OPTIONAL { ?obligation aia:appliesFromForAnnexIProducts ?ownAnnexIFrom }
        FILTER(?ownFrom >= ?postponed
               || (?route = aiac:route-art-6-1 && BOUND(?ownAnnexIFrom) && ?ownAnnexIFrom >= ?postponed))
      }
    }
    ?hr aia:route ?route ; aia:conclusion ?category ; aia:determinationOf ?s .
    ?assessed aia:obligationFor ?s ; aia:obligation ?obligation .
    OPTIONAL { ?hr62 aia:determinationOf ?s ; aia:route aiac:route-art-6-2 ; aia:conclusion ?category . }
    FILTER(?route != aiac:route-art-6-1 || !BOUND(?hr62)
           || EXISTS { ?obligation aia:applicabilityRule aiac:applicability-art-6-1 })
  } UNION {
    ?change2 a aia:AmendedApplicability ; aia:amendedBy ?amendment ; rdfs:label ?changeLabel ;
             aia:affectsObligation ?obligation ; aia:onlyPlacedBefore ?cutoff .
    ?assessed aia:obligation ?obligation ; aia:obligationFor ?s .
    ?s aia:placedNoLaterThan ?placed .
    FILTER(?placed < ?cutoff)
  } UNION {
    ?change3 a aia:AmendedApplicability ; aia:amendedBy ?amendment ; rdfs:label ?changeLabel ;
             aia:affectsObligation ?obligation .
    FILTER NOT EXISTS { ?change3 aia:onlyPlacedBefore ?anyCutoff }
    ?assessed aia:obligation ?obligation .
  } UNION {
    # an open-source system's duty dated from its carve-back (Art 2(12), the branch above), where
    # the classification that carves it back on that day rests on the amendment (from the
    # carve-back, few: as a sub-select of the classifications this branch cost a tenth of the
    # operation on 1,000 high-risk subjects)
    ?carveBack aia:conclusion aiac:outcome-foss-carve-back ; aia:determinationOf ?s ;
               aia:appliesFromDate ?carvedBackFrom ; aia:premise ?movedKeep .
    ?movedKeep aia:appliesFromDate ?carvedBackFrom ; aia:dependsOnAmendment ?amendment .
    ?assessed aia:obligationFor ?s ; aia:effectiveFrom ?carvedBackFrom .
  } UNION {
    # a provider's duty dated from the day an event made its bearer the provider (Art 25(1), the
    # branch above), where that day rests on the amendment (rule 702 moved the outcome): an
    # outside check found such a duty dated 2 December 2027 with no mark of the amendment
    ?newProvider aia:conclusion aiac:outcome-new-provider-art-25 ; aia:dependsOnAmendment ?amendment ;
                 aia:determinationOf ?s ; aia:premise ?byPremise ; aia:appliesFromDate ?switchDay .
    ?byPremise aia:premiseProperty aia:byOperator ; aia:premiseValue ?operator .
    ?assessed aia:obligationFor ?s ; aia:bearer ?operator ; aia:bearerRoleType aiac:role-provider ;
              aia:effectiveFrom ?switchDay .
  }
  BIND(IF(BOUND(?changeLabel), CONCAT("Reported change applied: ", STR(?changeLabel), "."), ?unbound) AS ?note)
} ;
# An obligation that accompanies others (aia:accompanies: Art 50(5), how the information of
# Art 50(1) to (4) is given) applies from the earliest day one of them applies to the same bearer
# for the same subject, where that is later than its own date (e.g. a system whose only such duty
# is Art 50(2), in the amendment's grace period); it then depends on the amendments behind that day
DELETE { ?assessed aia:effectiveFrom ?own ; aia:inForce ?ownInForce }
INSERT { ?assessed aia:effectiveFrom ?earliest ; aia:inForce ?inForce ; aia:dependsOnAmendment ?amendment }
WHERE {
  {
    # (its own date inside the sub-select: joined outside it, the embedded engine read the date
    # of every assessed obligation of the batch, 0.14 s per 1,000 high-risk subjects)
    SELECT ?assessed ?obligation ?s ?party ?own ?ownInForce (MIN(?principalFrom) AS ?earliest) WHERE {
      ?obligation aia:accompanies ?accompanied .
      ?assessed aia:obligation ?obligation ; aia:obligationFor ?s ; aia:bearer ?party ;
                aia:effectiveFrom ?own ; aia:inForce ?ownInForce .
      ?principal aia:obligation ?accompanied ; aia:obligationFor ?s ; aia:bearer ?party ;
                 aia:effectiveFrom ?principalFrom .
    } GROUP BY ?assessed ?obligation ?s ?party ?own ?ownInForce
  }
  FILTER(?earliest > ?own)
  aiaa:run aia:asOf ?asOf .
  BIND(?earliest <= ?asOf AS ?inForce)
  OPTIONAL {
    ?obligation aia:accompanies ?latest .
    ?latestPrincipal aia:obligation ?latest ; aia:obligationFor ?s ; aia:bearer ?party ;
                     aia:effectiveFrom ?earliest ; aia:dependsOnAmendment ?amendment .
  }
} ;
# The transitional rule an obligation's day rests on (Art 111(1)-(3)), named beside the
# provisions that impose it: the day is the rule's compliance deadline, or, for a legacy
# high-risk system changed significantly, the day of that change (Art 111(2): "as from that
# date"); an obligation that applies later for another reason (a systemic-risk designation)
# does not rest on it. From the few subjects under such a rule to their assessed obligations.
INSERT { ?assessed aia:dateRestsOn ?transitionProvision }
WHERE {
  # (the assessed obligations in each branch: joined with the UNION outside it, the embedded
  # engine read every assessed obligation of the batch, 0.2 s per 1,000 high-risk subjects that
  # have no transition at all)
  {
    ?s aia:satisfiesTrigger ?transition .
    ?transition a aia:TransitionalRule ; aia:complianceDeadline ?transitionDay ;
                aia:sourceProvision ?transitionProvision .
    ?assessed aia:obligationFor ?s ; aia:effectiveFrom ?transitionDay ; aia:obligation ?datedObligation .
  } UNION {
    # the change's day (the outcome's date may be an amended application date, rule 702)
    ?legacyChangedOutcome aia:conclusion aiac:outcome-legacy-changed-art-111-2 ; aia:determinationOf ?s .
    ?s aia:legacyDesignChangedOn ?transitionDay .
    aiac:outcome-legacy-changed-art-111-2 aia:sourceProvision ?transitionProvision .
    ?assessed aia:obligationFor ?s ; aia:effectiveFrom ?transitionDay ; aia:obligation ?datedObligation .
  } UNION {
    # or the deadline, for a public one changed after it
    ?lateChangedOutcome aia:conclusion aiac:outcome-legacy-changed-art-111-2 ; aia:determinationOf ?s .
    ?s aia:intendedForPublicAuthorities true .
    aiac:transition-art-111-2 aia:complianceDeadline ?transitionDay .
    aiac:outcome-legacy-changed-art-111-2 aia:sourceProvision ?transitionProvision .
    ?assessed aia:obligationFor ?s ; aia:effectiveFrom ?transitionDay ; aia:obligation ?datedObligation .
  }
  # the obligations of Chapters I-II keep their own dates under Art 111(1) and (2): a day they
  # share with the change (the new provider's Art 4 duty, Art 25) does not rest on it
  FILTER NOT EXISTS { ?datedObligation aia:applicabilityRule aiac:applicability-chapters-i-ii }
} ;
INSERT { ?assessed aia:dueDate ?due }
WHERE {
  # from the catalogue's few obligations with a deadline to their assessed obligations (the type
  # as a filter: as a pattern the embedded engine starts from it, every assessed obligation);
  # the anchor's date, if on or before the as-of date (a later one is not known yet on it);
  # without it, the date of the fallback anchor (the day the condition was met at the latest:
  # the due date is then the latest possible). The obligations are found in each branch: a
  # UNION joined with them, the embedded engine evaluates on its own first (every date of the
  # store), and OPTIONALs leave rows without a date, whose MONTH Virtuoso 7 fails to compute.
  {
    ?obligation aia:deadlineDays ?days ; aia:deadlineAnchorProperty ?anchor .
    ?assessed aia:obligation ?obligation ; aia:obligationFor ?s .
    FILTER EXISTS { ?assessed a aia:AssessedObligation }
    ?s ?anchor ?start .
    aiaa:run aia:asOf ?anchorAsOf .
    FILTER(DATATYPE(?start) = xsd:date && ?start <= ?anchorAsOf)
  } UNION {
    ?obligation aia:deadlineDays ?days ; aia:deadlineAnchorProperty ?fallbackBranchAnchor ;
                aia:deadlineFallbackAnchorProperty ?fallback .
    ?assessed aia:obligation ?obligation ; aia:obligationFor ?s .
    FILTER EXISTS { ?assessed a aia:AssessedObligation }
    ?s ?fallback ?start .
    FILTER(DATATYPE(?start) = xsd:date)
    FILTER NOT EXISTS {
      ?obligation aia:deadlineAnchorProperty ?branchAnchor .
      ?s ?branchAnchor ?anchorDate .
      aiaa:run aia:asOf ?fallbackAsOf .
      FILTER(DATATYPE(?anchorDate) = xsd:date && ?anchorDate <= ?fallbackAsOf)
    }
  }
  # ?due = ?start + ?days days, by calendar arithmetic (not every engine adds durations to
  # dates); a deadline of at most 28 days crosses at most one month's end
  BIND(YEAR(?start) AS ?sYear)
  BIND(MONTH(?start) AS ?sMonth)
  BIND(DAY(?start) + ?days AS ?sDayPlus)
  BIND(IF(?sMonth = 2, IF(?sYear - 4 * FLOOR(?sYear / 4) = 0 && (?sYear - 100 * FLOOR(?sYear / 100) != 0 || ?sYear - 400 * FLOOR(?sYear / 400) = 0), 29, 28), IF(?sMonth IN (4, 6, 9, 11), 30, 31)) AS ?sMonthDays)
  BIND(?sDayPlus > ?sMonthDays AS ?sNextMonth)
  BIND(xsd:integer(IF(?sNextMonth, ?sDayPlus - ?sMonthDays, ?sDayPlus)) AS ?sDueDay)
  BIND(xsd:integer(IF(?sNextMonth, IF(?sMonth = 12, 1, ?sMonth + 1), ?sMonth)) AS ?sDueMonth)
  BIND(xsd:integer(IF(?sNextMonth && ?sMonth = 12, ?sYear + 1, ?sYear)) AS ?sDueYear)
  BIND(xsd:date(CONCAT(STR(?sDueYear), IF(?sDueMonth < 10, "-0", "-"), STR(?sDueMonth), IF(?sDueDay < 10, "-0", "-"), STR(?sDueDay))) AS ?deadline)
  # never due before the obligation applies (e.g. Art 52(1) for a model placed before
  # 2 August 2025: by the compliance date of Art 111(3))
  OPTIONAL { ?assessed aia:effectiveFrom ?effective }
  BIND(IF(BOUND(?effective) && ?effective > ?deadline, ?effective, ?deadline) AS ?due)
  FILTER(BOUND(?due))
} ;
# A pending change of provider (rule 320: the event has taken place, the change takes effect
# after the as-of date): from that day the outgoing provider is no longer the provider, and the
# operators of the pending events no longer importers or distributors other than the provider
# (Art 3(6)-(7), the bearers of Art 23 and 24). Their duties in those roles that would apply only from then are
# removed; the incoming provider's duties as provider are listed instead (rule 810), and the
# outgoing one's Art 25(2) duty as the initial provider (named through aia:hasFormerProvider) stays.
DELETE { ?assessed ?p ?o }
WHERE {
  # (the assessed obligations and their statements found from the few pending changes, in one
  # sub-select: with a pattern over every statement beside it, the embedded engine read them all)
  {
    SELECT ?assessed ?p ?o WHERE {
      {
        SELECT ?s (MIN(?switchOn) AS ?switch) WHERE {
          ?s aia:hasIncomingProvider ?incoming .
          ?pending aia:determinationOf ?s ; aia:conclusion aiac:outcome-new-provider-art-25 ;
                   aia:premise ?incomingPremise ; aia:appliesFromDate ?switchOn .
          ?incomingPremise aia:premiseProperty aia:byOperator ; aia:premiseValue ?incoming .
          aiaa:run aia:asOf ?switchAsOf .
          FILTER(?switchOn > ?switchAsOf)
        } GROUP BY ?s
      }
      {
        ?s aia:hasOutgoingProvider ?party .
        ?assessed aia:obligationFor ?s ; aia:bearer ?party ; aia:bearerRoleType aiac:role-provider ;
                  aia:obligation ?obligation ; aia:effectiveFrom ?from .
        # (its duties as the initial provider, and as a third party supplying a component, stay)
        FILTER NOT EXISTS { ?obligation aia:bearerProperty aia:hasFormerProvider }
        FILTER NOT EXISTS { ?obligation aia:bearerIsThirdParty true }
        ?assessed ?p ?o .
      } UNION {
        # (every operator of a pending event: one replaced on the same day by a later event's
        # operator is a former provider, not a distributor, from then)
        ?s aia:hasIncomingProvider|aia:hasOutgoingProvider ?party .
        ?assessed aia:obligationFor ?s ; aia:bearer ?party ; aia:obligation ?obligation ;
                  aia:effectiveFrom ?from .
        ?obligation aia:bearerProperty ?thirdPartyProperty .
        VALUES ?thirdPartyProperty { aia:hasThirdPartyImporter aia:hasThirdPartyDistributor }
        ?assessed ?p ?o .
      }
      FILTER(?from >= ?switch)
    }
  }
}
