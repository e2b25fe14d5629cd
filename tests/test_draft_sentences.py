"""``rwpk draft``: sentences whose shape hides an event, its day or its people.

Each case is a short article written for the test and the whole draft it must give: kind, first
and last day, participants. A dateline written as a name ("Dhaka, March 29:") is when the story was
filed, not the day of the meeting; a plural title ("Presidents A and B") names two people; "met A,
and then called on B" is two meetings; a date that only says since when does not date the event;
and "the two" after a person described by title are that person and the one named.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rwpk_cli.draft.people import new_people
from rwpk_cli.draft.text import sentences
from tests.test_draft import _proposed

Wanted = list[tuple[str, str, str, list[str]]]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "Dhaka, March 29: Chief Adviser Ana Ruiz met Luis Soto on Friday.",
            "Chief Adviser Ana Ruiz met Luis Soto on Friday.",
        ),
        ("Taipei, April 6 (CNA) President Ana Ruiz met Luis Soto.", "President Ana Ruiz met Luis Soto."),
        ("New Delhi, Dec 16 (PTI) - India and Peru signed two agreements.", "India and Peru signed two agreements."),
        ("SEOUL, Feb. 7 (Yonhap) -- Ana Ruiz spoke with Luis Soto.", "Ana Ruiz spoke with Luis Soto."),
        ("GEORGETOWN (Guyana), Nov. 21 - Ana Ruiz met Luis Soto.", "Ana Ruiz met Luis Soto."),
        ("NAIROBI, Friday - Ana Ruiz met Luis Soto.", "Ana Ruiz met Luis Soto."),
        ("NUSA DUA, Indonesia, Nov 14 (Reuters) - Ana Ruiz met Luis Soto.", "Ana Ruiz met Luis Soto."),
        ("PORT LOUIS, Mauritius, March 3 - Ana Ruiz met Luis Soto.", "Ana Ruiz met Luis Soto."),
        ("PORT MORESBY, May 22 (PTI) Ana Ruiz met Luis Soto.", "Ana Ruiz met Luis Soto."),
        ("Jakarta (VNA) - Ana Ruiz met Luis Soto.", "Ana Ruiz met Luis Soto."),
        # an acronym and its expansion, with no day: the start of the sentence
        (
            "ECOWAS (Economic Community of West African States) Leaders met.",
            "ECOWAS (Economic Community of West African States) Leaders met.",
        ),
        # a place in capitals and a name after a comma, with no day: the start of a sentence
        ("NATO, Ana Ruiz said - and she met Luis Soto.", "NATO, Ana Ruiz said - and she met Luis Soto."),
        # not datelines: a time phrase, and a place without its day
        (
            "On Monday, March 3 (Local time) Ana Ruiz met Luis Soto.",
            "On Monday, March 3 (Local time) Ana Ruiz met Luis Soto.",
        ),
        ("Until Friday, May 2: the talks go on.", "Until Friday, May 2: the talks go on."),
        ("Quito, Ruiz said: the talks went well.", "Quito, Ruiz said: the talks went well."),
    ],
)
def test_a_dateline_is_dropped_whether_its_place_is_in_capitals_or_not(line: str, kept: str) -> None:
    assert [s.text for s in sentences(line)] == [kept]


@pytest.mark.parametrize(
    ("text", "published", "wanted"),
    [
        pytest.param(  # the dateline's day is the filing; "on Friday" is the meeting's
            "Dhaka, March 29: Chief Adviser Ana Ruiz held a bilateral meeting with Chinese President Luis Soto in "
            "Beijing on Friday.",
            "2025-03-29",
            [("meeting", "2025-03-28", "2025-03-28", ["Ana Ruiz", "Luis Soto"])],
            id="dateline-as-a-name",
        ),
        pytest.param(  # one title in the plural for the two names after it
            "Presidents Ana Ruiz and Luis Soto on Thursday signed a treaty on allied relations in Quito.",
            "2025-01-31",
            [("agreement", "2025-01-30", "2025-01-30", ["Ana Ruiz", "Luis Soto"])],
            id="plural-title",
        ),
        pytest.param(  # what one is "expected" to do is a plan, whoever is named between
            "Peru and Ecuador initialled the text on June 18. President Ana Ruiz said he expected Presidents "
            "Luis Soto and Marta Vega to come to Quito in the coming weeks to sign a further agreement.",
            "2025-06-28",
            [],
            id="expected-them-to",
        ),
        pytest.param(  # "and then called on B": a second meeting, the same day, of the same subject
            "Peruvian Foreign Secretary Ana Ruiz arrived in Quito on Monday. After the consultations, Ruiz met "
            "Foreign Adviser Luis Soto at the foreign ministry, and then called on Chief Adviser Marta Vega at "
            "the state guest house.",
            "2025-02-03",
            [
                ("visit", "2025-02-03", "2025-02-03", ["Ana Ruiz"]),
                ("meeting", "2025-02-03", "2025-02-03", ["Ana Ruiz", "Luis Soto"]),
                ("meeting", "2025-02-03", "2025-02-03", ["Ana Ruiz", "Marta Vega"]),
            ],
            id="and-then-called-on",
        ),
        pytest.param(  # "since the earthquakes … in February" says since when, not when they met
            "Peruvian President Ana Ruiz signed a declaration in Quito on Thursday. The Peruvian leader was "
            "first received by Ecuadorian President Luis Soto at the palace, where the two discussed relations "
            "since the devastating earthquakes in Peru in February.",
            "2025-12-05",
            [
                ("agreement", "2025-12-04", "2025-12-04", ["Ana Ruiz"]),
                ("meeting", "2025-12-04", "2025-12-04", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="since-a-month",
        ),
        pytest.param(  # "the first held since 2016" is news measured against the past, not background
            "Peruvian President Ana Ruiz arrived in Quito on Thursday. Ruiz then held talks with Ecuadorian "
            "President Luis Soto at the palace, the first held since 2016.",
            "2025-12-05",
            [
                ("visit", "2025-12-04", "2025-12-04", ["Ana Ruiz"]),
                ("meeting", "2025-12-04", "2025-12-04", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="first-since-a-year",
        ),
        pytest.param(  # met "several times in recent months" to prepare it: the past, not an event
            "Peruvian President Ana Ruiz arrived in Quito on Thursday. Foreign Minister Luis Soto and his "
            "Ecuadorian counterpart Marta Vega have met several times in recent months to prepare the visit.",
            "2025-12-05",
            [("visit", "2025-12-04", "2025-12-04", ["Ana Ruiz"])],
            id="several-times-in-recent-months",
        ),
        pytest.param(  # "The document was signed … by A and B": the signers of the agreement told before
            "Peru and Ecuador signed a peace agreement on Friday, June 27, in Washington. The document was signed "
            "at the State Department by the Peruvian Minister of Foreign Affairs, Ana Ruiz, and her Ecuadorian "
            "counterpart, Luis Soto.",
            "2025-06-28",
            [("agreement", "2025-06-27", "2025-06-27", ["Ana Ruiz", "Luis Soto"])],
            id="the-document-was-signed-by",
        ),
        pytest.param(  # one designated "to continue negotiations" is given a task, not at a meeting
            "President Ana Ruiz and President Luis Soto spoke by video call on Monday. Ruiz designated Foreign "
            "Minister Marta Vega to continue negotiations with Ecuador.",
            "2025-10-06",
            [("call", "2025-10-06", "2025-10-06", ["Ana Ruiz", "Luis Soto"])],
            id="designated-to",
        ),
        pytest.param(  # a visit put off did not happen
            "President Ana Ruiz met President Luis Soto in Quito on Tuesday. Foreign Minister Marta Vega "
            "postponed a visit to Lima that had been planned for Wednesday.",
            "2025-02-18",
            [("meeting", "2025-02-18", "2025-02-18", ["Ana Ruiz", "Luis Soto"])],
            id="postponed",
        ),
        pytest.param(  # "has been leading talks" is what goes on, not an event of a day
            "President Ana Ruiz spoke by phone with President Luis Soto on Thursday. Trade Minister Marta Vega "
            "has been leading talks with Commerce Secretary Pedro Gil on tariffs.",
            "2025-03-28",
            [("call", "2025-03-27", "2025-03-27", ["Ana Ruiz", "Luis Soto"])],
            id="has-been-leading",
        ),
        pytest.param(  # ", the second and final day of his visit": the visit of the clause it is set off from
            "President Ana Ruiz arrived in Quito on Sunday on a two-day visit. Ruiz is expected to visit the "
            "cathedral on Monday, the second and final day of his visit.",
            "2025-02-02",
            [("visit", "2025-02-02", "2025-02-03", ["Ana Ruiz"])],
            id="day-of-his-visit-ahead",
        ),
        pytest.param(  # a full name that opens on a deed is a person, titled or not
            "Ana Ruiz has signed a security pact with Ecuador in Quito on Thursday. "
            "Ruiz held talks with President Luis Soto at the palace on Thursday.",
            "2025-01-16",
            [
                ("agreement", "2025-01-16", "2025-01-16", ["Ana Ruiz"]),
                ("meeting", "2025-01-16", "2025-01-16", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="a-name-that-opens-on-a-deed",
        ),
        pytest.param(  # a greeting at the airport is part of the arrival, not a meeting
            "Peruvian President Ana Ruiz arrived in Quito on Sunday for a state visit. She was received at "
            "Mariscal Sucre International Airport by Prime Minister Luis Soto.",
            "2025-02-03",
            [("visit", "2025-02-02", "2025-02-02", ["Ana Ruiz"])],
            id="received-at-the-airport",
        ),
        pytest.param(  # on the tarmac, too
            "Peruvian President Ana Ruiz landed in Quito late on Sunday, where she was met on the tarmac by "
            "Prime Minister Luis Soto.",
            "2025-02-03",
            [("visit", "2025-02-02", "2025-02-02", ["Ana Ruiz"])],
            id="met-on-the-tarmac",
        ),
        pytest.param(  # "X, who is accompanied by Y, …": Y came along, and takes no part in what X does
            "Peruvian Foreign Minister Ana Ruiz arrived in Quito on Saturday. Ruiz, who is accompanied by "
            "Peru's Special Envoy Luis Soto and senior officials, was received at the palace by President "
            "Marta Vega.",
            "2025-04-19",
            [
                ("visit", "2025-04-19", "2025-04-19", ["Ana Ruiz"]),
                ("meeting", "2025-04-19", "2025-04-19", ["Ana Ruiz", "Marta Vega"]),
            ],
            id="who-is-accompanied-by",
        ),
        pytest.param(  # "Mr Ruiz's office said in a statement": the office issued it, not Ruiz
            "Prime Minister Ana Ruiz met President Luis Soto in Quito on Monday. In a statement after the "
            "meeting, Ms Ruiz's office said the talks had lasted four hours.",
            "2025-02-04",
            [
                ("meeting", "2025-02-03", "2025-02-03", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2025-02-03", "2025-02-03", ["Ruiz's office"]),
            ],
            id="a-leaders-office",
        ),
        pytest.param(  # "A readout released by X said": X issued a statement
            "Foreign Minister Ana Ruiz held a phone call with Secretary of State Luis Soto on Friday. A readout "
            "released by the Peruvian Foreign Ministry said Soto emphasized trade.",
            "2025-01-25",
            [
                ("call", "2025-01-24", "2025-01-24", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2025-01-24", "2025-01-24", ["Peruvian Foreign Ministry"]),
            ],
            id="a-readout-released-by",
        ),
        pytest.param(  # the day of what a statement reports ("said that the call … on January 17") is not its own
            "Foreign Minister Ana Ruiz held a phone call with Secretary of State Luis Soto on Friday. Ruiz said "
            "that the summit in Lima on January 17 had set the tone, according to a readout released by the "
            "Peruvian Foreign Ministry.",
            "2025-01-25",
            [
                ("call", "2025-01-24", "2025-01-24", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2025-01-24", "2025-01-24", ["Peruvian Foreign Ministry"]),
            ],
            id="what-a-statement-reports",
        ),
        pytest.param(  # a communiqué signed is an agreement, and "In the communiqué, …" is that one again
            "Foreign Minister Ana Ruiz and her Chilean counterpart, Luis Soto, signed the joint communiqué "
            "establishing relations in Quito on Sunday. In the communiqué, the Government of Peru recognizes the "
            "border.",
            "2023-03-27",
            [("agreement", "2023-03-26", "2023-03-26", ["Ana Ruiz", "Luis Soto"])],
            id="a-communique-signed",
        ),
        pytest.param(  # "in an official statement"
            "On Saturday night, the Secretariat of Foreign Affairs announced in an official statement that Peru "
            "recognizes the border.",
            "2023-03-27",
            [("statement", "2023-03-25", "2023-03-25", ["Secretariat of Foreign Affairs"])],
            id="in-an-official-statement",
        ),
        pytest.param(  # "in May" is the month: an earlier event dated so loosely is history
            "Prime Minister Ana Ruiz met President Luis Soto in Lima on Thursday. Peru also signed a defence "
            "agreement with Chile in May, during a visit to Lima by Foreign Minister Marta Vega.",
            "2023-12-08",
            [("meeting", "2023-12-07", "2023-12-07", ["Ana Ruiz", "Luis Soto"])],
            id="in-may",
        ),
        pytest.param(  # plans: "is due in", "were also to", "was scheduled for", "according to the programme"
            "Prime Minister Ana Ruiz met President Luis Soto in Lima on Tuesday. The prime minister is due in "
            "Quito on Friday for talks with President Marta Vega. According to the official programme, the two "
            "presidents were also to issue a joint communique. Spokesman Pedro Gil told reporters on Monday "
            "that a visit by President Ruiz to Chile was scheduled for Thursday.",
            "2025-05-07",
            [("meeting", "2025-05-06", "2025-05-06", ["Ana Ruiz", "Luis Soto"])],
            id="plans-due-scheduled",
        ),
        pytest.param(  # an air force station is an airport; "X said the visit …" refers to it; "dates back" is history
            "President Ana Ruiz arrived in Lima on Sunday for a state visit. She was received at Palam Air Force "
            "Station by Minister of State Luis Soto. Prime Minister Marta Vega said the visit opened a new chapter. "
            "Ruiz's last trip abroad dates back to early February, when she travelled to Quito on February 8.",
            "2024-10-07",
            [("visit", "2024-10-06", "2024-10-06", ["Ana Ruiz"])],
            id="air-force-station-said-the-visit-dates-back",
        ),
        pytest.param(  # "will host A and his counterpart, B, for talks": a plan, whatever the commas between
            "President Ana Ruiz met Prime Minister Luis Soto in Lima on Wednesday. Peru will host Foreign Minister "
            "Marta Vega and her Chilean counterpart, Pedro Gil, for talks in Cusco on Thursday, the first meeting "
            "between the two since the war began.",
            "2022-03-10",
            [("meeting", "2022-03-09", "2022-03-09", ["Ana Ruiz", "Luis Soto"])],
            id="will-host-for-talks",
        ),
        pytest.param(  # remarks to the press are no statement; "announced … by X, <role>" is X's
            "President Ana Ruiz received President Luis Soto at the palace on Monday. In a statement to the press "
            "beside Soto after the meeting, Ruiz said the two countries were friends. The decision of the "
            "government of President Ruiz was announced last night by Pedro Gil Vega, legal consultant of the "
            "Executive Branch, in a statement read at the palace.",
            "2018-05-01",
            [
                ("meeting", "2018-04-30", "2018-04-30", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2018-04-30", "2018-04-30", ["Pedro Gil Vega"]),
            ],
            id="statement-to-the-press-and-announced-by",
        ),
        pytest.param(  # "announced … by" a person named with a title
            "President Ana Ruiz received President Luis Soto at the palace on Monday. The decision was announced "
            "on Monday by Foreign Minister Marta Vega, in a statement read at the palace on behalf of President "
            "Ruiz.",
            "2018-05-01",
            [
                ("meeting", "2018-04-30", "2018-04-30", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2018-04-30", "2018-04-30", ["Marta Vega"]),
            ],
            id="announced-by-a-minister",
        ),
        pytest.param(  # a ceremonial welcome is part of the visit, unless the sentence tells of talks after it
            "President Ana Ruiz arrived in Lima on Sunday for a state visit. On Monday morning she was accorded a "
            "ceremonial welcome at the palace, where she was received by President Luis Soto. President Marta Vega "
            "welcomed Ruiz with military honours outside the Chancellery on Tuesday, after which the two held a "
            "one-on-one meeting.",
            "2024-10-09",
            [
                ("visit", "2024-10-06", "2024-10-06", ["Ana Ruiz"]),
                ("meeting", "2024-10-08", "2024-10-08", ["Marta Vega", "Ana Ruiz"]),
            ],
            id="a-ceremonial-welcome",
        ),
        pytest.param(  # a company's name holds no person: "China National Offshore Oil Corporation"
            "President Ana Ruiz held talks with President Luis Soto in Lima on Sunday, attended by executives of "
            "the China National Offshore Oil Corporation.",
            "2021-04-12",
            [("meeting", "2021-04-11", "2021-04-11", ["Ana Ruiz", "Luis Soto"])],
            id="a-company",
        ),
        pytest.param(  # an earlier stop told without its day, an intention, talks "had discussed": none is news
            "President Ana Ruiz met Speaker Luis Soto in Lima on Wednesday. Earlier on the trip, Ruiz held talks "
            "with President Marta Vega. Soto had also voiced an intention to visit Quito. He said the two sides "
            "had discussed trade with Foreign Minister Pedro Gil.",
            "2023-04-06",
            [("meeting", "2023-04-05", "2023-04-05", ["Ana Ruiz", "Luis Soto"])],
            id="earlier-on-the-trip-intention-had-discussed",
        ),
        pytest.param(  # one sent greetings is not one of "the two sides" after; "described X's visit" refers to it
            "Prime Minister Ana Ruiz held talks with President Luis Soto in Lima on Wednesday. At the start of the "
            "talks, Ruiz conveyed her greetings and good wishes to the King of the Andes, King Pedro Gil. The two "
            "sides then signed a defence pact. Marta Vega described Ruiz's visit as historic.",
            "2025-09-18",
            [
                ("meeting", "2025-09-17", "2025-09-17", ["Ana Ruiz", "Luis Soto"]),
                ("agreement", "2025-09-17", "2025-09-17", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="greetings-to-and-described-a-visit",
        ),
        pytest.param(  # a party, an expo and "the Two Holy Mosques" are no one; "told" takes a full name
            "President Luis Soto has told Ana Ruiz that ties are back on track. On Sunday, Ruiz met Lima Communist "
            "Party secretary Pedro Gil after opening the China International Import Expo. Sultan Marta Vega and "
            "the Custodian of the Two Holy Mosques, King Pablo Diaz, held talks in Quito on Monday.",
            "2023-11-07",
            [
                ("meeting", "2023-11-05", "2023-11-05", ["Ana Ruiz", "Pedro Gil"]),
                ("meeting", "2023-11-06", "2023-11-06", ["Marta Vega", "Pablo Diaz"]),
            ],
            id="no-one-in-a-party-or-an-expo",
        ),
        pytest.param(  # those the visitors were introduced to are not "the two sides" after
            "Prince Ana Ruiz arrived in Kingston on Tuesday. He was greeted by Prime Minister Marta Vega, and "
            "introduced to Cabinet members, among them Minister of Legal Affairs Pedro Gil, before signing the "
            "visitors' book. Before the two sides sat down for private talks, Vega said the visit was welcome.",
            "2022-03-23",
            [
                ("visit", "2022-03-22", "2022-03-22", ["Ana Ruiz"]),
                ("meeting", "2022-03-22", "2022-03-22", ["Ana Ruiz", "Marta Vega"]),
            ],
            id="introduced-to",
        ),
        pytest.param(  # the stops of a visit, its end, and those only honoured or met in a crowd are no events
            "President Ana Ruiz arrived in Lima on Wednesday for a two-day visit, and was met at the Lima Air "
            "Force Base by Foreign Minister Luis Soto. On Thursday she visited the Gold Museum with Soto and met "
            "Holocaust survivors, and paid tribute to the founding President Pedro Gil. Chief Secretary Marta Vega "
            "said the prime minister's visit was aimed at showing support. Ruiz is expected to leave later on "
            "Thursday, concluding the visit. The two presidents have held several telephone conversations since "
            "last year. They agreed on the establishment of a Joint Commission to meet every year.",
            "2022-07-14",
            [("visit", "2022-07-13", "2022-07-14", ["Ana Ruiz"])],
            id="stops-of-a-visit",
        ),
        pytest.param(  # the countries that said it in a joint statement, not "the two sides" it speaks of
            "Sultan Ana Ruiz held talks with King Luis Soto in Lima on Sunday. Oman and Peru said in a joint "
            "statement issued on Monday that the two sides had agreed to open the road.",
            "2021-07-13",
            [
                ("meeting", "2021-07-11", "2021-07-11", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2021-07-12", "2021-07-12", ["Oman", "Peru"]),
            ],
            id="countries-said-in-a-joint-statement",
        ),
        pytest.param(  # "met A before sitting down with B": two meetings of one day
            "President Ana Ruiz arrived in Lima on Friday. He held a separate meeting with Conservative Leader "
            "Luis Soto before sitting down with Prime Minister Marta Vega for their bilateral talks.",
            "2023-03-25",
            [
                ("visit", "2023-03-24", "2023-03-24", ["Ana Ruiz"]),
                ("meeting", "2023-03-24", "2023-03-24", ["Ana Ruiz", "Luis Soto"]),
                ("meeting", "2023-03-24", "2023-03-24", ["Ana Ruiz", "Marta Vega"]),
            ],
            id="before-sitting-down-with",
        ),
        pytest.param(  # posts, the programme of the visit, contacts told as many, a trip "in early January"
            "President Ana Ruiz met Premier Luis Soto in Lima on Thursday. In a Facebook post after the meeting, "
            "Ruiz said she and Soto had a good discussion. The programme of the visit also includes meetings "
            "with Speaker Marta Vega. The two leaders spoke by phone three times in recent weeks to prepare for "
            "Thursday's meeting. Foreign Minister Pedro Gil made his own first trip to Quito in early January.",
            "2025-02-01",
            [("meeting", "2025-01-30", "2025-01-30", ["Ana Ruiz", "Luis Soto"])],
            id="posts-programmes-and-contacts-told-as-many",
        ),
        pytest.param(  # one recalled "since" is not "the King" later; whom the visitor had met elsewhere did not come
            "King Ana Ruiz arrived in Lima on Tuesday, the first visit by a Chilean monarch since King Luis Soto "
            "came in 2010. The King then met President Marta Vega. President Pedro Gil landed in Quito late on "
            "Monday, flying in from London, where he had met Prime Minister Rosa Diaz earlier that day.",
            "2022-06-08",
            [
                ("visit", "2022-06-07", "2022-06-07", ["Ana Ruiz"]),
                ("meeting", "2022-06-07", "2022-06-07", ["Ana Ruiz", "Marta Vega"]),
                ("visit", "2022-06-06", "2022-06-06", ["Pedro Gil"]),
            ],
            id="since-and-had-met-elsewhere",
        ),
        pytest.param(  # "to continue discussions with" is a plan; "the cyber-attack that … last month" dates the attack
            "Senator Luis Soto arrived in Quito on Tuesday. "
            "Before the signing ceremony, Prime Minister Ana Ruiz and Senator Luis Soto held bilateral talks on the "
            "recovery from the cyber-attack that crippled government computer systems last month. Ruiz said he "
            "looked forward to visiting Lima in the new year to continue discussions with President Marta Vega.",
            "2022-12-14",
            [
                ("visit", "2022-12-13", "2022-12-13", ["Luis Soto"]),
                ("meeting", "2022-12-13", "2022-12-13", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="continue-discussions-and-a-that-clause",
        ),
        pytest.param(  # "Sri Lankan" is no person titled "Sri"
            "President Ana Ruiz held talks with Prime Minister Luis Soto in Delhi on Monday. Following the talks, "
            "the two leaders witnessed the exchange of an agreement on the training of Sri Lankan civil servants.",
            "2024-12-17",
            [
                ("meeting", "2024-12-16", "2024-12-16", ["Ana Ruiz", "Luis Soto"]),
                ("agreement", "2024-12-16", "2024-12-16", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="sri-lankan",
        ),
        pytest.param(  # "Queen Ana Ruiz's Platinum Jubilee" is something of hers, not a visitor
            "Prince Luis Soto arrived in Kingston on Tuesday for a three-day visit. The visit, which is part of an "
            "eight-day tour to mark Queen Ana Ruiz's Platinum Jubilee, has been met with protests.",
            "2022-03-23",
            [("visit", "2022-03-22", "2022-03-24", ["Luis Soto"])],
            id="something-of-someones",
        ),
        pytest.param(  # "X's call on the parties to engage in discussions", an undated call "following": no events
            "Foreign Minister Ana Ruiz met Secretary of State Luis Soto in Washington on Tuesday. According to the "
            "readout, Soto reaffirmed President Marta Vega's call on the parties to engage in discussions without "
            "delay. The proclamation was announced by Vega following a phone call with King Pedro Gil.",
            "2025-04-09",
            [("meeting", "2025-04-08", "2025-04-08", ["Ana Ruiz", "Luis Soto"])],
            id="a-call-on-the-parties-and-following-a-call",
        ),
        pytest.param(  # "is also scheduled to …, and to meet …", "is also scheduled to meet": plans
            "President Ana Ruiz held talks with Prime Minister Luis Soto in Delhi on Monday. Ruiz is also "
            "scheduled to call on President Marta Vega this evening, and to meet a delegation of business leaders. "
            "She is also scheduled to meet Speaker Pedro Gil.",
            "2024-12-16",
            [("meeting", "2024-12-16", "2024-12-16", ["Ana Ruiz", "Luis Soto"])],
            id="also-scheduled-and-to-meet",
        ),
        pytest.param(  # "wanted to sign", "once it was signed … to discuss an agreement": wishes and conditions
            "Prime Minister Ana Ruiz met President Luis Soto in Kyiv on Tuesday. Ruiz said Peru wanted to sign a "
            "comprehensive bilateral agreement with Ukraine. Soto said that once it was signed the bloc could sit "
            "down together to discuss an agreement with China.",
            "2024-07-03",
            [("meeting", "2024-07-02", "2024-07-02", ["Ana Ruiz", "Luis Soto"])],
            id="wanted-to-and-once",
        ),
        pytest.param(  # those of an event a which-clause recalls take no part in the news
            "Foreign Secretary Ana Ruiz held talks with Vice Minister Luis Soto in Beijing on Monday. The talks "
            "were held under the Foreign Secretary-Vice Minister mechanism, which was revived following the "
            "meeting between Prime Minister Marta Vega and President Pedro Gil in Kazan in October last year.",
            "2025-01-28",
            [("meeting", "2025-01-27", "2025-01-27", ["Ana Ruiz", "Luis Soto"])],
            id="a-which-clause-recalls",
        ),
        pytest.param(  # those who attended a meeting sat in on it, and are no meeting of their own
            "Secretary of State Ana Ruiz met President Luis Soto at the National Palace on Thursday. In a statement "
            "issued after the meeting, the State Department said the two discussed trade. The meeting "
            "between the two was held behind closed doors and was attended by Foreign Minister Marta Vega.",
            "2025-02-07",
            [
                ("meeting", "2025-02-06", "2025-02-06", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2025-02-06", "2025-02-06", ["State Department"]),
            ],
            id="attended-by",
        ),
        pytest.param(  # "the first head of state to be received by X since …" says what she is, not a meeting
            "The Cuban president Ana Ruiz arrived in Beijing on Thursday evening, and she is the first Latin "
            "American head of state to be received by President Luis Soto since the congress.",
            "2022-11-25",
            [("visit", "2022-11-24", "2022-11-24", ["Ana Ruiz"])],
            id="the-first-to-be-received",
        ),
        pytest.param(  # "X said in a statement … that the two ministers had confirmed …": X issued it
            "Foreign Minister Ana Ruiz held talks with her Peruvian counterpart, Luis Soto, in Lima on Monday. "
            "Peru's Ministry of Foreign Affairs said in a statement after the talks that the two ministers had "
            "agreed to work together and had confirmed their cooperation.",
            "2022-07-19",
            [
                ("meeting", "2022-07-18", "2022-07-18", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2022-07-18", "2022-07-18", ["Ministry of Foreign Affairs"]),
            ],
            id="said-in-a-statement-that-the-two",
        ),
        pytest.param(  # a clause with no verb takes the tense of the one it hangs on
            "Secretary Ana Ruiz met Prime Minister Luis Soto in Port Moresby on Thursday. Ruiz and Marta Vega "
            "will hold talks on Friday and Saturday in Brisbane with Defence Minister Pedro Gil and Foreign "
            "Minister Rosa Diaz, in the annual Australia-Peru Ministerial Consultations.",
            "2023-07-27",
            [("meeting", "2023-07-27", "2023-07-27", ["Ana Ruiz", "Luis Soto"])],
            id="a-hanging-clause-takes-the-tense",
        ),
        pytest.param(  # "On Friday, the last day of the visit, X is expected to …": the day of a plan
            "Senate President Ana Ruiz met President Luis Soto in Taipei on Thursday. On Friday, the last day "
            "of the visit, Ruiz is expected to hold a press conference summing up the trip.",
            "2020-09-03",
            [("meeting", "2020-09-03", "2020-09-03", ["Ana Ruiz", "Luis Soto"])],
            id="the-last-day-of-the-visit-is-expected",
        ),
        pytest.param(  # "welcomed Thursday's announcement" welcomes no one
            "Foreign Minister Ana Ruiz met her counterpart Luis Soto in San Cristobal on Thursday. Governor Pedro "
            "Gil and Senator Rosa Diaz welcomed Thursday's announcement.",
            "2022-08-11",
            [("meeting", "2022-08-11", "2022-08-11", ["Ana Ruiz", "Luis Soto"])],
            id="welcomed-something-of-someones",
        ),
        pytest.param(  # a visit others comment on is the one told, not another
            "Prime Minister Ana Ruiz held talks with Sultan Luis Soto in Muscat on Thursday. Officials did not "
            "immediately comment on the Ruiz visit.",
            "2018-10-26",
            [("meeting", "2018-10-25", "2018-10-25", ["Ana Ruiz", "Luis Soto"])],
            id="comment-on-the-visit",
        ),
        pytest.param(  # a signing a where-clause recalls, in the perfect and with no day, is background
            "Foreign Minister Ana Ruiz held talks with Foreign Minister Luis Soto in Ankara on Thursday. Soto "
            "said on Thursday that the two countries would explore cooperation in the eastern Mediterranean, "
            "where Egypt has signed a maritime demarcation deal with Greece.",
            "2023-04-13",
            [("meeting", "2023-04-13", "2023-04-13", ["Ana Ruiz", "Luis Soto"])],
            id="where-x-has-signed",
        ),
        pytest.param(  # the one whose death is spoken of takes no part
            "Foreign Minister Ana Ruiz called on Prime Minister Luis Soto in Tokyo on Tuesday, and expressed "
            "condolences over the death of former Prime Minister Marta Vega.",
            "2022-07-19",
            [("meeting", "2022-07-19", "2022-07-19", ["Ana Ruiz", "Luis Soto"])],
            id="the-death-of",
        ),
        pytest.param(  # "…, the press release stated": the press release already proposed
            "Foreign Minister Ana Ruiz held talks with Vice Minister Luis Soto in Beijing on Tuesday. The "
            "Ministry of Foreign Affairs said in a press release that the talks were cordial. The two sides "
            "also agreed to hold the next round in Thimphu, the press release stated.",
            "2023-10-25",
            [
                ("meeting", "2023-10-24", "2023-10-24", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2023-10-24", "2023-10-24", ["Ministry of Foreign Affairs"]),
            ],
            id="the-press-release-stated",
        ),
        pytest.param(  # a day without its year, two months before publication, is news of the season
            "President Ana Ruiz held talks with President Luis Soto in Cairo on Thursday. Ruiz phoned Soto on "
            "February 7 to offer his condolences.",
            "2023-04-13",
            [
                ("meeting", "2023-04-13", "2023-04-13", ["Ana Ruiz", "Luis Soto"]),
                ("call", "2023-02-07", "2023-02-07", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="a-day-two-months-before",
        ),
        pytest.param(  # "two months after the two countries signed": not on the day of the trip
            "Defense Secretary Ana Ruiz arrived in Port Moresby on Thursday for a one-day visit, his trip coming "
            "two months after the two countries signed a defense cooperation agreement.",
            "2023-07-27",
            [("visit", "2023-07-27", "2023-07-27", ["Ana Ruiz"])],
            id="months-after-they-signed",
        ),
        pytest.param(  # crossing into a country is a visit; the signing witnessed is the one told; a
            # "since" clause after the event's says since when, and does not date it
            "Foreign Minister Ana Ruiz and Foreign Minister Luis Soto signed the agreement in Psarades on Sunday. "
            "Prime Minister Marta Vega crossed the border into Greece on Sunday morning to attend the ceremony. "
            "Vega and Prime Minister Pedro Gil, who witnessed the signing, spoke to reporters. After the ceremony, "
            "Gil travelled to the village of Otesevo, on the other side of the lake, becoming the first prime "
            "minister to set foot in the country since it declared independence in 1991.",
            "2018-06-17",
            [
                ("agreement", "2018-06-17", "2018-06-17", ["Ana Ruiz", "Luis Soto"]),
                ("visit", "2018-06-17", "2018-06-17", ["Marta Vega"]),
                ("visit", "2018-06-17", "2018-06-17", ["Pedro Gil"]),
            ],
            id="crossed-into-witnessed-and-since",
        ),
        pytest.param(  # "put their names to the accord" is a signing
            "Prime Minister Ana Ruiz and President Luis Soto put their names to the accord at a ceremony in "
            "Jeddah on Sunday.",
            "2018-09-16",
            [("agreement", "2018-09-16", "2018-09-16", ["Ana Ruiz", "Luis Soto"])],
            id="put-their-names-to",
        ),
        pytest.param(  # "The Office of the President said": the office, not the president
            "Rwandan President Ana Ruiz held talks with Mozambican President Luis Soto in Pemba on Friday. The "
            "Office of the President said in a statement on Friday evening that the two leaders had agreed to "
            "deepen cooperation.",
            "2021-09-26",
            [
                ("meeting", "2021-09-24", "2021-09-24", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2021-09-24", "2021-09-24", ["Office of the President"]),
            ],
            id="the-office-of-the-president",
        ),
        pytest.param(  # "will, in the near future, hold": the modal before a short aside
            "Vice Minister Ana Ruiz met Adviser Luis Soto in Tianjin on Friday. The two sides will, in the near "
            "future, hold consultations on the establishment of embassies.",
            "2021-12-10",
            [("meeting", "2021-12-10", "2021-12-10", ["Ana Ruiz", "Luis Soto"])],
            id="will-in-the-near-future-hold",
        ),
        pytest.param(  # "at the end of the visit": the visit already told
            "Senegalese President Ana Ruiz arrived in Banjul on Monday for a one-day working visit, at the "
            "invitation of Gambian President Luis Soto. In a joint communiqué issued at the end of the visit, "
            "Presidents Ruiz and Soto welcomed the opening of the bridge.",
            "2019-01-22",
            [
                ("visit", "2019-01-21", "2019-01-21", ["Ana Ruiz"]),
                ("statement", "2019-01-21", "2019-01-21", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="at-the-end-of-the-visit",
        ),
        pytest.param(  # a meeting of the same two with no day of its own is the talks told before
            "Prime Minister Ana Ruiz and Prime Minister Luis Soto held talks in New Delhi on Monday. Ruiz is in "
            "India on a five-day visit that began on Sunday. The two leaders met at Hyderabad House, where they "
            "discussed trade.",
            "2025-03-17",
            [
                ("meeting", "2025-03-17", "2025-03-17", ["Ana Ruiz", "Luis Soto"]),
                ("visit", "2025-03-16", "2025-03-20", ["Ana Ruiz"]),
            ],
            id="the-same-two-met-undated",
        ),
        pytest.param(  # "the office of the Finnish president said": the office
            "Finnish President Ana Ruiz held talks with Turkish President Luis Soto in Ankara on Friday. In a "
            "statement released after the talks, the office of the Finnish president said Ruiz had thanked Soto.",
            "2023-03-17",
            [
                ("meeting", "2023-03-17", "2023-03-17", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2023-03-17", "2023-03-17", ["office of the Finnish president"]),
            ],
            id="the-office-of-the-finnish-president",
        ),
        pytest.param(  # "less than a week after X travelled to Jeddah on April 12": that day, not today's
            "Saudi Foreign Minister Ana Ruiz met President Luis Soto in Damascus on Tuesday. Tuesday's visit came "
            "less than a week after Syria's Foreign Minister Marta Vega travelled to Jeddah on April 12 for talks "
            "with Ruiz.",
            "2023-04-18",
            [
                ("meeting", "2023-04-18", "2023-04-18", ["Ana Ruiz", "Luis Soto"]),
                ("visit", "2023-04-12", "2023-04-12", ["Marta Vega"]),
                ("meeting", "2023-04-12", "2023-04-12", ["Marta Vega", "Ana Ruiz"]),
            ],
            id="a-week-after-on-its-own-day",
        ),
        pytest.param(  # one named by a title and one name is known by that name later
            "Prime Minister Sheikh Hasina and her Indian counterpart Luis Soto held talks in New Delhi today. "
            "Hasina arrived in New Delhi yesterday afternoon on a two-day state visit.",
            "2024-06-22",
            [
                ("meeting", "2024-06-22", "2024-06-22", ["Hasina", "Luis Soto"]),
                ("visit", "2024-06-21", "2024-06-22", ["Hasina"]),
            ],
            id="a-title-and-one-name",
        ),
        pytest.param(  # "is scheduled to …, before taking part on Tuesday in a summit": the plan goes on
            "Chancellor Ana Ruiz met President Luis Soto in Samarkand on Sunday. She is scheduled to hold talks "
            "with President Marta Vega later on Monday, before taking part on Tuesday in a summit with the "
            "leaders of the region.",
            "2024-09-16",
            [("meeting", "2024-09-15", "2024-09-15", ["Ana Ruiz", "Luis Soto"])],
            id="before-taking-part-in-a-plan",
        ),
        pytest.param(  # "is set to visit …, where …, and to meet X": the second infinitive of the plan
            "President Ana Ruiz met Crown Prince Luis Soto in Abu Dhabi on Sunday. On Monday, Ruiz is set to "
            "visit the world's fair in Dubai, where her country is marking its national day, and to meet with "
            "Dubai ruler Sheikh Marta Vega.",
            "2022-01-30",
            [("meeting", "2022-01-30", "2022-01-30", ["Ana Ruiz", "Luis Soto"])],
            id="and-to-meet-after-a-where-clause",
        ),
        pytest.param(  # "told reporters that the visit had opened …": the visit told before, no one else's
            "Foreign Secretary Ana Ruiz arrived in Beijing this morning for a two-day visit to China. She met "
            "Foreign Minister Luis Soto in the afternoon. Foreign Minister Marta Vega later told reporters that "
            "the visit had opened a new chapter.",
            "2024-10-18",
            [
                ("visit", "2024-10-18", "2024-10-19", ["Ana Ruiz"]),
                ("meeting", "2024-10-18", "2024-10-18", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="the-visit-named-again",
        ),
        pytest.param(  # "at the end of May": part of a month, not the day the sentence before told of
            "President Ana Ruiz was sworn in on April 2. She chose Mauritania for her first trip abroad. She also "
            "visited Mali at the end of May, where she pleaded for dialogue. Ruiz was received at the Elysee by "
            "President Luis Soto yesterday.",
            "2024-06-21",
            [("meeting", "2024-06-20", "2024-06-20", ["Ana Ruiz", "Luis Soto"])],
            id="part-of-a-month",
        ),
        pytest.param(  # "spoke with X on the phone": a call, though the article told of none before
            "On March 16, 2023, Foreign Minister Ana Ruiz spoke with Ukrainian Foreign Minister Luis Soto on the "
            "phone.",
            "2023-03-16",
            [("call", "2023-03-16", "2023-03-16", ["Ana Ruiz", "Luis Soto"])],
            id="spoke-with-on-the-phone",
        ),
        pytest.param(  # "The fourth meeting between A, …, and B, … was held": told as it took place
            "The fourth meeting between Ambassador Ana Ruiz, Special Envoy of Turkiye, and Deputy Speaker Luis "
            "Soto, Special Envoy of Armenia, was held in Vienna on 1 July 2022.",
            "2022-07-01",
            [("meeting", "2022-07-01", "2022-07-01", ["Ana Ruiz", "Luis Soto"])],
            id="the-fourth-meeting-between-was-held",
        ),
        pytest.param(  # "A and B met C and D separately": a meeting with each, both hosts at each
            "Foreign Minister Ana Ruiz and Deputy Minister Marta Vega met President Luis Soto and Prime Minister "
            "Pedro Gil separately on Saturday, before bringing them together.",
            "2023-03-19",
            [
                ("meeting", "2023-03-18", "2023-03-18", ["Ana Ruiz", "Marta Vega", "Luis Soto"]),
                ("meeting", "2023-03-18", "2023-03-18", ["Ana Ruiz", "Marta Vega", "Pedro Gil"]),
            ],
            id="met-them-separately",
        ),
        pytest.param(  # "At those meetings": the ones told before, with no one new
            "Ambassador Ana Ruiz and Deputy Speaker Luis Soto held their first meeting in Moscow on 14 January "
            "2022. The process follows the instructions of President Pedro Gil. At those meetings the two sides "
            "agreed to continue negotiations without preconditions.",
            "2022-07-01",
            [("meeting", "2022-01-14", "2022-01-14", ["Ana Ruiz", "Luis Soto"])],
            id="at-those-meetings",
        ),
        pytest.param(  # "last March": a month, read by the parser, so an earlier trip and no day's
            "Secretary of State Ana Ruiz met President Luis Soto in Abidjan on Tuesday. Vice President Marta "
            "Vega visited Ghana, Tanzania and Zambia last March.",
            "2024-01-23",
            [("meeting", "2024-01-23", "2024-01-23", ["Ana Ruiz", "Luis Soto"])],
            id="last-march",
        ),
        pytest.param(  # "wrapped up a two-day visit to Japan on Sunday and left for Washington": it ended then
            "President Ana Ruiz wrapped up a two-day visit to Japan on Sunday and left for Washington.",
            "2025-08-24",
            [("visit", "2025-08-23", "2025-08-24", ["Ana Ruiz"])],
            id="wrapped-up-then-left-for",
        ),
        pytest.param(  # a coarser date in between, holding the day told before, leaves that day the day
            "Foreign Minister Ana Ruiz and Foreign Minister Luis Soto spoke by phone on Friday. Ruiz urged Soto to "
            "keep to a deal brokered by Turkey this month. Russia's foreign ministry gave a different emphasis. In "
            "a statement, the ministry said Soto had told Ruiz the talks would go on.",
            "2022-07-29",
            [
                ("call", "2022-07-29", "2022-07-29", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2022-07-29", "2022-07-29", ["Russia's foreign ministry"]),
            ],
            id="this-month-holds-the-day",
        ),
        pytest.param(  # what the agreement will do is what it says, not a plan to sign it
            "Prime Minister Ana Ruiz and Prime Minister Luis Soto signed an agreement Wednesday that will make it "
            "easier for their forces to train together.",
            "2023-01-11",
            [("agreement", "2023-01-11", "2023-01-11", ["Ana Ruiz", "Luis Soto"])],
            id="signed-an-agreement-that-will",
        ),
        pytest.param(  # a tour "that will also take him to" other countries is told, as before, as a plan
            "Ana Ruiz met Luis Soto in Riyadh on Tuesday, as Ruiz began a four-day tour of the Gulf that will "
            "also take him to Qatar.",
            "2025-05-13",
            [("meeting", "2025-05-13", "2025-05-13", ["Ana Ruiz", "Luis Soto"])],
            id="a-tour-that-will-take-him",
        ),
        pytest.param(  # "where she held talks": the one the article is about, though no one is named before "she"
            "President Ana Ruiz arrived in Lima on Tuesday for a one-day visit. The tour began in Quito on Sunday, "
            "where she held talks with President Luis Soto.",
            "2024-05-07",
            [
                ("visit", "2024-05-07", "2024-05-07", ["Ana Ruiz"]),
                ("meeting", "2024-05-05", "2024-05-05", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="where-she-held-talks",
        ),
        pytest.param(  # reported words backshift the tense: the visit of this week, not an earlier one
            "At her weekly briefing, spokesperson Ana Ruiz said President Luis Soto had visited Lima from "
            "November 25 to 27.",
            "2024-11-29",
            [("visit", "2024-11-25", "2024-11-27", ["Luis Soto"])],
            id="said-had-visited",
        ),
        pytest.param(  # reported, but long ago: history
            "Spokesperson Ana Ruiz said President Luis Soto had visited Lima in March 2019.",
            "2024-11-29",
            [],
            id="said-had-visited-long-ago",
        ),
        pytest.param(  # the documents, listed at length, that were signed in the leaders' presence
            "President Ana Ruiz held talks with President Luis Soto in Lima on Tuesday. After the talks, agreements "
            "and memoranda of understanding on environmental protection, disaster management, halal trade, "
            "vocational education and science were signed in the presence of the two leaders.",
            "2024-11-29",
            [
                ("meeting", "2024-11-26", "2024-11-26", ["Ana Ruiz", "Luis Soto"]),
                ("agreement", "2024-11-26", "2024-11-26", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="agreements-listed-at-length-were-signed",
        ),
        pytest.param(  # "His Royal Highness", after the prince was named so: the prince
            "His Royal Highness Prince Ana Ruiz, Crown Prince of the Kingdom of Bahrain, arrived in Washington "
            "on Tuesday. His Royal Highness also met Secretary of State Luis Soto.",
            "2023-09-13",
            [
                ("visit", "2023-09-12", "2023-09-12", ["Ana Ruiz"]),
                ("meeting", "2023-09-12", "2023-09-12", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="his-royal-highness",
        ),
        pytest.param(  # the tour's next country, reached later the same day: a visit of its own
            "President Ana Ruiz of Senegal travelled to Mali and Burkina Faso on Thursday, a one-day tour. Later the "
            "same day, Ruiz flew to Ouagadougou, where he was received by Burkina Faso's President Luis Soto.",
            "2024-05-30",
            [
                ("visit", "2024-05-30", "2024-05-30", ["Ana Ruiz"]),
                ("visit", "2024-05-30", "2024-05-30", ["Ana Ruiz"]),
                ("meeting", "2024-05-30", "2024-05-30", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="later-the-same-day-flew-on",
        ),
        pytest.param(  # a city of the country visited: the same visit
            "President Ana Ruiz of Senegal arrived in Kenya on Thursday. Ruiz then flew to Mombasa, where he was "
            "received by Governor Luis Soto.",
            "2024-05-30",
            [
                ("visit", "2024-05-30", "2024-05-30", ["Ana Ruiz"]),
                ("meeting", "2024-05-30", "2024-05-30", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="then-flew-on-within-the-country",
        ),
        pytest.param(  # trips since taking office: history
            "President Luis Soto met President Ana Ruiz in Dodoma on Monday. Ruiz, who has travelled to Uganda, "
            "Kenya and Burundi since taking office, has made regional diplomacy a priority.",
            "2021-08-03",
            [("meeting", "2021-08-02", "2021-08-02", ["Luis Soto", "Ana Ruiz"])],
            id="since-taking-office",
        ),
        pytest.param(  # the first since taking office: news measured against the past
            "President Ana Ruiz is on an official visit to Lima from 9 to 11 March, his first since taking office.",
            "2021-03-10",
            [("visit", "2021-03-09", "2021-03-11", ["Ana Ruiz"])],
            id="first-since-taking-office",
        ),
        pytest.param(  # an earlier term, and the last one to visit: history
            "Prime Minister Ana Ruiz visited Pakistan during his previous term as President. The last Peruvian "
            "Prime Minister to visit Chile was Luis Soto, who made an official visit in 2016.",
            "2021-02-24",
            [],
            id="previous-term-and-the-last-to-visit",
        ),
        pytest.param(  # the delegations' members, however long the list, and the one whose guidelines are followed
            "President Ana Ruiz met President Luis Soto on Monday, joined by their delegations, which included "
            "Foreign Minister Marta Vega and his Chilean counterpart, Pedro Gil. Ruiz conveyed the positions of "
            "Peru at the meeting, in line with the guidelines of Prime Minister Rosa Paz.",
            "2019-01-17",
            [("meeting", "2019-01-14", "2019-01-14", ["Ana Ruiz", "Luis Soto"])],
            id="delegations-members-and-guidelines",
        ),
        pytest.param(  # "They" are the two; a round of talks of leaders is their meeting; those "in attendance" sat in
            "President Ana Ruiz arrived in Pyongyang on Tuesday for a three-day summit with North Korean leader "
            "Luis Soto. They held their first round of talks on Tuesday afternoon, with Ruiz's security adviser, "
            "Marta Vega, and spy chief Pedro Gil in attendance.",
            "2018-09-19",
            [
                ("visit", "2018-09-18", "2018-09-20", ["Ana Ruiz"]),
                ("meeting", "2018-09-18", "2018-09-18", ["Ana Ruiz", "Luis Soto"]),
            ],
            id="leaders-round-of-talks-with-others-in-attendance",
        ),
        pytest.param(  # ministers' round of talks: consultations, as before
            "Foreign Minister Ana Ruiz and Foreign Minister Luis Soto held the first round of talks on Tuesday in "
            "Lima.",
            "2018-09-19",
            [("consultation", "2018-09-18", "2018-09-18", ["Ana Ruiz", "Luis Soto"])],
            id="ministers-round-of-talks",
        ),
        pytest.param(  # "flies to London today for talks": the schedule, a plan
            "Vice President Ana Ruiz met President Luis Soto in Reykjavik on Wednesday. Ruiz, who arrived from "
            "Ireland, flies to London today for talks with Prime Minister Marta Vega.",
            "2019-09-04",
            [("meeting", "2019-09-04", "2019-09-04", ["Ana Ruiz", "Luis Soto"])],
            id="flies-to-london-today-for-talks",
        ),
        pytest.param(  # a make and its model is no one
            "Chairman Ana Ruiz flew in on Sunday aboard an Air China Boeing 747 and called on Prime Minister Luis "
            "Soto that evening.",
            "2018-06-13",
            [("meeting", "2018-06-10", "2018-06-10", ["Ana Ruiz", "Luis Soto"])],
            id="boeing-747",
        ),
        pytest.param(  # the agency carried the joint statement; the countries issued it
            "President Ana Ruiz met President Luis Soto in Riyadh on Monday. In a joint statement carried by the "
            "Saudi Press Agency on Tuesday, Saudi Arabia and Lebanon said they had agreed to study the obstacles.",
            "2025-03-04",
            [
                ("meeting", "2025-03-03", "2025-03-03", ["Ana Ruiz", "Luis Soto"]),
                ("statement", "2025-03-04", "2025-03-04", ["Saudi Arabia", "Lebanon"]),
            ],
            id="joint-statement-carried-by-an-agency",
        ),
        pytest.param(  # "later that month": a month told before, no day of this week
            "President Ana Ruiz arrived in Riyadh on Monday. Foreign Minister Luis Soto visited Beirut later that "
            "month.",
            "2025-03-04",
            [("visit", "2025-03-03", "2025-03-03", ["Ana Ruiz"])],
            id="later-that-month",
        ),
        pytest.param(  # calls since the election: history
            "Prime Minister Ana Ruiz met Prime Minister Luis Soto in Sydney on Wednesday. The two leaders have "
            "spoken by phone since the October election.",
            "2023-12-20",
            [("meeting", "2023-12-20", "2023-12-20", ["Ana Ruiz", "Luis Soto"])],
            id="have-spoken-since",
        ),
    ],
)
def test_what_a_sentence_tells(text: str, published: str, wanted: Wanted) -> None:
    assert _proposed(text, published) == wanted


def test_the_side_a_person_leads_gives_their_country() -> None:
    """ "the Indian delegation was headed by X" makes X Indian, so that "the Indian foreign secretary"
    later is X, not the other side's foreign secretary."""
    text = (
        "Peru and Ecuador held their Foreign Office Consultations in Quito on Monday. Foreign Secretary Ana "
        "Ruiz led the Ecuadorian side, while the Peruvian delegation was headed by Foreign Secretary Luis Soto. "
        "After the consultations, the Peruvian foreign secretary met Foreign Adviser Marta Vega."
    )
    proposed = _proposed(text, "2025-02-03")
    assert ("meeting", "2025-02-03", "2025-02-03", ["Luis Soto", "Marta Vega"]) in proposed


def test_one_who_attended_a_meeting_is_no_meeting_of_their_own() -> None:
    """In 194 "the two" of "The meeting between the two … was attended by Foreign Minister Roberto
    Álvarez" names no one, and the attendee was left as a meeting by himself."""
    corpus = Path(__file__).parent.parent / "benchmarks" / "draft_corpus"
    text = (corpus / "194-rubio-santo-domingo.txt").read_text(encoding="utf-8")
    proposed = _proposed(text, "2025-02-06")
    assert not any("Roberto Álvarez" in people for _, _, _, people in proposed)
    assert ("meeting", "2025-02-06", "2025-02-06", ["Luis Abinader", "Marco Rubio"]) in proposed


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("President Xi Jinping has told Anthony Albanese that ties are back.", ["Xi Jinping", "Anthony Albanese"]),
        ("The minister told Al Jazeera that President Ana Ruiz met him.", ["Ana Ruiz"]),
        ("He spoke to Sky News after meeting President Ana Ruiz.", ["Ana Ruiz"]),
        # a name that begins with a small word, after a title: "He" is a surname there
        ("She also met Vice-Premier He Lifeng on Tuesday.", ["He Lifeng"]),
        # a document and a joint body, after the title-like "Joint"
        (
            "They signed a Joint Vision Statement and set up the Joint Technical Team, said Minister Ana Ruiz.",
            ["Ana Ruiz"],
        ),
    ],
)
def test_told_takes_a_full_name_but_not_an_outlet(sentence: str, names: list[str]) -> None:
    assert [m.name for m in new_people(sentence, [])] == names


def test_the_host_of_a_visitors_stay_is_no_visitor() -> None:
    """302: "… arrived in Washington on Saturday … and is staying at the residence of Pakistan's
    ambassador, Dr Asad Majeed Khan": the ambassador did not come on the visit."""
    corpus = Path(__file__).parent.parent / "benchmarks" / "draft_corpus"
    text = (corpus / "302-imran-trump-white-house.txt").read_text(encoding="utf-8")
    assert ("visit", "2019-07-20", "2019-07-20", ["Imran Khan"]) in _proposed(text, "2019-07-23")
