# Rule: art-111-2-transparency-note
# Label: The Art 111(2) transition noted on the transparency determinations of a legacy high-risk system, and the Art 111(1) transition on the high-risk and transparency determinations of a component of an Annex X system
# Provisions: aiap:art_111.par_2 aiap:art_111.par_1 aiap:art_50
# Rules 400-430 find the transparency duties of Art 50 of a system whatever its date of placing
# on the market; rule 350 found whether it is a legacy high-risk system (placed on the market or
# put into service before the date of Art 111(2), not changed significantly in its design since:
# trigger aiac:transition-art-111-2). For such a system the obligation rules (810, 820) drop the
# Art 50 duties until a significant change, or date them by the compliance deadline where the
# system is intended to be used by public authorities; this rule says so on each Art 50
# determination of a duty (category and case, not the exceptions), names rule 350's
# determination as a premise, and reads the cut-off date and the deadline from the transitional
# rule, so an amendment of either shows. It runs after the determinations are dated (rules
# 700-705): the transition is named for the explanation, and the duty's provision keeps its own
# date (before, as amended, the transparency determinations of a legacy system took the Annex III
# date of 2 December 2027 through the premise, while their text said "from 2026-08-02"; an outside
# check found the contradiction); Art 111(2) joins their legal basis, and the determination names
# this rule beside its own (aia:amendedByRule: an outside check found Art 111 cited under a rule
# whose header does not list it).
DELETE { ?d aia:explanation ?old }
INSERT { ?d aia:explanation ?new ; aia:premise ?legacy ; aia:legalBasis aiap:art_111.par_2 ;
            aia:amendedByRule aiar:art-111-2-transparency-note }
WHERE {
  VALUES ?rule { aiar:art-50-1-interaction aiar:art-50-2-synthetic-content
                 aiar:art-50-3-emotion-biometric aiar:art-50-4-deep-fake-and-text }
  # the duties found, not their exceptions
  VALUES ?conclusion { aiac:category-transparency aiac:art-50-1 aiac:art-50-2
                       aiac:art-50-3-emotion-recognition aiac:art-50-3-biometric-categorisation
                       aiac:art-50-4-deep-fake aiac:art-50-4-public-interest-text }
  aiac:transition-art-111-2 aia:placedBefore ?cutoff ; aia:complianceDeadline ?deadline .
  ?s aia:satisfiesTrigger aiac:transition-art-111-2 .
  ?legacy aia:determinationOf ?s ; aia:conclusion aiac:outcome-transition-art-111-2 .
  ?d aia:determinationOf ?s ; aia:byRule ?rule ; aia:conclusion ?conclusion ; aia:explanation ?old .
  OPTIONAL { ?s aia:intendedForPublicAuthorities ?publicFlag }
  BIND(COALESCE(?publicFlag, false) AS ?public)
  BIND(CONCAT(?old,
              " As a high-risk system placed on the market or put into service before ", STR(?cutoff),
              IF(?public,
                 CONCAT(" and intended to be used by public authorities, its provider and deployer comply by ", STR(?deadline), " (Art 111(2))."),
                 " and not changed significantly in its design since, its operators bear this duty only from such a change (Art 111(2)).")) AS ?new)
} ;
# A component of a large-scale IT system of Annex X placed on the market or put into service
# before the cut-off of Art 111(1) (rule 345: trigger aiac:transition-art-111-1) must be brought
# into compliance by the compliance deadline; rule 820 dates its high-risk and transparency
# duties so. Its high-risk and Art 50 determinations say so and cite Art 111(1), with rule 345's
# determination as a premise (an outside check found an Art 50 determination "from 2026-08-02"
# beside its duty dated 2030-12-31, with no word of the transition).
DELETE { ?d aia:explanation ?old }
INSERT { ?d aia:explanation ?new ; aia:premise ?component ; aia:legalBasis aiap:art_111.par_1 ;
            aia:amendedByRule aiar:art-111-2-transparency-note }
WHERE {
  VALUES ?rule { aiar:art-50-1-interaction aiar:art-50-2-synthetic-content
                 aiar:art-50-3-emotion-biometric aiar:art-50-4-deep-fake-and-text
                 aiar:art-6-1-annex-i aiar:art-6-2-annex-iii }
  VALUES ?conclusion { aiac:category-transparency aiac:art-50-1 aiac:art-50-2
                       aiac:art-50-3-emotion-recognition aiac:art-50-3-biometric-categorisation
                       aiac:art-50-4-deep-fake aiac:art-50-4-public-interest-text
                       aiac:category-high-risk }
  aiac:transition-art-111-1 aia:placedBefore ?cutoff ; aia:complianceDeadline ?deadline .
  ?s aia:satisfiesTrigger aiac:transition-art-111-1 .
  ?component aia:determinationOf ?s ; aia:conclusion aiac:outcome-transition-art-111-1 .
  ?d aia:determinationOf ?s ; aia:byRule ?rule ; aia:conclusion ?conclusion ; aia:explanation ?old .
  BIND(CONCAT(?old,
              " As a component of a large-scale IT system of Annex X placed on the market or put into service before ", STR(?cutoff),
              ", it must be brought into compliance with these duties by ", STR(?deadline), " (Art 111(1)).") AS ?new)
}
