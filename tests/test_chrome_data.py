"""The chrome data file (``data/chrome.toml``): it loads, it recognises chrome, nothing else."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import releaseparse
from releaseparse import chromedata, decorations, patternset, vocabulary
from releaseparse.guard import compile_each
from releaseparse.patternset import GatedPatternSet
from releaseparse.text import collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests.test_patterns import runs_away_on

FIXTURES = Path(__file__).parent.parent / "fixtures"

#: The chrome of the data file alone: what it adds to the vocabulary.
DATA_ONLY = Vocabulary(
    chrome_lines=chromedata.CHROME_LINES, chrome_patterns=chromedata.CHROME_PATTERNS
)

#: A few lines of each class, in the languages republishers use.
EXAMPLES = {
    "navigation": [
        "Skip to main content", "Related Articles", "Top Stories", "Back to top",
        "Noticias relacionadas", "Articles connexes", "Articoli correlati",
        "Notícias relacionadas", "Ähnliche Artikel", "Home » News » World",
        "Read More »", "Lire la suite", "Leggi tutto", "Leia mais", "Weiterlesen",
        "Next article: Secretary Travels to Paris", "Page 2 of 5",
    ],
    "sharing": [
        "Share on Facebook", "Share this:", "Click to share on Twitter (Opens in new window)",
        "Compartir en Facebook", "Partager sur Facebook", "Condividi su Facebook",
        "Compartilhar no Facebook", "Auf Facebook teilen", "Facebook Twitter LinkedIn Email",
        "Share: Facebook | Twitter | Email", "Print this page", "Pin it", "WhatsApp",
        "Imprimir", "Imprimer", "Stampa", "Drucken", "1,234 shares",
    ],
    "consent": [
        "This website uses cookies to improve your experience. By continuing you accept them.",
        "We use cookies to personalise content and ads.", "Accept all", "Cookie settings",
        "Este sitio web utiliza cookies propias y de terceros.",
        "Ce site utilise des cookies pour améliorer votre expérience.",
        "Questo sito utilizza cookie tecnici.", "Diese Website verwendet Cookies.",
        "Subscribe to continue reading", "Already a subscriber? Log in",
        "Your email address will not be published. Required fields are marked *",
    ],
    "media": [
        "Your browser does not support the video tag.",
        "The video is also available with closed captioning on YouTube.", "Play Video",
        "Watch the video", "Video", "Ver vídeo", "Voir la vidéo", "Guarda il video",
        "Assista ao vídeo", "Video abspielen", "Photo 3 of 12", "0:00 / 2:31",
        "Votre navigateur ne prend pas en charge la lecture de vidéos.",
    ],
    "languages": [
        "English", "Español", "Français", "English | Español | Français",
        "English Español Français 中文 Русский", "Select Language", "Translate",
        "EN | ES | FR", "Powered by Google Translate", "Available in:",
    ],
    "cms": [
        "Unknown tag could not be displayed.", "Loading...", "Advertisement",
        "- Advertisement -", "Continue reading →", "Leave a comment", "No comments:",
        "Comments are closed.", "3 Comments", "Posted in Press Releases | Leave a comment",
        '[caption id="attachment_12" align="alignnone" width="300"] The Secretary [/caption]',
        "Tags: Kerry, Iran, nuclear talks", "Filed under: Africa", "Labels: State Department",
        "• Category: Latest National News",
        "This article is more than 5 years old", "Powered by WordPress", "© 2015",
        "Deja un comentario", "Laisser un commentaire", "Lascia un commento",
    ],
    "stamps": [
        "Source: state.gov", "Via @StateDept", "Posted by Jane Doe at 10:32 AM",
        "• Written by Press Release", "Hits: 123",
        "Views: 45", "1,024 views", "Reading time: 3 minutes",
        "The following excerpt is from a U.S. State Department e-mail:",
        "fonte", "source:", "quelle",
    ],
    "release_notes": [
        "For Immediate Release", "FOR IMMEDIATE RELEASE:", "As Prepared for Delivery",
        "(As Delivered)", "Check Against Delivery",
    ],
    "timestamps": [
        "6 days ago", "Updated 2 hours ago", "5 min ago", "an hour ago", "Just now",
        "Last updated: 10:32 AM", "Updated at 4:15 PM", "Posted at 09:15",
        "Updated: March 4, 2021", "Last Updated: Thursday, March 4, 2021",
        "hace 3 horas", "Actualizado hace 5 minutos", "Publicado a las 10:32",
        "Última actualización: 4 de marzo de 2021", "il y a 2 heures", "À l'instant",
        "Mis à jour le 4 mars 2021 à 10h32", "Mis à jour le 04/03/2021", "2 ore fa",
        "Aggiornato il 4 marzo 2021 alle 10:32", "há 3 horas", "2 dias atrás",
        "Atualizado em 04/03/2021 às 10h32", "vor 2 Stunden", "Aktualisiert vor 5 Minuten",
        "Aktualisiert am 04.03.2021, 10:32 Uhr", "Stand: 04.03.2021 10:32 Uhr",
    ],
    "bylines": [
        "By Staff Reporter", "By Editorial Team", "By News Desk", "By Our Correspondent",
        "By Daily Star Staff", "By The Frontier Post Staff", "By Reuters", "Staff Report",
        "F.P. Report", "Author: Newsroom", "Submitted by admin", "Republished with permission",
        "Reprinted with permission of the author.", "Por Redacción", "Redacción / EFE",
        "Par la rédaction", "Di Redazione", "Da Redação", "Von Redaktion",
        "Mit freundlicher Genehmigung von dpa",
    ],
    "credits": [
        "Photo: Reuters", "(Photo: AFP)", "File photo", "File photo: Reuters",
        "Photo courtesy of the U.S. Embassy", "Photo by Jane Doe", "Foto: EFE",
        "(Foto: Archivo)", "Imagen de archivo", "Photo d’archives", "Crédit photo : AFP",
        "Bildquelle: dpa", "Foto: dpa", "(Foto: picture alliance / dpa)", "Symbolbild",
    ],
    "feedback": [
        "Report an error", "Submit a correction", "Found a typo? Let us know.",
        "Did you find this article useful?", "Was this article helpful?", "Was this helpful?",
        "Signaler une erreur", "Cet article vous a-t-il été utile ?", "¿Te ha resultado útil?",
        "Reportar un error", "Segnala un errore", "Questo articolo ti è stato utile?",
        "Reportar erro", "Esta notícia foi útil?", "Fehler melden", "War dieser Artikel hilfreich?",
    ],
}  # fmt: skip

#: Chrome of the classes above in the other classes' forms: trails, menus, banners, players.
MORE_CHROME = {
    "navigation": [
        "You are here: News / World", "Usted está aquí: Inicio / Noticias",
        "Vous êtes ici : Accueil > Actualités", "Sei qui: Home / Notizie",
        "Você está aqui: Início", "Sie sind hier: Startseite", "News » World » Americas",
        "Noticias › Mundo › Europa", "News / World / Americas", "News › World",
        "Press Releases → 2021 → March", "Política de privacidad", "Política de privacidade",
    ],
    "languages": [
        "Disponible en:", "Disponible en :", "Disponibile in:", "Disponível em:",
        "Verfügbar in:", "Available in: English, Español", "Read in English",
        "Leer en español", "Lire en français", "Leia em português", "Seleziona la lingua",
        "Versión en español", "Sprache wählen",
    ],
    "consent": [
        "This site uses analytics cookies to measure traffic.",
        "We'd like to set cookies to understand how you use the site.",
        "By continuing to browse you agree to our use of cookies.",
        "Al continuar navegando, acepta el uso de cookies.",
        "En poursuivant votre navigation, vous acceptez l'utilisation de cookies.",
        "Proseguendo la navigazione accetti l'uso dei cookie.",
        "Ao continuar navegando, você concorda com o uso de cookies.",
        "Durch die Nutzung dieser Website stimmen Sie der Verwendung von Cookies zu.",
        "Privacy Policy | Terms of Use", "Mentions légales · Cookies", "Impressum | Datenschutz",
        "Informativa sulla privacy", "Cookie-Einstellungen",
        "Subscribe to our YouTube channel", "Sign up for our newsletter",
        "This content is for subscribers only.", "Become a member today",
        "Suscríbete a nuestro boletín", "¿Ya eres suscriptor? Inicia sesión",
        "Abonnez-vous à notre newsletter", "Déjà abonné ? Connectez-vous",
        "Iscriviti alla newsletter", "Sei già abbonato? Accedi", "Assine nossa newsletter",
        "Cadastre-se gratuitamente", "Newsletter abonnieren", "Jetzt abonnieren",
    ],
    "media": [
        "Listen to this article", "Listen to this article 3 min", "Escuchar la noticia",
        "Écouter cet article", "Ascolta l'articolo", "Ouvir notícia", "Artikel anhören",
    ],
}  # fmt: skip

#: Release lines next to the new classes: datelines, time lines, titles, speakers, headers.
NEAR_MISSES = [
    "March 4, 2021", "November 16, 2017 2:46 PM EST", "2:46 p.m. EST", "04.03.2021",
    "4 de marzo de 2021", "10:32 AM", "U.S.-EU: Joint Statement",
    "Ferry Safety Agreement / Secretary's Travel", "IRAN / NORTH KOREA / CHINA",
    "By the Secretary of State", "By the President of the United States of America",
    "Antony J. Blinken", "By Antony J. Blinken", "U.S. Report", "Report to Congress",
    "Two weeks ago, I traveled to Brussels.", "Updated Travel Advisory for Mexico",
    "Photo Exhibit Opens in Kabul", "Available Resources", "Submitted by the United States",
    "Report on International Religious Freedom", "Was this a mistake?", "Vor Ort",
    "Statement by the Press Secretary", "Subscribed and sworn", "Il y a",
    "Secretary Blinken's Travel to Paris / Brussels", "Reporting by Jane Doe",
    "Photographs were taken at the ceremony.", "Cookies and cream were served.",
    "Por el Secretario de Estado", "Par le Secrétaire d'État", "Von Botschafter Schmidt",
    "Visa Policy / Harbor Grants / Ferry Safety Concerns", "Iran / Nuclear Talks / Sanctions",
    "A. Report", "Inscrivez-vous pour participer au programme d'échange.",
    "Iscriviti al programma di scambio", "Inscreva-se para o programa de intercâmbio",
    "Did you see a problem?", "Is this news?", "Imagen de la semana", "One year ago.",
]  # fmt: skip

#: Release text that looks a little like chrome and is not.
NOT_CHROME = [
    "Via Teleconference", "Via Videoconference", "Press Statement", "Remarks", "Readout",
    "Media Note", "Notice to the Press", "Washington, DC", "Office of the Spokesperson",
    "Antony J. Blinken, Secretary of State", "November 16, 2017", "2:16 p.m. EDT",
    "Source: UNHCR survey of 2,000 households",
    "Posted in Kabul since 2019, she led the embassy's consular section.",
    "(c) strengthen cooperation on border security;", "Theme: Building Resilience Together",
    "Created by Congress in 1961, the Peace Corps has sent volunteers abroad.",
    "No comment.", "Next steps", "Contact", "Details", "Table of Contents",
    "The video is available at video.state.gov.", "Full text of the joint statement:",
    "filed under seal in the district court", "Sources",
    "Leave a comment on the proposed rule at regulations.gov by May 1.",
    "Secretary Blinken's Call with Egyptian Foreign Minister Shoukry",
    "Travel to Belgium and Germany", "United States", "Transcript", "Statement",
]  # fmt: skip


def _fixture_records() -> list[dict[str, object]]:
    return [
        json.loads(path.read_text("utf-8")) for path in sorted(FIXTURES.glob("*.expected.json"))
    ]


def _release_texts() -> list[str]:
    """Every header value and body line of the fixtures' expected records."""
    texts: list[str] = []
    for record in _fixture_records():
        header = record["header"]
        assert isinstance(header, dict)
        texts += [value for value in header.values() if isinstance(value, str)]
        for speaker in header["speakers"]:
            texts += [value for value in speaker.values() if isinstance(value, str)]
        spans = record["spans"]
        assert isinstance(spans, dict)
        if "body" in spans:
            texts += spans["body"]["text"].splitlines()
    return [text for text in texts if text.strip()]


# -- the file -------------------------------------------------------------------------------------


def test_the_data_file_loads_with_every_class() -> None:
    assert set(chromedata.CLASSES) == set(EXAMPLES)
    for chrome in chromedata.CLASSES.values():
        assert chrome.lines or chrome.patterns, chrome.name
    assert len(chromedata.CHROME_LINES) + len(chromedata.CHROME_PATTERNS) > 1000
    assert chromedata.TITLE_PREFIXES
    assert chromedata.TITLE_SUFFIXES


def test_every_pattern_compiles_and_every_line_is_clean() -> None:
    for pattern in (*chromedata.CHROME_PATTERNS, *chromedata.TITLE_PREFIXES):
        regex.compile(pattern)
    for pattern in chromedata.TITLE_SUFFIXES:
        regex.compile(pattern)
    for line in chromedata.CHROME_LINES:
        assert line, repr(line)
        assert line == collapse(line), repr(line)


def test_no_line_is_listed_twice() -> None:
    folded = [collapse(line).casefold() for line in chromedata.CHROME_LINES]
    assert len(folded) == len(set(folded)), sorted({f for f in folded if folded.count(f) > 1})


def test_the_default_vocabulary_holds_the_data_and_its_own_entries() -> None:
    assert set(chromedata.CHROME_LINES) <= set(DEFAULT_VOCABULARY.chrome_lines)
    assert set(vocabulary.CHROME_LINES) <= set(DEFAULT_VOCABULARY.chrome_lines)
    assert set(chromedata.CHROME_PATTERNS) <= set(DEFAULT_VOCABULARY.chrome_patterns)
    assert set(vocabulary.CHROME_PATTERNS) <= set(DEFAULT_VOCABULARY.chrome_patterns)
    assert DEFAULT_VOCABULARY.title_prefixes == chromedata.TITLE_PREFIXES
    assert DEFAULT_VOCABULARY.title_suffixes == chromedata.TITLE_SUFFIXES


# -- what it recognises ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_class_recognises_its_chrome(name: str) -> None:
    chrome = chromedata.CLASSES[name]
    alone = Vocabulary(chrome_lines=chrome.lines, chrome_patterns=chrome.patterns)
    for line in EXAMPLES[name]:
        assert alone.is_chrome(line), (name, line)
        assert DEFAULT_VOCABULARY.is_chrome(line), (name, line)


@pytest.mark.parametrize(
    "line",
    ["SHARE ON FACEBOOK", "share on facebook", "LEER MÁS", "weiterlesen", "RELATED ARTICLES",
     "your browser does not support the video tag.", "  Skip   to main\tcontent  ",
     "ENGLISH | ESPAÑOL", "COMMENTS ARE CLOSED."],
)  # fmt: skip
def test_matching_ignores_case_and_spacing(line: str) -> None:
    assert DEFAULT_VOCABULARY.is_chrome(line)


@pytest.mark.parametrize("line", NOT_CHROME)
def test_release_text_is_not_chrome(line: str) -> None:
    assert not DATA_ONLY.is_chrome(line)


@pytest.mark.parametrize(
    ("name", "line"), [(name, line) for name, lines in MORE_CHROME.items() for line in lines]
)
def test_each_class_recognises_its_other_forms(name: str, line: str) -> None:
    chrome = chromedata.CLASSES[name]
    alone = Vocabulary(chrome_lines=chrome.lines, chrome_patterns=chrome.patterns)
    assert alone.is_chrome(collapse(line)), line


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_stamps_bylines_trails_and_credits_leave_release_lines_alone(line: str) -> None:
    """Datelines, time lines, titles with a slash and header lines stay release text."""
    assert not DATA_ONLY.is_chrome(collapse(line))


def test_no_entry_matches_a_vocabulary_word() -> None:
    """No note type, category, office, place, role word or label is chrome."""
    words = (
        *vocabulary.NOTE_TYPES, *vocabulary.CATEGORIES, *vocabulary.OFFICES,
        *vocabulary.PLACES, *vocabulary.ROLE_WORDS, *vocabulary.TRANSCRIPT_LABELS,
        *vocabulary.VENUE_WORDS, *vocabulary.SELF_TITLED_NOTE_TYPES,
    )  # fmt: skip
    for word in words:
        for text in (word, word.upper(), word.lower(), f"{word} Index"):
            assert not DATA_ONLY.is_chrome(text), text


def test_no_entry_matches_a_line_of_a_fixture_release() -> None:
    """Header values and body lines of every golden fixture: none is chrome."""
    texts = _release_texts()
    assert len(texts) > 500
    found = [text for text in texts if DATA_ONLY.is_chrome(text)]
    assert not found, found[:10]


# -- the gated pattern test -------------------------------------------------------------------


def _each(patterns: tuple[str, ...], text: str) -> bool:
    return any(pattern.fullmatch(text) is not None for pattern in compile_each(patterns))


def _near_misses() -> list[str]:
    texts = [
        *chromedata.CHROME_LINES[::7],
        *(line for lines in EXAMPLES.values() for line in lines),
        *(line for lines in MORE_CHROME.values() for line in lines),
    ]
    texts += [text[1:] for text in texts] + [text + "!" for text in texts]
    return texts + [text.upper() for text in texts] + ["", " ", "x"]


def test_the_gated_test_answers_as_each_pattern_would() -> None:
    patterns = DEFAULT_VOCABULARY.chrome_set
    assert isinstance(patterns, GatedPatternSet)
    for text in _near_misses():
        line = collapse(text)
        assert patterns.fullmatches(line) is _each(patterns.patterns, line), line


#: Characters that open and fill chrome lines, so generated texts reach many gates.
CHROME_CHARACTERS = "SsHhAaRrEeOoNnVvIiDdTtCc :•|-–/»0123.,@()[]"


@given(st.text(alphabet=st.sampled_from(CHROME_CHARACTERS), max_size=30))
def test_the_gated_test_answers_as_each_pattern_would_on_any_text(text: str) -> None:
    patterns = DEFAULT_VOCABULARY.chrome_set
    assert patterns.fullmatches(text) is _each(patterns.patterns, text)


def test_the_gates_forget_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patternset, "GATES", 4)
    patterns = GatedPatternSet(DEFAULT_VOCABULARY.chrome_patterns)
    for text in _near_misses()[:200]:
        assert patterns.fullmatches(text) is _each(patterns.patterns, text), text
        assert len(patterns.gates) <= 4
    assert patterns.joined is not None  # compiled when asked for, as PatternSet's


# -- title decorations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Fwd: [News] Harbor Grants Announced | example.com", "Harbor Grants Announced"),
        ("RE: FW: Harbor Grants Announced", "Harbor Grants Announced"),
        ("[StateDept] Harbor Grants Announced", "Harbor Grants Announced"),
        ("Logo | Harbor Grants Announced", "Harbor Grants Announced"),
        ("FROM: THE STATE DEPARTMENT Harbor Grants Announced", "Harbor Grants Announced"),
        ("VIDEO: Harbor Grants Announced", "Harbor Grants Announced"),
        ("Home » News » Harbor Grants Announced", "Harbor Grants Announced"),
        ("Daily Press Briefing for April 20 -- Transcript", "Daily Press Briefing for April 20"),
        ("Harbor Grants Announced | U.S. Department of State", "Harbor Grants Announced"),
        ("Harbor Grants Announced - United States Department of State", "Harbor Grants Announced"),
        ("Harbor Grants Announced – U.S. Embassy in Georgia", "Harbor Grants Announced"),
        (
            "Harbor Grants Announced | U.S. Embassy & Consulates in Brazil",
            "Harbor Grants Announced",
        ),
        ("Harbor Grants Announced - TopicsExpress", "Harbor Grants Announced"),
        ("Harbor Grants Announced | Mirage News", "Harbor Grants Announced"),
        ("Harbor Grants Announced - yemennewsgazette.com", "Harbor Grants Announced"),
        ("Harbor Grants Announced [VIDEO]", "Harbor Grants Announced"),
        ("Harbor Grants Announced date 2023-02-10 14:03:22", "Harbor Grants Announced"),
        ("  Harbor Grants Announced  ", "Harbor Grants Announced"),
    ],
)
def test_title_decorations_are_cut(text: str, title: str) -> None:
    start, end = DEFAULT_VOCABULARY.strip_title_decorations(text)
    assert text[start:end] == title


@pytest.mark.parametrize(
    "text",
    [
        "Department Press Briefing - March 8, 2018",
        "Daily Press Briefing for October 28 - Transcript",
        "Daily Press Briefing (Corrected)",
        "Security Alert – U.S. Embassy Kabul, Afghanistan",
        "Logo Design Competition Winners Announced",
        "Re-Opening of the U.S. Embassy in Kyiv",
        "U.S.-India Joint Statement",
        "Remarks at the Signing Ceremony - Washington, D.C.",
    ],
)
def test_real_titles_keep_every_word(text: str) -> None:
    assert DEFAULT_VOCABULARY.strip_title_decorations(text) == (0, len(text))


@pytest.mark.parametrize(
    "text", ["Fwd: Hello", "[News] Announcement", "| U.S. Department of State", "[VIDEO]", "", "  "]
)
def test_a_title_is_never_cut_below_two_words(text: str) -> None:
    start, end = DEFAULT_VOCABULARY.strip_title_decorations(text)
    assert text[start:end] == text.strip()


def _one_by_one() -> decorations.DecorationSet:
    """The default decorations without the joined screen: every test run in turn."""
    tests = decorations.DecorationSet(
        DEFAULT_VOCABULARY.title_prefixes, DEFAULT_VOCABULARY.title_suffixes
    )
    tests._screen = None
    return tests


@given(
    st.lists(
        st.sampled_from(
            [
                "Fwd:",
                "[News]",
                "|",
                "U.S.",
                "Department",
                "of",
                "State",
                "Harbor",
                "Grants",
                "–",
                "-",
                "Embassy",
                "in",
                "Georgia",
                "example.com",
                ":",
                "[VIDEO]",
                "Home",
                "»",
                "date",
                "2023-02-10",
                "Transcript",
                "--",
                "TopicsExpress",
                "(Excerpts)",
                "Logo",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_the_joined_screen_cuts_as_the_tests_one_by_one(text: str) -> None:
    """Skipping the tests when the joined patterns find nothing changes no cut."""
    screened = DEFAULT_VOCABULARY.title_decoration_set
    assert screened._screen is not None
    assert screened.strip(text) == _one_by_one().strip(text)


def test_a_pattern_a_user_added_turns_the_screen_off() -> None:
    added = Vocabulary(title_suffixes=(*DEFAULT_VOCABULARY.title_suffixes, r"\s+~~ mine$"))
    tests = added.title_decoration_set
    assert tests._screen is None
    text = "Harbor Grants Announced ~~ mine"
    assert text[slice(*tests.strip(text))] == "Harbor Grants Announced"


def test_a_cut_that_would_leave_one_word_is_not_made_but_others_are() -> None:
    """Prefixes are cut first; the suffix cut would then leave one word, so it is not made."""
    text = "Fwd: Announcement | U.S. Department of State"
    start, end = DEFAULT_VOCABULARY.strip_title_decorations(text)
    assert text[start:end] == "Announcement | U.S. Department of State"


def test_no_fixture_title_is_cut() -> None:
    titles = [record["header"]["title"] for record in _fixture_records()]  # type: ignore[index]
    for title in titles:
        if isinstance(title, str):
            start, end = DEFAULT_VOCABULARY.strip_title_decorations(title)
            assert title[start:end] == title.strip(), title


def test_title_decoration_patterns_do_not_run_away() -> None:
    tests = DEFAULT_VOCABULARY.title_decoration_set
    for test in (*tests.prefix_tests, *tests.suffix_tests):
        assert runs_away_on(test.pattern) is None, test.pattern.pattern


# -- extending ------------------------------------------------------------------------------------


def test_extend_adds_chrome_and_decorations() -> None:
    extended = DEFAULT_VOCABULARY.extend(
        chrome_lines=["Harbor Widget"],
        chrome_patterns=[r"Harbor \d+ widgets"],
        title_prefixes=[r"HARBOR:\s*"],
        title_suffixes=[r"\s+~\s+Harbor Site$"],
    )
    assert extended.is_chrome("harbor widget")
    assert extended.is_chrome("Harbor 12 widgets")
    assert not DEFAULT_VOCABULARY.is_chrome("Harbor 12 widgets")
    text = "HARBOR: Harbor Grants Announced ~ Harbor Site"
    start, end = extended.strip_title_decorations(text)
    assert text[start:end] == "Harbor Grants Announced"
    assert DEFAULT_VOCABULARY.strip_title_decorations(text) == (0, len(text))
    assert extended.title_prefixes[-1] == r"HARBOR:\s*"
    assert extended.title_suffixes[: len(DEFAULT_VOCABULARY.title_suffixes)] == (
        DEFAULT_VOCABULARY.title_suffixes
    )


def test_an_added_decoration_that_stalls_cuts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decorations, "PATTERN_TIMEOUT", 0.05)
    extended = DEFAULT_VOCABULARY.extend(title_suffixes=[r"(?:a|aa)+b$"])
    text = "Harbor Grants " + "a" * 60
    assert extended.strip_title_decorations(text) == (0, len(text))


def test_a_vocabulary_with_decorations_pickles_without_its_tables() -> None:
    extended = DEFAULT_VOCABULARY.extend(title_suffixes=[r"\s+~\s+Harbor Site$"])
    extended.strip_title_decorations("Harbor Grants Announced ~ Harbor Site")
    copy = pickle.loads(pickle.dumps(extended))
    assert copy == extended
    assert "title_decoration_set" not in vars(copy)
    text = "Harbor Grants Announced ~ Harbor Site"
    assert copy.strip_title_decorations(text) == (0, len("Harbor Grants Announced"))


def test_a_parse_sets_chrome_aside_before_the_title() -> None:
    page = (
        "Skip to main content\nLatest News\nShare on Facebook\n\n"
        "Harbor Grants Announced\n\nMedia Note\nOffice of the Spokesperson\n"
        "Washington, DC\nNovember 16, 2017\n\nOfficials met with partners today.\n"
    )
    release = releaseparse.parse(page)
    assert release.header.title == "Harbor Grants Announced"
    assert [r.kind for r in release.regions if r.kind != "blank"][:3] == ["chrome"] * 3
