# Rule: gpai-procedure-states
# Label: Where a general-purpose AI model stands in the systemic-risk procedure on the as-of date: notification due or overdue, notified, arguments under review or decided, presumed or designated, revoked, and when a reassessment may be requested (Arts 51-52)
# Provisions: aiap:art_51.par_1.pnt_a aiap:art_51.par_1.pnt_b aiap:art_51.par_2 aiap:art_52.par_1 aiap:art_52.par_2 aiap:art_52.par_3 aiap:art_52.par_4 aiap:art_52.par_5 aiap:art_111.par_3
# The states (aia:ProcedureState, scheme aiac:gpai-procedure) are conclusions beside the risk
# categories: they never change a category, they say where the procedure stands. Several hold at
# once (e.g. notified, arguments under review, presumed systemic risk). Each carries the date it
# holds since (aia:stateSince) where the events give it, and the date a step is due
# (aia:dueDate) or possible (aia:earliestDate):
#   - notification due / overdue: the condition of Art 51(1)(a) is met or known to be met
#     (the trigger of rules 520/525) and no notification (nor arguments, which come with one) is
#     dated on or before the as-of date. The due date is aia:thresholdKnownOn plus the deadline
#     of the Art 52(1) obligation in the catalogue (two weeks), but never before the duty applies
#     (Art 52(1) from 2 August 2025, Art 113(b); for a model placed before that day, the
#     compliance date of Art 111(3)); the as-of date on the due date is still within time.
#     Without aia:thresholdKnownOn, a model placed with training compute above the threshold
#     met the condition at the latest on its placing (aia:thresholdMetAtLatestOn, rule 520): the
#     notification was due at the latest two weeks after; else it is due with no date. The
#     notification is due since the day the condition was met or became known, and overdue
#     from the day after the due date.
#   - notified: the earliest notification (or arguments) dated on or before the as-of date.
#   - arguments under review: the latest arguments have no decision (accepted or rejected) dated
#     on or after them and on or before the as-of date.
#   - arguments accepted / rejected: the latest decision on or after the latest arguments.
#   - presumed systemic risk, designated, designation revoked: from the determinations of rules
#     520, 525 and 530, with the date of the deciding event (for the presumption with no day of
#     knowing or notification, the day the condition was met at the latest, rule 520). Presumed systemic risk cites Art
#     51(2) when compute decided it (rule 520), Art 52(1) when the notification did (rule 525).
#   - reassessment: for a designated model, the latest decision (the designation, or a decision
#     maintaining it) opens a new request six months later (Art 52(5)); before that date the
#     request is not yet possible, from it it is; a request on or after that date with no
#     decision after it is under review.
#   - not notifiable: a general-purpose AI model that does not meet the condition and is not
#     classified as having systemic risk.

# Not notifiable --------------------------------------------------------------------------------
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:gpai-state-not-notifiable ;
    aia:byRule aiar:gpai-procedure-states ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> , aiap:art_51.par_2 , aiap:art_52.par_1 ;
    aia:premise ?gpai ;
    aia:explanation "The model is not described as meeting the condition of Art 51(1)(a) (training compute used or planned above the threshold of Art 51(2), or a notification that it meets it) and it is not designated: no notification to the Commission is due under Art 52(1)." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?gpai aia:determinationOf ?m ; aia:conclusion aiac:category-gpai .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?m aia:satisfiesTrigger aiac:trigger-systemic-risk-threshold-met }
  FILTER NOT EXISTS { ?sr aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-procedure-states|not-notifiable")))) AS ?d)
} ;

# Notification due or overdue -------------------------------------------------------------------
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion ?state ;
    aia:byRule aiar:gpai-procedure-states ;
    aia:legalBasis aiap:art_52.par_1 ;
    aia:premise ?knownPremise , ?presumption , ?placingPremise ;
    aia:stateSince ?since ;
    aia:dueDate ?due ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?knownPremise a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty ?knownProperty ; aia:premiseValue ?known .
  ?placingPremise a aia:Premise ; aia:premiseSubject ?placed ; aia:premiseProperty ?placedProperty ; aia:premiseValue ?known .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:satisfiesTrigger aiac:trigger-systemic-risk-threshold-met .
  FILTER(isIRI(?m))
  aiaa:run aia:asOf ?asOf .
  FILTER NOT EXISTS {
    ?m aia:hasProcedureEvent ?n . ?n aia:eventDate ?nDate .
    FILTER EXISTS { ?n a ?nKind . FILTER(?nKind IN (aia:ProviderNotification, aia:ProviderArguments)) }
    FILTER(?nDate <= ?asOf)
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  OPTIONAL {
    # the day the condition was met or became known; without it, the day it was met at the
    # latest (the model's first placing with training compute above the threshold, rule
    # art-51-1-a-presumption), from which the two weeks run at the latest
    # (a day of knowing after the as-of date is not known yet on it: rule 520 then writes the
    # latter)
    { ?m aia:thresholdKnownByAsOf ?known . BIND(aia:thresholdKnownOn AS ?knownProperty) }
    UNION
    {
      ?m aia:thresholdMetAtLatestOn ?known . BIND(aia:thresholdMetAtLatestOn AS ?knownProperty)
      # that day is derived, not stated: the premises are the presumption (rule 520, with the
      # compute it rests on) and the placing on that day, of the model or of an AI system built
      # on it (rule 011; an outside check found the derived day shown as a submitted fact)
      OPTIONAL {
        ?presumption aia:determinationOf ?m ; aia:byRule aiar:art-51-1-a-presumption ;
          aia:conclusion aiac:category-gpai-systemic-risk .
      }
      OPTIONAL {
        { ?m aia:placedOnMarketOn ?known . BIND(?m AS ?placed) BIND(aia:placedOnMarketOn AS ?placedProperty) }
        UNION
        {
          ?placed aia:basedOnModel ?m ; ?placedProperty ?known .
          VALUES ?placedProperty { aia:placedOnMarketOn aia:putIntoServiceOn }
        }
      }
    }
    aiao:art-52-1-notify-commission-systemic-risk aia:deadlineDays ?days .
    # ?due = ?known + ?days days, by calendar arithmetic (not every engine adds durations to
    # dates); a deadline of at most 28 days crosses at most one month's end
    BIND(YEAR(?known) AS ?kYear)
    BIND(MONTH(?known) AS ?kMonth)
    BIND(DAY(?known) + ?days AS ?kDayPlus)
    BIND(IF(?kMonth = 2, IF(?kYear - 4 * FLOOR(?kYear / 4) = 0 && (?kYear - 100 * FLOOR(?kYear / 100) != 0 || ?kYear - 400 * FLOOR(?kYear / 400) = 0), 29, 28), IF(?kMonth IN (4, 6, 9, 11), 30, 31)) AS ?kMonthDays)
    BIND(?kDayPlus > ?kMonthDays AS ?kNextMonth)
    BIND(xsd:integer(IF(?kNextMonth, ?kDayPlus - ?kMonthDays, ?kDayPlus)) AS ?kDueDay)
    BIND(xsd:integer(IF(?kNextMonth, IF(?kMonth = 12, 1, ?kMonth + 1), ?kMonth)) AS ?kDueMonth)
    BIND(xsd:integer(IF(?kNextMonth && ?kMonth = 12, ?kYear + 1, ?kYear)) AS ?kDueYear)
    BIND(xsd:date(CONCAT(STR(?kDueYear), IF(?kDueMonth < 10, "-0", "-"), STR(?kDueMonth), IF(?kDueDay < 10, "-0", "-"), STR(?kDueDay))) AS ?twoWeeks)
    # never due before the duty applies: Art 52(1) from its application date (Art 113(b)), and
    # for a model placed before then by the compliance date of Art 111(3)
    aiao:art-52-1-notify-commission-systemic-risk aia:appliesFrom ?dutyFrom .
    OPTIONAL { ?m aia:satisfiesTrigger aiac:transition-art-111-3 . aiac:transition-art-111-3 aia:complianceDeadline ?legacyFrom }
    BIND(IF(BOUND(?legacyFrom) && ?legacyFrom > ?dutyFrom, ?legacyFrom, ?dutyFrom) AS ?start)
    BIND(IF(?twoWeeks < ?start, ?start, ?twoWeeks) AS ?due)
    BIND(IF(?twoWeeks >= ?start, "two weeks, Art 52(1)",
            IF(BOUND(?legacyFrom) && ?legacyFrom > ?dutyFrom,
               "the model was placed on the market before 2 August 2025, so under Art 111(3) its provider must comply by that date",
               CONCAT("the duty of Art 52(1) applies only from ", STR(?dutyFrom), ", Art 113(b)"))) AS ?dueBasis)
    # the day after the due date, from which a notification not given is overdue (computed here,
    # where ?due is bound: Virtuoso 7 fails on MONTH of an unbound date)
    BIND(YEAR(?due) AS ?oYear)
    BIND(MONTH(?due) AS ?oMonth)
    BIND(IF(?oMonth = 2, IF(?oYear - 4 * FLOOR(?oYear / 4) = 0 && (?oYear - 100 * FLOOR(?oYear / 100) != 0 || ?oYear - 400 * FLOOR(?oYear / 400) = 0), 29, 28), IF(?oMonth IN (4, 6, 9, 11), 30, 31)) AS ?oMonthDays)
    BIND(DAY(?due) = ?oMonthDays AS ?oNextMonth)
    BIND(xsd:integer(IF(?oNextMonth, 1, DAY(?due) + 1)) AS ?oDay)
    BIND(xsd:integer(IF(?oNextMonth, IF(?oMonth = 12, 1, ?oMonth + 1), ?oMonth)) AS ?oMonthAfter)
    BIND(xsd:integer(IF(?oNextMonth && ?oMonth = 12, ?oYear + 1, ?oYear)) AS ?oYearAfter)
    BIND(xsd:date(CONCAT(STR(?oYearAfter), IF(?oMonthAfter < 10, "-0", "-"), STR(?oMonthAfter), IF(?oDay < 10, "-0", "-"), STR(?oDay))) AS ?overdueFrom)
  }
  BIND(IF(BOUND(?due) && ?asOf > ?due, aiac:gpai-state-notification-overdue, aiac:gpai-state-notification-due) AS ?state)
  # due since the condition was met or became known, but not before the duty of Art 52(1)
  # applies (Art 113(b): an outside check found the state dated from a placing in March 2025);
  # overdue from the day after the due date
  BIND(IF(BOUND(?known) && ?known < ?dutyFrom, ?dutyFrom, ?known) AS ?dueSince)
  BIND(IF(?state = aiac:gpai-state-notification-overdue, ?overdueFrom, ?dueSince) AS ?since)
  # the day the condition was met at the latest is the placing, or the day the threshold came
  # into force if the model was on the market before (Art 51(2) with the Regulation, 1 August
  # 2024): that day is no placing (an outside check found a model placed in March 2024 said to
  # be placed on 1 August 2024)
  OPTIONAL { aiaa:run aia:usesThreshold ?knownThreshold . ?knownThreshold aia:inForceFrom ?knownThresholdFrom }
  BIND(IF(BOUND(?knownThresholdFrom) && ?knownThresholdFrom = ?known,
          CONCAT("the model was on the market when the threshold came into force on ", STR(?known)),
          CONCAT("the model was placed on the market on ", STR(?known))) AS ?metAtLatestText)
  # a day of knowing stated after the as-of date is not read on it (rule 007): say so
  OPTIONAL { ?m aia:thresholdKnownAfterAsOf ?statedLater }
  BIND(IF(BOUND(?statedLater),
          CONCAT(" (the day stated as the one it was met or became known, aia:thresholdKnownOn ", STR(?statedLater),
                 ", is after the as-of date, so it is not known yet on it; if the compute was used only in training after the placing, the condition was met that day instead)"),
          " (the day it was met or became known, aia:thresholdKnownOn, is not given)") AS ?knownNote)
  BIND(IF(!BOUND(?known),
          "The model meets, or is known to meet, the condition of Art 51(1)(a) and no notification to the Commission is given: the provider must notify without delay and in any event within two weeks of the day the condition was met or became known (Art 52(1)); that day (aia:thresholdKnownOn) is not given, so no due date can be computed.",
          IF(?knownProperty = aia:thresholdMetAtLatestOn,
             CONCAT("The model's training compute exceeds the threshold and ", ?metAtLatestText,
                    ", so the condition of Art 51(1)(a) was met at the latest then", ?knownNote, "; ",
                    IF(?asOf > ?due,
                       CONCAT("the notification to the Commission was due at the latest by ", STR(?due), " (", ?dueBasis, ") and none is given on or before ", STR(?asOf), ": it is overdue."),
                       CONCAT("the provider must notify the Commission at the latest by ", STR(?due), " (", ?dueBasis, "); no notification is given yet."))),
          IF(?asOf > ?due,
             CONCAT("The condition of Art 51(1)(a) was met or became known on ", STR(?known), "; the notification to the Commission was due by ", STR(?due), " (", ?dueBasis, ") and none is given on or before ", STR(?asOf), ": it is overdue."),
             CONCAT("The condition of Art 51(1)(a) was met or became known on ", STR(?known), "; the provider must notify the Commission by ", STR(?due), " (", ?dueBasis, "); no notification is given yet.")))) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-procedure-states|notification")))) AS ?d)
  # the date the condition became known, as stated, is a premise, with an IRI minted from the
  # determination; so is each placing on the day it was met at the latest
  BIND(IF(BOUND(?known) && ?knownProperty = aia:thresholdKnownOn, IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?m), "|", STR(?knownProperty), "|", STR(?known))))), ?unbound) AS ?knownPremise)
  BIND(IF(BOUND(?placed), IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?placed), "|", STR(?placedProperty), "|", STR(?known))))), ?unbound) AS ?placingPremise)
} ;
# Notified --------------------------------------------------------------------------------------
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:gpai-state-notified ;
    aia:byRule aiar:gpai-procedure-states ;
    aia:legalBasis aiap:art_52.par_1 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?n ] ;
    aia:stateSince ?nDate ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?m (MIN(?date) AS ?nDate) WHERE {
      ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?event .
      ?event aia:eventDate ?date .
      FILTER EXISTS { ?event a ?kind . FILTER(?kind IN (aia:ProviderNotification, aia:ProviderArguments)) }
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  FILTER(isIRI(?m))
  ?m aia:hasProcedureEvent ?n . ?n aia:eventDate ?nDate .
  FILTER EXISTS { ?n a ?kind . FILTER(?kind IN (aia:ProviderNotification, aia:ProviderArguments)) }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  OPTIONAL {
    # the day the condition was met or became known; without it, the day it was met at the
    # latest (the model's first placing with training compute above the threshold, rule
    # art-51-1-a-presumption), from which the two weeks run at the latest
    # (a day of knowing after the as-of date is not known yet on it: rule 520 then writes the
    # latter)
    { ?m aia:thresholdKnownByAsOf ?known . BIND(aia:thresholdKnownOn AS ?knownProperty) }
    UNION
    { ?m aia:thresholdMetAtLatestOn ?known . BIND(aia:thresholdMetAtLatestOn AS ?knownProperty) }
    aiao:art-52-1-notify-commission-systemic-risk aia:deadlineDays ?days .
    # ?due = ?known + ?days days, by calendar arithmetic (not every engine adds durations to
    # dates); a deadline of at most 28 days crosses at most one month's end
    BIND(YEAR(?known) AS ?kYear)
    BIND(MONTH(?known) AS ?kMonth)
    BIND(DAY(?known) + ?days AS ?kDayPlus)
    BIND(IF(?kMonth = 2, IF(?kYear - 4 * FLOOR(?kYear / 4) = 0 && (?kYear - 100 * FLOOR(?kYear / 100) != 0 || ?kYear - 400 * FLOOR(?kYear / 400) = 0), 29, 28), IF(?kMonth IN (4, 6, 9, 11), 30, 31)) AS ?kMonthDays)
    BIND(?kDayPlus > ?kMonthDays AS ?kNextMonth)
    BIND(xsd:integer(IF(?kNextMonth, ?kDayPlus - ?kMonthDays, ?kDayPlus)) AS ?kDueDay)
    BIND(xsd:integer(IF(?kNextMonth, IF(?kMonth = 12, 1, ?kMonth + 1), ?kMonth)) AS ?kDueMonth)
    BIND(xsd:integer(IF(?kNextMonth && ?kMonth = 12, ?kYear + 1, ?kYear)) AS ?kDueYear)
    BIND(xsd:date(CONCAT(STR(?kDueYear), IF(?kDueMonth < 10, "-0", "-"), STR(?kDueMonth), IF(?kDueDay < 10, "-0", "-"), STR(?kDueDay))) AS ?twoWeeks)
    # never due before the duty applies: Art 52(1) from its application date (Art 113(b)), and
    # for a model placed before then by the compliance date of Art 111(3)
    aiao:art-52-1-notify-commission-systemic-risk aia:appliesFrom ?dutyFrom .
    OPTIONAL { ?m aia:satisfiesTrigger aiac:transition-art-111-3 . aiac:transition-art-111-3 aia:complianceDeadline ?legacyFrom }
    BIND(IF(BOUND(?legacyFrom) && ?legacyFrom > ?dutyFrom, ?legacyFrom, ?dutyFrom) AS ?start)
    BIND(IF(?twoWeeks < ?start, ?start, ?twoWeeks) AS ?due)
    BIND(IF(?twoWeeks >= ?start, "two weeks, Art 52(1)",
            IF(BOUND(?legacyFrom) && ?legacyFrom > ?dutyFrom,
               "the model was placed on the market before 2 August 2025, so under Art 111(3) its provider must comply by that date",
               CONCAT("the duty of Art 52(1) applies only from ", STR(?dutyFrom), ", Art 113(b)"))) AS ?dueBasis)
  }
  BIND(IF(BOUND(?due) && ?nDate > ?due,
          CONCAT(", after the due date of ", STR(?due), IF(?twoWeeks >= ?start, CONCAT(" (two weeks from ", STR(?known), IF(?knownProperty = aia:thresholdMetAtLatestOn, ", the day the model was on the market with training compute above the threshold at the latest", ""), ", Art 52(1))"), CONCAT(" (", ?dueBasis, ")")), ": the notification was late"),
          IF(BOUND(?due), IF(?twoWeeks >= ?start, CONCAT(", within the two weeks of Art 52(1) (due by ", STR(?due), ")"), CONCAT(", in time (due by ", STR(?due), ": ", ?dueBasis, ")")), "")) AS ?timeliness)
  BIND(CONCAT("On ", STR(?nDate), " the provider notified the Commission that the model meets, or will meet, the condition of Art 51(1)(a)", ?timeliness, ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-procedure-states|notified")))) AS ?d)
} ;

# Arguments under review ------------------------------------------------------------------------
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:gpai-state-arguments-under-review ;
    aia:byRule aiar:gpai-procedure-states ;
    aia:legalBasis aiap:art_52.par_2 , aiap:art_52.par_3 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?args ] ;
    aia:stateSince ?argsDate ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?m (MAX(?date) AS ?argsDate) WHERE {
      ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?event .
      ?event a aia:ProviderArguments ; aia:eventDate ?date .
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  FILTER(isIRI(?m))
  ?m aia:hasProcedureEvent ?args . ?args a aia:ProviderArguments ; aia:eventDate ?argsDate .
  aiaa:run aia:asOf ?asOf .
  FILTER NOT EXISTS {
    ?m aia:hasProcedureEvent ?decision . ?decision aia:eventDate ?decisionDate .
    FILTER EXISTS { ?decision a ?decisionKind . FILTER(?decisionKind IN (aia:ArgumentsAccepted, aia:ArgumentsRejected)) }
    FILTER(?decisionDate >= ?argsDate && ?decisionDate <= ?asOf)
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(CONCAT("On ", STR(?argsDate), " the provider presented arguments that the model exceptionally does not present systemic risks (Art 52(2)); the Commission has not decided on them by ", STR(?asOf),
              " (Art 52(3)); the arguments do not suspend the classification that follows from the facts meanwhile.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-procedure-states|arguments-under-review")))) AS ?d)
} ;

# Presumed systemic risk ------------------------------------------------------------------------
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:gpai-state-presumed-systemic-risk ;
    aia:byRule aiar:gpai-procedure-states ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> , ?ground , ?transition ;
    aia:premise ?sr ;
    aia:stateSince ?stateSince ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?m (SAMPLE(?sr0) AS ?sr) WHERE {
      ?sr0 aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk ; aia:byRule ?rule .
      FILTER(?rule IN (aiar:art-51-1-a-presumption, aiar:art-52-procedure-events))
    } GROUP BY ?m
  }
  FILTER(isIRI(?m))
  # the ground: compute above the threshold (the presumption of Art 51(2), rule 520), or, with no
  # compute figure, the provider's notification that the model meets the condition (Art 52(1),
  # rule 525), which is no presumption
  ?sr aia:byRule ?srRule .
  BIND(IF(?srRule = aiar:art-52-procedure-events, aiap:art_52.par_1, aiap:art_51.par_2) AS ?ground)
  OPTIONAL {
    SELECT ?m (MIN(?date) AS ?since) WHERE {
      { ?m aia:thresholdKnownOn ?date }
      UNION
      { ?m aia:hasProcedureEvent ?n . ?n a aia:ProviderNotification ; aia:eventDate ?date }
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  # with no day of knowing or notification, the condition was met at the latest when the model,
  # trained with compute above the threshold, was placed on the market (rule 520): the state
  # holds since then at the latest, the day the notification of Art 52(1) runs from
  OPTIONAL { ?m aia:thresholdMetAtLatestOn ?metAtLatest }
  # the earlier of the two: a late notification does not move the day the condition was met
  BIND(BOUND(?since) && (!BOUND(?metAtLatest) || ?since <= ?metAtLatest) AS ?sinceFirst)
  # compute used dated by threshold events (rule 520 names the first event above the threshold
  # as a premise): the model meets the condition from it (or the day the threshold came into
  # force), whatever day of knowing (planned compute) or notification came before, and has
  # systemic risk from then, not before Chapter V applies (the date rule 700 gives the presumption)
  OPTIONAL {
    ?sr aia:premise ?metPremise .
    ?metPremise aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?metEvent .
    ?metEvent a aia:ThresholdKnown ; aia:eventDate ?metEventDate .
    aiaa:run aia:usesThreshold ?metThreshold .
    OPTIONAL { ?metThreshold aia:inForceFrom ?metThresholdFrom }
    BIND(IF(BOUND(?metThresholdFrom) && ?metThresholdFrom > ?metEventDate, ?metThresholdFrom, ?metEventDate) AS ?metOn)
    <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> eli:date_applicability ?metChapterV .
    BIND(IF(?metOn > ?metChapterV, ?metOn, ?metChapterV) AS ?srFrom)
  }
  # the state holds from the day the condition was met, but not before Art 51 applies (Art
  # 113(b)), the day rule 700 dates the classification from (an outside check found the
  # timeline and the assessment giving two dates for one state)
  BIND(IF(BOUND(?metOn), ?metOn, IF(?sinceFirst, ?since, ?metAtLatest)) AS ?metSince)
  <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_a> eli:date_applicability ?articleFrom .
  BIND(IF(BOUND(?metSince) && ?metSince < ?articleFrom, ?articleFrom, ?metSince) AS ?stateSince)
  OPTIONAL { aiaa:run aia:usesThreshold ?placedThreshold . ?placedThreshold aia:inForceFrom ?placedThresholdFrom }
  # a model placed on the market before Chapter V applied: its provider complies by the deadline
  # of Art 111(3) (rule 540), the date its obligations are listed from; not for duties that arise
  # only after that deadline, when the model has systemic risk (dated by a threshold event): they
  # apply from that day (rule 820), and Art 111(3) does not bear on them
  OPTIONAL {
    ?m aia:satisfiesTrigger aiac:transition-art-111-3 .
    aiac:transition-art-111-3 aia:complianceDeadline ?deadline .
  }
  BIND(BOUND(?srFrom) && BOUND(?deadline) && ?srFrom > ?deadline AS ?afterDeadline)
  BIND(IF(BOUND(?deadline) && !?afterDeadline, aiap:art_111.par_3, ?unbound) AS ?transition)
  # a model not placed on the market on the as-of date (rule 130): its duties follow the placing
  # (a date of placing after it, or the statement that it is not yet placed, which keeps it in
  # scope for the notification of Art 52(1) only: aiac:trigger-model-not-yet-placed)
  OPTIONAL {
    SELECT DISTINCT ?m (true AS ?notPlacedFlag) WHERE {
      { ?notPlaced aia:determinationOf ?m ; aia:conclusion aiac:outcome-placing-after-as-of-date }
      UNION { ?m aia:satisfiesTrigger aiac:trigger-model-not-yet-placed }
    }
  }
  BIND(CONCAT("The model meets the condition of Art 51(1)(a)",
              IF(BOUND(?metOn), CONCAT(" (since ", STR(?metOn), ", the threshold event that gives the compute used)"),
              IF(?sinceFirst, CONCAT(" (since ", STR(?since), ")"),
                 IF(BOUND(?metAtLatest), CONCAT(" (at the latest since ", STR(?metAtLatest),
                                                 IF(BOUND(?placedThresholdFrom) && ?placedThresholdFrom = ?metAtLatest,
                                                    ", when the threshold came into force with the model on the market with training compute above it)",
                                                    ", when it was placed on the market with training compute above the threshold)")), ""))),
              " and is classified as a general-purpose AI model with systemic risk; the obligations of Art 55 apply to its provider",
              IF(BOUND(?notPlacedFlag), " once the model is placed on the market (it is not yet on the as-of date)",
                 IF(BOUND(?srFrom) && (!BOUND(?deadline) || ?afterDeadline), CONCAT(" from ", STR(?srFrom)), "")),
              IF(?afterDeadline,
                 CONCAT(", the day it has systemic risk (the model was placed on the market before 2 August 2025, so its provider had until ", STR(?deadline),
                        " to comply with the Regulation, Art 111(3); these duties arise only after that date)"),
                 IF(BOUND(?deadline), CONCAT(", which, the model having been placed on the market before 2 August 2025, complies with them by ", STR(?deadline), " (Art 111(3))"), "")),
              ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-procedure-states|presumed")))) AS ?d)
} ;

# The Commission's decision on the arguments ----------------------------------------------------
# The latest decision (accepted or rejected) on or after the latest arguments, up to the as-of date.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion ?state ;
    aia:byRule aiar:gpai-procedure-states ;
    aia:legalBasis aiap:art_52.par_3 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?decisionEvent ] ;
    aia:stateSince ?decisionDate ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?m (MAX(?date) AS ?argsDate) WHERE {
      ?m a aia:GeneralPurposeAIModel ; aia:hasProcedureEvent ?event .
      ?event a aia:ProviderArguments ; aia:eventDate ?date .
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  FILTER(isIRI(?m))
  {
    SELECT ?m (MAX(?date) AS ?decisionDate) WHERE {
      ?m aia:hasProcedureEvent ?event . ?event aia:eventDate ?date .
      FILTER EXISTS { ?event a ?kind . FILTER(?kind IN (aia:ArgumentsAccepted, aia:ArgumentsRejected)) }
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  FILTER(?decisionDate >= ?argsDate)
  VALUES (?decisionKind ?state ?words) {
    (aia:ArgumentsAccepted aiac:gpai-state-arguments-accepted "accepted the provider's arguments: the model is not classified as having systemic risk under Art 51(1)(a) (Art 52(3))")
    (aia:ArgumentsRejected aiac:gpai-state-arguments-rejected "rejected the provider's arguments: the model is considered to have systemic risk (Art 52(3))")
  }
  ?m aia:hasProcedureEvent ?decisionEvent . ?decisionEvent a ?decisionKind ; aia:eventDate ?decisionDate .
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  # who decided, where the description names the body by a label (one name: an English label,
  # else the least other; an identifier is not a name, and a blank node and an IRI must read the
  # same), and where the decision is recorded
  OPTIONAL {
    SELECT ?decisionEvent (MIN(?en0) AS ?enName) (MIN(STR(?name0)) AS ?anyName)
    WHERE {
      ?decisionEvent aia:eventActor ?actor0 .
      OPTIONAL { ?actor0 rdfs:label ?name0 }
      OPTIONAL { ?actor0 rdfs:label ?en1 . FILTER(LANGMATCHES(LANG(?en1), "en")) BIND(STR(?en1) AS ?en0) }
    } GROUP BY ?decisionEvent
  }
  OPTIONAL { ?decisionEvent aia:eventSource ?source }
  BIND(COALESCE(?enName, ?anyName, "") AS ?actorShown)
  BIND(IF(?actorShown != "", CONCAT(" (", ?actorShown, ")"), "") AS ?actorText)
  BIND(IF(BOUND(?source), CONCAT("; recorded in: ", STR(?source)), "") AS ?sourceText)
  BIND(CONCAT("On ", STR(?decisionDate), " the Commission", ?actorText, " ", ?words, ?sourceText, ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-procedure-states|", STR(?state))))) AS ?d)
} ;

# Designated ------------------------------------------------------------------------------------
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:gpai-state-designated ;
    aia:byRule aiar:gpai-procedure-states ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_51.par_1.pnt_b> , aiap:art_52.par_4 ;
    aia:premise ?designation ;
    aia:stateSince ?desDate ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT ?m (SAMPLE(?designation0) AS ?designation) WHERE {
      ?designation0 aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk ;
                    aia:byRule aiar:art-51-1-b-designation .
    } GROUP BY ?m
  }
  FILTER(isIRI(?m))
  # the latest designation up to the as-of date
  {
    SELECT ?m (MAX(?date) AS ?desDate) WHERE {
      ?m aia:hasProcedureEvent ?event . ?event a aia:CommissionDesignation ; aia:eventDate ?date .
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  ?m aia:hasProcedureEvent ?des . ?des a aia:CommissionDesignation ; aia:eventDate ?desDate .
  OPTIONAL { ?des aia:designationRoute ?route . ?route rdfs:label ?routeLabel . FILTER(LANG(?routeLabel) = "en") }
  OPTIONAL {
    ?m aia:hasProcedureEvent ?alert . ?alert a aia:QualifiedAlert ; aia:eventDate ?alertDate .
    FILTER(?alertDate <= ?desDate)
  }
  OPTIONAL {
    SELECT ?des (GROUP_CONCAT(?criterionName ; separator="; ") AS ?criteria) WHERE {
      {
        SELECT DISTINCT ?des ?criterionName WHERE {
          ?des aia:criterionReliedOn ?criterion . ?criterion skos:notation ?criterionNotation .
          BIND(CONCAT("Annex XIII point ", STR(?criterionNotation)) AS ?criterionName)
        } ORDER BY ?des ?criterionName
      }
    } GROUP BY ?des
  }
  BIND(IF(BOUND(?routeLabel), CONCAT(" (", STR(?routeLabel), ")"),
                IF(BOUND(?alertDate), CONCAT(" (after the scientific panel's qualified alert of ", STR(?alertDate), ")"), "")) AS ?routeText)
  BIND(IF(BOUND(?criteria), CONCAT(", relying on ", ?criteria), "") AS ?criteriaText)
  OPTIONAL { ?des aia:eventSource ?desSource }
  BIND(IF(BOUND(?desSource), CONCAT(" Recorded in: ", STR(?desSource), "."), "") AS ?desSourceText)
  BIND(CONCAT("On ", STR(?desDate), " the Commission designated the model as a general-purpose AI model with systemic risk", ?routeText, ?criteriaText,
              " (Art 51(1)(b), Art 52(4)); the designation is not revoked.", ?desSourceText) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-procedure-states|designated")))) AS ?d)
} ;

# Designation revoked ---------------------------------------------------------------------------
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:gpai-state-designation-revoked ;
    aia:byRule aiar:gpai-procedure-states ;
    aia:legalBasis aiap:art_52.par_5 ;
    aia:premise ?revoked ;
    aia:stateSince ?revDate ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?revoked aia:determinationOf ?m ; aia:conclusion aiac:outcome-designation-revoked .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?designated aia:determinationOf ?m ; aia:byRule aiar:art-51-1-b-designation ; aia:conclusion aiac:category-gpai-systemic-risk }
  {
    SELECT ?m (MAX(?date) AS ?revDate) WHERE {
      ?m aia:hasProcedureEvent ?event . ?event a aia:DesignationRevoked ; aia:eventDate ?date .
      aiaa:run aia:asOf ?asOf .
      FILTER(?date <= ?asOf)
    } GROUP BY ?m
  }
  BIND(CONCAT("On ", STR(?revDate), " the Commission, after a reassessment, revoked the designation (Art 52(5)): the model is no longer classified as having systemic risk by designation.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-procedure-states|revoked")))) AS ?d)
} ;

# Reassessment of a designation -----------------------------------------------------------------
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion ?state ;
    aia:byRule aiar:gpai-procedure-states ;
    aia:legalBasis aiap:art_52.par_5 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?decision ] ;
    aia:premise ?requestPremise ;
    aia:stateSince ?since ;
    aia:earliestDate ?earliest ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?requestPremise a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:hasProcedureEvent ; aia:premiseValue ?pendingRequest .
}
WHERE {
  ?designated aia:determinationOf ?m ; aia:byRule aiar:art-51-1-b-designation ; aia:conclusion aiac:category-gpai-systemic-risk .
  FILTER(isIRI(?m))
  aiaa:run aia:asOf ?asOf .
  # the latest decision up to the as-of date: the designation or a decision maintaining it
  {
    SELECT ?m (MAX(?date) AS ?decisionDate) WHERE {
      ?m aia:hasProcedureEvent ?event . ?event aia:eventDate ?date .
      FILTER EXISTS { ?event a ?kind . FILTER(?kind IN (aia:CommissionDesignation, aia:DesignationMaintained)) }
      aiaa:run aia:asOf ?asOf0 .
      FILTER(?date <= ?asOf0)
    } GROUP BY ?m
  }
  ?m aia:hasProcedureEvent ?decision . ?decision aia:eventDate ?decisionDate ; a ?decisionKind .
  FILTER(?decisionKind IN (aia:CommissionDesignation, aia:DesignationMaintained))
  # ?earliest = ?decisionDate + 6 months (the day capped at the month's last), by calendar
  # arithmetic: not every engine adds durations to dates
  BIND(MONTH(?decisionDate) + 6 - 1 AS ?eMonths)
  BIND(xsd:integer(YEAR(?decisionDate) + FLOOR(?eMonths / 12)) AS ?eYear)
  BIND(xsd:integer(?eMonths - 12 * FLOOR(?eMonths / 12) + 1) AS ?eMonth)
  BIND(IF(?eMonth = 2, IF(?eYear - 4 * FLOOR(?eYear / 4) = 0 && (?eYear - 100 * FLOOR(?eYear / 100) != 0 || ?eYear - 400 * FLOOR(?eYear / 400) = 0), 29, 28), IF(?eMonth IN (4, 6, 9, 11), 30, 31)) AS ?eMonthDays)
  BIND(xsd:integer(IF(DAY(?decisionDate) > ?eMonthDays, ?eMonthDays, DAY(?decisionDate))) AS ?eDay)
  BIND(xsd:date(CONCAT(STR(?eYear), IF(?eMonth < 10, "-0", "-"), STR(?eMonth), IF(?eDay < 10, "-0", "-"), STR(?eDay))) AS ?earliest)
  # the latest request: admissible (on or after the earliest date) and not yet decided, since a
  # decision after it would be the latest decision
  # (with the request itself: under review, it is a premise beside the decision; an outside check
  # found it missing)
  OPTIONAL {
    SELECT ?m ?pendingRequest ?requestDate WHERE {
      {
        SELECT ?m (MAX(?requestDate0) AS ?requestDate) WHERE {
          ?m aia:hasProcedureEvent ?request . ?request a aia:ReassessmentRequest ; aia:eventDate ?requestDate0 .
          aiaa:run aia:asOf ?asOf1 .
          FILTER(?requestDate0 <= ?asOf1)
        } GROUP BY ?m
      }
      ?m aia:hasProcedureEvent ?pendingRequest .
      ?pendingRequest a aia:ReassessmentRequest ; aia:eventDate ?requestDate .
    }
  }
  BIND(IF(BOUND(?requestDate) && ?requestDate >= ?earliest, ?requestDate, ?unbound) AS ?pending)
  BIND(IF(BOUND(?pending), aiac:gpai-state-reassessment-under-review,
          IF(?asOf >= ?earliest, aiac:gpai-state-reassessment-requestable, aiac:gpai-state-reassessment-not-yet-requestable)) AS ?state)
  BIND(IF(BOUND(?pending), ?pending, IF(?asOf >= ?earliest, ?earliest, ?decisionDate)) AS ?since)
  BIND(IF(?decisionKind = aia:DesignationMaintained, CONCAT("the decision of ", STR(?decisionDate), " maintaining the designation"), CONCAT("the designation of ", STR(?decisionDate))) AS ?after)
  BIND(IF(BOUND(?pending),
          CONCAT("On ", STR(?pending), " the provider asked for a reassessment of the designation, at or after the earliest date of ", STR(?earliest), " (six months after ", ?after, ", Art 52(5)); the Commission has not decided on it, so the designation stands."),
          IF(?asOf >= ?earliest,
             CONCAT("The provider may ask the Commission to reassess the designation: six months have passed since ", ?after, " (earliest date ", STR(?earliest), ", Art 52(5))."),
             CONCAT("The provider may ask the Commission to reassess the designation at the earliest on ", STR(?earliest), ", six months after ", ?after, " (Art 52(5))."))) AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-procedure-states|reassessment")))) AS ?d)
  BIND(IF(BOUND(?pending), IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?m), "|hasProcedureEvent|", STR(?pendingRequest))))), ?unbound) AS ?requestPremise)
}
