"""Subjects resolved as a reader resolves them: descriptions, pronouns, participants, particles."""

from __future__ import annotations

from datetime import date

import pytest

from forecasts.claims.extract import extract_claims
from forecasts.claims.reference import (
    Topic,
    article_topic,
    country_by_institutions,
    named_in,
    object_named,
    org_owned,
    owned_occasion,
    placed,
    situate,
    situated,
    whole_subject,
)
from forecasts.claims.types import ExtractedClaim
from forecasts.config import Settings

REF = date(2024, 3, 7)  # a Thursday


def claims_of(text: str) -> list[ExtractedClaim]:
    return extract_claims(text, REF, Settings())


def only(text: str) -> ExtractedClaim:
    found = claims_of(text)
    assert len(found) == 1, [c.claim for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "who", "statement_starts"),
    [
        (
            "Finance Chancellor Greta Holm met bankers on Monday. The chancellor will travel "
            "to Tokyo next week.",
            "Greta Holm",
            "Greta Holm travels to Tokyo",
        ),
        (
            "Prime Minister Aarav Mehta and Governor Lena Fox spoke on Monday. The governor is "
            "expected to testify in April.",
            "Lena Fox",
            "Lena Fox testifies",
        ),
        (
            "Pope Leo Marco celebrated Mass on Sunday. The pontiff will visit Lisbon in August.",
            "Leo Marco",
            "Leo Marco visits Lisbon",
        ),
    ],
)
def test_a_definite_description_names_the_person_with_that_title(
    text: str, who: str, statement_starts: str
) -> None:
    """'the chancellor' / 'the governor' / 'the pontiff': the person introduced with that title."""
    claim = only(text)
    assert claim.actors[0] == who
    assert claim.statement.startswith(statement_starts)


def test_an_organisation_description_names_the_latest_organisation() -> None:
    """'Northwind Motors reported ... The carmaker is expected to ...': Northwind Motors."""
    claim = only(
        "Northwind Motors reported a drop in profit. The carmaker is expected to cut jobs in May."
    )
    assert claim.actors[0] == "Northwind Motors"
    assert claim.statement.startswith("Northwind Motors cuts jobs")


@pytest.mark.parametrize("pronoun", ["She", "She also"])
def test_a_pronoun_names_the_person_and_glues_no_adverb(pronoun: str) -> None:
    """'She (also) plans to ...' after 'Minister Anna Berg ...': Anna Berg, never 'She also'."""
    claim = only(
        f"Finance Minister Anna Berg presented the budget. {pronoun} plans to visit Oslo next month."
    )
    assert claim.actors[0] == "Anna Berg"
    assert claim.speaker != "She also"
    assert claim.statement.startswith("Anna Berg visits Oslo")


@pytest.mark.parametrize(
    "joiner", [", and is expected to", " and is expected to", ", but is set to"]
)
def test_a_coordinated_verb_phrase_keeps_the_clause_subject(joiner: str) -> None:
    """'X has done A, and is expected to B': X is the subject of B."""
    claim = only(f"Orion Foods has closed two plants{joiner} open a new one in September.")
    assert claim.actors[:1] == ["Orion Foods"]
    assert claim.statement.startswith("Orion Foods opens a new one")


def test_meeting_participants_are_the_people_named_earlier() -> None:
    """'The two ministers' after a sentence naming two ministers: both of them."""
    claim = only(
        "Foreign Minister Ana Silva met Foreign Minister Kenji Ota in Geneva on Tuesday. "
        "The two ministers are expected to meet again in May."
    )
    assert claim.actors[:2] == ["Ana Silva", "Kenji Ota"]
    assert claim.statement.startswith("Ana Silva and Kenji Ota meet again")


@pytest.mark.parametrize(
    "name", ["Ursula von der Leyen", "Mohammed bin Salman", "Charles de Gaulle", "Ahmed al Tayeb"]
)
def test_names_with_particles_stay_whole(name: str) -> None:
    """A name with 'von der', 'bin', 'de', 'al' is one actor."""
    claim = only(f"{name} will visit Kyiv on Friday.")
    assert claim.actors[0] == name
    assert claim.statement == f"{name} visits Kyiv on 8 March 2024"


def test_it_is_the_occasion_of_the_previous_claim() -> None:
    """'The festival will open on June 1. It will close on June 9.': the festival closes."""
    found = claims_of("The festival will open on June 1. It will close on June 9.")
    assert [c.statement for c in found] == [
        "The festival opens on 1 June 2024",
        "The festival closes on 9 June 2024",
    ]


def test_a_dateline_is_neither_actor_nor_claim_text() -> None:
    """'OSLO, March 7 (Reuters) - ...': the claim starts after the dateline."""
    claim = only("OSLO, March 7 (Reuters) - Norway will hold a referendum in June.")
    assert claim.actors[0] == "Norway"
    assert not claim.claim.startswith("OSLO")


def test_opening_adverbials_are_no_part_of_who() -> None:
    """'During his visit, Maas will meet Cavusoglu. Later the two top diplomats will travel to
    Istanbul': the two are Maas and Cavusoglu, not 'During'; 'where he' is the person named."""
    text = (
        "German Foreign Minister Heiko Maas will visit Ankara on Sept. 5. "
        "During his visit, Maas will meet Turkish Foreign Minister Mevlut Cavusoglu. "
        "Later the two top diplomats will travel to Istanbul."
    )
    claims = extract_claims(text, date(2018, 8, 24), Settings())
    assert claims[-1].statement.startswith("Heiko Maas and Mevlut Cavusoglu travel to Istanbul")


def test_a_description_ending_in_a_title_after_a_preposition_is_no_person() -> None:
    """'The general election for Governor' is an election, not the governor named before."""
    claim = only(
        "Governor Lena Fox spoke in Lansing on Monday. The general election for Governor will "
        "be held in November."
    )
    assert claim.statement.startswith("The general election for Governor is held")


def test_a_statement_naming_nobody_takes_the_article_topic() -> None:
    """An article about 'Harbor Line Foods' (written 'Harbor Line' later, wrapped across a
    line): 'The deal will close ...' and 'Guests will attend the kickoff' say whose."""
    text = (
        "Seafood processor Harbor Line\nFoods said it will buy a rival for $200 million.\n\n"
        "Harbor Line expects the deal to close in the first quarter of 2025. Harbor Line "
        "shares rose 3% on Thursday."
    )
    statements = [c.statement for c in claims_of(text)]
    assert "The Harbor Line Foods deal closes between 1 January 2025 and 31 March 2025" in (
        statements
    )


def test_the_topic_is_no_person_and_names_an_owner() -> None:
    """'Gordon Brown' repeated is no topic (a person, even untitled); 'Film' is the festival."""
    topic = article_topic(
        [
            "Gordon Brown announced the election.",
            "Gordon Brown spoke for minutes.",
            "Gordon Brown left.",
        ],
        set(),
    )
    assert topic.name == ""
    topic = article_topic(
        [
            "The Lakeside Film Festival opens on Friday.",
            "Lakeside Film Festival tickets are on sale.",
            "The Film Festival Roundup is out.",
        ],
        set(),
    )
    assert topic.name == "Lakeside Film Festival"
    assert situated("Guests attend the kickoff event", topic) == (
        "Guests attend the Lakeside Film Festival kickoff event"
    )
    assert situated("Mayor Ann Bell attends the kickoff", topic) == (
        "Mayor Ann Bell attends the kickoff"
    )
    assert situated("The number of visitors doubles", topic) == "The number of visitors doubles"


def test_the_topic_goes_inside_an_of_phrase() -> None:
    topic = Topic(names={"ALJ"}, name="ALJ")
    assert situated("The closing of the merger occurs", topic) == (
        "The closing of the ALJ merger occurs"
    )


def test_a_subject_cut_inside_a_name_is_made_whole() -> None:
    """A company's name broken by a hard line wrap, and a ticker list cut at its last bracket."""
    text = "Seafood processor Harbor Line\nFoods said it will buy Norfish for $200 million."
    assert whole_subject("Foods buys Norfish", "Foods said it will buy Norfish", text) == (
        "Harbor Line Foods buys Norfish"
    )
    sentence = "Acme Inc (NYSE:ACM) and Yelp Inc (NYSE:YELP) are among those due to report."
    assert whole_subject("YELP) are among those reporting", sentence, sentence) == (
        "Acme Inc (NYSE:ACM) and Yelp Inc (NYSE:YELP) are among those reporting"
    )
    # a sentence that opens on a name after a headline line stays as it is
    assert whole_subject("Germany’s minister visits Turkey", "x", "News Desk\nGermany’s x") == (
        "Germany’s minister visits Turkey"
    )


def test_an_opening_adverbial_takes_no_topic() -> None:
    topic = Topic(names={"NYSE"}, name="NYSE")
    assert situated("On the data front, the report is due", topic) == (
        "On the data front, the report is due"
    )


def test_a_statement_of_a_place_takes_the_place_the_article_names() -> None:
    """'the state’s' is the state the sentence names; a civic subject that names nobody takes
    the article's country; "New Britain" is not Britain."""
    nobody = Topic()
    assert (
        placed(
            "Three of the state’s clinics shut down",
            "Alabama: three of the state’s clinics will shut down.",
            "Laws take effect in ten states.",
            nobody,
        )
        == "Three of Alabama’s clinics shut down"
    )
    article = "U.S. stocks fell. Analysts in New York said U.S. jobless claims rose."
    assert placed("Jobless claims top 2 million", "x", article, nobody) == (
        "U.S. jobless claims top 2 million"
    )
    assert placed("The nation’s first vaccine arrives", "x", article, nobody) == (
        "The U.S.’s first vaccine arrives"
    )
    assert placed("The general election is held", "x", "Voters in New Britain", nobody) == (
        "The general election is held"
    )
    # a statement that names a place already keeps it
    assert placed("The tax rate at Park Arena drops", "x", article, nobody) == (
        "The tax rate at Park Arena drops"
    )


def test_a_vote_or_an_institution_every_country_has_takes_the_articles_country() -> None:
    """ "Polls open", "Advance voting starts", "The Senate votes": which country's."""
    nobody = Topic()
    article = "Kenya holds elections. In Kenya, turnout was high. Nairobi is calm."
    assert placed("Polls open at 6 a.m. for Election Day", "x", article, nobody) == (
        "Kenya’s polls open at 6 a.m. for Election Day"
    )
    assert placed("Advance voting starts on 2 May 2022", "x", article, nobody) == (
        "Kenya’s advance voting starts on 2 May 2022"
    )
    assert placed("The Senate votes on the bill", "x", article, nobody) == (
        "The Kenya Senate votes on the bill"
    )


def test_an_occasion_takes_an_owner_the_article_repeats() -> None:
    """ "The launch takes place": the launch of the name the claim before was about, when the
    article repeats that name; a plural owner takes the apostrophe alone."""
    text = "Falcon 9 flies. The Falcon 9 is ready."
    topic = Topic(sentences=[text], persons=set())
    assert owned_occasion("The launch takes place at 7 p.m.", "Falcon 9", topic, set()) == (
        "Falcon 9’s launch takes place at 7 p.m."
    )
    assert owned_occasion("The launch takes place", "Orbitals", topic, set()) == (
        "The launch takes place"
    )


def test_an_indefinite_subject_takes_the_topic() -> None:
    topic = Topic(name="High Liner Foods")
    assert situated("A grand opening event takes place", topic) == (
        "A High Liner Foods grand opening event takes place"
    )
    assert situated("A number of stores open", topic) == "A number of stores open"


def test_a_civic_subject_is_placed_when_only_its_predicate_names_someone() -> None:
    nobody = Topic()
    article = "Kenya votes. In Kenya, turnout was high. Nairobi is calm."
    assert placed(
        "The general election is held on 9 August 2022 for the National Assembly", "x", article,
        nobody,
    ) == "The Kenya general election is held on 9 August 2022 for the National Assembly"  # fmt: skip
    assert placed("Shipping companies UPS and FedEx deliver vaccines", "x", article, nobody) == (
        "Shipping companies UPS and FedEx deliver vaccines"
    )


def test_a_dated_civic_subject_takes_the_country_as_its_owner() -> None:
    article = "Kenya votes. In Kenya, turnout was high."
    assert placed("The 2022 general election is held", "x", article, Topic()) == (
        "Kenya’s 2022 general election is held"
    )


def test_an_occasions_part_takes_the_occasion() -> None:
    festival = Topic(name="Boston Film Festival")
    assert situated("Additional announcements are made on 8 September 2012", festival) == (
        "The Boston Film Festival’s additional announcements are made on 8 September 2012"
    )
    assert situated("Directed by a pair, the film opens", festival) == (
        "Directed by a pair, the film opens"
    )
    company = Topic(name="High Liner Foods")
    assert situated("Investors are focused on growth", company) == (
        "Investors are focused on growth"
    )


def test_a_photo_credit_is_no_topic() -> None:
    sentences = ["(AP Photo/Jane Doe) The deal closes.", "AP Photo shows it.", "AP Photo again."]
    assert article_topic(sentences, set()).name == ""


def test_the_name_a_statement_subject_holds_is_the_claims_subject() -> None:
    """'The UK economy will grow': the claim is about the UK; the article's topic put into a
    statement that named nobody becomes its subject too."""
    article = "Output rose in the UK. Forecasters expect more. Electrical work will start soon."
    assert named_in("The UK economy grows 2% in 2024", article) == "UK"
    assert named_in("The Nord Stream 2 pipeline is launched", "the Nord Stream 2 link") == (
        "Nord Stream 2"
    )
    # capitalised only to open a sentence, or an adjective: no name
    assert named_in("Electrical work ends in May", article) == ""
    assert named_in("The Mexican central bank raises rates", "the Mexican peso") == ""
    text = (
        "Seafood processor Harbor Line\nFoods said it will buy a rival for $200 million.\n\n"
        "Harbor Line expects the deal to close in the first quarter of 2025. Harbor Line "
        "shares rose 3% on Thursday."
    )
    deal = next(c for c in claims_of(text) if "deal" in c.statement)
    assert deal.actors[0] == "Harbor Line Foods"


def test_an_occasion_nothing_names_is_the_previous_claims_subjects() -> None:
    """'The trip', right after a claim about a person, is that person's trip; an occasion
    named by what follows it ('The event for NASA's rover') stays as it is."""
    nobody = Topic()
    people = {"Lena Fox"}
    assert owned_occasion("The trip takes place in May", "Lena Fox", nobody, people) == (
        "Lena Fox’s trip takes place in May"
    )
    assert owned_occasion("The event for NASA's rover is held", "Lena Fox", nobody, people) == (
        "The event for NASA's rover is held"
    )
    # a name of unknown kind may be the occasion itself ("Shoorveer"): left alone
    assert owned_occasion("The event is held", "Shoorveer", nobody, people) == ("The event is held")


def test_a_subject_lost_down_to_its_article_is_the_sentences() -> None:
    """'The rainy season began in April and will last until August': the season lasts."""
    sentence = "The rainy season began in April and will last until August."
    assert whole_subject("The lasts until August", sentence, sentence) == (
        "The rainy season lasts until August"
    )


def test_an_object_it_is_the_thing_the_claim_before_described() -> None:
    assert object_named("Harbor Line finances it with new debt", "deal") == (
        "Harbor Line finances the deal with new debt"
    )
    assert object_named("It closes in May", "deal") == "It closes in May"
    text = (
        "Seafood processor Harbor Line Foods said it will buy a rival for $200 million. Harbor "
        "Line expects the deal to close in the first quarter of 2025, and will finance it with "
        "new debt. Harbor Line shares rose."
    )
    statements = [c.statement for c in claims_of(text)]
    assert any(s.startswith("Harbor Line finances the deal with new debt") for s in statements), (
        statements
    )


def test_an_occasion_after_a_claim_about_a_country_is_the_countrys() -> None:
    assert owned_occasion("The kick-off is at 7 PM", "India", Topic(), set()) == (
        "India’s kick-off is at 7 PM"
    )


def test_a_reporting_verb_glued_before_the_subject_goes() -> None:
    assert whole_subject("Claimed Apple holds an event", "x", "x") == "Apple holds an event"


def test_a_whole_subject_and_a_bank_named_for_a_place_stay_as_they_are() -> None:
    """'The phones are available' is whole (no second 'phones'); 'Bank of England' names no
    place, so 'Inflation falls' gets no 'England' (the bank, named twice, is the UK's
    institution: 'UK inflation'); 'Parliament' takes 'Britain’s'."""
    sentence = "The phones will be available in stores on Sept. 22."
    assert whole_subject("The phones are available", sentence, sentence) == (
        "The phones are available"
    )
    boe = "The Bank of England meets. Bank of England officials said inflation would fall."
    assert placed("Inflation falls sharply", "x", boe, Topic()) == "UK inflation falls sharply"
    uk = "Voters in Britain go to the polls. Britain has a new leader."
    assert placed("Parliament is dissolved in May", "x", uk, Topic()) == (
        "Britain’s parliament is dissolved in May"
    )


def test_a_one_word_brand_repeated_is_a_topic_but_no_person_or_place() -> None:
    brand = ["Adobe agreed to buy Figma.", "Adobe shares fell.", "Adobe expects more."]
    assert article_topic(brand, set()).name == "Adobe"
    person = ["Hernandez was found guilty.", "Hernandez said he would appeal.", "Hernandez x."]
    assert article_topic(person, set()).name == ""
    place = ["Talks in Beijing ended.", "Beijing hosts more.", "Beijing grows."]
    assert article_topic(place, set()).name == ""


def test_an_organisations_description_in_the_possessive_is_the_topic() -> None:
    topic = Topic(name="Tool")
    assert org_owned("The band’s new album is out in April", topic) == (
        "Tool’s new album is out in April"
    )
    assert org_owned("The nation’s debt grows", topic) == "The nation’s debt grows"
    assert org_owned("The band’s album is out", Topic()) == "The band’s album is out"


def test_a_country_known_by_its_institutions() -> None:
    """An article that never names its country but its institutions: 'Downing Street', 'the
    Tories', 'the House of Commons' are the UK's; a 'Liberal Democrat' is no US Democrat."""
    text = (
        "Downing Street confirmed the date. The Tories and the Liberal Democrats will debate in "
        "the House of Commons."
    )
    assert country_by_institutions(text) == "UK"
    assert country_by_institutions("The White House said the Pentagon agreed.") == "US"
    assert country_by_institutions("The Liberal Democrats met. Nobody else did.") == ""


def test_an_institution_described_is_the_one_the_article_names() -> None:
    """'The Chilean central bank' in an article that names the 'Central Bank of Chile' (and the
    'Bank of England'): the Chilean one, named before or after."""
    text = (
        "The Chilean central bank will raise rates on Thursday. The Bank of England held. "
        "Economists expect the Central Bank of Chile to move by 50 basis points."
    )
    claim = ExtractedClaim(
        sentence="x", claim="x", statement="The Chilean central bank raises rates"
    )
    (out,) = situate([claim], [text], set())
    assert out.actors == ["Central Bank of Chile"]
