"""The draft's entity rules, one by one: each rule's own small example (written for these
tests) and the near misses it must leave alone."""

from __future__ import annotations

import re

import pytest
import yaml

from mapper.draft.make.drafter import Byline, draft_text
from mapper.draft.names.gazetteer import Known, _bundled, load_gazetteer
from mapper.draft.names.mentions import find_mentions
from mapper.draft.names.unnamed import anonymous_speakers


def entities(text: str, **kw) -> dict[str, tuple[str, str]]:
    """id -> (type, the words first naming it) of what the rules find in ``text``."""
    _, proposals = find_mentions(text, load_gazetteer(**kw))
    return {i: (p.known.type, text[p.start : p.end]) for i, p in proposals.items()}


def mentioned(text: str) -> list[tuple[str, str]]:
    mentions, _ = find_mentions(text, load_gazetteer())
    return [(text[m.start : m.end], m.id) for m in mentions]


def test_the_gazetteer_knows_every_un_member_state_once():
    states = _bundled()["states"]
    ids = [s["id"] for s in states]
    assert len(ids) == len(set(ids)) >= 193
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids)
    for probe in ("equatorial-guinea", "tuvalu", "guinea-bissau", "dr-congo", "eswatini"):
        assert probe in ids
    names = [n for s in states for n in (s["label"], *s.get("aliases", ()))]
    assert len(names) == len(set(names)), "a name may stand for one state only"


def test_named_entities_have_an_id_a_type_and_parents_that_exist():
    data = _bundled()
    listed = [s["id"] for s in data["states"]] + [o["id"] for o in data["named"]]
    assert len(listed) == len(set(listed))
    ids = set(listed)
    names = [
        n
        for e in data["states"] + data["named"]
        for n in (e["label"], *e.get("aliases", ()), e.get("capital"))
        if n
    ]
    assert len(names) == len(set(names)), "a name may stand for one entity only"
    for o in data["named"]:
        assert o["type"] and o["label"]
        assert not o.get("part_of") or o["part_of"] in ids, o["id"]


def test_a_capital_that_acts_stands_for_its_state_and_a_place_stays_a_city():
    found = mentioned("Beijing says the patrol was lawful. Envoys met in Beijing on Monday.")
    assert found[0] == ("Beijing", "china")
    assert found[1] == ("Beijing", "beijing")
    assert mentioned("Ministers warned Hanoi against it.") == [("Hanoi", "vietnam")]


def test_a_city_keeps_no_state_the_text_does_not_name():
    _, proposals = find_mentions("Talks were held in Vientiane.", load_gazetteer())
    assert proposals["vientiane"].known.located_in == ""
    _, proposals = find_mentions("Laos hosted talks in Vientiane.", load_gazetteer())
    assert proposals["vientiane"].known.located_in == "laos"


def test_forces_and_ministries_take_the_archive_s_ids():
    found = entities(
        "Sri Lanka’s navy met the Indonesian Navy. The Cypriot government denied it, and "
        "Kenya’s Ministry of Defence said nothing."
    )
    assert found["sri-lanka-navy"][0] == "MilitaryOrganization"
    assert found["indonesian-navy"][0] == "MilitaryOrganization"
    assert found["government-of-cyprus"] == ("GovernmentOrganization", "Cypriot government")
    assert found["kenya-ministry-of-defence"][0] == "GovernmentOrganization"


def test_military_as_an_adjective_is_not_the_armed_forces():
    assert "indian-military" not in entities("It buys Indian military hardware.")
    assert "pakistani-military" in entities("The Pakistani military will not discriminate.")


def test_names_of_several_words_go_before_the_patterns():
    found = entities("The Australian Defence Force said the Chinese navy had left.")
    assert found["australian-defence-force"][0] == "MilitaryOrganization"
    assert found["pla-navy"][0] == "MilitaryOrganization"
    assert not any(t == "Company" for t, _ in found.values())


def test_a_possessive_owner_is_trimmed_from_a_body_s_name():
    found = entities("The People’s Liberation Army’s Southern Theater Command said so.")
    assert found["pla-southern-theater-command"][1] == "Southern Theater Command"  # its name
    assert "peoples-liberation-army" in found
    assert not any("armys" in i for i in found)


def test_legal_instruments_by_their_last_words():
    found = entities("Both states signed the Caspian Fisheries Convention and the Lagos Accord.")
    assert found["caspian-fisheries-convention"][0] == "LegalInstrument"
    assert found["lagos-accord"][0] == "LegalInstrument"
    assert not any(
        t == "LegalInstrument" for t, _ in entities("The Convention was silent.").values()
    )


def test_waters_named_x_of_y():
    assert entities("Ships patrolled the Gulf of Oman.")["gulf-of-oman"][0] == "WaterBody"
    assert entities("Ships patrolled the Gulf of Guinea.")["gulf-of-guinea"][0] == "WaterBody"
    assert not entities("The Gulf states met.")


def test_bases_named_after_the_word_base():
    found = entities("The jets landed at RAAF Base Scherger and Camp Ridgeway.")
    assert found["raaf-base-scherger"][0] == "Facility"
    assert found["camp-ridgeway"][0] == "Facility"
    assert not entities("They flew to the base near the coast.")


def test_companies_by_a_noun_before_or_after_and_by_legal_form():
    found = entities(
        "The Swedish shipbuilder Nordvik Marin won. Kestrel Marine & Defense, a yard in Busan "
        "builder, lost. Orion Parts FZE in Dubai was listed."
    )
    assert found["nordvik-marin"][0] == "Company"
    assert found["orion-parts"] == ("Company", "Orion Parts FZE")
    assert not any(t == "Company" for t, _ in entities("The company said it would bid.").values())


def test_designations_systems_and_their_programmes():
    found = entities("It joined the KF-21 fighter programme, flies the J-10C and wants Karhu 8x8s.")
    assert found["kf-21-programme"] == ("Programme", "KF-21 fighter programme")
    assert found["j-10c"][0] == "WeaponSystem"
    assert "kf-21" not in found
    assert entities("It buys the Karhu 8x8.")["karhu-8x8"][0] == "WeaponSystem"
    named = entities(
        "It is the first grant under Coastal Shield Assistance, the programme begun in 2023."
    )
    assert named["coastal-shield-assistance"][0] == "Programme"


def test_a_news_organisation_cited_by_one_name():
    assert entities("According to Meridian, the deal is off.")["meridian"][0] == "NewsOrganization"
    assert "NewsOrganization" not in {
        t for t, _ in entities("According to Pakistan, it is off.").values()
    }


def test_people_after_long_titles_appositives_and_of_a_body():
    found = entities(
        "Adviser to the Prime Minister on Foreign Affairs Jane Roe spoke. Its director, Amir "
        "Tahan, and his deputy, Leila Navid, were banned. Jan Kowal of the Baltic Policy "
        "Institute disagreed."
    )
    for person in ("jane-roe", "amir-tahan", "leila-navid", "jan-kowal"):
        assert found[person][0] == "Person", person
    assert found["baltic-policy-institute"][0] == "Organization"


def test_a_surname_after_a_full_name_is_the_same_person():
    found = mentioned("Defence Minister Rina Sato arrived. Sato said the talks went well.")
    assert [i for w, i in found if w == "Sato"] == ["rina-sato"]


def test_the_byline_the_analyst_gives_goes_into_the_article_block():
    draft = draft_text(
        "Kenya signed a letter of intent.",
        text_name="a.txt",
        byline=Byline(publisher="The Harbour Post", authors=("Ana Reis",), wire_agency="Reuters"),
    )
    assert draft.article["publisher"] == "the-harbour-post"
    assert draft.article["authors"] == ["ana-reis"]
    assert draft.article["wire_agency"] == "reuters"
    declared = {e["id"]: e for e in draft.entities}
    assert declared["ana-reis"]["type"] == "Person"
    assert declared["reuters"]["type"] == "NewsOrganization"
    assert "byline" in declared["the-harbour-post"]["draft"]["note"]


def test_an_archive_s_ids_win_but_not_by_a_generic_alias():
    archive = (
        (
            Known("nordic-sea-command", "MilitaryOrganization", "Nordic Sea Command"),
            ["the command"],
        ),
        (Known("republic-of-kenya", "Country", "Kenya"), ["Kenya", "Nairobi"]),
    )
    found = entities(
        "The Nordic Sea Command met Kenya in Nairobi; the command said so.", archive=archive
    )
    assert "nordic-sea-command" in found and "republic-of-kenya" in found
    assert "kenya" not in found
    assert found["nairobi"][0] == "City"
    mentions, _ = find_mentions("the command said", load_gazetteer(archive=archive))
    assert mentions == []


@pytest.mark.parametrize("word", ["COVID-19"])
def test_not_every_letters_and_digits_is_a_weapon(word):
    assert not entities(f"The {word} rules applied.")


def test_the_gazetteer_file_is_documented_yaml():
    from importlib.resources import files

    text = (files("mapper.data") / "draft" / "gazetteer.yaml").read_text(encoding="utf-8")
    assert text.startswith("#")
    assert set(yaml.safe_load(text)) == {"states", "named", "forces"}


def test_an_embassy_is_its_state_s_mission_in_a_place():
    found = entities("Norway’s embassy in Lusaka protested, and the Chilean embassy said nothing.")
    assert found["norwegian-embassy-in-lusaka"][0] == "GovernmentOrganization"
    assert found["lusaka"][0] == "City"  # the place keeps its own mention
    assert not any("chilean-embassy" in i for i in found)  # no place, no mission to name


def test_an_unnamed_spokesperson_of_a_named_body():
    found = entities(
        "A State Department spokesperson said no. The Egyptian foreign ministry spokesman agreed."
    )
    assert found["state-department-spokesperson"][0] == "Person"
    assert found["egyptian-foreign-ministry-spokesman"][0] == "Person"
    assert "us-state-department" in found and "egyptian-foreign-ministry" in found
    named = entities("A State Department spokesperson, Ann Lee, said no.")
    assert "state-department-spokesperson" not in named


def test_headquarters_and_conference_centres_are_facilities():
    found = entities(
        "They met at NATO headquarters and then at the Lome International Conference Centre."
    )
    assert found["nato-headquarters"][0] == "Facility"
    assert found["lome-international-conference-centre"][0] == "Facility"


def test_the_minister_after_a_titled_name_is_that_person():
    text = "Defence Minister Rina Sato met Gen. Omar Haddad. The minister said the general agreed."
    found = mentioned(text)
    assert ("The minister", "rina-sato") in found
    assert ("the general", "omar-haddad") in found
    assert not [i for w, i in mentioned("The minister said so.") if w == "The minister"]
    later = mentioned("The minister of trade spoke. Defence Minister Rina Sato arrived.")
    assert not [w for w, _ in later if w.lower().startswith("the minister")]


def test_a_seat_of_government_stands_for_its_state():
    assert mentioned("The Kremlin denied it.") == [("Kremlin", "russia")]
    assert ("White House", "united-states") in mentioned("The White House said so.")


def test_a_state_s_units_as_written():
    found = entities("Tongan engineering units and Fijian troops trained with Samoan officers.")
    assert found["tongan-engineering-units"] == ("MilitaryOrganization", "Tongan engineering units")
    assert found["fijian-troops"][0] == "MilitaryOrganization"
    assert found["samoan-officers"][0] == "MilitaryOrganization"
    assert not any(
        t == "MilitaryOrganization" for t, _ in entities("Fijian officials and ships.").values()
    )


def test_islands_and_ports_named_x_of_y():
    found = entities("Jets refuel on the island of Boa Vista and ships call at the port of Tema.")
    assert found["boa-vista"][0] == "Region"
    assert found["port-of-tema"] == ("Facility", "port of Tema")


def test_a_body_of_another_s_ministry_keeps_its_own_name():
    found = entities(
        "They froze the assets of the Arms Export Directorate of Chad’s Ministry of Defence."
    )
    assert found["arms-export-directorate"] == ("GovernmentOrganization", "Arms Export Directorate")
    assert found["chad-ministry-of-defence"][0] == "GovernmentOrganization"


def test_a_guessed_city_may_have_letters_beyond_ascii():
    assert entities("It will be built in Timișoara next year.")["timisoara"][0] == "City"


def test_a_national_body_named_without_its_state_is_the_article_s_own():
    dated = entities("ACCRA — The Department of Foreign Affairs summoned Togo’s envoy.")
    assert dated["ghanaian-department-of-foreign-affairs"][0] == "GovernmentOrganization"
    seated = entities("Togo and Benin agreed; the National Assembly in Lomé must ratify it.")
    assert "togolese-national-assembly" in seated
    owned = entities("Chile’s Ministry of Mining and Peru met.")
    assert owned["chilean-ministry-of-mining"][0] == "GovernmentOrganization"
    assert "vistula-forum" in entities("Peru spoke at the Vistula Forum.")  # not a national body


def test_draft_takes_the_byline_on_the_command_line_and_the_confirmed_draft_loads(runner, tmp_path):
    from mapper.cli.main import main
    from mapper.draft.make.writer import without_marks
    from mapper.facts.load import load_facts

    article = tmp_path / "loi.txt"
    article.write_text(
        "NAIROBI — Kenya’s Ministry of Defence signed a letter of intent with the Brazilian "
        "aircraft maker Aerovale Industries for two transport aircraft, the company said.\n",
        encoding="utf-8",
    )
    args = ["draft", str(article), "--publisher", "The Rift Courier", "--author", "Ama Otieno"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    out = tmp_path / "loi.facts.yaml"
    out.write_text(without_marks(out.read_text(encoding="utf-8")), encoding="utf-8")
    facts = load_facts(out)
    assert facts.metadata["publisher"] == "the-rift-courier"
    assert facts.metadata["authors"] == ("ama-otieno",)
    ids = {e.id: e.type for e in facts.entities}
    assert ids["kenya-ministry-of-defence"] == "GovernmentOrganization"
    assert ids["aerovale-industries"] == "Company"
    assert ids["nairobi"] == "City"


def test_a_parent_the_text_does_not_name_is_left_out():
    _, proposals = find_mentions("Firms in Hong Kong were listed.", load_gazetteer())
    assert proposals["hong-kong"].known.part_of == ""
    _, proposals = find_mentions("China said firms in Hong Kong were listed.", load_gazetteer())
    assert proposals["hong-kong"].known.part_of == "china"


def test_the_state_a_body_s_own_words_name_is_proposed_with_it():
    _, proposals = find_mentions("Kenya’s Ministry of Defence signed.", load_gazetteer())
    assert proposals["kenya-ministry-of-defence"].known.part_of == "kenya"
    assert "kenya" in proposals


def test_groups_by_a_fixed_pattern():
    found = entities("ASEAN defence ministers met; officials in Hanoi said little.")
    assert found["asean-defence-ministers"] == ("Group", "ASEAN defence ministers")
    assert found["officials-in-hanoi"][0] == "Group"
    assert found["hanoi"][0] == "City"  # the place keeps its own mention
    assert not any(t == "Group" for t, _ in entities("Officials said little in the town.").values())


def test_the_government_is_the_one_named_before_or_the_home_state_s():
    text = (
        "The Peruvian government published the text on Monday. "
        "Chile objected, but the government said the deal would stand."
    )
    found = mentioned(text)
    assert ("government", "government-of-peru") in found
    # "its government": the state named last before it
    later = mentioned("Chile signed the deal in May. Its government called it a success.")
    assert ("government", "government-of-chile") in later
    # "the government of Peru" is named in full: not this rule's
    assert not any(w == "government" for w, _ in mentioned("Chile thanked the government of Peru."))


def test_the_defence_ministry_is_the_one_named_before_or_the_home_state_s():
    text = "LIMA — Peru signed the deal on Monday, the defence ministry said."
    assert ("defence ministry", "peruvian-ministry-of-defence") in mentioned(text)
    later = mentioned("Chile’s defence ministry met Peru. The defence ministry said no.")
    assert [i for w, i in later if w == "defence ministry"] == ["chile-defence-ministry"]
    # the ministries of a state named in full are not this rule's
    named = mentioned("Peru’s foreign ministry said no.")
    assert ("Peru’s foreign ministry", "peru-foreign-ministry") in named


def test_draft_reuses_the_ids_other_facts_files_of_the_archive_declare(runner, tmp_path):
    """An entity confirmed in yesterday's facts file (beside the article, or anywhere under
    --root) keeps its id today; an unconfirmed one, a group and a broken file do not count,
    and the broken file is a warning, not an error."""
    from mapper.cli.main import main

    older = tmp_path / "2024" / "old.facts.yaml"
    older.parent.mkdir()
    older.write_text(
        "entities:\n"
        "  - id: kdf-airlift-wing\n    type: MilitaryOrganization\n    label: Kenya Air Force\n"
        "  - id: mystery-name\n    type: Company\n    label: Aerovale Industries\n"
        "    draft: {confidence: 0.6, by: rules}\n"
        "  - id: the-officials-of-march\n    type: Group\n    label: Kenyan officials\n",
        encoding="utf-8",
    )
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "broken.facts.yaml").write_text("entities: [\n", encoding="utf-8")
    article = tmp_path / "news" / "airlift.txt"
    article.write_text(
        "The Kenya Air Force will receive two aircraft from Aerovale Industries, Kenyan "
        "officials said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "news" / "a.facts.yaml"
    alone = runner.invoke(main, ["draft", str(article), "--out", str(out)])
    assert alone.exit_code == 0, alone.output
    assert "broken.facts.yaml" in alone.output and "Warning" in alone.output
    ids = {e["id"] for e in yaml.safe_load(out.read_text(encoding="utf-8"))["entities"]}
    assert "kenya-air-force" in ids and "kdf-airlift-wing" not in ids  # not under --root
    result = runner.invoke(main, ["draft", str(article), "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load((tmp_path / "news" / "airlift.facts.yaml").read_text("utf-8"))
    ids = {e["id"] for e in drafted["entities"]}
    assert "kdf-airlift-wing" in ids and "kenya-air-force" not in ids  # the archive's id
    assert "aerovale-industries" in ids and "mystery-name" not in ids
    assert "the-officials-of-march" not in ids


def unnamed(text: str) -> dict:
    """id -> proposal of the unnamed people and groups of ``text``."""
    mentions, proposals = find_mentions(text, load_gazetteer())
    types = {i: p.known.type for i, p in proposals.items()}
    return anonymous_speakers(text, mentions, types)[1]


def declared(text: str) -> dict[str, str]:
    """id -> type of the entities a draft of ``text`` declares."""
    return {e["id"]: e["type"] for e in draft_text(text, text_name="x.txt").entities}


def test_an_unnamed_speaker_who_speaks_is_declared_and_a_determiner_is_not_its_name():
    spoke = declared("Rain fell. An Indian squadron leader said his unit had flown in at dawn.")
    assert spoke["indian-squadron-leader"] == "Person"
    aside = declared("Two Peruvian officials, speaking on condition of anonymity, said so.")
    assert aside["peruvian-officials"] == "Group" and "two-peruvian-officials" not in aside
    for text, acts in (
        ("Rain fell. An Indian squadron leader, tired after the flight, said so.", True),
        ("Rain fell. We saw an Indian squadron leader at dawn.", False),  # there, says nothing
    ):
        assert unnamed(text)["indian-squadron-leader"].acts is acts


def test_modifiers_joined_by_and_and_an_initialism_s_points():
    found = unnamed("Gen. Ito met U.S. defense and national security officials on Monday.")
    assert found["us-defense-and-national-security-officials"].known.type == "Group"
    assert not any("officials" in i for i in unnamed("France and Peruvian officials met."))


def test_an_embassy_one_stands_outside_is_a_building():
    assert (
        entities("Crowds gathered outside the Peruvian embassy in Quito.")[
            "peruvian-embassy-in-quito"
        ][0]
        == "Facility"
    )
    assert (
        entities("The Peruvian embassy in Quito said nothing.")["peruvian-embassy-in-quito"][0]
        == "GovernmentOrganization"
    )


def test_the_headquarters_of_the_body_named_before():
    found = entities("Chile joined NATO. Its envoy signed at the alliance’s headquarters.")
    assert found["nato-headquarters"] == ("Facility", "alliance’s headquarters")
    mine = entities("Peru’s Ministry of Defence signed a letter at the ministry’s headquarters.")
    assert mine["peru-ministry-of-defence-headquarters"][0] == "Facility"
    assert not any(
        i.endswith("headquarters") for i in entities("It met at the alliance’s headquarters.")
    )


def test_the_island_a_port_is_on_and_a_part_of_an_ocean():
    found = entities(
        "Ships may use the port of Vila Nova on Ilha Verde and patrol the central Atlantic."
    )
    assert found["ilha-verde"] == ("Region", "Ilha Verde")
    assert found["central-atlantic"] == ("WaterBody", "central Atlantic")
    assert "monday" not in entities("Ships left the port of Vila Nova on Monday.")
    assert "north-atlantic" not in entities("Peru spoke to the North Atlantic Council.")


def test_two_states_units_at_once_and_a_state_s_forces():
    found = entities("Indian and French air crews flew while US forces watched.")
    assert found["indian-air-crews"][0] == found["french-air-crews"][0] == "MilitaryOrganization"
    assert found["us-forces"][0] == "MilitaryOrganization"
    assert "india-air-crews" not in entities("Talks between India and French air crews ended.")


def test_a_named_person_s_post_for_a_body_is_not_an_unnamed_speaker():
    assert "european-union-spokesperson" not in declared(
        "Elena Varga, a spokesperson for the European Union, said the listings stand."
    )
    assert "european-union-spokesperson" in declared(
        "A spokesperson for the European Union said the listings stand."
    )


def test_a_state_s_defence_establishment_and_function_words_stay_lowercase():
    found = entities("Peru’s defense establishment and Chile’s Ministry of Defence met.")
    assert found["peru-defense-establishment"][0] == "GovernmentOrganization"
    _, proposals = find_mentions("Peru’s Ministry of Defence met.", load_gazetteer())
    assert proposals["peru-ministry-of-defence"].known.label == "Peruvian Ministry of Defence"
    assert not any("establishment" in i for i in entities("Peru’s establishment met."))


def test_an_embassy_named_without_its_place_is_the_one_in_the_story_s_state():
    found = entities("LIMA — Peru signed. According to the Japanese embassy, the grant is large.")
    assert found["japanese-embassy-in-peru"][0] == "GovernmentOrganization"
    assert not any(
        "embassy" in i for i in entities("LIMA — Peru signed. The Peruvian embassy said.")
    )
    assert not any(  # its spokesperson is the entity, not the embassy
        "embassy-in" in i
        for i in entities("LIMA — Peru signed. A Japanese embassy spokesperson said.")
    )


def test_sources_in_a_body_named_with_of():
    found = unnamed("Rain fell. Sources in the Department of National Defense said so.")
    assert "sources-in-the-department-of-national-defense" in found
    assert not unnamed("Rain fell. Sources said so.")  # too bare to tell apart


def test_a_name_a_rule_makes_is_the_archive_s_entity_of_that_name():
    archive = (
        (Known("peru-fm", "GovernmentOrganization", "Peruvian foreign ministry"), []),
        (Known("lima-city", "City", "Lima"), []),
        (Known("adf", "MilitaryOrganization", "Andean Defence Force"), ["Organisers"]),
    )
    found = entities("Lima said Peru’s foreign ministry agreed. Organisers said.", archive=archive)
    assert found["peru-fm"] == ("GovernmentOrganization", "Peru’s foreign ministry")
    assert "peru" in found and "lima-city" not in found  # the capital acts for its state
    assert "adf" not in found  # a role noun a sentence starts with is no name
    assert "lima-city" in entities("Talks were held in Lima.", archive=archive)


def test_a_state_s_unnamed_envoy_who_acts():
    found = unnamed("Peru’s envoy, in a short speech, offered to help.")
    assert found["peru-envoy"].known.type == "Person" and found["peru-envoy"].acts
    assert "peru-envoy" not in unnamed("Chile summoned Peru’s envoy on Monday.")  # acted on
    assert "peru-envoy" not in unnamed("Peru’s envoy, Ana Ruiz, said so.")  # a named person


def test_an_unnamed_group_that_has_acted_or_is_met():
    assert unnamed("Rain fell. Peruvian instructors have trained the crews.")[
        "peruvian-instructors"
    ].acts
    assert unnamed("Gen. Ito held meetings with Peruvian defence officials.")[
        "peruvian-defence-officials"
    ].acts
    assert not unnamed("Rain fell. Peruvian instructors were there.")["peruvian-instructors"].acts


def test_groups_by_where_they_are_unnamed_ones_peoples_and_ships():
    found = entities("The speech angered political rivals in Peru and officers from the region.")
    assert found["political-rivals-in-peru"] == ("Group", "political rivals")  # Peru: its own
    assert found["officers-from-the-region"][0] == "Group"
    assert "to-officers-from-the-region" not in entities("Places went to officers from the region.")
    told = entities("Peru told officials in Lima it would sign.")  # the verb is the sentence's
    assert told["officials-in-lima"] == ("Group", "officials")
    found = entities("She accused unnamed foreign navies of spying on Greek Cypriots.")
    assert found["unnamed-foreign-navies"][0] == found["greek-cypriots"][0] == "Group"
    assert (
        entities("Visits by Peruvian research ships worried Chile.")["peruvian-research-ships"][0]
        == "Group"
    )
    assert not any(  # one ship is no group; "rivals" alone is nowhere
        e[0] == "Group" for e in entities("A Peruvian research ship and rivals arrived.").values()
    )


def test_a_body_named_after_its_owner_s_possessive_takes_the_owner_s_acronym():
    found = entities("The People’s Liberation Army’s Western Theater Command said so.")
    assert found["pla-western-theater-command"][0] == "MilitaryOrganization"
    assert "western-theater-command" in entities("The Western Theater Command said so.")


def test_a_state_s_maritime_zone_and_the_officer_a_state_sends():
    found = entities("The frigate stayed inside the Philippines’ exclusive economic zone.")
    assert found["philippine-exclusive-economic-zone"][0] == "Region"
    assert not any(i.endswith("zone") for i in entities("An exclusive economic zone is wide."))
    sent = unnamed("Rain. Peru sent its chief of naval staff to the talks.")
    assert sent["peru-chief-of-naval-staff"].known.label == "Peru’s chief of naval staff"
    assert not unnamed("Rain. Peru sent its chief of naval staff, Adm. Luis Soto, to the talks.")


def test_what_a_story_says_of_its_own_state_without_naming_it():
    text = (
        "LIMA — Peru signed the deal. The main opposition party objected, opposition members "
        "walked out, parliament’s defence committee must approve it, and militants in the "
        "country’s southern border areas and on the east coast were warned."
    )
    found = entities(text)
    assert found["peru-main-opposition-party"][0] == "Organization"
    assert found["peruvian-opposition-members"][0] == "Group"
    assert found["peru-parliament-defence-committee"][0] == "GovernmentOrganization"
    assert found["militants-in-peru"][0] == "Group"
    assert found["peru-southern-border-areas"][0] == found["peru-east-coast"][0] == "Region"
    assert "peru-east-coast" not in entities("LIMA — Peru met on the east coast of Chile.")
    assert not any("opposition" in i for i in entities("The main opposition party objected."))


def test_the_story_s_state_counts_its_capital():
    """No dateline: the state named most often, its capital counted ("in Praia")."""
    text = "Chile and Peru met in Lima. Chile spoke in Lima. The main opposition party objected."
    assert "peru-main-opposition-party" in entities(text)


def test_a_unit_of_the_force_named_before():
    found = entities("COLOMBO — Sri Lanka’s navy gets boats for the navy’s coastal squadron.")
    assert found["sri-lanka-navy-coastal-squadron"][0] == "MilitaryOrganization"
    assert not any("squadron" in i for i in entities("Boats for the navy’s coastal squadron."))


def test_an_unnamed_speaker_of_the_ministry_named_before():
    found = unnamed("Peru’s Ministry of Defence signed. A ministry spokesperson confirmed it.")
    assert found["peru-ministry-of-defence-spokesperson"].known.type == "Person"
    assert "peru-ministry-of-defence-spokesperson" not in unnamed(
        "Peru’s Ministry of Defence signed. We met a ministry spokesperson there."
    )
    assert not unnamed("A ministry spokesperson confirmed it.")  # no ministry named before


def test_the_two_governments_who_speak_are_a_group_to_declare():
    text = "Peru will give Chile two boats, the two governments said."
    found = declared(text)
    assert found["governments-of-peru-and-chile"] == "Group"
    assert "governments-of-peru-and-chile" not in declared(
        "Peru will give Chile two boats once the two governments exchange notes."
    )
    mentions, _ = find_mentions(text, load_gazetteer())
    assert not any(m.id.startswith("governments-of") for m in mentions)  # both states speak


def test_critics_where_criticism_is_and_a_government_in_charge_in_a_capital():
    found = entities("The remark drew criticism in the United States and in Peru.")
    assert found["critics-in-the-united-states"][0] == "Group"
    found = entities("With a government less keen on the deal in charge in Lima, Chile waits.")
    assert found["government-of-peru"][0] == "GovernmentOrganization"
    assert not any("government" in i for i in entities("A government in Lima would wait."))


def test_a_title_is_never_the_start_of_a_name():
    found = entities("It was signed by Peru’s Deputy Foreign Minister Ana Ruiz Soto on Friday.")
    assert found["ana-ruiz-soto"][0] == "Person"
    assert not any(
        i.startswith(("foreign-minister", "trade-minister"))
        for i in entities("It was signed by Deputy Trade Minister Ana Ruiz on Friday.")
    )


def test_opposition_members_of_another_place_are_not_the_story_s():
    text = "LIMA — Peru signed. Opposition members in Santiago objected."
    assert not any("opposition" in i for i in entities(text))


def test_a_designation_without_a_hyphen_before_a_weapon_s_noun():
    found = entities("Peru ordered 40 K2 tanks and 12 K9 self-propelled howitzers.")
    assert found["k2"][0] == found["k9"][0] == "WeaponSystem"
    assert not any(e[0] == "WeaponSystem" for e in entities("G7 leaders met in A4 rooms.").values())


def test_a_state_s_delegation_as_written():
    found = entities("Peru’s delegation arrived; Chile, whose delegation was due, withdrew.")
    assert found["peru-delegation"] == ("Group", "Peru’s delegation")
    assert found["peru"][0] == "Country"  # its state, with it
    assert found["chile-delegation"] == ("Group", "delegation")  # Chile keeps its own mention
    assert entities("The French delegation left.")["french-delegation"][0] == "Group"
    assert not any("delegation" in i for i in entities("The delegation left early."))


def test_the_archive_reads_a_facts_file_up_to_its_facts_when_the_entities_come_first(tmp_path):
    """Only the part before a top-level ``facts:`` is parsed when the entities come first;
    entities after the facts, and a cut that does not parse alone, are read from the whole."""
    from mapper.draft.names.archive import archive_entities

    entity = "  - id: {0}\n    type: Company\n    label: {1}\n"
    (tmp_path / "first.facts.yaml").write_text(
        "entities:\n" + entity.format("aerovale", "Aerovale") + "facts: [\n",  # facts broken
        encoding="utf-8",
    )
    (tmp_path / "last.facts.yaml").write_text(
        "facts: []\nentities:\n" + entity.format("borealis", "Borealis"), encoding="utf-8"
    )
    (tmp_path / "quoted.facts.yaml").write_text(  # 'facts:' at a line start inside a string
        'entities:\n  - id: cirrus\n    type: Company\n    label: "Cirrus\nfacts: x"\nfacts: []\n',
        encoding="utf-8",
    )
    known, warnings = archive_entities(tmp_path)
    assert [k.id for k, _ in known] == ["aerovale", "borealis", "cirrus"]
    assert warnings == []
