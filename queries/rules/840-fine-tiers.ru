# Rule: fine-tiers
# Label: The maximum fine for infringing each assessed obligation or prohibition, SMEs taking the lower cap and public authorities the fixed amount
# Provisions: aiap:art_2.par_1 aiap:art_2.par_4 aiap:art_2.par_10 aiap:art_5.par_1 aiap:art_99.par_3 aiap:art_99.par_4 aiap:art_99.par_5 aiap:art_99.par_6 aiap:art_99.par_8 aiap:art_100.par_2 aiap:art_100.par_3 aiap:art_101.par_1
# Each assessed obligation gets the fine tiers of its catalogue obligation. For a bearer that is a
# Union institution, body, office or agency, the Art 100 tiers replace those of Art 99 (Art 5:
# Art 100(2); any other requirement or obligation, Art 100(3), which also replaces the
# penalties of the Member States, Art 99(1): the EDPS fines Union bodies, Art 100(1)). For an SME or start-up the Art 99 tiers cap at whichever of
# the amount and the turnover share is lower: the fine rule aiac:fine-rule-sme-lower (Art 99(6)),
# which names the tiers it covers with skos:related, is recorded as aia:fineRuleApplied so that
# the output cites it. For a public authority or body (not a Union body: Art 100) Art 99(8) leaves
# to each Member State "to what extent" fines may be imposed on it; where they may, the ceiling
# is the tier's fixed amount, the turnover share being for an offender that is an undertaking:
# the fine rule aiac:fine-rule-public-authority, which takes precedence over the SME rule.
# A public authority or body of a third country and an international organisation are not
# undertakings either: the fine rule aiac:fine-rule-not-undertaking, the fixed amount of Art
# 99(3)-(5), also before the SME rule.
# Otherwise the tier's own selection applies (Art 99(3)-(5), Art 101(1): the higher; Art 100(2)-(3):
# one amount, the fixed one; Art 99(1): none, the Member State's rules set the penalties).
# A prohibited determination gets a fine exposure for each operator it concerns (Art 5 prohibits
# placing on the market, putting into service and use; point (h) the use only, so there only the
# deployers: aia:prohibitsUseOnly; never an authorised representative that holds no other role, which
# does none of these; a deployer outside the Regulation, Art 2(10), 2(1)(b)-(c) or 2(4), only for
# a role in which it places the system on the market or puts it into service; for a prohibition
# resting on one operator's change of intended purpose, that
# operator alone, named by the determination's premise aia:byOperator (rule 260: Art 5(1)(f) with
# Art 25(1)(c), the system as placed on the market not being prohibited), whatever role it holds,
# and not the provider, importer, distributor or other deployers: the last operation), with the
# tier that applies to it: Art
# 100(2) for an operator that is a Union body, Art 99(3) for any other, capped at the lower
# figure for an SME or start-up (Art 99(6): "each fine"); the determination lists its tiers.
# Art 99(8) concerns "public authorities and bodies established in that Member State": a public
# authority or body (a migration, asylum or border-control authority whatever its type, as for the
# public-body duties of rule 330) established in a Member State is marked once here; one
# established in a third country (its output used in the Union, Art 2(1)(c)) takes its tiers' own
# caps (an outside check found a Swiss authority's fines capped under Art 99(8), with a condition
# for authorities of a Member State). One whose country is not stated is read as one of a Member
# State, whose public-body duties it bears (Arts 26(8), 49(3)); the shape
# PublicAuthorityEstablishment asks for the country (an outside check found such an authority
# fined as an undertaking, with the turnover share). A public authority is no undertaking, so
# never an SME or start-up (Art 99(6)), wherever it is established: the SME rule is not read for
# it (the shape PublicAuthorityNotSME says so; an outside check found a Swiss authority stated an
# SME given the lower cap).
INSERT { ?party aia:publicBodyInUnion true }
WHERE {
  { ?party a aia:PublicAuthority } UNION { ?party aia:isMigrationAuthority true }
  FILTER NOT EXISTS { ?party a aia:UnionBody }
  OPTIONAL { ?party aia:establishedIn ?country }
  FILTER(!BOUND(?country) || EXISTS {
    ?territory skos:inScheme aiac:union-territories ; skos:notation ?memberState .
    FILTER(UCASE(STR(?country)) = ?memberState)
  })
} ;
# Art 99(3) to (5) give the turnover share only "if the offender is an undertaking": a public
# authority or body established in a third country, which Art 99(8) does not concern, and an
# international organisation are not undertakings, so each tier's fixed amount is their ceiling
# (the fine rule aiac:fine-rule-not-undertaking; an outside check found a Swiss cantonal
# authority and an international organisation deploying a high-risk system given "whichever is
# higher" with the turnover share). A Union body takes the tiers of Art 100 instead.
INSERT { ?party aia:notAnUndertaking true }
WHERE {
  { ?party a aia:PublicAuthority } UNION { ?party aia:isMigrationAuthority true }
  UNION { ?party a aia:InternationalOrganisation }
  FILTER NOT EXISTS { ?party a aia:UnionBody }
  FILTER NOT EXISTS { ?party aia:publicBodyInUnion true }
} ;
# the fine rule that caps a party's Art 99 tiers, one per party: the public-authority rule of Art
# 99(8) or, for a party that is not an undertaking, the fixed amount of Art 99(3)-(5), before the
# SME rule of Art 99(6), which is for undertakings (a public authority is never an SME or
# start-up, wherever it is established: the shape PublicAuthorityNotSME says so). Each rule caps
# only the tiers it names (skos:related): the operations below join it with a tier.
INSERT { ?party aia:partyFineRule ?fineRule }
WHERE {
  { ?party aia:publicBodyInUnion true . BIND(aiac:fine-rule-public-authority AS ?fineRule) }
  UNION { ?party aia:notAnUndertaking true . BIND(aiac:fine-rule-not-undertaking AS ?fineRule) }
  UNION {
    ?party aia:isSME|aia:isStartUp true .
    FILTER NOT EXISTS { ?party aia:publicBodyInUnion|aia:notAnUndertaking true }
    BIND(aiac:fine-rule-sme-lower AS ?fineRule)
  }
} ;
# each assessed obligation's tiers (aia:obligation is written for assessed obligations only: a
# submission stating it is refused); then, for a bearer that is a Union body, those of Art 100
# in their place, from the few Union bodies (one operation with the bearer's kind as an OPTIONAL
# for every assessed obligation took five times as long)
INSERT { ?assessed aia:fineTierApplied ?tier }
WHERE {
  ?assessed aia:obligation ?obligation .
  ?obligation aia:fineTier ?tier .
} ;
DELETE { ?assessed aia:fineTierApplied ?tier }
INSERT { ?assessed aia:fineTierApplied ?applied }
WHERE {
  ?party a aia:UnionBody .
  ?assessed aia:bearer ?party ; aia:fineTierApplied ?tier .
  BIND(IF(?tier = aiac:fine-tier-art-99-3, aiac:fine-tier-art-100-2,
       IF(?tier = aiac:fine-tier-art-99-1 || ?tier = aiac:fine-tier-art-99-4 || ?tier = aiac:fine-tier-art-99-5,
          aiac:fine-tier-art-100-3, ?tier)) AS ?applied)
  FILTER(?applied != ?tier)
} ;
# the bearer's fine rule for each tier it names (skos:related). Which of amount and turnover share
# caps each tier is not written: it follows from the tier and the rule applied (assess/fines), so
# an obligation with tiers of different kinds (Art 21: the Member State's penalties of Art 99(1)
# for a refusal, Art 99(5) for incorrect information) keeps each tier's own.
# (two simple operations: Virtuoso 7 found no end to one operation that joined the bearers' kinds
# with a table of tiers per kind)
# (from the few parties with a fine rule: with the type of the assessed obligation in the
# pattern the embedded engine started from every assessed obligation, and as a sub-select joined
# with them it read them all even when no party had one; aia:bearer is written for assessed
# obligations only)
INSERT { ?assessed aia:fineRuleApplied ?fineRule }
WHERE {
  ?party aia:partyFineRule ?fineRule .
  ?fineRule skos:related ?applied .
  ?assessed aia:bearer ?party ; aia:fineTierApplied ?applied .
} ;
INSERT {
  ?d aia:fineTierApplied ?applied ; aia:fineExposure ?exposure .
  ?exposure a aia:FineExposure ; aia:exposedOperator ?operator ;
    aia:fineTierApplied ?applied ; prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    # one row per operator (submitted blank nodes are IRIs by now, so each exposure is minted
    # from the determination and the operator)
    SELECT DISTINCT ?d ?operator ?applied WHERE {
      ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited .
      ?s aia:hasOperator ?operator .
      # a prohibition resting on one operator's change of intended purpose (rule 260) concerns
      # that operator alone: the next operation
      FILTER NOT EXISTS { ?d aia:premise ?changePremise . ?changePremise aia:premiseProperty aia:byOperator }
      # a deployer outside the Regulation (personal use, Art 2(10); Art 2(1)(b)-(c); Art 2(4))
      # is not fined for its use; one that also places the system on the market or puts it into
      # service as its provider, importer or product manufacturer is, unless the prohibition is
      # of the use only (an outside check found a third-country provider placing a social-scoring
      # system on the Union market unexposed because it also used the system outside the Union,
      # and a natural person who built a scraping database for her personal use: Art 2(10)
      # excludes the obligations of deployers, not those of providers, Art 3(3), 3(11))
      FILTER NOT EXISTS {
        ?s aia:personalUseDeployer|aia:deployerOutsideScope ?operator .
        FILTER NOT EXISTS {
          ?s aia:hasProvider|aia:hasImporter|aia:hasProductManufacturer ?operator .
          FILTER NOT EXISTS { ?d aia:prohibitsUseOnly true }
        }
      }
      # a prohibition of the use only (Art 5(1)(h)) concerns the deployers that use the system,
      # not the operators that place it on the market or make it available
      FILTER NOT EXISTS { ?d aia:prohibitsUseOnly true . FILTER NOT EXISTS { ?s aia:hasDeployer ?operator } }
      # an authorised representative acts under its provider's mandate (Art 22(3)): it neither
      # places the system on the market nor puts it into service nor uses it, so it is not
      # exposed unless it also holds one of those roles; nor is a party named only as an
      # operator (aia:hasOperator) without its role, which may be such a representative (Art
      # 3(8)): it bears no obligation either (the shape OperatorWithoutRole asks for the role;
      # an outside check found it fined and given no duty)
      # (a distributor only makes available a system already placed on the market, Art 3(7),
      # 3(10): not one of the acts Art 5 prohibits, so it is not exposed unless it also holds one
      # of those roles; an outside check found it fined under Art 99(3))
      FILTER EXISTS { ?s aia:hasProvider|aia:hasImporter|aia:hasDeployer|aia:hasProductManufacturer ?operator }
      OPTIONAL { ?operator a aia:UnionBody . BIND(aiac:fine-tier-art-100-2 AS ?unionTier) }
      BIND(COALESCE(?unionTier, aiac:fine-tier-art-99-3) AS ?applied)
    }
  }
  BIND(IRI(CONCAT(STR(?d), "-fine-", MD5(STR(?operator)))) AS ?exposure)
} ;
# A prohibition resting on one operator's change of intended purpose (Art 5(1)(f) with Art
# 25(1)(c), rule 260: the system as placed on the market is not prohibited) concerns that
# operator's putting into service and use alone: one exposure, for the operator its premise
# aia:byOperator names, whatever role it is described with, with the tier and fine rule as above.
# (An operation of its own: choosing the operator in a UNION with the operators of the system,
# Virtuoso 7 dropped operators of the system once the filters and OPTIONALs above followed.)
INSERT {
  ?d aia:fineTierApplied ?applied ; aia:fineExposure ?exposure .
  ?exposure a aia:FineExposure ; aia:exposedOperator ?operator ;
    aia:fineTierApplied ?applied ; prov:wasGeneratedBy aiaa:run .
}
WHERE {
  {
    SELECT DISTINCT ?d ?operator ?applied WHERE {
      ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited ;
         aia:premise ?operatorPremise .
      ?operatorPremise aia:premiseProperty aia:byOperator ; aia:premiseValue ?operator .
      # a deployer outside the Regulation is not fined, unless it also holds a role that places
      # the system on the market or puts it into service, as above
      FILTER NOT EXISTS {
        ?s aia:personalUseDeployer|aia:deployerOutsideScope ?operator .
        FILTER NOT EXISTS { ?s aia:hasProvider|aia:hasImporter|aia:hasProductManufacturer ?operator }
      }
      OPTIONAL { ?operator a aia:UnionBody . BIND(aiac:fine-tier-art-100-2 AS ?unionTier) }
      BIND(COALESCE(?unionTier, aiac:fine-tier-art-99-3) AS ?applied)
    }
  }
  BIND(IRI(CONCAT(STR(?d), "-fine-", MD5(STR(?operator)))) AS ?exposure)
} ;
# each exposure's fine rule: the operator's, if it caps the exposure's tier (Art 99(6): "each
# fine" of an SME or start-up; Art 99(8); Art 99(3)-(5) for one that is not an undertaking; none
# covers the tier of Art 100); the cap each rule gives is read with the fines (assess/fines).
# (An operation of its own: as an OPTIONAL beside the tier chosen above, Virtuoso 7 dropped the
# exposures of operators without a fine rule.)
INSERT { ?exposure aia:fineRuleApplied ?fineRule }
WHERE {
  ?exposure a aia:FineExposure ; aia:exposedOperator ?operator ; aia:fineTierApplied ?applied .
  ?operator aia:partyFineRule ?fineRule .
  ?fineRule skos:related ?applied .
} ;
# A prohibited determination that no operator is exposed for: every operator the prohibition
# concerns is a deployer outside the Regulation (Art 2(10), 2(1)(b)-(c), 2(4)), which the
# operations above leave out. Said in an outcome of its own, resting on the prohibition and on
# the exclusions, so that "prohibited" with no fine does not read as an omission (an outside check
# found an international organisation's real-time identification without an objective,
# Art 5(1)(h) with Art 2(4), prohibited with nobody exposed and no word why).
INSERT {
  ?o a aia:Determination ;
    aia:determinationOf ?s ;
    aia:conclusion aiac:outcome-prohibition-binds-no-operator ;
    aia:byRule aiar:fine-tiers ;
    aia:legalBasis aiap:art_99.par_3 , ?exclusionBasis , ?prohibitionBasis ;
    aia:premise ?d , ?exclusion ;
    aia:explanation ?explanation ;
    prov:wasGeneratedBy aiaa:run .
}
WHERE {
  ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion aiac:category-prohibited .
  FILTER NOT EXISTS { ?d aia:fineExposure ?exposure }
  VALUES ?exclusionConclusion {
    aiac:outcome-personal-use-deployer aiac:outcome-deployer-outside-territorial-scope
    aiac:outcome-international-cooperation-exclusion
  }
  ?exclusion a aia:Determination ; aia:determinationOf ?s ; aia:conclusion ?exclusionConclusion ;
    aia:legalBasis ?exclusionBasis .
  OPTIONAL { ?d aia:prohibitsUseOnly true . BIND(true AS ?useOnly) }
  # the prohibition named by its provisions (the shortest citation, e.g. Art 5(1)(c) before
  # Art 5(1)(c)(i)), so that beside another prohibition whose operators are exposed it is clear
  # which one binds nobody (an outside check found the two read as one)
  ?d aia:legalBasis ?prohibitionBasis .
  {
    SELECT ?d (MIN(?citation) AS ?named) WHERE {
      ?d aia:conclusion aiac:category-prohibited ; aia:legalBasis ?basis .
      ?basis aia:citation ?citation .
    } GROUP BY ?d
  }
  BIND(CONCAT("The prohibition of ", STR(?named), " concerns no operator within the Regulation: ",
              IF(BOUND(?useOnly), "it prohibits the use of the system only, and every deployer that uses it is outside the Regulation",
                 "every operator whose act it concerns is a deployer outside the Regulation"),
              " (the exclusions stated for this subject), so nobody described is exposed to the fine of Art 99(3) for it.") AS ?explanation)
  BIND(IRI(CONCAT(STR(?d), "-binds-no-operator")) AS ?o)
}
