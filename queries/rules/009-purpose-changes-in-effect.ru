# Rule: purpose-changes-in-effect
# Label: A change of intended purpose counts from its date: the changes dated on or before the as-of date
# Provisions: aiap:art_25.par_1.pnt_c
# An operator may change the intended purpose of a system (aia:IntendedPurposeChange, linked by
# aia:hasValueChainEvent, with aia:newIntendedPurpose and aia:eventDate). Until its date the
# system keeps its former purpose: the scope exclusions (Art 2(3), Art 2(10)), the prohibitions
# (Art 5(1)(f)), the classification (Art 6(2), 6(3), Art 25(1)(c)), the legacy rule (Art 111(2))
# and Art 50(3) read a new purpose only from that day. This rule writes the link once
# (aia:purposeChangeInEffect) for every change in effect on the as-of date, and those rules read
# the changes through it, so that no rule can read a later change or forget the date. (The shape
# ValueChainEvent requires one xsd:date per event.) Rule 295 withdraws the link of a change that
# makes its operator's use prohibited under Art 5(1)(f) (rule 260), so that the classifications
# after it do not read that change.
INSERT { ?s aia:purposeChangeInEffect ?change }
WHERE {
  ?s aia:hasValueChainEvent ?change .
  ?change a aia:IntendedPurposeChange ; aia:eventDate ?changedOn .
  aiaa:run aia:asOf ?asOf .
  FILTER(?changedOn <= ?asOf)
}
