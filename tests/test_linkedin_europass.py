"""LinkedIn exports and Europass CVs, from small files written here: the
column names of today's exports and of 2018's, a missing column, a bad
date, an empty export, malformed XML; what each becomes, and what the
report names with its file and line. (The real files: tests/test_corpus.py.)
"""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path

import pytest

from conftest import build
from sphinx_cv import cli
from sphinx_cv.formats import europass, linkedin
from sphinx_cv.formats.draft import Draft, DraftSection, InputError

#: A PNG of one pixel.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
    "hKmMIQAAAABJRU5ErkJggg=="
)

PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,"
    "Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Ada,Lovelace,,,Dec 10,Analyst,"Writes programs.\n\nFor engines.",'
    "Mathematics,,London,[ada],[PERSONAL:https://ada.example.org],\n"
)

#: Today's export (2023 on): one file each, as LinkedIn writes them.
CURRENT = {
    "Profile.csv": PROFILE,
    "Positions.csv": (
        "Company Name,Title,Description,Location,Started On,Finished On\n"
        'Analytical Engines,Analyst,"Notes on the engine. • Wrote the first '
        'program • Translated the paper",London,Nov 2022,\n'
        "Difference Co,Assistant,,,2015,Mar 2016\n"
    ),
    "Education.csv": (
        "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
        "Home Tutoring,2010,Nov 2014,Mathematics,Private study,Chess\n"
    ),
    "Skills.csv": "Name\nMathematics \nPoetry\nAnalysis\n",
    "Languages.csv": "Name,Proficiency\nEnglish,Native or bilingual proficiency\n",
    "Certifications.csv": (
        "Name,Url,Authority,Started On,Finished On,License Number\n"
        "Engine Operator,https://cert.example.org/1,Royal Society,Jan 2022,,AB-12\n"
    ),
    "Projects.csv": (
        "Title,Description,Url,Started On,Finished On\n"
        "Bernoulli Numbers,Note G.,,May 2018,Aug 2018\n"
    ),
    "Courses.csv": "Name,Number\nDifferential Calculus,M101\nAlgebra,\n",
    "Honors.csv": "Title,Description,Issued On\nFellow,For the notes,Jun 2020\n",
    "Publications.csv": (
        "Name,Published On,Description,Publisher,Url\n"
        '"Sketch of the Engine","Nov 12, 2023",Notes,Scientific Memoirs,'
        "https://doi.org/10.1234/sketch\n"
    ),
    "Organizations.csv": (
        "Name,Description,Position,Started On,Finished On\n"
        "Analytical Society,,Member,2019,2021\n"
    ),
    "Email Addresses.csv": (
        "Email Address,Confirmed,Primary,Updated On\n"
        'old@example.org,Yes,No,"10/25/17, 4:50 PM"\n'
        'ada@example.org,Yes,Yes,"6/27/18, 5:18 AM"'
    ),
    # Never opened: a CV holds no one else's data.
    "Connections.csv": "Notes:\nFirst Name,Last Name\nCharles,Babbage-Secret\n",
}


def export(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def section(draft: Draft, title: str) -> DraftSection:
    """The draft's one section under *title*."""
    [found] = [s for s in draft.sections if s.title == title]
    return found


def entries(draft: Draft, title: str) -> list[dict[str, str]]:
    return [entry.options for entry in section(draft, title).entries]


def test_a_current_export_becomes_the_cv(tmp_path: Path) -> None:
    draft = linkedin.read(export(tmp_path / "export", CURRENT))
    assert draft.name == "Ada Lovelace"
    assert draft.email == "ada@example.org"
    assert draft.contact == {"label": "Analyst", "location": "London"}
    assert draft.intro == "Writes programs.\n\nFor engines."
    assert draft.links == [
        "Personal ada.example.org https://ada.example.org",
        "Twitter @ada https://twitter.com/ada",
    ]
    assert [s.title for s in draft.sections] == [
        "Experience", "Education", "Projects", "Licenses and certifications",
        "Honors and awards", "Publications", "Courses", "Organizations",
        "Languages", "Skills",
    ]  # fmt: skip
    work = draft.sections[0].entries
    assert work[0].options == {
        "organisation": "Analytical Engines", "role": "Analyst",
        "location": "London", "start": "2022-11",
    }  # fmt: skip
    # Bullets LinkedIn sets inline are the entry's highlights.
    assert work[0].summary == "Notes on the engine."
    assert work[0].highlights == ["Wrote the first program", "Translated the paper"]
    assert work[1].options["start"] == "2015"
    assert work[1].options["end"] == "2016-03"
    [school] = draft.sections[1].entries
    assert school.options == {
        "organisation": "Home Tutoring", "degree": "Private study",
        "start": "2010", "end": "2014-11",
    }  # fmt: skip
    assert school.summary == "Mathematics\n\nActivities and societies: Chess"
    assert entries(draft, "Licenses and certifications") == [
        {
            "name": "Engine Operator", "issuer": "Royal Society",
            "date": "2022-01", "url": "https://cert.example.org/1",
        }
    ]  # fmt: skip
    assert entries(draft, "Honors and awards") == [
        {"title": "Fellow", "years": "2020-06"}
    ]
    assert entries(draft, "Organizations") == [
        {"organisation": "Analytical Society", "role": "Member",
         "start": "2019", "end": "2021"}
    ]  # fmt: skip
    assert entries(draft, "Languages") == [
        {"name": "English", "fluency": "Native or bilingual proficiency"}
    ]
    assert entries(draft, "Skills") == [
        {"name": "Mathematics"}, {"name": "Poetry"}, {"name": "Analysis"},
    ]  # fmt: skip
    courses = section(draft, "Courses")
    assert courses.text == "- Differential Calculus (M101)\n- Algebra"
    [publication] = draft.sections[5].publications
    assert publication.fields == {
        "title": "Sketch of the Engine", "howpublished": "Scientific Memoirs",
        "note": "Notes", "year": "2023", "month": "11", "day": "12",
        "doi": "10.1234/sketch",
    }  # fmt: skip
    where = tmp_path / "export"
    assert draft.unmapped == [
        f"{where}/Profile.csv:2: Birth Date: a birth date: no place in the CV",
        f"{where}/Profile.csv:2: Industry: the profile's industry: no place in the CV",
        f"{where}/Email Addresses.csv:2: Email Address: another address: "
        "cv:person shows one",
        f"{where}/Certifications.csv:2: License Number: a licence number: "
        "cv:certificate has no place for one",
    ]
    # LinkedIn's own way of writing a date is no change worth a word.
    assert draft.changed == []


def test_a_zip_reads_as_its_folder_and_connections_are_never_read(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        for name, text in CURRENT.items():
            packed.writestr(f"export/{name}", text)
    draft = linkedin.read(archive)
    folder = linkedin.read(export(tmp_path / "export", CURRENT))
    assert draft.sections == folder.sections
    assert cli.main(["new", str(tmp_path / "cv"), "--from", str(archive)]) == 1
    written = " ".join(
        path.read_text(encoding="utf-8")
        for path in (tmp_path / "cv").rglob("*")
        if path.is_file() and path.suffix in (".md", ".bib", ".py")
    )
    assert "Ada Lovelace" in written and "Babbage-Secret" not in written


def test_the_imported_cv_prints_its_skills_on_one_line(tmp_path: Path) -> None:
    """Skills of a name alone, as LinkedIn gives them, are one line of the
    printed CV, not a line each; the site keeps an item each."""
    source = export(tmp_path / "export", CURRENT)
    assert cli.main(["new", str(tmp_path / "cv"), "--from", str(source)]) == 1
    done = build(tmp_path / "cv", tmp_path / "out", buildername="plaintext")
    assert done.warnings == ""
    [text] = done.outdir.glob("*.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    # The last section: its heading, a blank line and the skills' one line.
    assert lines[lines.index("SKILLS") :] == [
        "SKILLS", "", "Mathematics, Poetry, Analysis",
    ]  # fmt: skip


def test_the_2018_column_names_read_too(tmp_path: Path) -> None:
    files = {
        "Profile.csv": (
            "First Name,Last Name,Maiden Name,Address,Birth Date,"
            "Contact Instructions,Headline,Summary,Industry,Country,Zip Code,"
            "Geo Location,Twitter Handles,Websites,Instant Messengers\n"
            "Ada,Lovelace,,,,Write to me,Analyst,,,United Kingdom,,,,,\n"
        ),
        "Projects.csv": (
            "Title,Description,Url,Start Date,End Date\nEngine,,,Jan 2017,Feb 2017\n"
        ),
        "Honors.csv": (
            "Title,Description,Issuer,Issue Date\nFellow,,Royal Society,2018\n"
        ),
    }
    draft = linkedin.read(export(tmp_path / "old", files))
    assert draft.contact == {"label": "Analyst", "country": "United Kingdom"}
    assert entries(draft, "Projects") == [
        {"name": "Engine", "start": "2017-01", "end": "2017-02"}
    ]
    assert entries(draft, "Honors and awards") == [
        {"title": "Fellow", "organisation": "Royal Society", "years": "2018"}
    ]
    assert draft.unmapped == [
        f"{tmp_path}/old/Profile.csv:2: Contact Instructions: instructions to "
        "contact: no place in the CV"
    ]


def test_a_missing_column_and_a_bad_date_are_said_where_they_are(
    tmp_path: Path,
) -> None:
    files = {
        "Profile.csv": PROFILE,
        "Positions.csv": (
            "Company Name,Description,Location,Started On,Finished On,Team\n"
            "Engines,,London,Smarch 2020,,Core\n"
        ),
    }
    draft = linkedin.read(export(tmp_path / "bad", files))
    where = f"{tmp_path}/bad/Positions.csv"
    assert entries(draft, "Experience") == [
        {"organisation": "Engines", "location": "London", "start": "Smarch 2020"}
    ]
    assert draft.changed == [
        f"{where}:1: the file: no column Title: no role in its entries",
        f"{where}:2: Started On: 'Smarch 2020' is no date as the format writes "
        "one: kept as written",
    ]
    assert draft.unmapped[-1] == f"{where}:2: Team: no place in the CV"


@pytest.mark.parametrize("form", ["folder", "zip"])
def test_an_empty_export_is_no_cv(tmp_path: Path, form: str) -> None:
    source = tmp_path / "empty"
    if form == "zip":
        source = tmp_path / "empty.zip"
        with zipfile.ZipFile(source, "w") as packed:
            packed.writestr("Connections.csv", "First Name\n")
    else:
        source.mkdir()
    with pytest.raises(InputError) as error:
        linkedin.read(source)
    assert str(error.value).startswith(f"{source}: no LinkedIn export: none of ")
    without_profile = export(tmp_path / "positions", {"Skills.csv": "Name\nA\n"})
    with pytest.raises(InputError, match=r"Profile.csv: the file: missing or empty"):
        linkedin.read(without_profile)


# -- Europass --------------------------------------------------------------------

#: Europass CVs of a few lines each, written here: a schema 3 document and
#: a ``Candidate`` (its photo a data: address, base64 twice).
DATA = Path(__file__).parent / "data"
PASSPORT = DATA / "europass-passport.xml"
CANDIDATE = DATA / "europass-candidate.xml"


def test_a_europass_3_cv_in_xml_and_in_json_reads_the_same(tmp_path: Path) -> None:
    xml = PASSPORT
    draft = europass.read(xml)
    assert (draft.name, draft.email) == ("Ada Lovelace", "ada@example.org")
    assert draft.contact == {
        "city": "London", "country": "United Kingdom", "photo": "photo.png",
    }  # fmt: skip
    assert draft.files == {"photo.png": PNG}
    [work] = draft.sections[0].entries
    assert work.options == {
        "organisation": "Analytical Engines", "role": "Analyst",
        "start": "2002-08", "end": "present",
    }  # fmt: skip
    assert work.summary == "Wrote **programs**\nfor engines"
    assert entries(draft, "Languages") == [
        {"name": "English", "fluency": "Mother tongue"},
        {
            "name": "French",
            "fluency": "Listening C1, Reading C2, Spoken interaction B2, "
            "Spoken production C1, Writing C2",
        },
    ]
    driving = section(draft, "Driving licence")
    assert driving.text == "A, B"
    assert draft.unmapped == [
        f"{xml}:13: SkillsPassport.LearnerInfo.Identification.Demographics: birth "
        "date, gender and nationality: not shown on a CV here",
        f"{xml}:21: SkillsPassport.LearnerInfo.WorkExperience[0].Employer.Sector: "
        "no place in the CV",
    ]
    # The same document in JSON, as Europass 3 writes it.
    data = {
        "SkillsPassport": {
            "Locale": "en",
            "LearnerInfo": {
                "Identification": {
                    "PersonName": {"FirstName": "Ada", "Surname": "Lovelace"},
                    "ContactInfo": {"Email": {"Contact": "ada@example.org"}},
                },
                "WorkExperience": [
                    {
                        "Period": {"From": {"Year": 2002, "Month": 8}, "Current": True},
                        "Position": {"Label": "Analyst"},
                        "Activities": "Wrote <b>programs</b><br />for engines",
                        "Employer": {"Name": "Analytical Engines"},
                    }
                ],
            },
        }
    }
    path = tmp_path / "cv.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert europass.is_europass(path)
    from_json = europass.read(path)
    assert from_json.sections[0].entries == draft.sections[0].entries


def test_a_europass_candidate_reads_its_parts(tmp_path: Path) -> None:
    path = CANDIDATE
    draft = europass.read(path)
    assert draft.name == "Ada Lovelace"
    assert draft.links == ["Website ada.example.org https://ada.example.org"]
    assert draft.intro == "Writes *programs*."
    assert draft.files == {"photo.png": PNG}
    assert draft.settings == {"language": "en"}
    assert entries(draft, "Work experience") == [
        {
            "organisation": "Analytical Engines", "role": "Analyst",
            "location": "London, GB", "start": "2021-10", "end": "present",
        }
    ]  # fmt: skip
    assert entries(draft, "Languages") == [{"name": "French", "fluency": "Reading B2"}]
    scholarships = section(draft, "Scholarships")
    assert scholarships.entries[0].options == {"title": "Royal Society grant"}
    # A part no type reads yet is a page of bullets, not left out.
    certifications = section(draft, "Certifications")
    assert certifications.text == ("- Engine Operator, Royal Society\n- Punched Cards")
    assert draft.changed[-1] == (
        f"{path}:36: Candidate.CandidateProfile.Certifications: kept as the page "
        "'Certifications', a bullet an item"
    )
    assert draft.unmapped == [
        f"{path}:7: Candidate.CandidatePerson.Communication[2]: a messenger "
        "account: not shown on a CV here",
        f"{path}:35: Candidate.CandidateProfile.Hobbies: no place in the CV",
    ]


def test_malformed_europass_is_said_at_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<Candidate>\n  <CandidatePerson>\n</Candidate>\n", "utf-8")
    with pytest.raises(InputError) as error:
        europass.read(broken)
    assert str(error.value) == f"{broken}:3:3: not valid XML: mismatched tag"
    other = tmp_path / "other.xml"
    other.write_text("<html/>", "utf-8")
    with pytest.raises(InputError) as error:
        europass.read(other)
    assert str(error.value) == (
        f"{other}:1: <html> is not a Europass CV (Candidate or SkillsPassport)"
    )
