# Rule: art-5-1-h-remote-biometric-identification
# Label: Art 5(1)(h): real-time remote biometric identification in publicly accessible spaces for law enforcement, prohibited unless strictly necessary for an objective of points (i)-(iii)
# Provisions: aiap:art_5.par_1.pnt_h aiap:art_5.par_1.pnt_h.pnt_i aiap:art_5.par_1.pnt_h.pnt_ii aiap:art_5.par_1.pnt_h.pnt_iii aiap:anx_II aiap:art_5.par_2 aiap:art_5.par_3 aiap:art_26.par_10
# A practice description with aia:practice aiac:practice-remote-biometric-identification that is
# real-time (aia:realTime true), for law enforcement (aia:forLawEnforcement true) and in a
# publicly accessible space (aia:practiceArea aiac:area-publicly-accessible-space) is a use
# prohibited by point (h) unless it is strictly necessary for one of its objectives
# (aia:lawEnforcementObjective):
#   (i) targeted search for victims of abduction, trafficking or sexual exploitation, and for
#       missing persons (aiac:art-5-1-h-i);
#   (ii) prevention of a specific, substantial and imminent threat to life or physical safety, or
#       of a terrorist attack (aiac:art-5-1-h-ii);
#   (iii) localisation or identification of a suspect of an offence listed in Annex II
#       (aia:targetOffence in the scheme aiac:annex-ii) punishable by a custodial sentence or
#       detention order of a maximum of at least four years (aia:maximumSentenceYears >= 4)
#       (aiac:art-5-1-h-iii).
# The description may say explicitly that the use serves none of the objectives
# (aia:lawEnforcementObjective aiac:art-5-1-h-none); an objective that is not given at all is
# taken as none, and the explanation says which of the two it was. Likewise a point (h)(iii)
# objective without a target offence or a maximum sentence is taken as not shown, also beside an
# objective that holds: the use is then prohibited for the search for the suspect, and permitted
# for the other objective, as when the two are given in two practice descriptions.
# A permitted objective gives an outcome with the objective concept as conclusion, citing the
# conditions of Art 5(2) and 5(3), and the trigger aiac:trigger-real-time-rbi-law-enforcement for
# the deployer's obligations of Art 5(2)-(4). Otherwise one prohibited determination per system,
# marked aia:prohibitsUseOnly: unlike points (a)-(g), point (h) prohibits only the use, not placing
# the system on the market or putting it into service, so the rules that skip prohibited systems
# still classify it (high-risk under Annex III point 1(a), transparency) for its other operators,
# and only its deployers are exposed to the fine of Art 99(3) (rule 840).
# Post-remote identification for law enforcement (aia:realTime false) is not covered by point (h):
# an outcome says so and the subject satisfies aiac:trigger-post-remote-rbi-investigation
# (Art 26(10)). A practice whose sole purpose is to confirm that a person is who they claim to
# be (aia:solePurposeIdentityConfirmation true) is biometric verification, which Art 3(36) and
# (41) and Recital 15 keep apart from identification: none of this applies to it (rule 312
# records the Annex III point 1(a) exclusion). The national law that Art 5(5) requires, the prior authorisation and the impact
# assessment are not facts of the submission; the outcomes name them as conditions.
INSERT {
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:category-prohibited ;
    aia:prohibitsUseOnly true ;
    aia:byRule aiar:art-5-1-h-remote-biometric-identification ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_h> , ?objectiveBasis , ?annexBasis ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-remote-biometric-identification ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:realTime ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:forLawEnforcement ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practiceArea ; aia:premiseValue aiac:area-publicly-accessible-space ] ,
                ?objectivePremise , ?offencePremise , ?sentencePremise ;
    aia:appliesFromDate ?applies ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?objectivePremise a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:lawEnforcementObjective ; aia:premiseValue ?objective .
  ?offencePremise a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:targetOffence ; aia:premiseValue ?offence .
  ?sentencePremise a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:maximumSentenceYears ; aia:premiseValue ?years .
}
WHERE {
  {
    SELECT ?s (SAMPLE(?p0) AS ?p) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-remote-biometric-identification ; aia:realTime true ; aia:forLawEnforcement true ;
          aia:practiceArea aiac:area-publicly-accessible-space .
      {
        # no objective of point (h) that holds (the branch binds the practice itself: a FILTER in
        # a branch sees that branch's variables only, and an unbound one matched every practice
        # of the batch, so another system's objective that holds lifted this one's prohibition)
        ?s aia:engagesIn ?p0 .
        FILTER NOT EXISTS { ?p0 aia:lawEnforcementObjective ?ok . VALUES ?ok { aiac:art-5-1-h-i aiac:art-5-1-h-ii } }
        FILTER NOT EXISTS {
          ?p0 aia:lawEnforcementObjective aiac:art-5-1-h-iii ; aia:targetOffence ?okOffence ; aia:maximumSentenceYears ?okYears .
          ?okOffence skos:inScheme aiac:annex-ii .
          FILTER(?okYears >= 4)
        }
      } UNION {
        # or a search for a suspect (point (iii)) not shown to be for an offence of Annex II with
        # at least four years, beside an objective that holds: the use is permitted only "in so
        # far as" it is strictly necessary for one (an outside check found one description of
        # points (i) and (iii) permitted, where the same two as two descriptions were prohibited)
        ?p0 aia:lawEnforcementObjective aiac:art-5-1-h-iii .
        FILTER NOT EXISTS {
          ?p0 aia:targetOffence ?qualifyingOffence ; aia:maximumSentenceYears ?qualifyingYears .
          ?qualifyingOffence skos:inScheme aiac:annex-ii .
          FILTER(?qualifyingYears >= 4)
        }
      }
      FILTER(isIRI(?s))
      # biometric verification (one to one) is not identification (Art 3(36), Art 3(41))
      FILTER NOT EXISTS { ?p0 aia:solePurposeIdentityConfirmation true }
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    } GROUP BY ?s
  }
  # the objective that does not hold (not one of points (i) and (ii), which hold as stated)
  OPTIONAL {
    ?p aia:lawEnforcementObjective ?objective .
    FILTER(?objective != aiac:art-5-1-h-i && ?objective != aiac:art-5-1-h-ii)
  }
  OPTIONAL { ?p aia:targetOffence ?offence }
  OPTIONAL { ?p aia:maximumSentenceYears ?years }
  BIND(IF(BOUND(?offence), EXISTS { ?offence skos:inScheme aiac:annex-ii }, false) AS ?annexII)
  BIND(IF(?objective = aiac:art-5-1-h-iii, <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_h.pnt_iii>, ?unbound) AS ?objectiveBasis)
  BIND(IF(?objective = aiac:art-5-1-h-iii, aiap:anx_II, ?unbound) AS ?annexBasis)
  BIND(IF(!BOUND(?objective), "no objective of Art 5(1)(h)(i)-(iii) was given, so the use is taken to serve none of them",
       IF(?objective = aiac:art-5-1-h-none, "the description states that the use serves none of the objectives of Art 5(1)(h)(i)-(iii)",
       IF(?objective != aiac:art-5-1-h-iii, "the stated objective is not one of Art 5(1)(h)(i)-(iii)",
       IF(!BOUND(?offence), "the objective stated is the search for a suspect under point (h)(iii), but no target offence was given, so it is taken as not shown that the offence is one of those listed in Annex II",
       IF(!?annexII, "the search for a suspect under point (h)(iii) is limited to the offences listed in Annex II, and the target offence is not one of them",
       IF(!BOUND(?years), "the objective stated is the search for a suspect under point (h)(iii), but no maximum sentence was given for the target offence, so it is taken as not shown that it carries at least the four years point (h)(iii) requires",
          CONCAT("the target offence carries a maximum custodial sentence of ", STR(?years), " years, less than the four years point (h)(iii) requires")))))))
       AS ?why)
  aiap:art_5 eli:date_applicability ?applies .
  BIND(CONCAT("The system is used for real-time remote biometric identification in publicly accessible spaces for the purpose of law enforcement, which Art 5(1)(h) prohibits unless strictly necessary for one of its three objectives; ",
              ?why, ". The use is prohibited from ", STR(?applies), "; placing the system on the market and putting it into service are not.") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-h-remote-biometric-identification|")))) AS ?d)
  # a premise that holds only on a condition gets an IRI of its own, minted from its determination and fact
  BIND(IF(BOUND(?objective), IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?p), "|lawEnforcementObjective|", STR(?objective))))), ?unbound) AS ?objectivePremise)
  BIND(IF(BOUND(?offence), IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?p), "|targetOffence|", STR(?offence))))), ?unbound) AS ?offencePremise)
  BIND(IF(BOUND(?years), IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?p), "|maximumSentenceYears|", STR(?years))))), ?unbound) AS ?sentencePremise)
} ;
INSERT {
  ?s aia:satisfiesTrigger aiac:trigger-real-time-rbi-law-enforcement .
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion ?objective ;
    aia:byRule aiar:art-5-1-h-remote-biometric-identification ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_h> , ?objectiveProvision , ?annexBasis , aiap:art_5.par_2 , aiap:art_5.par_3 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-remote-biometric-identification ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:realTime ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:forLawEnforcement ; aia:premiseValue true ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practiceArea ; aia:premiseValue aiac:area-publicly-accessible-space ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:lawEnforcementObjective ; aia:premiseValue ?objective ] ,
                ?offencePremise , ?sentencePremise ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
  ?offencePremise a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:targetOffence ; aia:premiseValue ?offence .
  ?sentencePremise a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:maximumSentenceYears ; aia:premiseValue ?years .
}
WHERE {
  {
    # one row per practice description (and, for point (iii), per qualifying offence): each is
    # a premise of the one determination per objective, and no offence is paired with another
    # description's sentence
    SELECT DISTINCT ?s ?objective (?p0 AS ?p) (?o0 AS ?offence) (?y0 AS ?years) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-remote-biometric-identification ; aia:realTime true ; aia:forLawEnforcement true ;
          aia:practiceArea aiac:area-publicly-accessible-space .
      # each branch binds the objective itself (Virtuoso 7.2 joins a union of bare VALUES blocks
      # with an outer pattern to nothing)
      {
        ?p0 aia:lawEnforcementObjective ?objective .
        VALUES ?objective { aiac:art-5-1-h-i aiac:art-5-1-h-ii }
      } UNION {
        ?p0 aia:lawEnforcementObjective ?objective .
        VALUES ?objective { aiac:art-5-1-h-iii }
        ?p0 aia:targetOffence ?o0 ; aia:maximumSentenceYears ?y0 .
        ?o0 skos:inScheme aiac:annex-ii .
        FILTER(?y0 >= 4)
      }
      FILTER(isIRI(?s))
      # biometric verification (one to one) is not identification (Art 3(36), Art 3(41))
      FILTER NOT EXISTS { ?p0 aia:solePurposeIdentityConfirmation true }
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  # the qualifying offences, in alphabetical order (an ordered subquery), for the explanation
  OPTIONAL {
    SELECT ?s ?objective (GROUP_CONCAT(?offenceEntry; separator="; ") AS ?offenceList) WHERE {
      {
        SELECT DISTINCT ?s ?objective ?offenceEntry WHERE {
          ?s aia:engagesIn ?p1 .
          ?p1 aia:practice aiac:practice-remote-biometric-identification ; aia:realTime true ; aia:forLawEnforcement true ;
              aia:practiceArea aiac:area-publicly-accessible-space ; aia:lawEnforcementObjective ?objective ;
              aia:targetOffence ?o1 ; aia:maximumSentenceYears ?y1 .
          VALUES ?objective { aiac:art-5-1-h-iii }
          FILTER NOT EXISTS { ?p1 aia:solePurposeIdentityConfirmation true }
          ?o1 skos:inScheme aiac:annex-ii ; rdfs:label ?l1 . FILTER(LANG(?l1) = "en")
          FILTER(?y1 >= 4)
          BIND(CONCAT(LCASE(STR(?l1)), ", an offence listed in Annex II with a maximum sentence of ", STR(?y1), " years") AS ?offenceEntry)
        } ORDER BY ?s ?objective ?offenceEntry
      }
    } GROUP BY ?s ?objective
  }
  ?objective aia:sourceProvision ?objectiveProvision ; aia:citation ?objectiveCitation ; rdfs:label ?objectiveLabel .
  FILTER(LANG(?objectiveLabel) = "en")
  FILTER(STRSTARTS(STR(?objectiveProvision), STR(<https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_h>)))
  # an offence (and its sentence) comes with objective (iii) only; the objective is tested rather
  # than BOUND(?offence), which Virtuoso 7.2 takes as true after a DISTINCT sub-select whose
  # other branch leaves it unbound
  BIND(IF(?objective = aiac:art-5-1-h-iii, aiap:anx_II, ?unbound) AS ?annexBasis)
  BIND(IF(BOUND(?offenceList),
          CONCAT(" (the suspect is sought for ", ?offenceList, ", at least the four years required)"),
          "") AS ?offenceText)
  BIND(CONCAT("The system is used for real-time remote biometric identification in publicly accessible spaces for law enforcement, which Art 5(1)(h) prohibits, but the use is stated to be strictly necessary for the objective of ",
              STR(?objectiveCitation), ", ", LCASE(STR(?objectiveLabel)), ?offenceText,
              ". It is permitted only where national law allows it (Art 5(5)), only to confirm the identity of the specifically targeted individual, after a fundamental rights impact assessment and registration (Art 5(2)), with prior authorisation by a judicial or independent administrative authority (Art 5(3)), and with each use notified (Art 5(4)).") AS ?explanation)
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-h-remote-biometric-identification|", STR(?objective))))) AS ?d)
  BIND(IF(?objective = aiac:art-5-1-h-iii, IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?p), "|targetOffence|", STR(?offence))))), ?unbound) AS ?offencePremise)
  BIND(IF(?objective = aiac:art-5-1-h-iii, IRI(CONCAT(STR(?d), "-premise-", MD5(CONCAT(STR(?p), "|maximumSentenceYears|", STR(?years))))), ?unbound) AS ?sentencePremise)
} ;
INSERT {
  ?s aia:satisfiesTrigger aiac:trigger-post-remote-rbi-investigation .
  ?d a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-post-remote-rbi-not-prohibited ;
    aia:byRule aiar:art-5-1-h-remote-biometric-identification ;
    aia:legalBasis <https://w3id.org/aiact-kg/reg/2024/1689/art_5.par_1.pnt_h> , aiap:art_26.par_10 ;
    aia:premise [ a aia:Premise ; aia:premiseSubject ?s ; aia:premiseProperty aia:engagesIn ; aia:premiseValue ?p ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:practice ; aia:premiseValue aiac:practice-remote-biometric-identification ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:realTime ; aia:premiseValue false ] ,
                [ a aia:Premise ; aia:premiseSubject ?p ; aia:premiseProperty aia:forLawEnforcement ; aia:premiseValue true ] ;
    aia:explanation "The system performs post-remote biometric identification (not in real time) for law enforcement; the prohibition of Art 5(1)(h) covers only real-time use, so it is not prohibited. Its use in a criminal investigation for the targeted search of a suspected or convicted person requires authorisation by a judicial or administrative authority, ex ante or within 48 hours, and each use is documented (Art 26(10))." ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # every qualifying practice description is a premise (no arbitrary pick)
    SELECT DISTINCT ?s (?p0 AS ?p) WHERE {
      ?s a aia:AISystem ; aia:engagesIn ?p0 .
      ?p0 aia:practice aiac:practice-remote-biometric-identification ; aia:realTime false ; aia:forLawEnforcement true .
      FILTER(isIRI(?s))
      # biometric verification (one to one) is not identification (Art 3(36), Art 3(41))
      FILTER NOT EXISTS { ?p0 aia:solePurposeIdentityConfirmation true }
      FILTER NOT EXISTS { ?out aia:determinationOf ?s ; aia:conclusion aiac:category-out-of-scope }
    }
  }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(CONCAT(STR(?s), "|art-5-1-h-remote-biometric-identification|post-remote")))) AS ?d)
}
