"""``rwpk draft``: how long a visit lasted, who made it, and whose day a reported visit has.

Each case is a short article written for the test and the whole draft it must give: kind, first
and last day, participants. The end of a stay is often told apart from its start ("will remain
until Tuesday", "left last night", "During his three-day visit"), and the people who came along
are not the visitors.
"""

from __future__ import annotations

import pytest

from rwpk_cli.dates.parse import parse_date
from rwpk_cli.draft import Article, draft
from rwpk_cli.read.records import Cited
from tests.test_draft import _proposed

Wanted = list[tuple[str, str, str, list[str]]]


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # the end in the arrival sentence, still to come: read forwards
            "President Ana Ruiz of Peru, who landed in Quito on Sunday night and will remain in the country "
            "until midday on Tuesday, laid a wreath on Monday.",
            "2025-02-03",
            [("visit", "2025-02-02", "2025-02-04", ["Ana Ruiz"])],
            id="remain-until",
        ),
        pytest.param(  # the end in a later sentence that names the visitor
            "Peruvian President Ana Ruiz arrived in Quito on Thursday. Ruiz left Quito last night for Bogota, "
            "the next stop of her tour.",
            "2025-02-01",
            [("visit", "2025-01-30", "2025-01-31", ["Ana Ruiz"])],
            id="left-last-night",
        ),
        pytest.param(  # the end said of him, still to come, after publication
            "Peruvian President Ana Ruiz arrived in Quito on Thursday. He is scheduled to leave the capital on "
            "Saturday to return home.",
            "2025-01-31",
            [("visit", "2025-01-30", "2025-02-01", ["Ana Ruiz"])],
            id="scheduled-to-leave",
        ),
        pytest.param(  # "a visit that concludes on Saturday", in a report of Friday: that Saturday is ahead
            "Peruvian President Ana Ruiz arrived in Quito on Thursday evening, for an official visit that "
            "concludes on Saturday.",
            "2025-01-31",
            [("visit", "2025-01-30", "2025-02-01", ["Ana Ruiz"])],
            id="concludes",
        ),
        pytest.param(  # the length alone, in a later sentence without a day
            "Peruvian President Ana Ruiz arrived in Quito on Wednesday. During her three-day visit, Ruiz is "
            "to travel to Guayaquil and Cuenca.",
            "2025-01-29",
            [("visit", "2025-01-29", "2025-01-31", ["Ana Ruiz"])],
            id="length-told-later",
        ),
        pytest.param(  # setting off from home for the visit is its first day, not its last
            "Peruvian President Ana Ruiz left Lima for Ecuador on Wednesday on a four-day official visit.",
            "2025-01-29",
            [("visit", "2025-01-29", "2025-02-01", ["Ana Ruiz"])],
            id="left-home-for",
        ),
        pytest.param(  # "of three days" is a length too
            "Peruvian President Ana Ruiz arrived in Quito on Tuesday on an official visit of three days.",
            "2025-01-29",
            [("visit", "2025-01-28", "2025-01-30", ["Ana Ruiz"])],
            id="visit-of-three-days",
        ),
        pytest.param(  # the day told is the second of three
            "Peruvian President Ana Ruiz met President Luis Soto in Quito on Tuesday, on the second day of her "
            "three-day visit to Ecuador.",
            "2025-01-29",
            [
                ("visit", "2025-01-27", "2025-01-29", ["Ana Ruiz"]),
                ("meeting", "2025-01-28", "2025-01-28", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="second-day-of",
        ),
        pytest.param(  # a cross-month stay, written as one range
            "Peruvian President Ana Ruiz is on a state visit to Ecuador from 28 January to 2 February.",
            "2025-01-29",
            [("visit", "2025-01-28", "2025-02-02", ["Ana Ruiz"])],
            id="across-months",
        ),
    ],
)
def test_how_long_a_visit_lasted(text: str, published: str, wanted: Wanted) -> None:
    assert _proposed(text, published) == wanted


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # those who came along are not the visitors; the one named before is
            "Peruvian President Ana Ruiz met Ecuadorian President Luis Soto in Quito on Friday. The Peruvian "
            "president arrived in Quito on Thursday, accompanied by her husband and by Peruvian Foreign "
            "Minister Carlos Vera.",
            "2025-01-31",
            [
                ("meeting", "2025-01-31", "2025-01-31", ["Ana Ruiz", "Luis Soto"]),
                ("visit", "2025-01-30", "2025-01-30", ["Ana Ruiz"]),
            ],
            id="accompanied-by",
        ),
        pytest.param(  # a companion told before the words of the visit
            "Peruvian President Ana Ruiz met President Luis Soto on Friday. The Peruvian President, accompanied "
            "by Peruvian Trade Minister Carlos Vera, arrived in Quito on Thursday.",
            "2025-01-31",
            [
                ("meeting", "2025-01-31", "2025-01-31", ["Ana Ruiz", "Luis Soto"]),
                ("visit", "2025-01-30", "2025-01-30", ["Ana Ruiz"]),
            ],
            id="companion-before",
        ),
        pytest.param(  # a long title before the name, of offices joined by "and"
            "The First Secretary of the Central Committee of the Socialist Party of Ecuador and President of "
            "the Republic, Luis Soto Vera, held talks on Friday with Peruvian President Ana Ruiz in Quito.",
            "2025-01-31",
            [("meeting", "2025-01-31", "2025-01-31", ["Luis Soto Vera", "Ana Ruiz"])],
            id="long-title",
        ),
        pytest.param(  # the one the host received is the visitor
            "President Luis Soto received his Peruvian counterpart, Ana Ruiz, at the Carondelet Palace "
            "on Monday, on the first day of her state visit.",
            "2025-01-27",
            [
                ("visit", "2025-01-27", "2025-01-27", ["Ana Ruiz"]),
                ("meeting", "2025-01-27", "2025-01-27", ["Luis Soto", "Ana Ruiz"]),
            ],
            id="received-his-counterpart",
        ),
        pytest.param(  # a sovereign is named by one name
            "Pope Francis arrived in Quito on Saturday for a two-day visit.",
            "2025-02-01",
            [("visit", "2025-02-01", "2025-02-02", ["Francis"])],
            id="pope",
        ),
        pytest.param(  # the arrival late the night before and the day of the talks are one stay
            "Peruvian President Ana Ruiz landed in Quito late on Thursday night. On Friday, Ruiz visited "
            "the Carondelet Palace in Quito.",
            "2025-01-31",
            [("visit", "2025-01-30", "2025-01-31", ["Ana Ruiz"])],
            id="arrival-the-night-before",
        ),
    ],
)
def test_who_made_the_visit(text: str, published: str, wanted: Wanted) -> None:
    assert _proposed(text, published) == wanted


def test_those_who_met_the_visitor_at_the_airport_are_not_visitors() -> None:
    text = (
        "Peruvian President Ana Ruiz arrived in Quito on Thursday and was met at Mariscal Sucre "
        "International Airport by Peruvian Ambassador Carlos Vera."
    )
    visits = [p for p in _proposed(text, "2025-01-31") if p[0] == "visit"]
    assert visits == [("visit", "2025-01-30", "2025-01-30", ["Ana Ruiz"])]


@pytest.mark.parametrize(("sentence", "place"), [
    ("Peruvian President Ana Ruiz arrived in Rio de Janeiro on Monday.", "Rio de Janeiro"),
    ("Peruvian President Ana Ruiz arrived at the Palacio de Carondelet in Quito on Monday.", "Quito"),
])  # fmt: skip
def test_a_place_of_several_words_joined_by_de(sentence: str, place: str) -> None:
    article = Article(sentence, "article.txt", parse_date("2025-01-27"), "2025-01-27", "test")
    (visit,) = draft(article, None, False, Cited("test", None, None, None, "2025-01-27")).proposals
    assert visit.place is not None
    assert visit.place.name == place


def test_a_visit_reported_in_a_statement_is_not_dated_by_the_statement() -> None:
    """ "said in a statement on Tuesday that the state visit, which will last until Friday": Tuesday
    is the day of the saying; the visit keeps the days the article gives it."""
    text = (
        "Peruvian President Ana Ruiz arrived in Quito on Wednesday. Her spokesman, Spokesman Jorge Paz, "
        "had said in a statement on Tuesday that the state visit, which will last until Friday, would "
        "focus on trade."
    )
    proposed = _proposed(text, "2025-01-31")
    visits = [p for p in proposed if p[0] == "visit"]
    assert visits == [("visit", "2025-01-29", "2025-01-31", ["Ana Ruiz"])]


def test_an_extended_visit_quotes_both_its_date_words_and_sentences() -> None:
    text = "Peruvian President Ana Ruiz arrived in Quito on Thursday. Ruiz left Quito last night for Bogota."
    article = Article(text, "article.txt", parse_date("2025-02-01"), "2025-02-01", "test")
    (visit,) = draft(article, None, False, Cited("test", None, None, None, "2025-02-01")).proposals
    assert visit.date == "2025-01-30/2025-01-31"
    assert visit.date_text == "on Thursday … last night"
    assert [s.text for s in visit.evidence] == [
        "Peruvian President Ana Ruiz arrived in Quito on Thursday.",
        "Ruiz left Quito last night for Bogota.",
    ]


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # "during their summit": a meeting
            "Peruvian President Ana Ruiz and Ecuadorian President Luis Soto discussed border trade and "
            "migration during their summit in Quito on Wednesday.",
            "2025-01-31",
            [("meeting", "2025-01-29", "2025-01-29", ["Ana Ruiz", "Luis Soto"])],
            id="summit",
        ),
        pytest.param(  # the press secretary who tells of the meeting took no part in it
            "Peruvian President Ana Ruiz met Ecuadorian President Luis Soto in Quito on Wednesday. Peruvian "
            "Press Secretary Jorge Paz told reporters in Quito that the meeting with Soto was held in a cordial "
            "atmosphere.",
            "2025-01-31",
            [("meeting", "2025-01-29", "2025-01-29", ["Ana Ruiz", "Luis Soto"])],
            id="press-secretary",
        ),
        pytest.param(  # an earlier visit dated only "earlier this month" is background
            "Peruvian President Ana Ruiz met Ecuadorian President Luis Soto in Quito on Wednesday. Defence "
            "Minister Carlos Vera of Peru visited Quito earlier this month.",
            "2025-01-31",
            [("meeting", "2025-01-29", "2025-01-29", ["Ana Ruiz", "Luis Soto"])],
            id="earlier-this-month",
        ),
    ],
)
def test_what_the_sentences_around_a_visit_are(text: str, published: str, wanted: Wanted) -> None:
    assert _proposed(text, published) == wanted
