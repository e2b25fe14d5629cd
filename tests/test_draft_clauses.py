"""``rwpk draft``: the events a sentence tells in its clauses, lists and asides.

Each case is a short article written for the test (not a corpus sentence) and the whole draft it
must give: kind, first and last day, participants.
"""

from __future__ import annotations

import pytest

from rwpk_cli.dates.parse import parse_date
from rwpk_cli.draft.text import quoted
from rwpk_cli.draft.when import find_dates
from tests.test_draft import _proposed

Wanted = list[tuple[str, str, str, list[str]]]


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # an earlier visit and meeting the news came after, dated to its day
            "Foreign Minister Ana Ruiz of Peru arrived in Quito on Thursday. The visit comes two weeks after "
            "Chilean Foreign Minister Marco bin Bellini visited Quito on January 16 and met President Luis Soto.",
            "2025-02-01",
            [
                ("visit", "2025-01-30", "2025-01-30", ["Ana Ruiz"]),
                ("visit", "2025-01-16", "2025-01-16", ["Marco bin Bellini"]),
                ("meeting", "2025-01-16", "2025-01-16", ["Marco bin Bellini", "Luis Soto"]),
            ],
            id="came-after",
        ),
        pytest.param(  # one the news came after, with no date of its own: history
            "Foreign Minister Ana Ruiz of Peru arrived in Quito on Thursday. The visit follows talks between "
            "President Luis Soto and President Marco Bellini.",
            "2025-02-01",
            [("visit", "2025-01-30", "2025-01-30", ["Ana Ruiz"])],
            id="came-after-undated",
        ),
        pytest.param(  # two calls of one sentence, each in its clause with its own day and people
            "President Ana Ruiz and President Marco Bellini spoke by phone on Wednesday, a day after Ruiz's "
            "telephone conversation with Prime Minister Luis Soto on Tuesday.",
            "2025-03-20",
            [
                ("call", "2025-03-19", "2025-03-19", ["Ana Ruiz", "Marco Bellini"]),
                ("call", "2025-03-18", "2025-03-18", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="two-calls",
        ),
        pytest.param(  # "hours after": the same day as the rest of the sentence
            "Prime Minister Ana Ruiz arrived in Lima on Sunday. Ruiz met President Marco Bellini yesterday, "
            "hours after she held talks with Premier Luis Soto.",
            "2025-03-20",
            [
                ("visit", "2025-03-16", "2025-03-16", ["Ana Ruiz"]),
                ("meeting", "2025-03-19", "2025-03-19", ["Ana Ruiz", "Marco Bellini"]),
                ("meeting", "2025-03-19", "2025-03-19", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="hours-after",
        ),
        pytest.param(  # a call told in a "since" clause, dated to its day, with the people it names
            "Prime Minister Ana Ruiz met President Marco Bellini in Lima on Monday. It was their first meeting "
            "since Bellini congratulated Ruiz in a telephone call on November 25 last year.",
            "2024-01-09",
            [
                ("meeting", "2024-01-08", "2024-01-08", ["Ana Ruiz", "Marco Bellini"]),
                ("call", "2023-11-25", "2023-11-25", ["Marco Bellini", "Ana Ruiz"]),
            ],
            id="since-a-day",
        ),
        pytest.param(  # a pact in a "since" clause dated by a year: not the day of the sentence's arrival
            "Prime Minister Ana Ruiz arrived in Lima on Sunday for a week-long official visit, her first since "
            "the two countries signed a security pact last year.",
            "2023-07-11",
            [("visit", "2023-07-09", "2023-07-15", ["Ana Ruiz"])],
            id="since-a-year",
        ),
        pytest.param(  # talks at the stop before, with no date: the stop before's
            "On Tuesday, President Ana Ruiz arrived in Lima from Quito, where she held talks with President Marco "
            "Bellini. She met Prime Minister Luis Soto on Wednesday.",
            "2025-03-20",
            [
                ("visit", "2025-03-18", "2025-03-18", ["Ana Ruiz"]),
                ("meeting", "2025-03-19", "2025-03-19", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="from-where",
        ),
        pytest.param(  # "October 17 last year" is a day given in full
            "President Ana Ruiz arrived in Lima on Wednesday. Ruiz last met President Marco Bellini in Quito on "
            "October 17 last year.",
            "2024-05-09",
            [
                ("visit", "2024-05-08", "2024-05-08", ["Ana Ruiz"]),
                ("meeting", "2023-10-17", "2023-10-17", ["Ana Ruiz", "Marco Bellini"]),
            ],
            id="last-year",
        ),
        pytest.param(  # a visit as a child, decades ago: background, whatever was told before
            "President Ana Ruiz met President Marco Bellini in Lima on Friday. Her grandfather, Judge Luis Soto, "
            "worked in Lima in the 1960s, when she visited him as a child.",
            "2023-04-01",
            [("meeting", "2023-03-31", "2023-03-31", ["Ana Ruiz", "Marco Bellini"])],
            id="as-a-child",
        ),
    ],
)
def test_events_of_another_time(text: str, published: str, wanted: Wanted) -> None:
    """Events a sentence tells of as what came before (after "comes after", "since", "from X,
    where"), each with its own date and people, and none without a day of its own."""
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(
            "Foreign Minister Ana Ruiz arrived in Lima on Thursday. She called on President Marco Bellini, "
            "Prime Minister Luis Soto and opposition leader Juan Perez.",
            "2025-02-01",
            [
                ("visit", "2025-01-30", "2025-01-30", ["Ana Ruiz"]),
                ("meeting", "2025-01-30", "2025-01-30", ["Ana Ruiz", "Marco Bellini"]),
                ("meeting", "2025-01-30", "2025-01-30", ["Ana Ruiz", "Luis Soto"]),
                ("meeting", "2025-01-30", "2025-01-30", ["Ana Ruiz", "Juan Perez"]),
            ],
            id="called-on-three",
        ),
        pytest.param(
            "Foreign Minister Ana Ruiz arrived in Lima on Thursday. She paid courtesy calls on President Marco "
            "Bellini and Prime Minister Luis Soto.",
            "2025-02-01",
            [
                ("visit", "2025-01-30", "2025-01-30", ["Ana Ruiz"]),
                ("meeting", "2025-01-30", "2025-01-30", ["Ana Ruiz", "Marco Bellini"]),
                ("meeting", "2025-01-30", "2025-01-30", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="courtesy-calls",
        ),
        pytest.param(  # titles set off by commas, and "the Peruvian premier" for the one titled prime minister
            "Peruvian Prime Minister Ana Ruiz arrived in Quito on Friday. The Peruvian premier also met the Head "
            "of the Council, Marco Bellini, and the Minister of Foreign Affairs, Luisa Soto.",
            "2025-02-01",
            [
                ("visit", "2025-01-31", "2025-01-31", ["Ana Ruiz"]),
                ("meeting", "2025-01-31", "2025-01-31", ["Ana Ruiz", "Marco Bellini"]),
                ("meeting", "2025-01-31", "2025-01-31", ["Ana Ruiz", "Luisa Soto"]),
            ],
            id="apposed-titles",
        ),
        pytest.param(  # one received with another in attendance: one meeting
            "President Marco Bellini received Foreign Minister Ana Ruiz at the palace on Thursday, with Foreign "
            "Minister Luis Soto in attendance.",
            "2025-02-01",
            [("meeting", "2025-01-30", "2025-01-30", ["Marco Bellini", "Ana Ruiz", "Luis Soto"])],
            id="in-attendance",
        ),
    ],
)
def test_a_list_is_one_meeting_each(text: str, published: str, wanted: Wanted) -> None:
    """ "called on A, B and C", "paid courtesy calls on A and B": one meeting with each."""
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # a round of negotiations is consultations, though not called so
            "Foreign Minister Ana Ruiz and Foreign Minister Marco Bellini held a fresh round of peace "
            "negotiations in Quito on Friday.",
            "2025-02-01",
            [("consultation", "2025-01-31", "2025-01-31", ["Ana Ruiz", "Marco Bellini"])],
            id="round-of-negotiations",
        ),
        pytest.param(  # talks concluded on a draft agreement sign nothing
            "Foreign Minister Ana Ruiz and Foreign Minister Marco Bellini on Saturday concluded two days of "
            "negotiations on the draft peace agreement.",
            "2025-02-01",
            [],
            id="concluded-negotiations",
        ),
        pytest.param(  # a welcome at the airport on arrival is no meeting
            "President Ana Ruiz arrived at Jorge Chavez International Airport on Saturday night for a two-day "
            "visit, and was received by the Minister of the Capital Territory, Marco Bellini.",
            "2025-02-02",
            [("visit", "2025-02-01", "2025-02-02", ["Ana Ruiz"])],
            id="airport-welcome",
        ),
        pytest.param(  # "At the end of the talks, the two countries exchanged …": those who held the talks
            "President Ana Ruiz held talks with President Marco Bellini in Lima on Sunday. At the end of the "
            "talks, the two countries exchanged three memoranda of understanding.",
            "2025-02-03",
            [
                ("meeting", "2025-02-02", "2025-02-02", ["Ana Ruiz", "Marco Bellini"]),
                ("agreement", "2025-02-02", "2025-02-02", ["Ana Ruiz", "Marco Bellini"]),
            ],
            id="the-two-countries",
        ),
        pytest.param(  # "During the talks, …" brings the day back to the talks, after an arrival told later
            "President Marco Bellini held talks with President Ana Ruiz in Lima on Tuesday. Bellini arrived in "
            "Lima on Monday evening. During the talks, the two discussed trade. The two presidents then "
            "witnessed the signing of several agreements.",
            "2025-02-05",
            [
                ("meeting", "2025-02-04", "2025-02-04", ["Marco Bellini", "Ana Ruiz"]),
                ("visit", "2025-02-03", "2025-02-03", ["Marco Bellini"]),
                ("agreement", "2025-02-04", "2025-02-04", ["Marco Bellini", "Ana Ruiz"]),
            ],
            id="during-the-talks",
        ),
        pytest.param(  # "The Government said in a statement": the government, as the log names it
            "President Ana Ruiz landed in Lima on Tuesday. The Government said in a statement on Tuesday that "
            "the visit was welcome.",
            "2025-02-05",
            [
                ("visit", "2025-02-04", "2025-02-04", ["Ana Ruiz"]),
                ("statement", "2025-02-04", "2025-02-04", ["Government"]),
            ],
            id="the-government",
        ),
    ],
)
def test_what_kind_of_event_and_who(text: str, published: str, wanted: Wanted) -> None:
    """Negotiating rounds, talks that sign nothing, welcomes on arrival, agreements of "the two
    countries", the day "During the talks" returns to, and a government that states."""
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # a Costa Rican is no one's name, nor are "Pacific Island leaders"
            "President Ana Ruiz met President Marco Bellini in Lima on Tuesday, becoming the first Costa Rican "
            "president to be received there, before a summit with Pacific Island leaders.",
            "2023-08-30",
            [("meeting", "2023-08-29", "2023-08-29", ["Ana Ruiz", "Marco Bellini"])],
            id="demonyms-and-groups",
        ),
        pytest.param(  # a second gentleman is a spouse beside the visitor, no visitor himself
            "Vice President Ana Ruiz and Second Gentleman Marco Vargas arrived in Lima on Friday.",
            "2025-02-05",
            [("visit", "2025-01-31", "2025-01-31", ["Ana Ruiz"])],
            id="second-gentleman",
        ),
        pytest.param(  # a religious title introduces a person
            "President Ana Ruiz arrived in Cairo on Saturday. On the same day, she met the Grand Mufti of Egypt, "
            "Shawki Allam.",
            "2023-06-25",
            [
                ("visit", "2023-06-24", "2023-06-24", ["Ana Ruiz"]),
                ("meeting", "2023-06-24", "2023-06-24", ["Ana Ruiz", "Shawki Allam"]),
            ],
            id="grand-mufti",
        ),
        pytest.param(  # "Ghana's Minister for … and Regional Integration X" is of Ghana: "the Ghanaian minister"
            "Prime Minister Ana Ruiz met Ghana's Minister for Foreign Affairs and Regional Integration Akua Mensah "
            "in Lima on Monday. The Ghanaian minister was received by Director General Marco Bellini on Sunday.",
            "2024-02-20",
            [
                ("meeting", "2024-02-19", "2024-02-19", ["Ana Ruiz", "Akua Mensah"]),
                ("meeting", "2024-02-18", "2024-02-18", ["Akua Mensah", "Marco Bellini"]),
            ],
            id="portfolios-joined",
        ),
    ],
)
def test_who_is_a_person(text: str, published: str, wanted: Wanted) -> None:
    """Demonyms of two words, names of groups and places, spouses, religious titles, portfolios joined by "and"."""
    assert _proposed(text, published) == wanted


def test_a_date_inside_a_quotation_the_sentence_does_not_close_dates_nothing() -> None:
    """ "Good talks today in Lima. Agreements signed," she wrote: the sentence splitter cuts the quotation."""
    text = '"Good mission of the government today in Lima.'
    (found,) = find_dates(text, parse_date("2025-01-29"))
    assert quoted(text, found.start)
    assert not quoted("They met today in Lima.", 9)
