"""The data model alone: dates, ordering, skills."""

from __future__ import annotations

import pytest

from sphinx_cv import entries, model
from sphinx_cv.model import Entry, PartialDate, WrittenDate


@pytest.mark.parametrize(
    ("text", "date"),
    [("2021", PartialDate(2021)), ("2021-02", PartialDate(2021, 2))],
)
def test_dates_are_years_or_months(text: str, date: PartialDate) -> None:
    assert PartialDate.parse(text) == date


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-13", "'2021-13' has no month 13: months run 01 to 12"),
        ("2021-00", "'2021-00' has no month 0: months run 01 to 12"),
        ("Feb 2021", "'Feb 2021' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("21-02", "'21-02' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("", "'' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_malformed_dates_say_what_is_accepted(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        PartialDate.parse(text)


def test_an_end_may_be_present_in_any_case() -> None:
    assert model.parse_end("Present") is None
    assert model.parse_end("2020-12") == PartialDate(2020, 12)
    assert model.parse_end("Ongoing") == WrittenDate("Ongoing")
    with pytest.raises(ValueError, match="'2020-13' has no month 13"):
        model.parse_end("2020-13")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2021-02", PartialDate(2021, 2)),
        ("Spring 2025", WrittenDate("Spring 2025")),
        ("2021 \u2013 2024", WrittenDate("2021 \u2013 2024")),
        ("Feb  2021", WrittenDate("Feb 2021")),
    ],
)
def test_a_date_is_a_calendar_date_or_words_as_written(text: str, date: object) -> None:
    assert model.parse_date(text) == date


@pytest.mark.parametrize("text", ["2021-13", "2021-1", "20211", "2021-02-30"])
def test_digits_that_make_no_date_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=f"^'{text}' (has no|is not a date)"):
        model.parse_date(text)


def test_dates_show_in_one_format() -> None:
    entry = Entry.of("work", "x", start=PartialDate(2021, 2))
    assert entry.dates("%B %Y", "Present") == "February 2021 \u2013 Present"
    assert entry.dates("%b %Y", "now") == "Feb 2021 \u2013 now"
    same = Entry.of("work", "y", start=PartialDate(2020), end=PartialDate(2020))
    assert same.dates("%B %Y", "Present") == "2020"
    written = Entry.of("work", "z", start=WrittenDate("Fall 2021"), end=None)
    assert written.dates("%B %Y", "Present") == "Fall 2021 \u2013 Present"
    assert (
        Entry.of("entry", "t", date=WrittenDate("Spring 2025")).dates("%B %Y", "now")
        == "Spring 2025"
    )
    assert Entry.of("project", "u").dates("%B %Y", "now") == ""


def test_a_translation_gives_its_own_punctuation() -> None:
    award = Entry.of(
        "award", "a", title="Prize", organisation="Giver", years=("2018-19", "2019-20")
    )
    assert award.dates("%B %Y", "Present") == "2018-19, 2019-20"
    assert award.dates("%B %Y", "Present", "\u3001") == "2018-19\u30012019-20"
    jobs = [
        Entry.of("work", f"job{n}", organisation="Org", team=f"Team {n}")
        for n in (1, 2)
    ]
    assert entries.short_labels([*jobs, award], separator=", ") == {
        "job1": "Org (Team 1)",
        "job2": "Org (Team 2)",
        "a": "Prize, Giver",
    }
    chinese = entries.short_labels(
        [*jobs, award], "{name}\uff08{qualifier}\uff09", " \u00b7 "
    )
    assert chinese["job1"] == "Org\uff08Team 1\uff09"
    assert chinese["a"] == "Prize \u00b7 Giver"


def test_an_entry_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match=r"^ends \(2020-06\) before it starts"):
        model.check_dates({"start": PartialDate(2021, 2), "end": PartialDate(2020, 6)})
    model.check_dates({"start": PartialDate(2020), "end": PartialDate(2020, 1)})


def test_academic_years_must_span_one_year() -> None:
    assert model.parse_academic_years("2018-19, 2019-20") == ("2018-19", "2019-20")
    with pytest.raises(ValueError, match="'2018-20' does not span one year"):
        model.parse_academic_years("2018-20")
    with pytest.raises(ValueError, match="'spring' is not a year"):
        model.parse_academic_years("spring")
    with pytest.raises(ValueError, match="'2014-11-31' is not a year"):
        model.parse_academic_years("2014-11-31")


def test_an_award_may_be_dated_to_the_month_or_the_day() -> None:
    """JSON Resume dates an award: the CV shows its month, the exports the
    date as given; a month that reads as an academic year is one."""
    years = model.parse_academic_years("2011-12, 2014-11, 2014-11-01")
    award = Entry.of("award", "a", years=years)
    assert award.dates("%B %Y", "now") == "2011-12, November 2014, November 2014"
    assert award.last_date == PartialDate(2014, 11, 1)
    assert model.academic_year_end("2011-12") == PartialDate(2012)


def test_entries_sort_newest_first() -> None:
    found = [
        Entry.of("work", "old", start=PartialDate(2017), end=PartialDate(2021)),
        Entry.of("award", "award", years=("2019-20",)),
        Entry.of("work", "now", start=PartialDate(2021, 2)),
        Entry.of("work", "mid", start=PartialDate(2020, 6), end=PartialDate(2020)),
        Entry.of("work", "year", start=PartialDate(2021)),
        Entry.of("project", "undated"),
        Entry.of("work", "words", start=WrittenDate("Spring"), end=PartialDate(2018)),
    ]
    order = [e.id for e in model.by_date(found)]
    assert order == ["now", "year", "mid", "award", "words", "old", "undated"]


def test_skills_fold_spellings_and_follow_aliases() -> None:
    aliases = {"C": "C/C++", "C++": "C/C++", "React.js": "React"}
    assert model.canonical_skill("NodeJS", aliases) == "NodeJS"
    assert model.skill_key("NodeJS") == model.skill_key("Node.js")
    assert model.canonical_skill("react.JS", aliases) == "React"
    newer = Entry.of("work", "a", start=PartialDate(2021), skills=("C", "Go"))
    older = Entry.of("work", "b", start=PartialDate(2019), skills=("C++", "go"))
    index = model.skills_index([older, newer], aliases)
    assert list(index) == ["C/C++", "Go"]
    assert index["C/C++"] == [newer, older]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Go, , C", "'Go, , C' has an empty item"),
        ("Go,", "'Go,' has an empty item"),
    ],
)
def test_empty_list_items_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        model.split_list(text)


@pytest.mark.parametrize(
    "url", ["https://example.org/x", "http://example.org", "mailto:a@example.org"]
)
def test_web_and_mail_addresses_are_urls(url: str) -> None:
    assert model.parse_url(url) == url


@pytest.mark.parametrize("url", ["ftp://example.org", "example.org", "javascript:x"])
def test_other_addresses_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="use http://, https:// or mailto:"):
        model.parse_url(url)


def test_url_characters_that_break_outputs_are_refused() -> None:
    with pytest.raises(ValueError) as error:
        model.parse_url('https://example.com/a"b<c>')
    assert str(error.value) == (
        "'https://example.com/a\"b<c>' holds '\"<>', which a URL cannot: write "
        'each such character %-encoded (a space as %20, " as %22)'
    )
    assert model.parse_url("https://example.com/a%22b") == "https://example.com/a%22b"


@pytest.mark.parametrize("entry_id", ["acme", "acme-kernel", "uiuc.ms", "a_1"])
def test_entry_ids_are_anchors(entry_id: str) -> None:
    assert model.parse_entry_id(entry_id) == entry_id


@pytest.mark.parametrize("entry_id", ["a#b", "Acme", "a b", "-a", "a--b", "é"])
def test_entry_ids_that_are_no_anchor_are_refused(entry_id: str) -> None:
    with pytest.raises(ValueError, match="is not an entry id: use lowercase"):
        model.parse_entry_id(entry_id)


def test_skill_anchors_are_html_ids() -> None:
    anchors = model.skill_anchors(["C/C++", "Docker Swarm", "C#", "C"])
    assert anchors == {
        "C": "skill-c",
        "C#": "skill-csharp",
        "C/C++": "skill-c-cpp",
        "Docker Swarm": "skill-docker-swarm",
    }


def test_skills_whose_names_slug_alike_get_ids_of_their_own() -> None:
    anchors = model.skill_anchors(["TCP/IP", "TCP IP", "tcp-ip"])
    assert anchors["TCP IP"] == "skill-tcp-ip"
    assert len(set(anchors.values())) == 3
    assert all(
        anchor.startswith("skill-tcp-ip-")
        for anchor in (anchors["TCP/IP"], anchors["tcp-ip"])
    )
    # The same names give the same ids, in any order.
    assert model.skill_anchors(reversed(list(anchors))) == anchors


def test_partial_dates_order_by_year_then_month() -> None:
    assert PartialDate(2020) < PartialDate(2020, 6) < PartialDate(2021)
    assert max(PartialDate(2020, 6), PartialDate(2020)) == PartialDate(2020, 6)
    assert sorted([PartialDate(2021), PartialDate(2020, 6), PartialDate(2020)]) == [
        PartialDate(2020),
        PartialDate(2020, 6),
        PartialDate(2021),
    ]
