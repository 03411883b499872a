# Rule: obligations-per-bearer
# Label: Obligations of the catalogue that apply to each bearer of a role for an assessed subject
# Provisions: aiap:art_4 aiap:art_16 aiap:art_22.par_1 aiap:art_26 aiap:art_50 aiap:art_53 aiap:art_54.par_1 aiap:art_55
# An obligation applies to a party for a subject when (1) the subject has a determination in the
# obligation's category (or, for "any AI system", is an AI system not out of scope); (2) the
# party holds the obligation's bearer role for the subject (and is not a former provider or a
# deployer in personal use; an obligation with aia:bearerProperty names its bearers through that
# property instead, e.g. the initial provider under Art 25(2), among the parties that hold the
# role, unless the obligation marks them as third parties, aia:bearerIsThirdParty; an
# authorised representative only for a subject with a third-country provider); (3)
# the obligation has no fact trigger, or the subject satisfies one of them (event triggers make
# it conditional, lifecycle triggers always hold); (4) the subject satisfies none of the obligation's exemptions, and the
# party holds none of the roles the obligation is not borne by (aia:notBorneByHolderOf); (5) the subject is not under the
# limited application of Art 2(2) on the as-of date (one also high-risk under Art 6(2) is not, rule
# 706); (6) the operators of a legacy high-risk
# system (Art 111(2)) bear no obligation outside Chapters I-II, except its providers and deployers when it is
# intended to be used by public authorities. (The importers and distributors of a system made
# high-risk by another operator's change of its intended purpose bear none of the duties of Art 23
# and 24: an exemption of the catalogue, data/law/obligation-semantics.ttl.) An obligation that
# accompanies others (aia:accompanies: Art 50(5)) shares their triggers, so it is listed with them;
# rule 820 dates it from the earliest of them.
# Condition (3) is split over two operations that write the same statements (the same minted
# IRI): one for obligations without a fact trigger, one for triggers the subject satisfies. As one
# FILTER(NOT EXISTS {...} || EXISTS {...}) Virtuoso 7 can choose a plan that never finishes after
# some histories of inserts and drops (seen once in a full run of the legal cases).
# Cost: the catalogue's part (obligation, category, role, the bearers' property, and the trigger
# for the second case) is a subquery, evaluated once and joined with the subjects' rows instead
# of being matched again for each of them; the second case joins the subjects' satisfied
# triggers with the triggered obligations before the bearers are looked up. The exemptions (and
# the events not met, last operation) are MINUS, evaluated once for all rows: every variable
# they share with the rows is bound, so MINUS removes exactly the rows FILTER NOT EXISTS would.
# The other exceptions stay FILTER NOT EXISTS: on Virtuoso 7 a MINUS holding VALUES removed
# rows it must not, and one holding a nested FILTER NOT EXISTS fails to compile ("external
# source var is not" found).
INSERT { ?s aia:withoutObligations true }
WHERE {
  {
    ?x aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope .
  } UNION {
    # Art 2(2) limits the Regulation from the day Art 6(1) applies (rule 150), not before
    ?x aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 ;
       aia:appliesFromDate ?limitedFrom .
    aiaa:run aia:asOf ?asOf .
    FILTER(?limitedFrom <= ?asOf)
    # a system also high-risk under Art 6(2) keeps that classification whole (rule 706), as does
    # a prohibited one with an Annex III use case its prohibition left unclassified
    FILTER NOT EXISTS { ?annexIII aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ; aia:route aiac:route-art-6-2 }
    FILTER NOT EXISTS { ?s aia:annexIIIUseCaseBesideSectionB ?besideUseCase }
  }
} ;
INSERT {
  ?assessed a aia:AssessedObligation ;
    aia:obligation ?obligation ; aia:obligationFor ?s ; aia:bearer ?party ;
    aia:bearerRoleType ?role ; aia:followsFrom ?basis ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  # the subjects' categories first (Virtuoso 7 ignores the trigger filter below when this union
  # follows the obligation's pattern)
  {
    ?basis a aia:Determination ; aia:determinationOf ?s ; aia:conclusion ?category .
    # a classification under Art 6(1) of a Section B product carries no obligation of this
    # Regulation: from the day it applies Art 2(2) limits the system (the first operation)
    FILTER NOT EXISTS {
      ?basis aia:route aiac:route-art-6-1 .
      ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 .
    }
  } UNION {
    VALUES ?category { aiac:category-any-ai-system }
    ?s a aia:AISystem .
    OPTIONAL { ?basis a aia:Determination ; aia:determinationOf ?s ;
               aia:conclusion ?anyCategory . ?anyCategory a aia:RiskCategory }
  }
  FILTER NOT EXISTS { ?s aia:withoutObligations true }
  # (3), first case: the obligation has no fact trigger (the next operation takes the second)
  {
    SELECT ?obligation ?category ?role ?roleProperty ?defaultProperty ?thirdParty
    WHERE {
      ?obligation a aia:Obligation ; aia:appliesToCategory ?category ; aia:bearerRole ?role .
      ?role aia:roleProperty ?defaultProperty .
      OPTIONAL { ?obligation aia:bearerProperty ?specificProperty }
      BIND(COALESCE(?specificProperty, ?defaultProperty) AS ?roleProperty)
      BIND(EXISTS { ?obligation aia:bearerIsThirdParty true } AS ?thirdParty)
      FILTER NOT EXISTS {
        ?obligation aia:trigger ?factTrigger .
        FILTER NOT EXISTS { ?factTrigger a aia:EventTrigger }
        FILTER NOT EXISTS { ?factTrigger a aia:LifecycleTrigger }
      }
    }
  }
  # the bearers: the parties that hold the role, and those an event has made the provider, or a
  # former provider, from a day after the as-of date (rule 320: their duties are dated from that
  # day by rule 820)
  { ?s ?roleProperty ?party }
  UNION { ?s aia:hasIncomingProvider ?party . BIND(aia:hasProvider AS ?roleProperty) }
  UNION { ?s aia:hasOutgoingProvider ?party . BIND(aia:hasFormerProvider AS ?roleProperty) }
  # a party named by the obligation's own bearer property holds the bearer role too (Art 25(1):
  # the distributor, importer or deployer that acted, in the role it holds); tested only for
  # those few obligations (as a pattern for every row it doubled this operation's time); a third
  # party (aia:bearerIsThirdParty, Art 25(4): the supplier of a component) holds no role for it
  FILTER(?roleProperty = ?defaultProperty || ?thirdParty || EXISTS { ?s ?defaultProperty ?party }
         || (?defaultProperty = aia:hasProvider && EXISTS { ?s aia:hasIncomingProvider|aia:hasOutgoingProvider ?party }))
  FILTER NOT EXISTS { ?s aia:hasFormerProvider ?party . FILTER(?roleProperty = aia:hasProvider) }
  FILTER NOT EXISTS { ?s aia:personalUseDeployer|aia:deployerOutsideScope ?party . FILTER(?role = aiac:role-deployer) }
  # an authorised representative acts for a provider established in a third country (Art 22(1),
  # Art 54(1); rule 335): for a provider established in the Union it holds no mandate of this
  # Regulation (the shape RepresentativeOfUnionProvider says so)
  FILTER(?role != aiac:role-authorised-representative || EXISTS { ?s aia:satisfiesTrigger aiac:trigger-third-country-provider })
  MINUS { ?obligation aia:exemption ?exemption . ?s aia:satisfiesTrigger ?exemption }
  # a party that also holds a role the obligation names (aia:notBorneByHolderOf) does not bear
  # it (Art 26(5): a deployer that is itself the provider cannot fail to reach the provider; a
  # former provider, Art 25(2), is no longer the provider and can); the few such obligations'
  # holders, found once in a sub-select
  MINUS {
    SELECT ?obligation ?s ?party WHERE {
      ?obligation aia:notBorneByHolderOf ?heldRole . ?heldRole aia:roleProperty ?heldProperty .
      ?s ?heldProperty ?party .
      FILTER NOT EXISTS { ?s aia:hasFormerProvider ?party }
    }
  }
  # Art 111(2): "this Regulation" applies to the operators of a legacy high-risk system only after
  # a significant change in its design (rule 350), Art 5 aside (the obligations of Chapters I-II
  # stay); "in any case" the providers and deployers of one intended to be used by public
  # authorities comply by the compliance deadline (820), and only they: its importers and
  # distributors fall under the first sentence
  # (two filters: as one, with the role test nested, Virtuoso 7 overflows its stack; these two
  # cost a third of this pattern on 1,000 high-risk subjects, being asked for every row, but as
  # MINUS of sub-selects, evaluated once, Virtuoso 7 kept the duties of the importers and
  # distributors of a legacy system used by public authorities, cases art-111/17 and 30, and
  # with the role test outside the second, the embedded engine took longer still)
  FILTER NOT EXISTS {
    ?s aia:satisfiesTrigger aiac:transition-art-111-2 .
    FILTER NOT EXISTS { ?obligation aia:applicabilityRule aiac:applicability-chapters-i-ii }
    FILTER NOT EXISTS { ?s aia:intendedForPublicAuthorities true }
  }
  FILTER NOT EXISTS {
    ?s aia:satisfiesTrigger aiac:transition-art-111-2 ; aia:intendedForPublicAuthorities true .
    FILTER NOT EXISTS { ?obligation aia:applicabilityRule aiac:applicability-chapters-i-ii }
    FILTER(?role != aiac:role-provider && ?role != aiac:role-deployer)
  }
  BIND(IRI(CONCAT(STR(aiaa:), "obl-", MD5(CONCAT(STR(?s), "|", STR(?obligation), "|", STR(?party), "|", STR(?role))))) AS ?assessed)
} ;
INSERT {
  ?assessed a aia:AssessedObligation ;
    aia:obligation ?obligation ; aia:obligationFor ?s ; aia:bearer ?party ;
    aia:bearerRoleType ?role ; aia:followsFrom ?basis ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  # the subjects' categories first (Virtuoso 7 ignores the trigger filter below when this union
  # follows the obligation's pattern)
  {
    ?basis a aia:Determination ; aia:determinationOf ?s ; aia:conclusion ?category .
    # a classification under Art 6(1) of a Section B product carries no obligation of this
    # Regulation: from the day it applies Art 2(2) limits the system (the first operation)
    FILTER NOT EXISTS {
      ?basis aia:route aiac:route-art-6-1 .
      ?limited aia:determinationOf ?s ; aia:conclusion aiac:outcome-limited-application-art-2-2 .
    }
  } UNION {
    VALUES ?category { aiac:category-any-ai-system }
    ?s a aia:AISystem .
    OPTIONAL { ?basis a aia:Determination ; aia:determinationOf ?s ;
               aia:conclusion ?anyCategory . ?anyCategory a aia:RiskCategory }
  }
  FILTER NOT EXISTS { ?s aia:withoutObligations true }
  # (3), second case: the subject satisfies one of the obligation's triggers
  {
    SELECT ?s ?obligation ?category ?role ?roleProperty ?defaultProperty ?thirdParty
    WHERE {
      ?s aia:satisfiesTrigger ?metTrigger .
      {
        SELECT ?obligation ?category ?role ?roleProperty ?defaultProperty ?thirdParty ?metTrigger
        WHERE {
          ?obligation a aia:Obligation ; aia:appliesToCategory ?category ; aia:bearerRole ?role .
          ?role aia:roleProperty ?defaultProperty .
          OPTIONAL { ?obligation aia:bearerProperty ?specificProperty }
          BIND(COALESCE(?specificProperty, ?defaultProperty) AS ?roleProperty)
          BIND(EXISTS { ?obligation aia:bearerIsThirdParty true } AS ?thirdParty)
          ?obligation aia:trigger ?metTrigger .
        }
      }
    }
  }
  # the bearers: the parties that hold the role, and those an event has made the provider, or a
  # former provider, from a day after the as-of date (rule 320: their duties are dated from that
  # day by rule 820)
  { ?s ?roleProperty ?party }
  UNION { ?s aia:hasIncomingProvider ?party . BIND(aia:hasProvider AS ?roleProperty) }
  UNION { ?s aia:hasOutgoingProvider ?party . BIND(aia:hasFormerProvider AS ?roleProperty) }
  # a party named by the obligation's own bearer property holds the bearer role too (Art 25(1):
  # the distributor, importer or deployer that acted, in the role it holds); tested only for
  # those few obligations (as a pattern for every row it doubled this operation's time); a third
  # party (aia:bearerIsThirdParty, Art 25(4): the supplier of a component) holds no role for it
  FILTER(?roleProperty = ?defaultProperty || ?thirdParty || EXISTS { ?s ?defaultProperty ?party }
         || (?defaultProperty = aia:hasProvider && EXISTS { ?s aia:hasIncomingProvider|aia:hasOutgoingProvider ?party }))
  FILTER NOT EXISTS { ?s aia:hasFormerProvider ?party . FILTER(?roleProperty = aia:hasProvider) }
  FILTER NOT EXISTS { ?s aia:personalUseDeployer|aia:deployerOutsideScope ?party . FILTER(?role = aiac:role-deployer) }
  # an authorised representative acts for a provider established in a third country (Art 22(1),
  # Art 54(1); rule 335): for a provider established in the Union it holds no mandate of this
  # Regulation (the shape RepresentativeOfUnionProvider says so)
  FILTER(?role != aiac:role-authorised-representative || EXISTS { ?s aia:satisfiesTrigger aiac:trigger-third-country-provider })
  MINUS { ?obligation aia:exemption ?exemption . ?s aia:satisfiesTrigger ?exemption }
  # a party that also holds a role the obligation names (aia:notBorneByHolderOf) does not bear
  # it (Art 26(5): a deployer that is itself the provider cannot fail to reach the provider; a
  # former provider, Art 25(2), is no longer the provider and can); the few such obligations'
  # holders, found once in a sub-select
  MINUS {
    SELECT ?obligation ?s ?party WHERE {
      ?obligation aia:notBorneByHolderOf ?heldRole . ?heldRole aia:roleProperty ?heldProperty .
      ?s ?heldProperty ?party .
      FILTER NOT EXISTS { ?s aia:hasFormerProvider ?party }
    }
  }
  # Art 111(2): "this Regulation" applies to the operators of a legacy high-risk system only after
  # a significant change in its design (rule 350), Art 5 aside (the obligations of Chapters I-II
  # stay); "in any case" the providers and deployers of one intended to be used by public
  # authorities comply by the compliance deadline (820), and only they: its importers and
  # distributors fall under the first sentence
  # (two filters, as in the first case's operation)
  FILTER NOT EXISTS {
    ?s aia:satisfiesTrigger aiac:transition-art-111-2 .
    FILTER NOT EXISTS { ?obligation aia:applicabilityRule aiac:applicability-chapters-i-ii }
    FILTER NOT EXISTS { ?s aia:intendedForPublicAuthorities true }
  }
  FILTER NOT EXISTS {
    ?s aia:satisfiesTrigger aiac:transition-art-111-2 ; aia:intendedForPublicAuthorities true .
    FILTER NOT EXISTS { ?obligation aia:applicabilityRule aiac:applicability-chapters-i-ii }
    FILTER(?role != aiac:role-provider && ?role != aiac:role-deployer)
  }
  BIND(IRI(CONCAT(STR(aiaa:), "obl-", MD5(CONCAT(STR(?s), "|", STR(?obligation), "|", STR(?party), "|", STR(?role))))) AS ?assessed)
} ;
INSERT { ?assessed aia:conditionalOn ?event }
WHERE {
  # an event trigger the facts do not state as met leaves the obligation conditional on it (from
  # the catalogue's few event-triggered obligations to their assessed obligations)
  ?event a aia:EventTrigger .
  ?obligation aia:trigger ?event .
  ?assessed aia:obligation ?obligation ; aia:obligationFor ?s .
  MINUS { ?s aia:satisfiesTrigger ?event }
}
