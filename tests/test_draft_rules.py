"""The offline draft's fact rules, one small example each (written for these tests), with the
cases a rule must leave alone."""

from __future__ import annotations

from mapper.draft.make.drafter import draft_text


def facts(text: str, kind: str) -> list[dict]:
    return [f for f in draft_text(text, text_name="x.txt").facts if f["kind"] == kind]


def entities(text: str) -> dict[str, str]:
    return {e["id"]: e["type"] for e in draft_text(text, text_name="x.txt").entities}


def test_each_weapon_takes_its_own_supplier():
    found = facts(
        "Chile bought four frigates from Spain and two submarines from France last year.",
        "arms_transfer",
    )
    assert [(f["supplier"], f["recipient"], f["number_ordered"]) for f in found] == [
        ("spain", "chile", 4),
        ("france", "chile", 2),
    ]


def test_a_seller_s_verb_makes_its_subject_the_supplier():
    (sale,) = facts("Norway sold 12 howitzers to Estonia last year.", "arms_transfer")
    assert (sale["supplier"], sale["recipient"], sale["status"]) == (
        "norway",
        "estonia",
        "delivered",
    )
    # a buyer's verb: the subject receives
    (order,) = facts("Chile ordered four patrol vessels from Spain.", "arms_transfer")
    assert (order["supplier"], order["recipient"]) == ("spain", "chile")


def test_patrol_vessels_are_no_patrol():
    assert not facts("Chile ordered four patrol vessels from Spain.", "military_operation")
    (op,) = facts("The Chilean Navy sent its warships to the strait.", "military_operation")
    assert op["conducted_by"] == ["chilean-navy"]


def test_aid_to_each_state_of_a_list():
    found = facts("Japan will provide grants to the Philippines, Malaysia and Fiji.", "aid")
    assert [f["recipient"] for f in found] == ["philippines", "malaysia", "fiji"]
    assert all(f["provider"] == ["japan"] and f["aspect"] == "planned" for f in found)
    assert found[0]["aid_type"] == ["financing"]


def test_an_unnamed_speaker_is_an_entity_of_its_own():
    (said,) = facts("A Chilean navy spokesman said the frigate would sail on Monday.", "statement")
    assert said["speaker"] == ["chilean-navy-spokesman"]
    found = entities("Officials in Santiago said the talks had stalled.")
    assert found["officials-in-santiago"] == "Group" and found["santiago"] == "City"
    # the post of someone named is not an unnamed speaker
    (named,) = facts("Colonel Ana Ruiz, a navy spokesman, said the patrol was over.", "statement")
    assert named["speaker"] == ["ana-ruiz"]
    # too bare to be an entity, and not the state named earlier in the sentence either
    assert not facts("Chile bought four frigates from Spain, officials said.", "statement")


def test_he_said_is_the_person_named_last():
    text = (
        "Chile's defence minister, Carlos Vega, met Argentina's envoy. He said the talks went well."
    )
    (said,) = [f for f in facts(text, "statement") if f["draft"]["sentence"] == "P1.2"]
    assert said["speaker"] == ["carlos-vega"]


def test_speech_acts_take_the_speaker_not_the_nearest_state():
    (rejection,) = facts("Argentina rejected the proposal on Tuesday.", "rejection")
    assert rejection["speaker"] == ["argentina"] and rejection["rejected"].startswith(
        "the proposal"
    )
    (denial,) = facts("Iran denied supplying drones to Russia.", "rejection")
    assert denial["speaker"] == ["iran"]
    (accusation,) = facts("Colombia accused Brazil of violating its airspace.", "condemnation")
    assert (accusation["speaker"], accusation["target"], accusation["form"]) == (
        ["colombia"], ["brazil"], "accusation",
    )  # fmt: skip
    (call,) = facts("Japan urged China to show restraint.", "demand")
    assert call["speaker"] == ["japan"] and call["demanded_of"] == ["china"]
    assert not facts("The rejected proposal was shelved.", "rejection")  # no one speaks


def test_an_announcement_names_the_events_of_its_sentence():
    text = "Chile announced on Monday that it had ordered four frigates from Spain."
    (announcement,) = facts(text, "announcement")
    (order,) = facts(text, "arms_transfer")
    assert announcement["speaker"] == ["chile"] and announcement["announces"] == [order["id"]]
    assert not facts("Chile announced a new budget.", "announcement")  # nothing to announce


def test_relations_between_states():
    (court,) = facts("Japan has been courting Vietnam for a decade.", "courtship")
    assert (court["actor"], court["target"]) == ("japan", "vietnam")
    (rivals,) = facts("India and Pakistan remain bitter rivals.", "rivalry")
    assert rivals["parties"] == ["india", "pakistan"]
    (coop,) = facts("Japan and Australia are deepening their cooperation at sea.", "cooperation")
    assert coop["parties"] == ["japan", "australia"]
    (supply,) = facts("Russia remains India's largest arms supplier.", "arms_supply")
    assert (supply["supplier"], supply["recipient"]) == ("russia", "india")
    assert not facts("The rivals met in a football final.", "rivalry")  # no states named


def test_a_concession_is_an_event_of_its_plover_type():
    (event,) = facts("Turkey lifted its objection to the plan.", "event")
    assert event["plover_type"] == "CONCEDE" and event["actors"] == ["turkey"]
    assert not facts("The objection stands.", "event")


def test_a_post_in_a_body_called_by_its_common_noun():
    text = (
        "Kenya's defence ministry signed the deal. Mary Otieno, the ministry's spokesman, "
        "confirmed it."
    )
    (post,) = [f for f in facts(text, "post") if f["holder"] == "mary-otieno"]
    assert post["organization"] == "kenya-defence-ministry" and post["title"] == "Spokesman"
    assert not [f for f in facts("Mary Otieno, the ministry's spokesman, said so.", "post")]


def test_agreement_nouns_and_the_signing_of_an_exchange_of_notes():
    text = "Japan and Mongolia exchanged notes on Monday, an exchange of notes on training."
    found = facts("Japan and Mongolia signed an implementing arrangement on Monday.", "agreement")
    assert found and found[0]["agreement_type"] == "arrangement"
    assert found[0]["parties"] == ["japan", "mongolia"]
    assert facts(text, "agreement") and facts(text, "signing")


def test_the_alliance_is_the_alliance_named_before():
    text = "Finland joined NATO last year. Sweden joined the alliance in March."
    found = facts(text, "membership")
    assert [(f["member"], f["organization"], f["action"]) for f in found] == [
        ("finland", "nato", "joined"),
        ("sweden", "nato", "joined"),
    ]
    assert not facts("Sweden joined the talks in March.", "membership")  # no body to join


def test_a_passive_signing_takes_its_signers_after_by():
    text = (
        "The agreement was signed in Tokyo on Monday by Japan's ambassador and by Mongolia's "
        "defence minister."
    )
    (agreement,) = facts(text, "agreement")
    assert agreement["parties"] == ["japan", "mongolia"] and agreement["stage"] == "signed"
    (signing,) = facts(text, "signing")
    assert signing["agreement"] == agreement["id"]
    assert not facts("The agreement was praised in Tokyo.", "agreement")


def test_the_two_countries_are_the_two_states_named_last():
    text = "Japan's minister met Mongolia's president. The two countries will sign a treaty."
    (agreement,) = facts(text, "agreement")
    assert sorted(agreement["parties"]) == ["japan", "mongolia"]
    assert agreement["stage"] == "proposed"


def test_coordinated_speech_verbs_share_their_speaker():
    text = (
        "The Turkish foreign ministry said the plan changed nothing and warned Greece against it."
    )
    (threat,) = facts(text, "threat")
    assert threat["speaker"] == ["turkish-foreign-ministry"] and threat["form"] == "warning"


def test_condemning_the_decision_condemns_the_last_event():
    text = "The European Union imposed sanctions on Iran. Russia condemned the decision."
    (sanction,) = facts(text, "sanction")
    (condemnation,) = facts(text, "condemnation")
    assert condemnation["speaker"] == ["russia"] and condemnation["condemns"] == [sanction["id"]]
    assert not facts("Russia condemned the weather.", "condemnation")


def test_a_gift_is_a_transfer_to_the_one_given():
    (gift,) = facts("Japan will give the Philippines four patrol boats.", "arms_transfer")
    assert (gift["supplier"], gift["recipient"], gift["number_ordered"]) == (
        "japan", "philippines", 4,
    )  # fmt: skip


def test_several_steps_of_an_agreement_in_one_sentence():
    text = (
        "Mongolia and Japan signed a treaty in 2025. Mongolia ratified the treaty on Monday, "
        "clearing the way for it to enter into force next month."
    )
    steps = [f["step"] for f in facts(text, "agreement_step")]
    assert steps == ["ratification", "entry-into-force"]
    assert not facts("Mongolia ratified nothing.", "agreement_step")  # no agreement before


def test_access_to_ports_is_basing_of_the_user_s_forces():
    text = "The United States deal gives American military aircraft access to an airport in Cabo Verde."
    (basing,) = facts(text, "basing")
    assert (basing["user"], basing["host"]) == ("united-states", "cabo-verde")
    assert not facts("Tourists have access to an airport.", "basing")


def test_an_inquiry_into_the_last_event():
    text = "A Chinese destroyer rammed a Philippine frigate. The Philippines opened an inquiry."
    (incident,) = facts(text, "incident")
    (inquiry,) = facts(text, "investigation")
    assert inquiry["investigator"] == ["philippines"]
    assert inquiry.get("about_facts") == [incident["id"]] or inquiry.get("subject")


def test_a_report_by_the_news_organisation_named():
    gazetteer_free = "In August, reports emerged that Russia had sold 12 howitzers to India."
    (report,) = facts(gazetteer_free, "report")
    (sale,) = facts(gazetteer_free, "arms_transfer")
    assert report["reports"] == [sale["id"]] and "reporter" not in report
    # according to a ministry: an attribution of the fact, not a report
    assert not facts(
        "According to Kenya's defence ministry, Kenya ordered four helicopters from Brazil.",
        "report",
    )


def test_a_speaker_named_before_an_apposition_wins_over_a_coordinated_verb():
    text = (
        "Greece welcomed the move, and the United States, which lifted its embargo in 2022, "
        "said it looked forward to cooperation with Cyprus."
    )
    (said,) = facts(text, "statement")
    assert said["speaker"] == ["united-states"]


def test_a_trigger_inside_a_name_is_no_trigger():
    text = "Tomasz Nowak of the Vistula Security Forum said the talks had failed."
    assert not facts(text, "conference")
    assert facts("Poland hosted a security forum in Warsaw.", "conference")


def test_a_capital_that_acts_stands_for_its_state():
    text = "Hungary is a member. Budapest owes money, and it has ordered a Chinese-made radar."
    (order,) = facts(text, "arms_transfer")
    assert (order["supplier"], order["recipient"]) == ("china", "hungary")
    # a place where something happens is not its state
    (visit,) = facts("Hungary is a member. Poland's minister arrived in Budapest.", "visit")
    assert visit["destination"] == "budapest"


def test_lifting_restrictions_on_arms_sales_is_a_sanction_lifted():
    text = "The United States lifted its restrictions on arms sales to Cyprus in 2022."
    (lifted,) = facts(text, "sanction")
    assert (lifted["imposer"], lifted["targets"], lifted["action"]) == (
        ["united-states"], ["cyprus"], "lifted",
    )  # fmt: skip


def test_asking_someone_to_act_is_a_demand_asking_whether_is_not():
    (ask,) = facts("Japan asked China to release the crew.", "demand")
    assert ask["speaker"] == ["japan"]
    assert not facts("Mongolia's opposition asked whether China would object.", "demand")


def test_courting_two_states_is_two_courtships():
    found = facts("Mongolia is courting the United States and South Korea.", "courtship")
    assert [(f["actor"], f["target"]) for f in found] == [
        ("mongolia", "united-states"),
        ("mongolia", "south-korea"),
    ]


def test_the_supplier_that_overtook_another():
    text = "Reports say the United States had overtaken Russia as India's top arms supplier."
    (supply,) = facts(text, "arms_supply")
    assert (supply["supplier"], supply["recipient"]) == ("united-states", "india")


def test_earlier_recipients_of_the_same_provider():
    text = (
        "Japan will give Sri Lanka a grant. The programme's earlier recipients include the "
        "Philippines, Malaysia and Fiji."
    )
    found = [f for f in facts(text, "aid") if f["draft"]["sentence"] == "P1.2"]
    assert [(f["provider"], f["recipient"]) for f in found] == [
        (["japan"], "philippines"), (["japan"], "malaysia"), (["japan"], "fiji"),
    ]  # fmt: skip


def test_sanction_targets_stop_at_a_relative_clause():
    text = "The European Union imposed sanctions on Iran, which it accuses of arming Russia."
    (sanction,) = facts(text, "sanction")
    assert sanction["targets"] == ["iran"]


def test_two_speakers_in_one_sentence_make_two_statements():
    text = "Japan said the talks were useful, while China said they had failed."
    assert [f["speaker"] for f in facts(text, "statement")] == [["japan"], ["china"]]
    assert len(facts("Japan said the talks were useful and said so again.", "statement")) == 1


def test_the_attribution_closing_a_lead_announces_its_events():
    text = "Chile has ordered four frigates from Spain, Chile's defence ministry said on Tuesday."
    (announcement,) = facts(text, "announcement")
    (order,) = facts(text, "arms_transfer")
    assert announcement["speaker"] == ["chile-defence-ministry"]
    assert announcement["announces"] == [order["id"]]
    # a person's words: a statement only
    text = "Chile has ordered four frigates from Spain, Defence Minister Ana Ruiz said."
    assert not facts(text, "announcement") and facts(text, "statement")


def test_the_two_governments_speak_both():
    text = "Japan met Sri Lanka. Japan will give Sri Lanka a grant, the two governments said."
    (announcement,) = facts(text, "announcement")
    assert announcement["speaker"] == ["sri-lanka", "japan"]


def test_a_state_post_named_without_its_state_is_in_the_state_named_before():
    text = "Cyprus joined the programme. Defence Minister Andreas Theodorou signed it."
    (post,) = facts(text, "post")
    assert (post["holder"], post["title"], post["organization"]) == (
        "andreas-theodorou", "Defence Minister", "cyprus",
    )  # fmt: skip
    assert not facts("Defence Minister Andreas Theodorou signed it.", "post")  # no state named


def test_a_person_gives_no_aid():
    text = "Jari Lehtonen said the deal gave his company a second home inside NATO."
    assert not facts(text, "aid")


def test_the_decision_is_the_last_decision_not_the_last_war():
    text = (
        "The European Union imposed sanctions on Iran. The framework punishes Russia's war "
        "against Ukraine. Iran condemned the decision."
    )
    (sanction,) = facts(text, "sanction")
    (condemnation,) = facts(text, "condemnation")
    assert condemnation["condemns"] == [sanction["id"]]


def test_the_object_of_against_does_not_wage_the_war():
    (war,) = facts("Russia has waged a war against Ukraine since 2022.", "military_operation")
    assert war["conducted_by"] == ["russia"]
    assert not facts("Drones were used against Ukrainian cities in the war.", "military_operation")


def test_warned_that_names_no_addressee_and_a_denial_stays_in_its_clause():
    text = "Iran denied the report and warned that Iran would respond against Europe."
    (threat,) = facts(text, "threat")
    assert "against" not in threat and threat.get("certainty") != "denied"


def test_an_alliance_is_between_states_not_with_the_alliance_s_headquarters():
    text = "Cyprus signed the document at the alliance's headquarters in NATO's presence."
    assert not facts(text, "alliance")
    (allies,) = facts("Japan and Australia are close allies.", "alliance")
    assert allies["parties"] == ["japan", "australia"]


def test_a_weapon_named_by_its_designation_is_transferred():
    text = "Turkey was removed from the programme. Ankara bought Russia’s S-400 system in 2019."
    (sale,) = facts(text, "arms_transfer")
    assert (sale["supplier"], sale["recipient"], sale["weapon_description"]) == (
        "russia", "turkey", "S-400",
    )  # fmt: skip


def test_a_title_case_headline_keeps_its_triggers():
    found = facts("Pakistan Courts Both US and Russia on Defense\n\nThe talks began.", "courtship")
    assert [(f["actor"], f["target"]) for f in found] == [
        ("pakistan", "united-states"),
        ("pakistan", "russia"),
    ]


def test_an_unqualified_minister_belongs_to_the_article_s_state_not_a_foreign_maker_s():
    text = (
        "Kenya's defence ministry signed a letter with the Brazilian maker Aerovale Aerospace. "
        "Defence Secretary Grace Wambui said the aircraft would replace old planes."
    )
    (post,) = facts(text, "post")
    assert post["organization"] == "kenya"


def test_what_a_statement_reports_can_deny_or_condemn():
    text = (
        "Chile sent two frigates to the strait on Monday. "
        "Peru said the deployment was a provocation and that reports of a blockade were baseless."
    )
    (cond,) = facts(text, "condemnation")
    assert cond["speaker"] == ["peru"] and cond["condemns"]
    (rej,) = facts(text, "rejection")
    assert rej["speaker"] == ["peru"] and rej["rejected"].startswith("baseless")
    # a crime's name is no condemnation, and a plain statement denies nothing
    plain = "Chile sent two frigates to the strait. Peru said the ships would watch for illegal fishing."
    assert not facts(plain, "condemnation") and not facts(plain, "rejection")


def test_welcoming_the_contract_endorses_the_order():
    text = "Chile ordered four frigates from Spain. Spain welcomed the contract on Friday."
    (e,) = facts(text, "endorsement")
    assert e["speaker"] == ["spain"] and e["endorses"]


def test_the_subject_before_an_apposition_and_the_body_a_definite_noun_names():
    text = (
        "Iceland joined NATO’s Partnership for Peace in 1995. "
        "Malta, the EU’s smallest state, rejoined the partnership in 2008."
    )
    found = {(f["member"], f["organization"]) for f in facts(text, "membership")}
    assert ("malta", "partnership-for-peace") in found
    assert not any(m == "european-union" or o == "european-union" for m, o in found)
    # a list is no apposition: the last state named before the verb still joins
    (listed,) = facts("Estonia, Latvia and Lithuania joined NATO in 2004.", "membership")
    assert listed["member"] == "lithuania" and listed["organization"] == "nato"


def test_a_passive_listing_extends_the_last_sanction():
    text = (
        "The European Union on Monday imposed sanctions on Russia. "
        "Two companies, Northwind Shipping Ltd and Kestrel Metals Ltd, were added to the list."
    )
    found = facts(text, "sanction")
    assert found[-1]["imposer"] == ["european-union"]
    assert found[-1]["targets"] == ["northwind-shipping", "kestrel-metals"]
    # with no sanction before, a listing is no sanction of anyone
    assert not facts(
        "Northwind Shipping Ltd and Kestrel Metals Ltd were added to the list.", "sanction"
    )


def test_the_two_countries_counts_a_state_named_by_its_forces():
    text = (
        "The Chilean Navy will test the drones in May, Spain said. "
        "The two countries signed a defence cooperation agreement last year."
    )
    (deal,) = facts(text, "agreement")
    assert sorted(deal["parties"]) == ["chile", "spain"]
    (signing,) = facts(text, "signing")
    assert sorted(signing["signatories"]) == ["chile", "spain"]
    # with one state named before, there are no two sides to sign
    assert not facts("Spain said so. The two countries signed an agreement.", "agreement")


def test_the_speaker_before_a_relative_clause():
    text = (
        "Peru welcomed the move, and Chile, which sold frigates to Peru in 2020, "
        "said it expected closer ties."
    )
    speakers = [f["speaker"] for f in facts(text, "statement")]
    assert ["chile"] in speakers and ["peru"] not in speakers
    # a clause that holds a speech verb of its own is not skipped over
    other = "Chile, which said in May that it would wait, signed the deal, Peru said."
    assert [f["speaker"] for f in facts(other, "statement")][-1] == ["peru"]


def test_the_company_said_is_the_company_named_last():
    text = "Chile has ordered two frigates from Iberia Naval Ltd for the Chilean Navy, the company said. "
    (said,) = facts(text, "announcement")
    assert said["speaker"] == ["iberia-naval"]
    # "the ministry said": the ministry named last, not the company after it
    other = (
        "Peru’s defence ministry met Iberia Naval Ltd on Monday. "
        "The ministry said the frigates would be ordered next year."
    )
    assert [f["speaker"] for f in facts(other, "statement")] == [["peru-defence-ministry"]]


def test_whom_a_verb_presses_is_not_its_speaker():
    (d,) = facts("India and Japan have in recent years pressed Chile over port visits.", "demand")
    assert d["speaker"][0] == "india"
    # "said X" still names its speaker after the verb
    (s,) = facts("“We will sail on Monday,” said Admiral Ana Ruiz.", "statement")
    assert s["speaker"] == ["ana-ruiz"]


def test_two_makers_build_together_and_the_companies_announce_it():
    text = (
        "Northwind Motors Ltd and Kestrel Works Ltd have agreed to build armoured trucks "
        "together in Chile, the companies announced on Tuesday."
    )
    (co,) = facts(text, "coproduction")
    assert co["partners"] == ["northwind-motors", "kestrel-works"]
    (ann,) = facts(text, "announcement")
    assert ann["speaker"] == ["northwind-motors", "kestrel-works"] and ann["announces"]
    # building alone is no coproduction
    assert not facts(
        "Northwind Motors Ltd will build trucks for Kestrel Works Ltd.", "coproduction"
    )


def test_declining_to_confirm_is_a_statement():
    (s,) = facts("The Chilean Navy declined to confirm the sighting.", "statement")
    assert s["speaker"] == ["chilean-navy"]
    assert not facts("The Chilean Navy declined the offer.", "statement")


def test_the_two_governments_of_the_lead_itself():
    text = "Spain will give Chile’s navy two patrol boats, the two governments said on Friday."
    (ann,) = facts(text, "announcement")
    assert sorted(ann["speaker"]) == ["chile", "spain"]
    # one state named: no two governments to speak
    assert not facts("Spain will give two patrol boats, the two governments said.", "announcement")


def test_units_training_side_by_side_exercise_together():
    (ex,) = facts(
        "Chilean marines and Peruvian troops are training side by side this week.", "exercise"
    )
    assert ex["participants"] == ["chilean-marines", "peruvian-troops"]
    # training others is training, not an exercise
    assert not facts("Chilean instructors are training Peruvian troops this week.", "exercise")


def test_a_major_arms_exporter_to_a_rival_supplies_the_rival():
    (s,) = facts("Spain is a major arms exporter to Chile’s rival Peru.", "arms_supply")
    assert (s["supplier"], s["recipient"]) == ("spain", "peru")
    (m,) = facts("Spain has been a major military supplier for Chile.", "arms_supply")
    assert (m["supplier"], m["recipient"]) == ("spain", "chile")
    # a supplier of parts named without arms is no arms supply
    assert not facts("Spain is a major supplier of olive oil to Chile.", "arms_supply")


def test_a_spokesman_for_a_body_is_a_person_of_its_own():
    text = "A spokesman for Chile’s defence ministry denied that Chile had sold any rifles."
    (r,) = facts(text, "rejection")
    assert r["speaker"] == ["chile-defence-ministry-spokesman"]
    assert entities(text)["chile-defence-ministry-spokesman"] == "Person"
    # a spokesman for a state is not a body's
    assert "chile-spokesman" not in entities("A spokesman for Chile said the talks were over.")


def test_a_judgement_naming_no_one_is_of_the_state_the_article_is_about():
    text = (
        "Chile left the programme on Monday after Chile missed two payments to Peru. "
        "The decision is unlikely to be final."
    )
    found = [f for f in facts(text, "assessment") if "unlikely" in f["summary"]]
    assert found and found[0]["subject"] == ["chile"]
    # a sentence that judges nothing proposes no assessment
    plain = "Chile left the programme on Monday after Chile missed two payments. The talks ended."
    assert not [f for f in facts(plain, "assessment") if "talks ended" in f["summary"]]


def test_bilateral_talks_are_a_meeting_of_the_two_states_named_last():
    text = (
        "Chile accused Peru of blocking the port on Monday. "
        "A round of bilateral fisheries talks planned for May was called off, an official said."
    )
    (m,) = facts(text, "meeting")
    assert sorted(m["participants"]) == ["chile", "peru"]
    # one state named before: no two sides to meet
    assert not facts("Chile closed the port. Bilateral talks were called off.", "meeting")


def test_a_lawyer_for_a_company_is_the_company_s_lawyer():
    found = entities("A lawyer for Northwind Shipping Ltd said the listing would be challenged.")
    assert found["northwind-shipping-lawyer"] == "Person"


def test_a_state_s_submarine_activity_is_its_operation():
    (op,) = facts(
        "An official said Chilean submarine activity in the strait had grown.", "military_operation"
    )
    assert op["conducted_by"] == ["chile"]
    # activity of no state named: nothing to draft
    assert not facts(
        "An official said submarine activity in the strait had grown.", "military_operation"
    )


def test_a_treaty_named_between_two_states_is_in_force_between_them():
    text = "Peru said the 1998 Pacific Defence Treaty between Chile and Peru covered the strait."
    (deal,) = facts(text, "agreement")
    assert deal["parties"] == ["chile", "peru"] and deal["stage"] == "in-force"
    (signing,) = facts(text, "signing")
    assert signing["signatories"] == ["chile", "peru"] and signing["date"] == "1998"
    # a treaty named without its parties is not guessed at
    assert not facts("Peru said the Pacific Defence Treaty covered the strait.", "agreement")


def test_withdrawing_from_a_country_is_an_operation_not_leaving_a_programme():
    (op,) = facts("As Chile withdraws from Peru, it values Bolivia’s help.", "military_operation")
    assert op["conducted_by"] == ["chile"]
    assert not facts("Chile withdrew from the programme in May.", "military_operation")


def test_the_two_countries_both_take_part_in_a_programme():
    text = (
        "Chile ordered two frigates from Peru. "
        "The two countries are already partners in Peru’s KX-9 fighter programme."
    )
    found = facts(text, "programme_participation")
    assert sorted(f["participant"] for f in found) == ["chile", "peru"]
    # one state named as the partner: that state only
    one = facts("Chile is a partner in Peru’s KX-9 fighter programme.", "programme_participation")
    assert [f["participant"] for f in one] == ["chile"]


def test_military_support_for_a_state_is_aid():
    (a,) = facts("The measures punish Chile’s military support for Peru’s navy.", "aid")
    assert (a["provider"], a["recipient"]) == (["chile"], "peru")
    # support for a plan is no aid
    assert not facts("Chile voiced support for the plan.", "aid")


def test_aligning_sanctions_with_a_union_is_cooperation_with_it():
    (co,) = facts(
        "Norway said it would align its own sanctions list with the European Union.", "cooperation"
    )
    assert co["parties"] == ["norway", "european-union"]
    # aligning a road with a river is nothing of the kind
    assert not facts("Norway will align the new road with the river.", "cooperation")


def test_a_warning_about_another_s_act_is_a_condemnation_not_a_threat():
    text = (
        "Chile signed a basing agreement with Peru in May. "
        "Bolivia’s foreign ministry warned that the agreement would turn the coast into a front line."
    )
    (con,) = facts(text, "condemnation")
    assert con["speaker"][0].endswith("foreign-ministry")  # (the id is the entity side's)
    assert not facts(text, "threat")
    # what the speaker's own side will do is a threat
    own = "Bolivia’s foreign ministry warned that Bolivia would respond with its own measures."
    assert [f["speaker"] for f in facts(own, "threat")] == [con["speaker"]]
    assert not facts(own, "condemnation")


def test_calling_a_decision_illegal_condemns_it():
    text = (
        "Chile imposed sanctions on Peru’s navy in May. "
        "Peru’s foreign ministry called the measures “unlawful and hostile”."
    )
    (con,) = facts(text, "condemnation")
    assert con["speaker"][0].endswith("foreign-ministry")
    # calling someone by a title condemns nothing
    assert not facts("Peru’s foreign ministry called the measures a first step.", "condemnation")


def test_a_quotation_that_goes_on_is_a_statement_of_the_same_speaker():
    text = (
        "“The harbour is ready,” said Colonel Ana Ruiz, a navy spokesman. "
        "“The ships can dock from Monday.”"
    )
    found = facts(text, "statement")
    assert [f["speaker"] for f in found] == [["ana-ruiz"], ["ana-ruiz"]]
    assert found[1]["quotation"] == "The ships can dock from Monday."
    # a quotation after a sentence that quotes no one is no one's statement
    alone = "The harbour reopened in May. “The ships can dock from Monday.”"
    assert not facts(alone, "statement")


def test_weapons_sent_or_shipped_to_a_state_are_a_transfer_to_it():
    (t,) = facts("Peru built ten drones that were later shipped to Chile.", "arms_transfer")
    assert (t["supplier"], t["recipient"], t["weapon_description"]) == ("peru", "chile", "drones")
    two = facts("Peru made the drones and missiles later sent to Chile.", "arms_transfer")
    assert [f["weapon_description"] for f in two] == ["drones", "missiles"]
    # a letter sent, or warships sent to a strait, are no transfer
    assert not facts("Peru sent a letter to Chile in May.", "arms_transfer")
    assert not facts("Peru sent its warships to the strait.", "arms_transfer")


def test_a_post_in_a_body_named_by_the_acronym_the_text_gives_it():
    text = (
        "Chile’s state-owned Andes Naval Works (ANW) will build the ships. "
        "“We are ready,” said Rosa Vega, ANW’s chief executive."
    )
    (post,) = facts(text, "post")
    assert (post["holder"], post["title"]) == ("rosa-vega", "Chief executive")
    assert post["organization"] == "andes-naval-works"
    # an acronym the text never spells out is no body the draft knows
    assert not facts("“We are ready,” said Rosa Vega, ANW’s chief executive.", "post")


def test_no_assessment_of_a_city_alone_nor_of_the_newsroom_s_notes():
    (a,) = facts("Analysts see the decision as a warning to Peru.", "assessment")
    assert a["subject"] == ["peru"]
    # a city is where things happen, not what the sentence judges
    assert not facts("The letter, signed in Santiago, is not a contract.", "assessment")
    assert not facts("(Reporting by Ana Ruiz in Lima; Editing by Tom Hale)", "assessment")
    assert not facts("This article was updated on May 6 to add Peru’s reply.", "assessment")


def test_a_hedged_judgement_is_an_assessment():
    text = "Chile left the KX-9 fighter programme in May. The expulsion may not be final."
    (a,) = [f for f in facts(text, "assessment") if "may not" in f["summary"]]
    assert a["subject"] == ["chile"]  # the state the article is about so far
    # a plain report of what happened judges nothing
    plain = "Chile left the KX-9 fighter programme in May. The decision took effect in June."
    assert not [f for f in facts(plain, "assessment") if "June" in f["summary"]]


def test_the_speaker_before_a_phrase_that_names_others():
    text = (
        "Colonel Ana Ruiz, serving as an envoy for Peru’s navy, said on Monday "
        "that the patrols would go on."
    )
    (said,) = facts(text, "statement")
    assert said["speaker"] == ["ana-ruiz"]
    # a verb of saying inside the phrase has its own subject
    other = "Colonel Ana Ruiz, speaking after Peru’s navy said it would leave, declined to comment."
    speakers = [f["speaker"] for f in facts(other, "statement")]
    assert speakers[0] == ["peru-navy"]


def test_expressing_concern_and_clarifying_are_statements():
    (said,) = facts("Peru’s foreign ministry expressed “serious concern”.", "statement")
    assert said["speaker"][0].endswith("foreign-ministry")
    (clar,) = facts("In Lima, Colonel Ana Ruiz sought to clarify the navy’s position.", "statement")
    assert clar["speaker"] == ["ana-ruiz"]
    # an express train is no statement
    assert not facts("The express train to Lima was delayed.", "statement")


def test_a_statement_made_by_someone_is_theirs():
    text = (
        "Peru criticised a statement made last week by Chile’s Defence Minister Ana Ruiz "
        "that the strait was closed."
    )
    assert ["ana-ruiz"] in [f["speaker"] for f in facts(text, "statement")]
    # a statement by no one named is no one's
    assert not facts("The statement made headlines in Lima.", "statement")


def test_the_partners_said_names_the_two_makers_named_last():
    text = (
        "Andes Naval Works and Pacific Hull Systems will build four corvettes in Peru. "
        "Local content is meant to rise to 60 percent, the partners said."
    )
    said = [f for f in facts(text, "statement") if "60 percent" in f.get("content", "")]
    assert [sorted(f["speaker"]) for f in said] == [["andes-naval-works", "pacific-hull-systems"]]
    # partners in a sentence that names no companies before: no one to name
    assert not facts("Local content is meant to rise, the partners said.", "statement")


def test_saying_one_acted_lawfully_or_cannot_is_a_rejection():
    text = (
        "Peru accused Chile’s navy of entering its waters. "
        "Colonel Ana Ruiz, a navy spokesman, said the frigate had been operating lawfully."
    )
    assert [f["speaker"] for f in facts(text, "rejection")] == [["ana-ruiz"]]
    (no,) = facts("Peru asked whether Chile would pay. Chile said it could not.", "rejection")
    assert no["speaker"] == ["chile"]
    # a plain report of what the frigate did rejects nothing
    plain = "Colonel Ana Ruiz, a navy spokesman, said the frigate had been operating nearby."
    assert not facts(plain, "rejection")


def test_the_frigate_or_the_navy_is_the_force_named_before():
    text = (
        "The Chilean Navy confirmed the incident on Monday. "
        "The frigate was on a routine patrol off the coast when the storm hit."
    )
    (op,) = facts(text, "military_operation")
    assert op["conducted_by"] == ["chilean-navy"]
    later = (
        "The Chilean Navy confirmed the incident. The navy is preparing to send a second frigate."
    )
    assert [f["conducted_by"] for f in facts(later, "military_operation")] == [["chilean-navy"]]
    # no force named before: no one to credit
    assert not facts("The frigate was on a routine patrol off the coast.", "military_operation")


def test_one_state_s_own_drills_are_its_operation():
    text = "Peru, which held its own live-fire drills off Callao this month, was not invited."
    assert not facts(text, "exercise")
    assert [f["conducted_by"] for f in facts(text, "military_operation")] == [["peru"]]
    # drills held together remain an exercise
    assert facts("Peru and Chile held joint drills off Callao.", "exercise")


def test_two_sides_trading_accusations_is_an_event_of_both():
    text = "Peru and Chile traded accusations on Monday after a collision near the strait."
    (ev,) = facts(text, "event")
    assert ev["plover_type"] == "DISAPPROVE"
    assert ev["actors"] == ev["targets"] == ["peru", "chile"]
    # one side accusing is no trade of accusations
    assert not facts("Peru traded fish with Chile on Monday.", "event")


def test_a_company_challenging_its_listing_at_a_court():
    text = (
        "The European Union listed Andes Naval Works in May. "
        "A lawyer for Andes Naval Works said the company would challenge its listing "
        "at the EU’s General Court in Luxembourg."
    )
    (ev,) = facts(text, "event")
    assert (ev["actors"], ev["targets"]) == (["andes-naval-works"], ["european-union"])
    # challenging a rival to a race is no legal challenge
    assert not facts("Andes Naval Works will challenge its rivals at the fair.", "event")


def test_its_director_and_his_deputy_are_posts_in_the_body_just_named():
    text = (
        "Peru froze the assets of Andes Naval Works in May. "
        "Its director, Rosa Vega, and his deputy, Tomas Ibarra, were also banned from entering."
    )
    found = {f["holder"]: (f["title"], f["organization"]) for f in facts(text, "post")}
    assert found == {
        "rosa-vega": ("Director", "andes-naval-works"),
        "tomas-ibarra": ("Deputy director", "andes-naval-works"),
    }
    # "his deputy" with no post named before it: whose deputy is not said
    assert not facts("Peru named a new envoy. His deputy, Tomas Ibarra, resigned.", "post")


def test_a_loan_or_credit_from_a_lender_to_the_state_the_article_is_about():
    text = (
        "Peru ordered two frigates from Spain. Peru will pay in ten instalments. "
        "Most of the price will be covered by a loan from the Andes Development Bank."
    )
    (a,) = facts(text, "aid")
    assert (a["provider"], a["recipient"]) == (["andes-development-bank"], "peru")
    text = "Peru ordered two frigates in May. Spain may back the deal with export credit."
    assert [(f["provider"], f["recipient"]) for f in facts(text, "aid")] == [(["spain"], "peru")]
    # a loan with no lender named, in an article about no state, is no aid drafted
    assert not facts("The loan was repaid in May.", "aid")


def test_ratified_by_a_body_is_a_step_by_it():
    text = (
        "Peru and Chile signed a defence agreement in May. "
        "It must first be ratified by the Chilean Senate."
    )
    (step,) = facts(text, "agreement_step")
    assert step["by"] == ["chilean-senate"]
    # "by" a date names no one
    dated = "Peru and Chile signed a defence agreement. It must be ratified by June."
    assert [f.get("by") for f in facts(dated, "agreement_step")] == [None]


def test_the_agreement_signed_without_its_parties_is_the_one_before():
    first = "Peru and Chile agreed a defence pact in May. "
    text = first + "Signed in Lima last week, the pact lets each navy use the other’s ports."
    (signing,) = facts(text, "signing")
    assert signing["signatories"] == ["peru", "chile"]
    # "a pact" is another pact, whose parties the sentence does not name
    other = first + "Signed in Lima last week, a pact on fishing lets boats use both ports."
    assert not facts(other, "signing")


def test_ships_in_an_incident_stand_for_their_forces():
    text = (
        "A Chilean Navy destroyer came close to a Peruvian Navy frigate on Monday. "
        "According to Peru, the frigate was on patrol when the destroyer crossed its bow "
        "and a Chilean Air Force helicopter circled it."
    )
    found = [(f["actors"], f.get("targets")) for f in facts(text, "incident")
             if "Peru" in f["evidence"][0] or "bow" in f["evidence"][0]
             or "circled" in f["evidence"][0]]  # fmt: skip
    assert (["chilean-navy"], ["peruvian-navy"]) in found
    assert (["chilean-air-force"], ["peruvian-navy"]) in found
    # a destroyer never named with its force belongs to no one the draft knows
    alone = "The Chilean Navy held a parade. The destroyer crossed its bow on Monday."
    assert all(f["actors"] != ["chilean-navy"] for f in facts(alone, "incident"))


def test_a_quotation_of_what_will_befall_others_is_a_threat():
    text = (
        "“Those who help the smugglers will find Chile closed to them,” Ana Ruiz, "
        "a spokesperson for Chile’s foreign ministry, said in a statement."
    )
    (said,) = facts(text, "statement")
    assert said["speaker"] == ["ana-ruiz"]  # the name before the apposition, not the post
    (threat,) = facts(text, "threat")
    assert threat["speaker"] == ["ana-ruiz"]
    # answering a letter threatens no one
    calm = "“Chile will respond to the letter next week,” Ana Ruiz said in a statement."
    assert not facts(calm, "threat")


def test_accusing_in_a_relative_clause_condemns_the_acts_it_names():
    text = (
        "Peru on Monday imposed sanctions on three trading firms that it accuses of "
        "buying drones later shipped to Bolivia."
    )
    (con,) = facts(text, "condemnation")
    assert con["speaker"] == ["peru"]  # "it": the subject of the main clause
    assert con["form"] == "accusation"
    # an accusation of no act the draft knows of condemns nothing it can link
    assert not facts(
        "Peru imposed sanctions on three firms that it accuses of fraud.", "condemnation"
    )


def test_its_defence_minister_signing_is_the_minister_the_article_names():
    text = (
        "Peru joined the Pacific Maritime Partnership on Tuesday, when its defence minister "
        "signed the framework agreement with Chile. "
        "“This is a good day,” Defence Minister Ana Ruiz told reporters."
    )
    (signing,) = facts(text, "signing")
    assert signing["signatories"] == ["ana-ruiz"]
    # no minister named with that title in the article: the parties sign
    alone = "Peru and Chile signed the framework agreement on Tuesday."
    assert [f["signatories"] for f in facts(alone, "signing")] == [["peru", "chile"]]


def test_a_warning_of_the_speaker_s_own_state_stays_a_threat_with_an_archive_id():
    from mapper.draft.names.gazetteer import Known

    # an archive id for the ministry carries no part_of: its name's stem tells its state
    archive = (
        (
            Known(
                "peruvian-foreign-ministry", "GovernmentOrganization", "Peruvian foreign ministry"
            ),
            ["Peruvian foreign ministry"],
        ),
    )
    text = "The Peruvian foreign ministry warned that Peru would take firm countermeasures."
    draft = draft_text(text, text_name="x.txt", archive=archive)
    kinds = [(f["kind"], f.get("speaker")) for f in draft.facts if f["kind"] != "statement"]
    assert ("threat", ["peruvian-foreign-ministry"]) in kinds
    assert all(k != "condemnation" for k, _ in kinds)


def test_a_demand_reported_by_a_spokesman_is_the_spokesman_s():
    text = (
        "A Chilean navy spokesman said on Monday that Santiago would ask Peru to leave the strait."
    )
    (d,) = facts(text, "demand")
    assert d["speaker"] == ["chilean-navy-spokesman"]
    # a demand no one reports is its subject's
    (own,) = facts("Chile asked Peru to leave the strait on Monday.", "demand")
    assert own["speaker"] == ["chile"]


def test_asking_and_seeking_compensation_are_two_demands():
    text = (
        "A Chilean navy spokesman said that Santiago would ask Peru to return the boat "
        "and could seek compensation for the damage."
    )
    found = facts(text, "demand")
    assert len(found) == 2 and all(f["speaker"] == ["chilean-navy-spokesman"] for f in found)
    # seeking a new market is no demand
    assert not facts("Chile’s shipyards seek new customers in Peru.", "demand")


def test_a_state_s_sailors_are_its_navy_and_the_trainer_follows_given_by():
    text = "Peru’s navy held a parade in May. Chile has trained Peruvian sailors in boarding."
    assert [(f["trainer"], f["trainees"]) for f in facts(text, "training")] == [
        (["chile"], ["peru-navy"])
    ]
    given = (
        "Peru’s navy will get new boats and training for 120 Peruvian sailors, "
        "given by the Chilean Navy in Chile."
    )
    assert [(f["trainer"], f["trainees"]) for f in facts(given, "training")] == [
        (["chilean-navy"], ["peru-navy"])
    ]
    # no navy of theirs named: the sailors stay as named
    alone = "Chile has trained Peruvian sailors in boarding operations."
    assert [f["trainees"] for f in facts(alone, "training")] == [["peruvian-sailors"]]


def test_a_title_named_by_its_state_is_the_one_who_holds_it_and_each_visit_counts():
    text = (
        "As Chile’s defence minister visits Peru, Peru’s Chief of Army Staff visits Santiago. "
        "Chile’s Defence Minister Ana Ruiz arrived in Lima on Monday. "
        "Peru’s Chief of Army Staff Gen. Luis Soto left on Tuesday."
    )
    first = [(f["visitor"], f["destination"]) for f in facts(text, "visit")][:2]
    assert first == [(["ana-ruiz"], "peru"), (["luis-soto"], "santiago")]
    # a title no one in the article holds stays with its state
    alone = "Chile’s defence minister visits Peru this week."
    assert [f["visitor"] for f in facts(alone, "visit")] == [["chile"]]


def test_an_agreement_s_reciprocal_access_and_transfers():
    text = (
        "Peru and Chile signed a defence cooperation agreement in May. "
        "The agreement lets the armed forces of each country train on the other’s territory "
        "and sets rules for the transfer of defence equipment from Chile."
    )
    basing = [(f["user"], f["host"]) for f in facts(text, "basing")]
    assert basing == [("peru", "chile"), ("chile", "peru")]
    (t,) = facts(text, "arms_transfer")
    assert (t["supplier"], t["recipient"], t["status"]) == ("chile", "peru", "planned")
    # forces that train at home give no access to anyone
    home = "Peru and Chile signed a defence agreement. The forces of each country train at home."
    assert not facts(home, "basing")


def test_a_trend_the_article_judges_is_an_assessment():
    text = "Officials in Lima said the coast, where smuggling by sea has grown, needs radars."
    assert len(facts(text, "assessment")) == 1
    # a report of what was built judges nothing
    plain = "Officials in Lima said the coast, where the port was built, needs radars."
    assert not facts(plain, "assessment")
