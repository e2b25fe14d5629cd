"""``rwpk draft``: an article read into proposed log entries.

The seed article must give every event the bundled log records from it, with the right kind and
participants; the fragment must pass ``rwpk check`` once appended; --append must go through add's
write and add nothing the second time; and the evaluation corpus must not score lower than it does.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tomllib
from datetime import date
from pathlib import Path

import pexpect
import pytest

from rwpk_cli.dates.parse import parse_date
from rwpk_cli.draft.kinds import background, triggers
from rwpk_cli.draft.people import new_people
from rwpk_cli.draft.text import sentences
from rwpk_cli.draft.when import find_dates
from tests.conftest import Run

ROOT = Path(__file__).parent.parent
#: The bundled log's article, paraphrased as the evaluation corpus is: every fact, name, title and
#: date phrase kept.
SEED_TEXT = (ROOT / "examples" / "draft" / "ktpress-2025-01.txt").read_text(encoding="utf-8")
BUNDLED = ROOT / "events.toml"
PUBLISHED = "2025-01-22/2025-01-31"


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    article = tmp_path / "article.txt"
    article.write_text(SEED_TEXT, encoding="utf-8")
    return article


def _log(tmp_path: Path) -> Path:
    log = tmp_path / "events.toml"
    shutil.copy(BUNDLED, log)
    return log


# --- finding dates in running text -----------------------------------------------------------------

REFERENCE = parse_date("2025-01-24")  # a Friday


@pytest.mark.parametrize(
    ("sentence", "words", "start", "end"),
    [
        ("On January 3, 2024, General Muganga met Gen Mirza.", "January 3, 2024", "2024-01-03", "2024-01-03"),
        ("Last week, delegations visited Kigali.", "Last week", "2025-01-13", "2025-01-19"),
        ("This week at the UN, the two met.", "This week", "2025-01-20", "2025-01-26"),
        ("He arrived on Sunday.", "on Sunday", "2025-01-19", "2025-01-19"),
        ("They met yesterday in Nairobi.", "yesterday", "2025-01-23", "2025-01-23"),
        ("Talks were held on January 9 and 10 in Nairobi.", "January 9 and 10", "2025-01-09", "2025-01-10"),
        ("The ministers met earlier this month.", "earlier this month", "2025-01-01", "2025-01-23"),
        ("They met on 9-10 January 2025.", "9-10 January 2025", "2025-01-09", "2025-01-10"),
        ("They spoke on 12 December.", "12 December", "2024-12-12", "2024-12-12"),
        ("They signed it in May 2023 in Doha.", "May 2023", "2023-05-01", "2023-05-31"),
        ("Relations were established in 1962.", "1962", "1962-01-01", "1962-12-31"),
        ("Trade rose in March.", "March", "2024-03-01", "2024-03-31"),
        ("Modi visited Doha in January last year.", "January", "2024-01-01", "2024-01-31"),
        ("He was in Doha in January this year.", "January", "2025-01-01", "2025-01-31"),
        ("The ministers signed the accord this morning.", "this morning", "2025-01-24", "2025-01-24"),
        ("He landed in Accra last night.", "last night", "2025-01-23", "2025-01-23"),
        ("They dined together yesterday evening.", "yesterday evening", "2025-01-23", "2025-01-23"),
        ("The two leaders meet again tonight.", "tonight", "2025-01-24", "2025-01-24"),
        ("He made his first trip to Riyadh in early January.", "early January", "2025-01-01", "2025-01-10"),
        ("They met in mid-December in Doha.", "mid-December", "2024-12-11", "2024-12-20"),
        ("They signed it in May, during a visit.", "May", "2024-05-01", "2024-05-31"),
    ],
)
def test_a_date_is_found_in_running_text_and_read_by_the_parser(
    sentence: str, words: str, start: str, end: str
) -> None:
    found = [f for f in find_dates(sentence, REFERENCE) if f.span is not None]
    assert found, sentence
    first = found[0]
    assert first.span is not None
    assert (first.words.rstrip("."), first.span.start.isoformat(), first.span.end.isoformat()) == (words, start, end)


def test_a_sentence_about_the_future_reads_a_weekday_and_a_day_forwards() -> None:
    ahead = find_dates("He will travel to Accra on Monday.", REFERENCE, future=True)[0]
    assert ahead.span is not None
    assert ahead.span.start == date(2025, 1, 27)
    later = find_dates("The next round is due on 3 January.", REFERENCE, future=True)[0]
    assert later.span is not None
    assert later.span.start == date(2026, 1, 3)


def test_may_the_verb_is_no_month_and_an_ambiguous_day_is_refused() -> None:
    assert find_dates("They may visit soon.", REFERENCE) == []
    assert find_dates("It was signed in May's government.", REFERENCE) == []  # a name's, not the month
    refused = find_dates("The meeting on 03/01/2024 was short.", REFERENCE)[0]
    assert refused.span is None
    assert refused.error is not None
    assert "two ways" in refused.error


def test_sentences_keep_abbreviations_initials_and_drop_datelines() -> None:
    found = sentences(
        "SEOUL, Feb. 7 (Yonhap) -- Foreign Minister Cho Tae-yul spoke with Gen. Kim on Tuesday. He met "
        "S. Jaishankar in Delhi.\n\nA new paragraph."
    )
    assert [s.text for s in found] == [
        "Foreign Minister Cho Tae-yul spoke with Gen. Kim on Tuesday.",
        "He met S. Jaishankar in Delhi.",
        "A new paragraph.",
    ]
    assert [s.paragraph for s in found] == [0, 0, 1]


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("Defence Minister Juvenal Marizamunda met Maj Gen Muneer-ud-Din.", ["meeting"]),
        ("Dar held talks with his Rwandan counterpart.", ["meeting"]),
        ("The two sides signed a Memorandum of Understanding on training.", ["agreement"]),
        ("Cho held phone talks with his Chinese counterpart.", ["call"]),
        ("Khan held inaugural political consultations with Rwanda.", ["consultation"]),
        ("Nduhungirehe arrived in Islamabad on Sunday.", ["visit"]),
        ("The ministry said in a statement that the talks were cordial.", ["statement"]),
        ("The visit comes weeks after an attempted coup.", []),
        ("At the end of the talks, the two sides signed an MoU.", ["agreement"]),
        ("In its own statement, it said Putin had reminded Macron of the war.", ["statement"]),
        ("Trudeau spoke with Trump by phone on Monday afternoon.", ["call"]),
        (
            "The four ministers held the second Philippines-Japan Foreign and Defense Ministerial Meeting.",
            ["consultation"],
        ),
        ("Erdoğan and Mitsotakis signed a declaration on friendly relations in Athens.", ["agreement"]),
        ("Crown Prince Mohammed bin Salman received al-Sharaa at Al-Yamamah Palace.", ["meeting"]),
        (
            "The King and President Macron signed, on Monday at the Royal Office in Rabat, the Declaration.",
            ["agreement"],
        ),
        ("Sheikh Mohamed bin Zayed and Prime Minister Modi held a virtual summit on Friday.", ["call"]),
        ("The two leaders also issued a joint vision statement.", ["statement"]),
        ("The two leaders witnessed the exchange of several cooperation documents.", ["agreement"]),
        ("The two presidents signed the Danube Friendship Compact on Friday.", ["agreement"]),
        ("The premiers signed the Coral Sea Compact on the sidelines of the regional leaders' meeting.", ["agreement"]),
        ("The two ministers also held the 2+2 talks with their Korean counterparts.", ["consultation"]),
        ("The two ministers co-chaired the Joint Commission in Nairobi.", ["consultation"]),
        ("Blinken and President Petro held a working lunch at the palace on Monday.", ["meeting"]),
        ("A state dinner at the palace is planned for Monday.", []),
        ("The two leaders co-chaired the third summit of the Forum for Pacific Cooperation.", []),
        ("The chancellor arrived in Oslo and was met at the airport by the state secretary.", ["visit"]),
        ("During that visit, Soto and Berg held talks on trade.", ["meeting"]),
        ("The two presidents inaugurated the new bridge by video link.", []),
        ("The two ministers sealed a trade deal in Quito on Monday.", ["agreement"]),
        ("Ministers Ana Ruiz and Lars Berg were in Quito on Monday for the opening of an embassy.", ["visit"]),
        ("The Crown Prince attended the inauguration of President Ana Ruiz in Quito on Monday.", ["visit"]),
        (
            "Prime Ministers Ana Ruiz and Lars Berg held the fifth Chile-Norway Leaders' Retreat in Oslo.",
            ["consultation"],
        ),
    ],
)
def test_the_kind_comes_from_the_verbs_and_nouns(sentence: str, kinds: list[str]) -> None:
    assert [t.kind for t in triggers(sentence)] == kinds


def test_a_plan_is_marked_as_the_future() -> None:
    (trigger,) = triggers("He will visit Beijing next month.")
    assert trigger.future


@pytest.mark.parametrize(("name", "country"), [("Florida", "US"), ("Texas", "US"), ("Georgia", "GE")])
def test_a_state_of_the_united_states_is_a_place_there(name: str, country: str) -> None:
    """ "a trip to Florida" is to the US, not to a namesake town abroad; a country keeps its name."""
    from rwpk_cli.draft.places import Gazetteer

    place = Gazetteer({name}).place(name)
    assert place is not None
    assert place.country == country


def test_what_an_agreement_will_do_makes_no_plan_of_its_signing() -> None:
    (trigger,) = triggers("The two countries signed a defence pact that will allow joint exercises.")
    assert not trigger.future


@pytest.mark.parametrize(
    ("sentence", "future"),
    [
        ("Trudeau said the tariffs would be paused after he spoke with Trump by phone on Monday.", False),
        ("Trudeau said the tariffs would be paused when the two leaders met on Monday.", False),
        ("The tariffs would be paused after he meets Trump on Monday.", True),
        ("He will sign the agreement after he arrives in Rabat.", True),
    ],
)
def test_a_clause_of_its_own_in_the_past_is_no_plan(sentence: str, future: bool) -> None:
    """ "would be paused after he spoke with Trump": the call took place; "after he speaks" is ahead."""
    assert [t.future for t in triggers(sentence)][:1] == [future]


@pytest.mark.parametrize(
    ("sentence", "kind", "told"),
    [
        ('In a statement, the Élysée said Macron had called for "a ceasefire to be established".', "statement", False),
        ("Relations were established in 1962.", "meeting", True),
        ('After the talks, al-Sharaa said in a statement that he had held "a long meeting".', "statement", False),
        ("He said the two had met in Paris.", "meeting", True),
        ("The last Pakistani Prime Minister to visit Sri Lanka was Nawaz Sharif, in 2016.", "visit", True),
        ("Samia, who has travelled to Uganda and Kenya since taking office, made diplomacy a priority.", "visit", True),
        ("He is on an official visit to the UAE from 9 to 11 March, his first since taking office.", "visit", False),
        ("Rajapaksa visited Pakistan during his previous term as President.", "visit", True),
        ("The last Lebanese head of state to make an official visit to the kingdom was Michel Aoun.", "visit", True),
    ],
)
def test_background_is_what_the_text_says_outside_quotes(sentence: str, kind: str, told: bool) -> None:
    """A quotation's words and what a statement says had happened make no background."""
    assert background(sentence, kind) is told


@pytest.mark.parametrize(
    "sentence",
    [
        "Aliyev and Pashinyan have discussed the peace process at several meetings in recent years.",
        "The two ministers have led the negotiations, conducted through meetings at various levels.",
        "The leaders have met on several occasions since the war.",
    ],
)
def test_a_process_summed_up_over_many_meetings_is_background(sentence: str) -> None:
    """Meetings told as many, over years or at many levels, are the story so far, not one event."""
    assert background(sentence, "meeting")


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("They reviewed the progress made since the 10th session of the Bi-National Commission.", []),
    ],
)
def test_a_session_referred_back_to_is_no_event(sentence: str, kinds: list[str]) -> None:
    """ "since the 10th session of …": an earlier meeting named as a starting point, not reported."""
    assert [t.kind for t in triggers(sentence)] == kinds


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "President William Ruto and First Lady Rachel Ruto were received by President Joe Biden"
            " and First Lady Jill Biden.",
            ["William Ruto", "Joe Biden"],
        ),
        (
            "Prime Minister Fumio Kishida met Recep Tayyip Erdogan and his wife, Emine Erdogan.",
            ["Fumio Kishida", "Recep Tayyip Erdogan"],
        ),
    ],
)
def test_a_leaders_spouse_takes_no_part(sentence: str, names: list[str]) -> None:
    """ "First Lady Jill Biden", "his wife, Emine Erdogan": there beside the leader, no party to talks."""
    from rwpk_cli.draft.cast import Cast

    found = [m.name for m in Cast(None).mentions(sentence) if not m.organization]
    assert found == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("President To Lam and Russian President Vladimir Putin held talks.", ["To Lam", "Vladimir Putin"]),
        ("Syria's interim President Ahmed al-Sharaa arrived in Riyadh.", ["Ahmed al-Sharaa"]),
        ("Egyptian President Abdel Fattah al-Sisi arrived in Ankara.", ["Abdel Fattah al-Sisi"]),
        ("Sir Keir Starmer has held talks with Chinese President Xi Jinping.", ["Keir Starmer", "Xi Jinping"]),
        ("The Minister Of State met them.", []),
        ("The two presidents played a round with South African golfer Ernie Els.", []),
        ("They later dined with New Zealand officials.", []),
        (
            "The premier also met the Head of the Transitional Council, Amadou Diallo, and the Minister of Trade, "
            "Fatou Sow.",
            ["Amadou Diallo", "Fatou Sow"],
        ),
    ],
)
def test_names_after_a_title_keep_their_small_words(sentence: str, names: list[str]) -> None:
    """ "To Lam", "al-Sisi" and "Sir Keir" are names: a small word, a lower-case Arabic article, a
    knight's form of address; "Minister Of State" is still a title; a country's people ("South
    African") are no one; "met the Head of X, Name" gives Name the title set off before it."""
    assert [m.name for m in new_people(sentence, [])] == names


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "King Mohammed VI and President of the French Republic Emmanuel Macron met.",
            "President of the French Republic",
        ),
        (
            "Sheikh Tamim and President of the Republic of Turkiye H E Recep Tayyip Erdogan met.",
            "President of the Republic of Turkiye H E",
        ),
        ("They met Minister of Foreign Affairs Ishaq Dar.", "Minister of Foreign Affairs"),
    ],
)
def test_a_title_goes_back_over_of_and_of_the(sentence: str, title: str) -> None:
    """ "President of the French Republic": the title is all of it, so "the French President" fits."""
    assert new_people(sentence, [])[-1].title == title


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        ("Khan said the talks went well.", ["hamid-asghar-khan"]),
        ("Minister Khan met Akram on Monday.", ["hamid-asghar-khan", "akram"]),
        ("On Monday Khan met Akram.", ["hamid-asghar-khan", "akram"]),
        ("Hamid Asghar Khan met Gen Muganga.", ["hamid-asghar-khan", "muganga"]),
        # the surname of another person, or of a place: not the log's Khan
        ("The release of the party's founder, Imran Khan, was demanded.", []),
        ("He was received at Nur Khan Airbase on Monday.", []),
    ],
)
def test_a_surname_alone_is_the_logs_actor_unless_another_name_comes_first(sentence: str, actors: list[str]) -> None:
    from rwpk_cli.draft.people import ActorFinder
    from rwpk_cli.log.parse import parse_log

    log = parse_log(BUNDLED.read_text(encoding="utf-8"), "events.toml")
    assert [m.actor for m in ActorFinder(log.actors.values()).find(sentence)] == actors


def test_a_surname_is_the_person_the_article_named_in_full_before_the_logs_actor() -> None:
    """With the bundled log's Hamid Asghar Khan, "Prime Minister Khan" after "Imran Khan" is Imran Khan;
    an article that names no other Khan means the log's."""
    from rwpk_cli.draft.cast import Cast
    from rwpk_cli.log.parse import parse_log

    log = parse_log(BUNDLED.read_text(encoding="utf-8"), "events.toml")
    cast = Cast(log)
    assert [(m.name, m.actor) for m in cast.mentions("Prime Minister Imran Khan arrived in Colombo.")] == [
        ("Imran Khan", None)
    ]
    assert [(m.name, m.actor) for m in cast.mentions("Prime Minister Khan was welcomed.")] == [("Imran Khan", None)]
    alone = Cast(log)
    assert [m.actor for m in alone.mentions("Khan held political consultations with Rwanda.")] == ["hamid-asghar-khan"]


def _proposed(text: str, published: str) -> list[tuple[str, str, str, list[str]]]:
    """What a draft of ``text`` proposes: kind, first and last day, participants."""
    from rwpk_cli.draft import Article, draft
    from rwpk_cli.read.records import Cited

    article = Article(text, "article.txt", parse_date(published), published, "test")
    drafted = draft(article, None, False, Cited("test", None, None, None, published))
    return [(p.kind, p.span.start.isoformat(), p.span.end.isoformat(), [m.name for m in p.people])
            for p in drafted.proposals]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        (  # "the two leaders" are the two whose titles make them leaders, not the foreign minister
            "Iranian President Ebrahim Raisi arrived in Islamabad on Monday. Raisi is accompanied by Foreign "
            "Minister Hossein Amir-Abdollahian. Prime Minister Shehbaz Sharif received the Iranian president. "
            "The two leaders then held a one-on-one meeting.",
            "2024-04-22",
            [
                ("visit", "2024-04-22", "2024-04-22", ["Ebrahim Raisi"]),
                ("meeting", "2024-04-22", "2024-04-22", ["Shehbaz Sharif", "Ebrahim Raisi"]),
            ],
        ),
        (  # "the two sides" after two named are those two
            "President Asif Ali Zardari met Iranian President Ebrahim Raisi on Monday, where the two sides "
            "discussed connectivity.",
            "2024-04-22",
            [("meeting", "2024-04-22", "2024-04-22", ["Asif Ali Zardari", "Ebrahim Raisi"])],
        ),
        (  # the members a delegation includes are not the ones who held the talks
            "King Mohammed VI and French President Emmanuel Macron held talks on Monday, followed by a dinner "
            "for the French delegation, which includes nine ministers, among them Interior Minister Bruno "
            "Retailleau and Foreign Minister Jean-Noël Barrot.",
            "2024-10-28",
            [("meeting", "2024-10-28", "2024-10-28", ["Mohammed VI", "Emmanuel Macron"])],
        ),
        (  # a name that qualifies a government is no one visiting
            "President Donald Trump spoke with President Cyril Ramaphosa by phone on Monday. Earlier this month, "
            "59 Afrikaners arrived in the US under a programme of the Trump administration.",
            "2025-05-22",
            [("call", "2025-05-19", "2025-05-19", ["Donald Trump", "Cyril Ramaphosa"])],
        ),
        (  # "with X witnessing the ceremony": X did not sign
            "Defense Secretary Gilberto Teodoro and Foreign Minister Yoko Kamikawa signed the agreement on "
            "Monday, with President Ferdinand Marcos witnessing the ceremony.",
            "2024-07-09",
            [("agreement", "2024-07-08", "2024-07-08", ["Gilberto Teodoro", "Yoko Kamikawa"])],
        ),
        (  # "also signed": another document than the one before
            "King Mohammed VI and President Emmanuel Macron presided over the signing of 22 agreements on Monday. "
            "The king and the president also signed a joint declaration.",
            "2024-10-28",
            [
                ("agreement", "2024-10-28", "2024-10-28", ["Mohammed VI", "Emmanuel Macron"]),
                ("agreement", "2024-10-28", "2024-10-28", ["Mohammed VI", "Emmanuel Macron"]),
            ],
        ),
        (  # the Declaration, then 22 agreements: two documents; "the Sovereign" is not Macron, named by name
            "King Mohammed VI and President of the French Republic Emmanuel Macron signed, on Monday, the "
            "Declaration on the Partnership. The King and the French President then held talks. On the same "
            "occasion, the Sovereign and President Macron chaired a ceremony at which 22 agreements were signed.",
            "2024-10-28",
            [
                ("agreement", "2024-10-28", "2024-10-28", ["Mohammed VI", "Emmanuel Macron"]),
                ("meeting", "2024-10-28", "2024-10-28", ["Mohammed VI", "Emmanuel Macron"]),
                ("agreement", "2024-10-28", "2024-10-28", ["Mohammed VI", "Emmanuel Macron"]),
            ],
        ),
        (  # "the agreements" are the memoranda signed; "His Highness the Prime Minister X" is X
            "Indian Prime Minister Narendra Modi met HH the Crown Prince Sheikh Sabah Al-Khaled Al-Sabah on "
            "Sunday. Later, His Highness the Prime Minister Sheikh Ahmad Al-Abdullah Al-Sabah held talks with "
            "Modi. Following the talks, the two prime ministers signed three memoranda of understanding. The "
            "agreements were signed at Bayan Palace by Modi and Sheikh Ahmad.",
            "2024-12-23",
            [
                ("meeting", "2024-12-22", "2024-12-22", ["Narendra Modi", "Sabah Al-Khaled Al-Sabah"]),
                ("meeting", "2024-12-22", "2024-12-22", ["Ahmad Al-Abdullah Al-Sabah", "Narendra Modi"]),
                ("agreement", "2024-12-22", "2024-12-22", ["Narendra Modi", "Ahmad Al-Abdullah Al-Sabah"]),
            ],
        ),
        (  # "The documents were signed by …": the ones whose exchange the leaders witnessed
            "President Khurelsukh Ukhnaa and President Mohamed bin Zayed on Tuesday witnessed the exchange of "
            "several memoranda of understanding. The documents were signed by Minister of State Ahmed Ali Al "
            "Sayegh and Foreign Minister Batmunkh Battsetseg.",
            "2023-11-29",
            [
                (
                    "agreement",
                    "2023-11-28",
                    "2023-11-28",
                    ["Khurelsukh Ukhnaa", "Mohamed bin Zayed", "Ahmed Ali Al Sayegh", "Batmunkh Battsetseg"],
                )
            ],
        ),
        (  # countries that say something in a joint statement issued it
            "In a joint statement released on Sunday, India and Kuwait said they had agreed to set up a Joint "
            "Commission on Cooperation.",
            "2024-12-23",
            [("statement", "2024-12-22", "2024-12-22", ["India", "Kuwait"])],
        ),
        (  # the seat of a government speaks for it; "it" is the body last named
            "French President Emmanuel Macron and Russian President Vladimir Putin spoke by telephone on "
            "Tuesday. In a statement, the Élysée said Macron had called for a ceasefire. The Kremlin offered a "
            "different account. In its own statement, it said Putin had reminded Macron of the war.",
            "2025-07-01",
            [
                ("call", "2025-07-01", "2025-07-01", ["Emmanuel Macron", "Vladimir Putin"]),
                ("statement", "2025-07-01", "2025-07-01", ["Élysée"]),
                ("statement", "2025-07-01", "2025-07-01", ["Kremlin"]),
            ],
        ),
        (  # "later co-chaired …, a mechanism agreed earlier this year": the day told before, not the year
            "Egyptian President Abdel Fattah al-Sisi met Turkish President Recep Tayyip Erdogan in Ankara on "
            "Wednesday. Erdogan and Sisi later co-chaired the first meeting of the council, a mechanism the two "
            "governments agreed to reactivate earlier this year.",
            "2024-09-05",
            [
                ("meeting", "2024-09-04", "2024-09-04", ["Abdel Fattah al-Sisi", "Recep Tayyip Erdogan"]),
                ("consultation", "2024-09-04", "2024-09-04", ["Recep Tayyip Erdogan", "Abdel Fattah al-Sisi"]),
            ],
        ),
        (  # the countries held consultations; the next sentence says who led the two sides
            "Pakistan and Bangladesh on Thursday held their first round of Foreign Office Consultations. Foreign "
            "Secretary Amna Baloch led the Pakistani side, while Bangladesh's delegation was headed by Foreign "
            "Secretary Md Jashim Uddin.",
            "2025-04-18",
            [("consultation", "2025-04-17", "2025-04-17", ["Amna Baloch", "Md Jashim Uddin"])],
        ),
        (  # … and when no one is said to have led them, there is nothing to propose
            "Pakistan and Bangladesh on Thursday held their first round of Foreign Office Consultations.",
            "2025-04-18",
            [],
        ),
        (  # a month that ended before publication is history, however few days ago
            "Saudi Foreign Minister Prince Faisal bin Farhan visited Damascus in January.",
            "2025-02-03",
            [],
        ),
    ],
)
def test_who_took_part_and_what_was_done(
    text: str, published: str, wanted: list[tuple[str, str, str, list[str]]]
) -> None:
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # a body named in lower case after its country issued the statement
            "President Nana Akufo-Addo met Kenyan President William Ruto in Accra on Tuesday. The visit opens"
            " a new chapter, the Ghanaian presidency said in a statement on Tuesday night.",
            "2024-03-14",
            [
                ("meeting", "2024-03-12", "2024-03-12", ["Nana Akufo-Addo", "William Ruto"]),
                ("statement", "2024-03-12", "2024-03-12", ["Ghanaian presidency"]),
            ],
            id="body",
        ),
        pytest.param(  # a body described after its name ("the Kremlin, the Russian presidency,") is one body
            "The Kremlin, the Russian presidency, said in a statement on Monday that the talks had been useful.",
            "2024-03-14",
            [("statement", "2024-03-11", "2024-03-11", ["Kremlin"])],
            id="appos",
        ),
        pytest.param(  # after what the statement was, the subject of "said" issued it
            "In a statement released on Thursday, the Royal Cabinet said the king had received the "
            "credentials of new ambassadors.",
            "2024-03-16",
            [("statement", "2024-03-14", "2024-03-14", ["Royal Cabinet"])],
            id="subject",
        ),
        pytest.param(  # a joint declaration issued after talks is a statement of those who held them
            "Prime Minister Mark Rutte held talks with President Gustavo Petro in Bogota on Monday. In a "
            "joint declaration issued after the talks, the two leaders pledged closer ties.",
            "2024-03-13",
            [
                ("meeting", "2024-03-11", "2024-03-11", ["Mark Rutte", "Gustavo Petro"]),
                ("statement", "2024-03-11", "2024-03-11", ["Mark Rutte", "Gustavo Petro"]),
            ],
            id="jdecl",
        ),
        pytest.param(  # "the joint statement issued by the two governments" is the leaders' who met
            "Prime Minister Mark Rutte held talks with President Gustavo Petro in Bogota on Monday. It was "
            "the joint statement issued by the two governments on Monday that drew notice.",
            "2024-03-13",
            [
                ("meeting", "2024-03-11", "2024-03-11", ["Mark Rutte", "Gustavo Petro"]),
                ("statement", "2024-03-11", "2024-03-11", ["Mark Rutte", "Gustavo Petro"]),
            ],
            id="jstmt",
        ),
        pytest.param(  # a readout released by a body is that body's statement
            "Japanese Prime Minister Fumio Kishida and Australian Prime Minister Anthony Albanese spoke by "
            "phone on Monday. According to a readout released by the Japanese Foreign Ministry, the two "
            "leaders agreed to meet.",
            "2024-03-13",
            [
                ("call", "2024-03-11", "2024-03-11", ["Fumio Kishida", "Anthony Albanese"]),
                ("statement", "2024-03-11", "2024-03-11", ["Japanese Foreign Ministry"]),
            ],
            id="readout",
        ),
        pytest.param(  # "the talks" are those told as talks, not the reception the day after
            "President Gustavo Petro held talks with Prime Minister Mark Rutte in Bogota on Monday. Rutte was"
            " received by Vice President Francia Marquez on Tuesday. In a joint statement issued at the end "
            "of the talks, Colombia and the Netherlands agreed to deepen trade.",
            "2024-03-13",
            [
                ("meeting", "2024-03-11", "2024-03-11", ["Gustavo Petro", "Mark Rutte"]),
                ("meeting", "2024-03-12", "2024-03-12", ["Mark Rutte", "Francia Marquez"]),
                ("statement", "2024-03-11", "2024-03-11", ["Gustavo Petro", "Mark Rutte"]),
            ],
            id="talksword",
        ),
        pytest.param(  # a joint statement issued after the call is the call's, and of its day
            "Foreign Minister Penny Wong arrived in Jakarta on Monday. President Joko Widodo and Prime "
            "Minister Anthony Albanese spoke by telephone on 2 March. In a joint statement issued after the "
            "call, they agreed to deepen ties.",
            "2024-03-13",
            [
                ("visit", "2024-03-11", "2024-03-11", ["Penny Wong"]),
                ("call", "2024-03-02", "2024-03-02", ["Joko Widodo", "Anthony Albanese"]),
                ("statement", "2024-03-02", "2024-03-02", ["Joko Widodo", "Anthony Albanese"]),
            ],
            id="aftercall",
        ),
        pytest.param(  # those who said something in a joint statement issued it, not those it speaks of
            "Prime Minister Anthony Albanese spoke by phone with President Joko Widodo on Monday. In a joint "
            "statement released after the call, Foreign Minister Penny Wong and Defence Minister Richard "
            "Marles said Prime Minister Anthony Albanese had discussed trade with President Joko Widodo.",
            "2024-03-13",
            [
                ("call", "2024-03-11", "2024-03-11", ["Anthony Albanese", "Joko Widodo"]),
                ("statement", "2024-03-11", "2024-03-11", ["Penny Wong", "Richard Marles"]),
            ],
            id="jbefore",
        ),
    ],
)
def test_who_issued_a_statement_and_when(
    text: str, published: str, wanted: list[tuple[str, str, str, list[str]]]
) -> None:
    """A statement is its issuer's, a body named in lower case or after what the statement was included;
    a joint one is of those who said it, or of the event it was issued after, and of that event's day."""
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # "left on Friday after a three-day visit": the visit ended that day
            "President Emmanuel Macron left Hanoi on Friday evening after a three-day state visit.",
            "2024-03-16",
            [("visit", "2024-03-13", "2024-03-15", ["Emmanuel Macron"])],
            id="ending",
        ),
        pytest.param(  # a minister joined to a visitor by "and" visits with them
            "Australian Foreign Minister Penny Wong and Defence Minister Richard Marles arrived in Tokyo on Monday.",
            "2024-03-13",
            [("visit", "2024-03-11", "2024-03-11", ["Penny Wong", "Richard Marles"])],
            id="joined",
        ),
        pytest.param(  # "The visit follows a call …": the visit told before, the call an event
            "The visit follows a telephone call between President Joko Widodo and Prime Minister Anthony "
            "Albanese on 2 March.",
            "2024-03-13",
            [("call", "2024-03-02", "2024-03-02", ["Joko Widodo", "Anthony Albanese"])],
            id="follows",
        ),
        pytest.param(  # the prospect of a visit is no visit
            "Foreign Minister Penny Wong arrived in Jakarta on Monday. The thaw revives the prospect of a "
            "state visit by President Joko Widodo to Canberra, which was put off in 2022.",
            "2024-03-13",
            [("visit", "2024-03-11", "2024-03-11", ["Penny Wong"])],
            id="prospect",
        ),
    ],
)
def test_a_visit_its_days_and_its_visitors(
    text: str, published: str, wanted: list[tuple[str, str, str, list[str]]]
) -> None:
    """A visit told by the day it ended, a minister who came along, and visits only referred to or hoped for."""
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # a clause about the host that runs to the end dates itself only: the meeting is the day before
            "Kenyan Foreign Minister Musalia Mudavadi arrived in Accra on Tuesday. Later in the day, he was "
            "received by President Nana Akufo-Addo, who was re-elected in December after a close race.",
            "2024-03-14",
            [
                ("visit", "2024-03-12", "2024-03-12", ["Musalia Mudavadi"]),
                ("meeting", "2024-03-12", "2024-03-12", ["Musalia Mudavadi", "Nana Akufo-Addo"]),
            ],
            id="aside",
        ),
        pytest.param(  # "the first meeting … took place on Monday" reports the meeting
            "The first meeting of the trip took place on Monday in Oaxaca, where President Claudia Sheinbaum "
            "and Prime Minister Pedro Sanchez toured a museum.",
            "2024-03-13",
            [("meeting", "2024-03-11", "2024-03-11", ["Claudia Sheinbaum", "Pedro Sanchez"])],
            id="tookplace",
        ),
        pytest.param(  # "had proposed" is done, not a plan: the talks where it was proposed took place
            "The EU had proposed the plan at talks in Brussels on 5 March, where Foreign Minister Penny Wong "
            "met Foreign Minister Retno Marsudi.",
            "2024-03-13",
            [("meeting", "2024-03-05", "2024-03-05", ["Penny Wong", "Retno Marsudi"])],
            id="hadproposed",
        ),
        pytest.param(  # ministers who met for the consultations held the consultations, not separate meetings
            "Foreign Minister Penny Wong and Defence Minister Richard Marles met Foreign Minister Yoko "
            "Kamikawa and Defence Minister Minoru Kihara on Monday for the 11th Australia-Japan Ministerial "
            "Consultations.",
            "2024-03-13",
            [
                (
                    "consultation",
                    "2024-03-11",
                    "2024-03-11",
                    ["Penny Wong", "Richard Marles", "Yoko Kamikawa", "Minoru Kihara"],
                )
            ],
            id="forconsult",
        ),
        pytest.param(  # a 2+2 dialogue is a consultation
            "The 2+2 dialogue, held in Tokyo on Monday, brought together Foreign Minister Penny Wong and "
            "Defence Minister Richard Marles with Foreign Minister Yoko Kamikawa and Defence Minister Minoru "
            "Kihara.",
            "2024-03-13",
            [
                (
                    "consultation",
                    "2024-03-11",
                    "2024-03-11",
                    ["Penny Wong", "Richard Marles", "Yoko Kamikawa", "Minoru Kihara"],
                )
            ],
            id="2plus2",
        ),
        pytest.param(  # a charter signed is an agreement
            "Foreign Minister Ivan Petrov and Secretary of State Antony Blinken signed the Charter on "
            "Strategic Partnership on Tuesday.",
            "2024-03-13",
            [("agreement", "2024-03-12", "2024-03-12", ["Ivan Petrov", "Antony Blinken"])],
            id="charter",
        ),
        pytest.param(  # "Head of the Presidential Administration" is a title
            "Foreign Minister Penny Wong met a delegation led by Head of the Presidential Administration "
            "Anton Vaino on Monday.",
            "2024-03-13",
            [("meeting", "2024-03-11", "2024-03-11", ["Penny Wong", "Anton Vaino"])],
            id="presidential",
        ),
    ],
)
def test_meetings_and_consultations_told_with_their_days(
    text: str, published: str, wanted: list[tuple[str, str, str, list[str]]]
) -> None:
    """Meetings dated by the sentence before, told as taking place, held for consultations; a 2+2;
    a charter signed; a title of a presidential office."""
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(
            "Prime Minister Keir Starmer held a phone call with President Emmanuel Macron on Monday. Starmer "
            "later spoke with German Chancellor Olaf Scholz on Monday.",
            "2024-03-13",
            [
                ("call", "2024-03-11", "2024-03-11", ["Keir Starmer", "Emmanuel Macron"]),
                ("call", "2024-03-11", "2024-03-11", ["Keir Starmer", "Olaf Scholz"]),
            ],
            id="later-spoke-with",
        ),
        pytest.param(
            "President Emmanuel Macron spoke by telephone with President Joe Biden on Monday. Macron also "
            "spoke on Monday with Chancellor Olaf Scholz.",
            "2024-03-13",
            [
                ("call", "2024-03-11", "2024-03-11", ["Emmanuel Macron", "Joe Biden"]),
                ("call", "2024-03-11", "2024-03-11", ["Emmanuel Macron", "Olaf Scholz"]),
            ],
            id="spoke-on-monday-with",
        ),
        pytest.param(
            "Prime Minister Keir Starmer spoke with German Chancellor Olaf Scholz on Monday.",
            "2024-03-13",
            [],
            id="no-call-told",
        ),
        pytest.param(  # "had spoken by phone with the leaders": a call; "first spoke with A", "then spoke with B"
            "President Ana Ruiz said on Monday that she had spoken by phone with the leaders of Peru and Chile. "
            "Ruiz said she first spoke with Peruvian President Luis Soto. She then spoke with interim President "
            "Marta Vidal.",
            "2024-03-13",
            [
                ("call", "2024-03-11", "2024-03-11", ["Ana Ruiz", "Luis Soto"]),
                ("call", "2024-03-11", "2024-03-11", ["Ana Ruiz", "Marta Vidal"]),
            ],
            id="first-then",
        ),
        pytest.param(  # one sentence, two calls
            "Chancellor Karl Brenner spoke by phone with President Luis Soto on Monday and then with President "
            "Marta Vidal.",
            "2024-03-13",
            [
                ("call", "2024-03-11", "2024-03-11", ["Karl Brenner", "Luis Soto"]),
                ("call", "2024-03-11", "2024-03-11", ["Karl Brenner", "Marta Vidal"]),
            ],
            id="and-then-with",
        ),
        pytest.param(
            "Chancellor Karl Brenner spoke separately by telephone with President Luis Soto and President Marta "
            "Vidal on Monday.",
            "2024-03-13",
            [
                ("call", "2024-03-11", "2024-03-11", ["Karl Brenner", "Luis Soto"]),
                ("call", "2024-03-11", "2024-03-11", ["Karl Brenner", "Marta Vidal"]),
            ],
            id="separately",
        ),
    ],
)
def test_spoke_with_is_a_call_in_an_article_of_calls(
    text: str, published: str, wanted: list[tuple[str, str, str, list[str]]]
) -> None:
    """ "later spoke with X", with no phone said, is another call where the article has told of one;
    alone it may be talks in person or words with reporters, and is left alone."""
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # those who flanked the host, or made up the foursome, took no part in the talks
            "President Ana Ruiz met President Marco Bellini in Rome on Monday, flanked by Prime Minister Luca Verdi "
            "and the chiefs of staff.",
            "2024-05-08",
            [("meeting", "2024-05-06", "2024-05-06", ["Ana Ruiz", "Marco Bellini"])],
            id="flanked",
        ),
        pytest.param(
            "President Ana Ruiz met President Marco Bellini on Monday and played golf, teaming up with Senator "
            "Paul Brand and former minister Joe Kent.",
            "2024-05-08",
            [("meeting", "2024-05-06", "2024-05-06", ["Ana Ruiz", "Marco Bellini"])],
            id="teaming-up",
        ),
        pytest.param(  # "the Office of the President" is the body, not the president it is named after
            'Chilean President Ana Ruiz met Italian President Marco Bellini on Monday. "The two presidents '
            'discussed trade," the Office of the President of the Republic said in a statement.',
            "2024-05-08",
            [
                ("meeting", "2024-05-06", "2024-05-06", ["Ana Ruiz", "Marco Bellini"]),
                ("statement", "2024-05-06", "2024-05-06", ["Office of the President of the Republic"]),
            ],
            id="office-of-the-president",
        ),
        pytest.param(  # "The Prime Minister" is the prime minister named before; the one who greets him did not come
            "Prime Minister Jonas Berg signed a pact with Peru on Monday. The Prime Minister arrived in Lima on "
            "Monday morning, and was greeted by Norway's Ambassador to Peru, Eva Lund.",
            "2024-05-08",
            [
                ("agreement", "2024-05-06", "2024-05-06", ["Jonas Berg"]),
                ("visit", "2024-05-06", "2024-05-06", ["Jonas Berg"]),
            ],
            id="arrived-and-greeted",
        ),
        pytest.param(  # "the Prime Minister's Office" is the body, not the prime minister
            'Prime Minister Lars Berg spoke by telephone with President Ana Ruiz on Monday. "The talks were '
            "warm,\" the Prime Minister's Office said in a statement.",
            "2024-05-08",
            [
                ("call", "2024-05-06", "2024-05-06", ["Lars Berg", "Ana Ruiz"]),
                ("statement", "2024-05-06", "2024-05-06", ["Prime Minister's Office"]),
            ],
            id="prime-ministers-office",
        ),
        pytest.param(  # "among the heads of state who attended": a group, not the principals of the report
            "Prime Minister Joe Kent received President Lars Berg in Quito on Monday. President Berg was among the "
            "heads of state who attended the inauguration of President Ana Ruiz in Quito on 2 May.",
            "2024-05-08",
            [
                ("meeting", "2024-05-06", "2024-05-06", ["Joe Kent", "Lars Berg"]),
                ("visit", "2024-05-02", "2024-05-02", ["Lars Berg"]),
            ],
            id="among-the-heads-of-state",
        ),
        pytest.param(  # a US state is a place of the US, not a namesake town abroad: the guest is the visitor
            "Chancellor Karl Brenner travelled to Florida on Sunday, where he played golf with US President Joe Biden.",
            "2024-05-08",
            [("visit", "2024-05-05", "2024-05-05", ["Karl Brenner"])],
            id="us-state",
        ),
    ],
)
def test_who_is_a_party_and_who_only_stood_by(
    text: str, published: str, wanted: list[tuple[str, str, str, list[str]]]
) -> None:
    """Companions, bodies named after an office holder, and the one who welcomes a visitor are no party."""
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # "The trip came … after X paid a visit on <day>": that earlier visit, and the talks during it
            "President Lars Berg travelled to Lima on Saturday. The Lima trip came a week after Peruvian President "
            "Luis Soto paid a state visit to Oslo on 3 May. During that visit, Soto and Berg held talks on trade.",
            "2024-05-12",
            [
                ("visit", "2024-05-11", "2024-05-11", ["Lars Berg"]),
                ("visit", "2024-05-03", "2024-05-03", ["Luis Soto"]),
                ("meeting", "2024-05-03", "2024-05-03", ["Luis Soto", "Lars Berg"]),
            ],
            id="came-after",
        ),
        pytest.param(  # "issued after the retreat": the retreat's day, not the dinner's the evening before
            "Prime Minister Ana Ruiz hosted Prime Minister Lars Berg to dinner in Lima yesterday. Ruiz and Berg "
            "held the fifth Peru-Norway Leaders' Retreat this morning. In a joint statement issued after the "
            "retreat, the leaders said they would expand trade.",
            "2024-05-08",
            [
                ("meeting", "2024-05-07", "2024-05-07", ["Ana Ruiz", "Lars Berg"]),
                ("consultation", "2024-05-08", "2024-05-08", ["Ana Ruiz", "Lars Berg"]),
                ("statement", "2024-05-08", "2024-05-08", ["Ana Ruiz", "Lars Berg"]),
            ],
            id="after-the-retreat",
        ),
    ],
)
def test_an_earlier_event_told_as_what_came_before_and_a_retreat(
    text: str, published: str, wanted: list[tuple[str, str, str, list[str]]]
) -> None:
    """ "The trip came a week after X paid a visit on <day>": that visit is an event of its day; a
    numbered leaders' retreat is a consultation, of its own day."""
    assert _proposed(text, published) == wanted


# --- the seed article ------------------------------------------------------------------------------

#: What the bundled log records from the article (apart from the background "relations established"
#: and the trade figures): kind and participants.
SEED_EVENTS = {
    ("visit", ("muneer-ud-din",)),
    ("visit", ("hamid-asghar-khan",)),
    ("meeting", ("marizamunda", "muneer-ud-din")),
    ("consultation", ("hamid-asghar-khan",)),
    ("agreement", ("hamid-asghar-khan",)),
    ("meeting", ("akram", "nduhungirehe")),
    ("statement", ("pakistan-mission-un",)),
    ("visit", ("muganga",)),
    ("meeting", ("mirza", "muganga")),
}


def _drafted(run: Run, log: Path, article: Path, *more: str) -> dict[str, object]:
    result = run("--file", str(log), "draft", str(article), "--published", PUBLISHED, "--outlet", "KT Press",
                 "--format", "json", *more)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout)
    return found


def test_the_seed_article_gives_every_event_the_bundled_log_records(run: Run, tmp_path: Path, seed: Path) -> None:
    drafted = _drafted(run, _log(tmp_path), seed)
    events = drafted["events"]
    assert isinstance(events, list)
    found = {(e["kind"], tuple(sorted(p["id"] for p in e["participants"]))) for e in events}
    assert found == SEED_EVENTS
    muganga = next(e for e in events if e["kind"] == "meeting" and e["participants"][0]["id"] == "muganga")
    assert (muganga["start"], muganga["end"], muganga["place"]) == ("2024-01-03", "2024-01-03", "Islamabad")
    assert muganga["date_text"] == "January 3, 2024"
    assert muganga["evidence"].startswith("On January 3, 2024, General Mubarakh Muganga")
    assert muganga["planned"] is False
    # the title at the time comes from the log, as in the timeline's JSON
    assert muganga["participants"][0]["title"] == "Chief of Defence Staff, Rwanda Defence Force"
    visit = next(e for e in events if e["participants"] and e["participants"][0]["id"] == "hamid-asghar-khan")
    assert visit["date_text"] == "Last week"
    assert visit["uncertain"] is True
    assert set(events[0]) >= {"id", "date", "start", "end", "precision", "approximate", "uncertain", "kind", "title",
                              "place", "participants", "tags", "sources", "summary", "date_text", "evidence",
                              "planned"}  # fmt: skip
    assert drafted["source"] == {"id": "kt-press-2025-01", "title": None, "outlet": "KT Press", "url": None,
                                 "published": PUBLISHED}  # fmt: skip
    assert drafted["actors"] == []  # everyone is an actor of the log already


def test_the_fragment_keeps_relative_dates_as_written_and_passes_check(run: Run, tmp_path: Path, seed: Path) -> None:
    log = _log(tmp_path)
    result = run("--file", str(log), "draft", str(seed), "--published", PUBLISHED, "--outlet", "KT Press")
    assert result.exit_code == 0, result.stderr
    fragment = result.stdout
    parsed = tomllib.loads(fragment)
    dates = [e["date"] for e in parsed["event"]]
    assert "Last week" in dates
    assert "This week" in dates
    assert date(2024, 1, 3) in dates
    assert parsed["source"]["kt-press-2025-01"]["published"] == PUBLISHED
    assert "# On January 3, 2024, General Mubarakh Muganga, Chief of the Defence Staff" in fragment
    assert all(e["imported"].startswith("draft:kt-press-2025-01:") for e in parsed["event"])
    with log.open("a", encoding="utf-8") as out:
        out.write("\n" + fragment)
    checked = run("--file", str(log), "check")
    assert checked.exit_code == 0, checked.stdout + checked.stderr


def test_into_an_empty_log_new_people_come_with_their_titles_and_countries(
    run: Run, tmp_path: Path, seed: Path
) -> None:
    log = tmp_path / "new.toml"
    log.write_text('[log]\ntitle = "Mine"\n', encoding="utf-8")
    drafted = _drafted(run, log, seed)
    listed = drafted["actors"]
    assert isinstance(listed, list)
    actors = {a["name"]: a for a in listed}
    assert actors["Munir Akram"]["country"] == "PK"
    assert actors["Munir Akram"]["role"] == "UN Permanent Representative-Ambassador"
    assert actors["Juvenal Marizamunda"]["role"] == "Defense Minister"
    assert (
        actors["Muneer-ud-Din"]["role"]
        == "Director General of Foreign Military Cooperation for the Pakistan Armed Forces"
    )
    assert actors["Hamid Asghar Khan"] == {"id": "hamid-asghar-khan", "name": "Hamid Asghar Khan", "country": "PK",
                                           "role": "Envoy to Rwanda"}  # fmt: skip
    fragment = run("--file", str(log), "draft", str(seed), "--published", PUBLISHED).stdout
    with log.open("a", encoding="utf-8") as out:
        out.write("\n" + fragment)
    assert run("--file", str(log), "check").exit_code == 0


def test_append_writes_once_and_drafting_again_adds_nothing(run: Run, tmp_path: Path, seed: Path) -> None:
    log = _log(tmp_path)
    before = log.read_bytes()
    first = run("--file", str(log), "draft", str(seed), "--published", PUBLISHED, "--outlet", "KT Press", "--append")
    assert first.exit_code == 0, first.stderr
    assert "9 proposed events added" in first.stderr
    after = log.read_bytes()
    assert after.startswith(before)  # every byte kept
    again = run("--file", str(log), "draft", str(seed), "--published", PUBLISHED, "--outlet", "KT Press", "--append")
    assert again.exit_code == 0, again.stderr
    assert "9 already in the log; nothing to add" in again.stderr
    assert log.read_bytes() == after
    shown = run("--file", str(log), "timeline", "--format", "json")
    assert sum(1 for e in json.loads(shown.stdout) if "kt-press-2025-01" in e["sources"]) == 9


def test_a_plans_weekday_is_written_as_the_day_it_means(run: Run, tmp_path: Path) -> None:
    """ "On Tuesday X is due to meet Y", published on a Monday, is the Tuesday after; the log reads a
    bare "On Tuesday" as the one before, so the fragment gives the day itself and keeps the words."""
    log = _log(tmp_path)
    text = "On Tuesday General Mubarakh Muganga is due to meet General Sahir Shamshad Mirza in Islamabad.\n"
    args = ("--file", str(log), "draft", "-", "--published", "2025-01-20", "--planned")
    (event,) = json.loads(run(*args, "--format", "json", input=text).stdout)["events"]
    assert (event["start"], event["end"], event["planned"]) == ("2025-01-21", "2025-01-21", True)
    assert event["date_text"] == "On Tuesday"
    fragment = run(*args, input=text).stdout
    assert "\ndate = 2025-01-21\n" in fragment
    with log.open("a", encoding="utf-8") as out:
        out.write("\n" + fragment)
    assert run("--file", str(log), "check").exit_code == 0
    shown = json.loads(run("--file", str(log), "timeline", "--format", "json", "--since", "2025-01-21").stdout)
    assert [e["start"] for e in shown if "article-2025-01-20" in e["sources"]] == ["2025-01-21"]


def test_stdin_and_markdown_are_read(run: Run, tmp_path: Path) -> None:
    log = _log(tmp_path)
    text = (
        "# Talks in Kigali\n\nOn **January 3, 2024**, [General Mubarakh Muganga](https://x.example) met "
        "General Sahir Shamshad Mirza in Islamabad.\n"
    )
    result = run("--file", str(log), "draft", "-", "--format", "json", input=text)
    assert result.exit_code == 0, result.stderr
    (event,) = json.loads(result.stdout)["events"]
    assert [p["id"] for p in event["participants"]] == ["muganga", "mirza"]
    assert event["start"] == "2024-01-03"


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        (
            "Last week, Dar met Gen Muganga in Kigali.\n",
            [],
            "'Last week' is relative to the day the article was published; give it with --published DATE",
        ),
        ("<!DOCTYPE html><html><body>x</body></html>", ["--published", "2025-01-24"], "is an HTML page"),
        ("On Monday Dar met Muganga.\n", ["--published", "soon"], "--published"),
        (
            "On Monday Dar met Muganga.\n",
            ["--published", "2025-01-24", "--format", "xml"],
            "--format xml: use toml or json",
        ),
    ],
)
def test_bad_input_is_a_usage_error_naming_it(
    run: Run, tmp_path: Path, text: str, args: list[str], message: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    result = run("--file", str(_log(tmp_path)), "draft", str(article), *args)
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    if "relative" in message:
        assert f"{article}:1:" in result.stderr


def test_a_missing_article_is_a_read_error(run: Run, tmp_path: Path) -> None:
    result = run("--file", str(_log(tmp_path)), "draft", str(tmp_path / "nope.txt"), "--published", "2025-01-24")
    assert result.exit_code == 66
    assert "nope.txt" in result.stderr


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # the press service of the president is the body that speaks, not the president
            "Chilean President Ana Ruiz spoke by phone with Italian President Marco Bellini on Monday. The press "
            "service of the President of Chile said in a statement that Ruiz told Bellini trade was growing.",
            "2024-05-08",
            [
                ("call", "2024-05-06", "2024-05-06", ["Ana Ruiz", "Marco Bellini"]),
                ("statement", "2024-05-06", "2024-05-06", ["press service of the President of Chile"]),
            ],
            id="press-service-of-the-president",
        ),
        pytest.param(  # the press service named after the seat it speaks for, not the last leader named
            "President Ana Ruiz held talks with French President Marco Bellini in Astana on Monday. In a statement "
            "issued after the talks, the Akorda press service said the sides had agreed to increase trade.",
            "2024-05-08",
            [
                ("meeting", "2024-05-06", "2024-05-06", ["Ana Ruiz", "Marco Bellini"]),
                ("statement", "2024-05-06", "2024-05-06", ["Akorda press service"]),
            ],
            id="press-service-after-its-seat",
        ),
        pytest.param(  # "received on Tuesday at the Palace X": the guest after the day and the place
            "President Ana Ruiz received on Tuesday Italian Prime Minister Marco Bellini.",
            "2024-05-08",
            [("meeting", "2024-05-07", "2024-05-07", ["Ana Ruiz", "Marco Bellini"])],
            id="received-on-a-day",
        ),
        pytest.param(  # the host receives; the one who arrived is the visitor
            "Lima, May 7 - President of the Republic Ana Ruiz received on Tuesday at the Government Palace Italian "
            "Prime Minister Marco Bellini, who arrived in Lima earlier in the day on a working visit to Peru.",
            "2024-05-08",
            [
                ("visit", "2024-05-07", "2024-05-07", ["Marco Bellini"]),
                ("meeting", "2024-05-07", "2024-05-07", ["Ana Ruiz", "Marco Bellini"]),
            ],
            id="received-at-the-palace",
        ),
        pytest.param(  # "called on foreign adviser X": a call on someone titled in lower case
            "Chile's foreign secretary Maria Lopez arrived in Lima on Tuesday. Later in the day, the Chilean foreign "
            "secretary called on foreign adviser Juan Perez at the ministry.",
            "2024-05-08",
            [
                ("visit", "2024-05-07", "2024-05-07", ["Maria Lopez"]),
                ("meeting", "2024-05-07", "2024-05-07", ["Maria Lopez", "Juan Perez"]),
            ],
            id="called-on-a-lower-case-title",
        ),
        pytest.param(  # "She also …" is the one who made the call before; "the guest house" is no guest
            "Peru's foreign secretary Luis Soto held consultations with Chile's foreign secretary Maria Lopez in "
            "Lima on Thursday. Soto said trade was growing. Soto told reporters "
            "the talks went well. Later in the day, the Chilean foreign secretary called on foreign adviser Juan "
            "Perez at the ministry. She also paid a courtesy call on chief adviser Ana Ruiz at the guest house.",
            "2024-05-10",
            [
                ("consultation", "2024-05-09", "2024-05-09", ["Luis Soto", "Maria Lopez"]),
                ("meeting", "2024-05-09", "2024-05-09", ["Maria Lopez", "Juan Perez"]),
                ("meeting", "2024-05-09", "2024-05-09", ["Maria Lopez", "Ana Ruiz"]),
            ],
            id="she-also",
        ),
    ],
)
def test_hosts_guests_and_the_calls_that_follow(
    text: str, published: str, wanted: list[tuple[str, str, str, list[str]]]
) -> None:
    """The host who receives and the guest received, a call on an official named in lower case, a
    pronoun that goes on from the sentence before, and a body that speaks for its president."""
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # an N-point declaration is its signatories', not the reader's; the year it recalls no date
            "President Ana Ruiz met President Marco Bellini in Lima on Monday. In an 11-point joint declaration "
            "read out by Foreign Minister Luis Soto at the end of the talks, the two leaders agreed to settle "
            "disputes under the treaty of 1966.",
            "2024-05-08",
            [
                ("meeting", "2024-05-06", "2024-05-06", ["Ana Ruiz", "Marco Bellini"]),
                ("statement", "2024-05-06", "2024-05-06", ["Ana Ruiz", "Marco Bellini"]),
            ],
            id="declaration-read-out",
        ),
        pytest.param(  # "according to a statement from the Royal Cabinet": the cabinet's statement
            "On Monday, President Ana Ruiz held a phone call with President Marco Bellini, according to a "
            "statement from the Royal Cabinet.",
            "2024-05-08",
            [
                ("call", "2024-05-06", "2024-05-06", ["Ana Ruiz", "Marco Bellini"]),
                ("statement", "2024-05-06", "2024-05-06", ["Royal Cabinet"]),
            ],
            id="statement-from",
        ),
        pytest.param(  # "adopted at the meeting": the high-level meeting the two co-chaired, on its day
            "Prime Minister Ana Ruiz and Prime Minister Marco Bellini co-chaired the fifth Peru-Chile High-Level "
            "Meeting in Lima on Thursday. Bellini arrived in Lima on Wednesday. In a joint declaration adopted at "
            "the meeting, the two sides reaffirmed the roadmap agreed in April last year.",
            "2024-05-10",
            [
                ("consultation", "2024-05-09", "2024-05-09", ["Ana Ruiz", "Marco Bellini"]),
                ("visit", "2024-05-08", "2024-05-08", ["Marco Bellini"]),
                ("statement", "2024-05-09", "2024-05-09", ["Marco Bellini", "Ana Ruiz"]),
            ],
            id="declaration-at-the-meeting",
        ),
        pytest.param(  # "Canal Administrator X": an administrator is titled, and a side of the talks
            "US Secretary of State Marco Rubio met President Jose Mulino in Panama City on Sunday. In the "
            "afternoon, the secretary met Panama Canal Administrator Ricaurte Vasquez during a tour of the locks.",
            "2025-02-03",
            [
                ("meeting", "2025-02-02", "2025-02-02", ["Marco Rubio", "Jose Mulino"]),
                ("visit", "2025-02-02", "2025-02-02", ["Marco Rubio"]),
                ("meeting", "2025-02-02", "2025-02-02", ["Marco Rubio", "Ricaurte Vasquez"]),
            ],
            id="administrator",
        ),
    ],
)
def test_declarations_and_statements_at_the_talks(
    text: str, published: str, wanted: list[tuple[str, str, str, list[str]]]
) -> None:
    """A declaration issued at talks, whoever read it out and whatever year it recalls, a statement
    from a body named as a cabinet, and an official titled administrator."""
    assert _proposed(text, published) == wanted


# --- the evaluation --------------------------------------------------------------------------------


def test_the_evaluation_does_not_fall(tmp_path: Path) -> None:
    """The corpus's scores as they stand: a change to the rules that lowers one fails here. The
    articles up to ``TUNED`` have been read by the rules' authors and draft no background and no
    bystanders; the later ones joined as they were first drafted, and their count may only fall."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import draft_eval

    total, tuned = draft_eval.Score(), draft_eval.Score()
    for text_file in sorted(draft_eval.CORPUS.glob("*.txt")):
        result, _ = draft_eval.score(text_file)
        total.add(result)
        if int(text_file.name.split("-", 1)[0]) <= TUNED:
            tuned.add(result)
    metrics = total.metrics()
    assert total.gold >= 1654
    assert metrics["recall"] >= 0.866
    assert metrics["precision"] >= 0.942
    assert metrics["exact dates"] >= 0.97
    assert metrics["participant F1"] >= 0.95
    assert total.background <= 10  # proposals from a sentence of background, plans or mentions
    assert total.bystanders <= 20  # people proposed who took no part
    assert tuned.gold >= 608
    assert tuned.metrics()["recall"] >= 0.94
    assert tuned.background == 0
    assert tuned.bystanders == 0


#: The corpus's articles whose drafts the rules were written against (see its README).
TUNED = 159


# --- reviewing at a terminal -----------------------------------------------------------------------


def _terminal(log: Path, tmp_path: Path, article: Path) -> pexpect.spawn:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1", "COLUMNS": "100"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "rwpk_cli", "--file", str(log), "draft", str(article), "--published", PUBLISHED, "--outlet",
         "KT Press", "--append"],
        env=env, encoding="utf-8", timeout=30, dimensions=(40, 100),
    )  # fmt: skip


def test_at_a_terminal_each_proposal_is_accepted_edited_or_skipped(tmp_path: Path, seed: Path) -> None:
    log = _log(tmp_path)
    before = log.read_bytes()
    child = _terminal(log, tmp_path, seed)
    child.expect("Proposal 1 of 9")
    child.expect(r"\(a/e/s, q to stop\)")
    child.sendline("s")  # the Defence delegation's visit: skipped
    child.expect("Proposal 2 of 9")
    child.expect(r"\(a/e/s, q to stop\)")
    child.sendline("e")
    child.expect("Date")
    child.sendline("lst week")  # checked as it is typed, as rwpk add checks it
    child.expect("cannot|not a date|read")
    child.expect("Date")
    child.sendline("2025-01-21")
    child.expect("Kind")
    child.sendline("consultation")
    child.expect("Title")
    child.sendline("Foreign Ministry delegation in Kigali")
    child.expect("Participants")
    child.sendline("")
    child.expect("Place")
    child.sendline("")
    child.expect("Proposal 2 of 9")  # shown again as edited
    child.expect("Foreign Ministry delegation in Kigali")
    child.expect(r"\(a/e/s, q to stop\)")
    child.sendline("a")
    child.expect("Proposal 3 of 9")
    child.expect(r"\(a/e/s, q to stop\)")
    child.sendline("q")  # stop: keep what was accepted
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    after = log.read_text(encoding="utf-8")
    assert log.read_bytes().startswith(before)
    added = tomllib.loads(after[len(before.decode("utf-8")) :])
    (event,) = added["event"]
    assert (event["kind"], event["title"], event["date"]) == (
        "consultation", "Foreign Ministry delegation in Kigali", date(2025, 1, 21),
    )  # fmt: skip
    assert event["participants"] == ["hamid-asghar-khan"]
    assert event["imported"] == "draft:kt-press-2025-01:2"
