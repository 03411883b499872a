# Rule: gpai-open-source-and-transition
# Label: Open-source exemption of Art 53(2) and Art 54(6), limited by systemic risk or not met; Art 111(3) transition for models already on the market
# Provisions: aiap:art_53.par_2 aiap:art_54.par_6 aiap:art_55.par_2 aiap:art_111.par_3
# Runs after the systemic-risk rules (520, 530): the exemption is granted only to models with no
# gpai-systemic-risk determination. The Art 111(3) cut-off and compliance date are read from
# aiac:transition-art-111-3 (aia:placedBefore, aia:complianceDeadline). The transition outcome
# applies from the cut-off, the day Chapter V applies (Art 113(b)): it is from then that it
# moves the models' obligations (rule 820), although Art 111 itself is not among the provisions
# Art 113 applies early.
INSERT {
  ?m aia:satisfiesTrigger aiac:trigger-open-source-exemption .
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-open-source-exempt ;
    aia:byRule aiar:gpai-open-source-and-transition ;
    aia:legalBasis aiap:art_53.par_2 , aiap:art_54.par_6 ;
    aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:freeAndOpenSourceLicence ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:weightsPublic ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:architecturePublic ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:usageInformationPublic ; aia:premiseValue true ] ;
    aia:explanation ?exemptExplanation ;
    aia:appliesFromDate ?releasedFrom ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:freeAndOpenSourceLicence true ; aia:weightsPublic true ;
     aia:architecturePublic true ; aia:usageInformationPublic true .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?sr aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  # a model released under the licence after Chapter V applies is exempt from its release (rule
  # 007 reads the release as the licence from then; an outside check found the exemption dated
  # 2 August 2025 for a model opened in March 2026); otherwise rule 700 dates it from Art 53(2)
  # (the first release, if several are described)
  OPTIONAL {
    SELECT ?m (MIN(?releaseDate) AS ?releasedOn) WHERE {
      ?m aia:hasProcedureEvent ?release .
      ?release a aia:OpenSourceRelease ; aia:eventDate ?releaseDate .
      aiaa:run aia:asOf ?releaseAsOf .
      FILTER(?releaseDate <= ?releaseAsOf)
    } GROUP BY ?m
  }
  # a model whose systemic risk fell away when the Commission accepted its provider's arguments
  # (Art 52(3)) is exempt only from that decision: the exemption does not apply to a model with
  # systemic risk (Art 53(2), Art 54(6); an outside check found it dated 2 August 2025)
  OPTIONAL {
    SELECT ?m (MAX(?acceptedDate) AS ?acceptedOn) WHERE {
      ?m aia:hasProcedureEvent ?accepted .
      ?accepted a aia:ArgumentsAccepted ; aia:eventDate ?acceptedDate .
      aiaa:run aia:asOf ?acceptedAsOf .
      FILTER(?acceptedDate <= ?acceptedAsOf)
    } GROUP BY ?m
  }
  aiap:art_53.par_2 eli:date_applicability ?exemptionFrom .
  BIND(IF(BOUND(?releasedOn) && ?releasedOn > ?exemptionFrom, ?releasedOn, ?unbound) AS ?releasedFromOnly)
  BIND(IF(BOUND(?acceptedOn) && ?acceptedOn > ?exemptionFrom && (!BOUND(?releasedFromOnly) || ?acceptedOn > ?releasedFromOnly), ?acceptedOn, ?unbound) AS ?acceptedFrom)
  BIND(COALESCE(?acceptedFrom, ?releasedFromOnly) AS ?releasedFrom)
  BIND(CONCAT("The model is released under a free and open-source licence",
              IF(BOUND(?releasedFromOnly), CONCAT(" (since ", STR(?releasedFromOnly), ")"), ""),
              " and its weights, architecture and usage information are public, and it is not a model with systemic risk",
              IF(BOUND(?acceptedFrom), CONCAT(" (since ", STR(?acceptedFrom), ", when the Commission accepted its provider's arguments, Art 52(3); until then it had systemic risk and no exemption)"), ""),
              ": Art 53(1)(a) and (b) and the appointment of an authorised representative (Art 54) do not apply (Art 53(2), Art 54(6)); Art 53(1)(c) and (d) still apply.") AS ?exemptExplanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-open-source-and-transition|exempt")))) AS ?d)
} ;
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-open-source-exemption-limited ;
    aia:byRule aiar:gpai-open-source-and-transition ;
    aia:legalBasis aiap:art_53.par_2 , aiap:art_54.par_6 ;
    aia:premise ?sr ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:freeAndOpenSourceLicence ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:weightsPublic ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:architecturePublic ; aia:premiseValue true ] ,
                [ aia:premiseSubject ?m ; aia:premiseProperty aia:usageInformationPublic ; aia:premiseValue true ] ;
    aia:explanation "The model meets the open-source conditions of Art 53(2) and Art 54(6), but it is a general-purpose AI model with systemic risk, for which neither exemption applies: all obligations of Arts 53, 54 and 55 apply."@en ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:freeAndOpenSourceLicence true ; aia:weightsPublic true ;
     aia:architecturePublic true ; aia:usageInformationPublic true .
  FILTER(isIRI(?m))
  {
    # every systemic-risk determination is a premise (one row each, no arbitrary pick)
    SELECT DISTINCT ?m (?anySr AS ?sr) WHERE {
      ?anySr a aia:Determination ; aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk .
    }
  }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-open-source-and-transition|limited")))) AS ?d)
} ;
# Open licence, but the weights, the architecture or the usage information are not public: no
# exemption. A fact that is not given is taken as not public (the exemption needs all three to be
# public), and the explanation says which facts were stated false and which were not given.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-open-source-exemption-not-met ;
    aia:byRule aiar:gpai-open-source-and-transition ;
    aia:legalBasis aiap:art_53.par_2 , aiap:art_54.par_6 ;
    aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty aia:freeAndOpenSourceLicence ; aia:premiseValue true ] ,
                ?weightsPremise , ?architecturePremise , ?usagePremise ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?weightsPremise aia:premiseSubject ?m ; aia:premiseProperty aia:weightsPublic ; aia:premiseValue false .
  ?architecturePremise aia:premiseSubject ?m ; aia:premiseProperty aia:architecturePublic ; aia:premiseValue false .
  ?usagePremise aia:premiseSubject ?m ; aia:premiseProperty aia:usageInformationPublic ; aia:premiseValue false .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:freeAndOpenSourceLicence true .
  FILTER(isIRI(?m))
  FILTER NOT EXISTS { ?m aia:weightsPublic true ; aia:architecturePublic true ; aia:usageInformationPublic true }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(EXISTS { ?m aia:weightsPublic true } AS ?weightsTrue)
  BIND(EXISTS { ?m aia:weightsPublic false } AS ?weightsFalse)
  BIND(EXISTS { ?m aia:architecturePublic true } AS ?architectureTrue)
  BIND(EXISTS { ?m aia:architecturePublic false } AS ?architectureFalse)
  BIND(EXISTS { ?m aia:usageInformationPublic true } AS ?usageTrue)
  BIND(EXISTS { ?m aia:usageInformationPublic false } AS ?usageFalse)
  BIND(IF(?weightsTrue, "", IF(?weightsFalse, "the weights are not public; ", "whether the weights are public is not given, so they are taken as not public; ")) AS ?weightsText)
  BIND(IF(?architectureTrue, "", IF(?architectureFalse, "the architecture information is not public; ", "whether the architecture information is public is not given, so it is taken as not public; ")) AS ?architectureText)
  BIND(IF(?usageTrue, "", IF(?usageFalse, "the usage information is not public; ", "whether the usage information is public is not given, so it is taken as not public; ")) AS ?usageText)
  BIND(REPLACE(CONCAT(?weightsText, ?architectureText, ?usageText), "; $", "") AS ?missing)
  BIND(CONCAT("The model is released under a free and open-source licence, but ", ?missing,
              ". The exemptions of Art 53(2) (points (a) and (b) of Art 53(1)) and Art 54(6) (authorised representative) need the weights, the architecture information and the usage information to be public, so they do not apply.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-open-source-and-transition|not-met")))) AS ?d)
  # a fact stated false (and not also true) is a premise, with an IRI of its own minted from the
  # determination and the fact (nested IFs: Virtuoso 7 cannot combine EXISTS flags with && here)
  BIND(IF(?weightsTrue, ?unbound, IF(?weightsFalse, IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?m), "|weightsPublic|", "false")))), ?unbound)) AS ?weightsPremise)
  BIND(IF(?architectureTrue, ?unbound, IF(?architectureFalse, IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?m), "|architecturePublic|", "false")))), ?unbound)) AS ?architecturePremise)
  BIND(IF(?usageTrue, ?unbound, IF(?usageFalse, IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?m), "|usageInformationPublic|", "false")))), ?unbound)) AS ?usagePremise)
} ;
# Art 111(3) for a model placed on the market before the cut-off: the day it was placed at the
# latest (aia:placedNoLaterThan, rule 011) is its own stated date or the day an AI system built on
# it was made available or put into service, whichever is earliest. Two operations, one per source
# of that day, so that the premises name the fact that gave it: the model's own date first; a
# system's date where no own date of the model is that day.
INSERT {
  ?m aia:satisfiesTrigger aiac:transition-art-111-3 .
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-transition-art-111-3 ;
    aia:byRule aiar:gpai-open-source-and-transition ;
    aia:legalBasis aiap:art_111.par_3 ;
    aia:appliesFromDate ?cutoff ;
    aia:premise [ aia:premiseSubject ?m ; aia:premiseProperty ?ownProperty ; aia:premiseValue ?placed ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:placedNoLaterThan ?placed .
  FILTER(isIRI(?m))
  aiac:transition-art-111-3 aia:placedBefore ?cutoff ; aia:complianceDeadline ?deadline .
  FILTER(?placed < ?cutoff)
  ?m ?ownProperty ?placed .
  VALUES ?ownProperty { aia:placedOnMarketOn aia:putIntoServiceOn }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(CONCAT("The model was placed on the market on ", STR(?placed), ", before ", STR(?cutoff),
              ": under Art 111(3) its provider must take the necessary steps to comply with the obligations of the Regulation by ", STR(?deadline), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-open-source-and-transition|art-111-3")))) AS ?d)
} ;
# The day came from a system built on the model: its provider's own system places the model on
# the market when it is made available or put into service (Recital 97); another provider's
# system on the market shows the model was supplied to that provider for it (Art 3(9), 3(10)).
# A later date of the model's own is named in the explanation (the earlier day governs).
INSERT {
  ?m aia:satisfiesTrigger aiac:transition-art-111-3 .
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-transition-art-111-3 ;
    aia:byRule aiar:gpai-open-source-and-transition ;
    aia:legalBasis aiap:art_111.par_3 ;
    aia:appliesFromDate ?cutoff ;
    aia:premise [ aia:premiseSubject ?builtOn ; aia:premiseProperty aia:basedOnModel ; aia:premiseValue ?m ] ,
                [ aia:premiseSubject ?builtOn ; aia:premiseProperty ?dateProperty ; aia:premiseValue ?placed ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m a aia:GeneralPurposeAIModel ; aia:placedNoLaterThan ?placed .
  FILTER(isIRI(?m))
  aiac:transition-art-111-3 aia:placedBefore ?cutoff ; aia:complianceDeadline ?deadline .
  FILTER(?placed < ?cutoff)
  FILTER NOT EXISTS { ?m aia:placedOnMarketOn|aia:putIntoServiceOn ?placed }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  # the systems (and date properties) that gave the day, for the premises
  ?builtOn aia:basedOnModel ?m ; ?dateProperty ?placed .
  VALUES ?dateProperty { aia:placedOnMarketOn aia:putIntoServiceOn }
  # one explanation for the model, whichever systems gave the day: its provider's own if any
  BIND(EXISTS {
    ?m aia:hasProvider ?provider .
    ?ownSystem aia:basedOnModel ?m ; aia:hasProvider ?provider ; aia:placedOnMarketOn|aia:putIntoServiceOn ?placed .
  } AS ?byOwnSystem)
  OPTIONAL {
    SELECT ?m (MIN(?statedOn) AS ?ownLater) WHERE { ?m aia:placedOnMarketOn|aia:putIntoServiceOn ?statedOn } GROUP BY ?m
  }
  BIND(IF(?byOwnSystem,
          CONCAT("its provider built it into its own AI system, made available or put into service on ", STR(?placed), ", which places the model on the market (Recital 97)"),
          CONCAT("it was built into another provider's AI system placed on the market or put into service on ", STR(?placed), ", so it had been supplied to that provider for the Union market by then (Art 3(9), 3(10))")) AS ?how)
  BIND(CONCAT("The model was placed on the market on ", STR(?placed), " at the latest: ", ?how,
              IF(BOUND(?ownLater), CONCAT(" (its own stated date of placing, ", STR(?ownLater), ", is later; the earlier day governs)"), ""),
              ". That is before ", STR(?cutoff),
              ": under Art 111(3) its provider must take the necessary steps to comply with the obligations of the Regulation by ", STR(?deadline), ".") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-open-source-and-transition|art-111-3")))) AS ?d)
}
 ;
# A code of practice under Art 55(2) stated for a model that is not one with systemic risk: Art 55
# concerns only those, so no rule reads the statement (rule 802 turns it into an exemption or a
# trigger for models with systemic risk); an outcome says so rather than ignoring it (an outside
# check found it silently ignored, right in law but unexplained).
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?m ;
    aia:conclusion aiac:outcome-code-of-practice-art-55-not-read ;
    aia:byRule aiar:gpai-open-source-and-transition ;
    aia:legalBasis aiap:art_55.par_2 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?m ; aia:premiseProperty aia:adheresToCodeOfPracticeArt55 ; aia:premiseValue ?stated ] ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?m aia:adheresToCodeOfPracticeArt55 ?stated .
  FILTER(isIRI(?m))
  ?gpai aia:determinationOf ?m ; aia:conclusion aiac:category-gpai .
  FILTER NOT EXISTS { ?systemic aia:determinationOf ?m ; aia:conclusion aiac:category-gpai-systemic-risk }
  FILTER NOT EXISTS { ?out aia:determinationOf ?m ; aia:conclusion aiac:category-out-of-scope }
  BIND(CONCAT("The description states whether the provider adheres to a code of practice covering the obligations of Art 55(1), but the model is not a general-purpose AI model with systemic risk: ",
              "Art 55, with the code of practice its paragraph 2 refers to, concerns only those, so the statement has no effect here.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?m), "|gpai-open-source-and-transition|code-of-practice-art-55")))) AS ?d)
}
