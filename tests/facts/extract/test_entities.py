"""Entity mention detection in one article: what a reader would underline as a name."""

from __future__ import annotations

from facts.extract.entities import Candidate, find_candidates


def names(text: str) -> list[str]:
    return [c.span.text for c in find_candidates(text, "a.txt") if not c.weak]


def found(text: str) -> dict[str, Candidate]:
    return {c.span.text: c for c in find_candidates(text, "a.txt")}


def test_offsets_point_at_the_quoted_name() -> None:
    text = "Yesterday Harbour Freight Lines bought a stake in Quillon."
    for c in find_candidates(text, "a.txt"):
        assert text[c.span.start : c.span.end] == c.span.text
        assert c.span.source == "a.txt"


def test_capitalised_words_in_a_row_make_one_name() -> None:
    assert "Harbour Freight Lines" in names("Shares of Harbour Freight Lines fell sharply on the news.")


def test_connectors_inside_institution_names_are_kept() -> None:
    text = "The loan came from the Bank of Lisbon and was reviewed by the Department of Energy last week."
    assert {"Bank of Lisbon", "Department of Energy"} <= set(names(text))


def test_a_role_before_of_does_not_glue_a_person_to_a_company() -> None:
    got = names("He met the CEO of Quillon at a fair.")
    assert "Quillon" in got
    assert not any("CEO" in n for n in got)


def test_acronyms_camel_case_and_dotted_names_are_found() -> None:
    got = names("Regulators at the SEC asked whether DataForge and mPulse had sold to the U.K. buyers.")
    assert {"SEC", "DataForge", "mPulse", "U.K."} <= set(got)


def test_possessive_s_is_not_part_of_the_name() -> None:
    for text in ("Quillon’s board agreed.", "Then Quillon's board agreed.", "Then Quillon ‘ s board agreed."):
        assert any(n == "Quillon" for n in (c.span.text for c in find_candidates(text, "a.txt")))


def test_name_with_a_small_version_number_is_one_product() -> None:
    c = found("The firm shipped its Falcon 3 robot and a Vortex-2 drone in spring.")
    assert c["Falcon 3"].kind == "product"
    assert "Vortex-2" in c


def test_a_number_with_a_unit_is_not_a_version() -> None:
    got = names("Revenue at Quillon rose 12% to Quillon 40 percent of the market.")
    assert "Quillon 40" not in got


def test_sentence_openers_never_become_names() -> None:
    text = (
        "Why would anyone pay that much? Imagine owning every port. Historically, Harbour Freight Lines "
        "stayed small. Although prices rose, Quillon kept buying. Following the deal, nothing changed."
    )
    got = names(text)
    assert not {"Why", "Imagine", "Historically", "Although", "Following"} & set(got)
    assert {"Harbour Freight Lines", "Quillon"} <= set(got)


def test_a_lone_word_opening_a_sentence_is_only_a_weak_candidate() -> None:
    c = found("Brightness matters. The lamp maker Lumora sells bulbs.")
    assert c["Brightness"].weak
    assert not c["Lumora"].weak


def test_title_case_headline_keeps_only_names_known_from_the_text() -> None:
    text = "Stay Ahead With Quillon Deals Today\nOn Friday Quillon bought a small port operator."
    cands = find_candidates(text, "a.txt")
    strong_in_title = [c.span.text for c in cands if c.span.end < text.index("\n") and not c.weak]
    assert strong_in_title == ["Quillon"]


def test_generic_terms_and_roles_are_not_names() -> None:
    text = "Its CEO said the AI and ML teams would meet the IPO deadline with better RLHF and B2B sales in Q3."
    assert names(text) == []


def test_nationality_adjectives_are_not_names() -> None:
    assert names("Several Korean and Brazilian suppliers signed up.") == []


def test_spelled_out_generic_acronym_is_dropped() -> None:
    text = "They rely on NLP (Natural Language Processing) for search."
    assert names(text) == []


def test_bracketed_acronym_links_to_its_long_name() -> None:
    c = found("The Ocean Shipping Council (OSC) objected to the merger.")
    assert c["Ocean Shipping Council"].link == "OSC"
    assert "OSC" in c


def test_honorific_stays_in_the_mention_but_not_in_the_name() -> None:
    c = found("The study was led by Dr. Ilse Varga in Vienna.")
    mention = c["Dr. Ilse Varga"]
    assert mention.form == "Ilse Varga"
    assert mention.kind == "person"


def test_titles_split_a_company_from_its_officer() -> None:
    c = found("Then Quillon CEO Maren Holt told investors to wait.")
    assert c["Quillon"].kind == "organisation"
    assert c["Maren Holt"].kind == "person"


def test_kinds_from_suffixes_gazetteer_and_publications() -> None:
    c = found("Tarsel Holdings moved from Oslo to Denver, Bloomberg said, according to Reuters.")
    assert c["Tarsel Holdings"].kind == "organisation"
    assert c["Oslo"].kind == "place"
    assert c["Bloomberg"].kind == "publication"
    assert c["Reuters"].kind == "publication"


def test_the_stays_in_a_publication_title() -> None:
    assert "The Wall Street Journal" in names("The Wall Street Journal broke the story first.")


def test_a_product_cue_makes_a_product() -> None:
    assert found("Users liked the Glimmer app more than rivals did.")["Glimmer"].kind == "product"


def test_hyphenated_acronym_prefix_is_a_name_but_a_plain_prefix_is_not() -> None:
    c = found("It is NATO-approved and uses Human-in-the-loop checks.")
    assert "NATO" in c and not c["NATO"].weak
    assert "Human-in-the-loop" not in names("We use a Human-in-the-loop review.")


def test_empty_and_lowercase_text_has_no_candidates() -> None:
    assert find_candidates("", "a.txt") == []
    assert find_candidates("nothing here is named at all.", "a.txt") == []
