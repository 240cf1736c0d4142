"""Credits, citations, quote marks and quote speakers in Spanish, French, German, Portuguese and
Italian copy. Every sentence here is synthetic, written for these tests (invented people and
events, real outlets only as credited or cited names); none is taken from the evaluation set.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from provenance.attribution import extract_citations, extract_credits
from provenance.attribution.patterns import parse_date
from provenance.framing.quotes import quote_spans
from provenance.quotes import extract_quotes
from provenance.quotes.marks import quote_pattern


def _articles(*texts: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"article_id": [f"a{i}" for i in range(len(texts))], "title": ["T"] * len(texts),
         "text": list(texts)}
    )  # fmt: skip


def _quotes(text: str) -> list[tuple[str, str | None]]:
    q = extract_quotes(_articles(text))
    return [(t, None if pd.isna(s) else s) for t, s in zip(q["text"], q["speaker"], strict=True)]


# --- dates and datelines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("7 abr 2024", "2024-04-07"),
        ("21 de septiembre de 2023", "2023-09-21"),
        ("1er février 2022", "2022-02-01"),
        ("9. Dezember 2021", "2021-12-09"),
        ("30 de março de 2020", "2020-03-30"),
        ("12 GIU 2019", "2019-06-12"),
        ("3 août 2018", "2018-08-03"),
        ("31 avril 2018", None),  # no such day
        ("23rd August 0021", None),  # a year outside any news date: no date, not 2021
        ("5 May 3021", None),
    ],
)
def test_parse_date_in_five_languages(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso
    if iso is None:  # a known default year does not rescue a bad written date
        assert parse_date(written, default_year=2021) is None


@pytest.mark.parametrize(
    ("text", "outlet", "place", "date"),
    [
        ("VALENCIA, 9 nov (EFE).- La Generalitat anunció ayer un plan.", "efe", "VALENCIA",
         "2025-11-09"),
        ("LYON, 2 déc. 2024 (AFP) - Le maire a inauguré la ligne.", "afp", "LYON", "2024-12-02"),
        ("Köln (dpa) - Die Stadt hat den Karneval abgesagt.", "dpa", "Köln", None),
        ("BOGOTÁ (Sputnik) — El Gobierno colombiano convocó a los gremios.", "sputnik", "BOGOTÁ",
         None),
        ("NAPOLI, 14 OTT - (ANSA) - Il porto resterà chiuso.", "ansa", "NAPOLI", "2025-10-14"),
        ("Belo Horizonte (Reuters) - A mineradora suspendeu as obras.", "reuters",
         "Belo Horizonte", None),
    ],
)  # fmt: skip
def test_datelines_of_the_latin_script_wires(text, outlet, place, date) -> None:
    arts = _articles(text).assign(published=pd.Timestamp("2025-06-01", tz="UTC"))
    row = extract_credits(arts).iloc[0]
    assert (row["kind"], row["outlet_id"], row["place"]) == ("dateline", outlet, place)
    assert (None if pd.isna(row["credit_date"]) else row["credit_date"]) == date


def test_place_after_a_comma_is_never_a_month() -> None:
    row = extract_credits(_articles("SEVILLA, 4 jun (EFE).- Texto.")).iloc[0]
    assert row["place"] == "SEVILLA"


@pytest.mark.parametrize(
    "note",
    [
        "Esta nota fue publicada originalmente en RT en Español.",
        "Cet entretien a d'abord été publié dans RT France.",
        "Der Beitrag erschien zuerst bei RT DE.",
        "Texto publicado originalmente pela Sputnik Brasil.",
        "L'articolo è stato pubblicato originariamente su Sputnik Italia.",
    ],
)
def test_republication_notes(note: str) -> None:
    credits = extract_credits(_articles("Primer párrafo del texto.\n\n" + note))
    assert credits["kind"].tolist() == ["originally_published"]
    assert credits["outlet_id"].iloc[0] in ("rt", "sputnik")


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("Primer párrafo.\n\nCon información de EFE y Reuters.", ["efe", "reuters"]),
        ("Premier paragraphe.\n\n(Avec AFP)", ["afp"]),
        ("Erster Absatz.\n\nMit Material von dpa und Reuters.", ["dpa", "reuters"]),
        ("Primeiro parágrafo.\n\nCom informações da Reuters e da AFP.", ["afp", "reuters"]),
        ("Il texte parle d'une interview avec RT diffusée hier.", []),
        ("Cet article est initialement paru dans Le Monde.", ["le-monde"]),
        ("Este artículo se publicó originalmente en el diario El Mundo.", ["el-mundo"]),
    ],
)
def test_input_lines_and_more_republication_notes(text: str, outlets: list[str]) -> None:
    assert sorted(extract_credits(_articles(text))["outlet_id"].tolist()) == outlets


def test_unregistered_agency_in_capitals_is_a_credit() -> None:
    credits = extract_credits(_articles("BILBAO, 22 (SERVIMEDIA PRESS)\n\nEl puerto crece."))
    assert credits["entity_text"].tolist() == ["SERVIMEDIA PRESS"]


# --- citations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outlet", "kind", "speaker"),
    [
        ("Según publicó el diario El País, el Gobierno retrasará la ley.", "el-pais", "report",
         None),
        ("De acuerdo con la agencia TASS, las tropas se retiraron.", "tass", "report", None),
        ("Selon l'agence RIA Novosti, le convoi est arrivé.", "ria-novosti", "report", None),
        ("D'après Le Monde, le projet sera abandonné.", "le-monde", "report", None),
        ("Laut Spiegel soll die Reform scheitern.", "der-spiegel", "report", None),
        ("Die Bahn erhöht die Preise, berichtete die FAZ am Montag.", "faz", "report", None),
        ("Segundo o jornal O Globo, a votação foi adiada.", "o-globo", "report", None),
        ("Secondo La Repubblica, il decreto slitta.", "la-repubblica", "report", None),
        ("Lo riporta il Corriere della Sera.", "corriere", "report", None),
        ("En una entrevista con el diario Clarín, Rosa Quiroga explicó su plan.", "clarin",
         "interview", "Rosa Quiroga"),
        ("Dans un entretien accordé au Figaro, Paul Marchetti défend la réforme.", "le-figaro",
         "interview", None),
        ("„Wir bleiben hart“, sagte Lena Vogt im Interview mit der Zeitung Iswestija.",
         "izvestia", "interview", "Lena Vogt"),
        ("„Das reicht nicht“, sagte Jonas Brandt am Dienstag im ORF-Interview.", "orf",
         "interview", "Jonas Brandt"),
        ("Em entrevista à Folha, o senador Caio Teixeira afirmou que votará contra.", "folha",
         "interview", "Caio Teixeira"),
        ("«Serve tempo», ha detto Paola Ricci in un'intervista all'agenzia RIA Novosti.",
         "ria-novosti", "interview", "Paola Ricci"),
    ],
)  # fmt: skip
def test_citations_in_five_languages(text, outlet, kind, speaker) -> None:
    cit = extract_citations(_articles(text))
    assert cit["outlet_id"].tolist() == [outlet]
    assert cit["kind"].iloc[0] == kind
    got = cit["speaker"].iloc[0]
    assert (None if pd.isna(got) else got) == speaker


@pytest.mark.parametrize(
    ("text", "outlet", "kind"),
    [
        ("Le ministre, cité par Le Parisien, dément.", "le-parisien", "quoted"),
        ("Der Minister, zitiert von der Süddeutschen Zeitung, widersprach.", "sueddeutsche",
         "quoted"),
        ("Selon des informations du Monde, le projet est abandonné.", "le-monde", "report"),
        ("Em entrevista ao Globo, o ministro negou.", "o-globo", "interview"),
        ("„Wir handeln“, sagte Weber der „Süddeutschen Zeitung“.", "sueddeutsche", "interview"),
        ("El ministro declaró a Efe que no dimitirá.", "efe", "interview"),
        ("Le porte-parole a déclaré au Monde que rien n'était décidé.", "le-monde", "interview"),
    ],
)  # fmt: skip
def test_contracted_articles_declined_and_quoted_names(text, outlet, kind) -> None:
    cit = extract_citations(_articles(text))
    assert cit[["outlet_id", "kind"]].values.tolist() == [[outlet, kind]]


@pytest.mark.parametrize(
    "text",
    [
        "El ministro dijo a los periodistas que no habrá cambios.",
        "Le ministre a déclaré aux journalistes que rien ne changerait.",
        "„Es bleibt dabei“, sagte die Ministerin vor Journalisten.",
        "O ministro disse a jornalistas que nada muda. Em entrevista coletiva, repetiu.",
        "Il ministro ha parlato in conferenza stampa. La stampa estera ha ripreso la notizia.",
        "Según Marcos Ibáñez, el país necesita reformas. Die Welt schaut zu, sagte sie.",
        "Wie die Zeitung berichtet, sind zwei Werke betroffen.",
    ],
)
def test_no_citation_without_an_outlet(text: str) -> None:
    assert extract_citations(_articles(text)).empty


# --- quote marks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Il a dit « c'est fini pour nous » hier.", "c'est fini pour nous"),
        ("Il a dit «\u00a0c'est fini pour nous\u00a0» hier.", "c'est fini pour nous"),
        ("Il a dit «\u202fc'est fini pour nous\u202f» hier.", "c'est fini pour nous"),
        ("Sie sagte: „Wir sind bereit für alles“ und ging.", "Wir sind bereit für alles"),
        ("Er sagte: »Wir sind bereit für alles« und ging.", "Wir sind bereit für alles"),
        ("Er sagte: ‚Wir sind bereit für alles‘ und ging.", "Wir sind bereit für alles"),
        ("She said “we are ready for anything” and left.", "we are ready for anything"),
    ],
)
def test_quote_marks_in_both_matchers(text: str, body: str) -> None:
    assert [q for q, _ in _quotes(text)] == [body]
    assert [s.text for s in quote_spans(text)] == [body]


def test_french_closing_guillemet_opens_no_german_quote() -> None:
    pattern = re.compile(quote_pattern())
    bodies = [m.group("body").strip() for m in pattern.finditer("« un » puis deux « trois »")]
    assert bodies == ["un", "trois"]


def test_apostrophes_stay_safe() -> None:
    assert [q for q, _ in _quotes("It's the 5\" screen of O'Neil's shop, isn't it?")] == []


# --- quote speakers ---------------------------------------------------------------------------


def test_spanish_speakers_roles_and_inverted_verbs() -> None:
    text = (
        "El director del puerto de Vigo, Julián Barreiro Costa, presentó el plan.\n\n"
        "«Vamos a duplicar la capacidad en dos años», dijo hoy martes el director.\n\n"
        "«No habrá despidos en la plantilla», añadió Barreiro."
    )
    assert [s for _, s in _quotes(text)] == ["Julián Barreiro Costa"] * 2


def test_french_inversion_and_pronouns() -> None:
    text = (
        "La maire de Nantes, Odile Ferrand, a présenté le budget.\n\n"
        "« Nous tiendrons nos engagements sans hausse d'impôts », a-t-elle affirmé.\n\n"
        "« Les travaux commencent en mai prochain », a déclaré le préfet Hugo Lenoir."
    )
    assert [s for _, s in _quotes(text)] == ["Odile Ferrand", "Hugo Lenoir"]


def test_german_compound_roles_and_so_der() -> None:
    text = (
        "Verkehrsministerin Jana Albrecht will die Maut senken. „Die Pendler brauchen Luft“, "
        "sagte die SPD-Politikerin am Freitag.\n\n"
        "„Wir prüfen alle Optionen sehr genau“, so die Ministerin weiter.\n\n"
        "„Das ist reine Symbolpolitik im Wahljahr“, sagte Oppositionssprecher Till Kramer."
    )
    assert [s for _, s in _quotes(text)] == ["Jana Albrecht", "Jana Albrecht", "Till Kramer"]


def test_portuguese_and_italian_compound_tenses() -> None:
    pt = (
        'O prefeito de Recife, Danilo Farias, anunciou obras. "As chuvas não vão nos parar '
        'agora", afirmou o prefeito.'
    )
    it = (
        "«Il cantiere chiuderà entro giugno prossimo», ha dichiarato l'assessore Bruno Gatti.\n\n"
        "«Ci saranno controlli ogni settimana», ha aggiunto."
    )
    assert [s for _, s in _quotes(pt)] == ["Danilo Farias"]
    assert [s for _, s in _quotes(it)] == ["Bruno Gatti", "Bruno Gatti"]


def test_according_to_in_other_languages_names_a_person() -> None:
    text = "Selon lui, le texte « sera voté avant l'été prochain »."
    text = "Le ministre Paul Girard était à Rennes. " + text
    assert [s for _, s in _quotes(text)] == ["Paul Girard"]


# --- outlet mentions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Die Welt hat sich verändert, meinen viele.", None),
        ("Das Foto zeigt ein düsteres Bild der Lage.", None),
        ("Im Flur hing der Spiegel schief.", None),
        ("Laut Die Welt plant die Regierung neue Schulden.", "die-welt"),
        ("Das berichtet die Zeit in ihrer neuesten Ausgabe.", "die-zeit"),
        ("La stampa estera ha ripreso la notizia.", None),
        ("Secondo La Stampa il voto slitta.", "la-stampa"),
        ("El país sigue creciendo, según el Gobierno.", None),
        ("Le monde entier regarde Paris.", None),
    ],
)
def test_outlet_mentions_respect_case_and_cues(text: str, outlet: str | None) -> None:
    from provenance.outlets import load_registry

    found = load_registry().find_mentions([text])["outlet_id"].tolist()
    assert found == ([outlet] if outlet else [])


def test_subject_after_an_uncredited_dateline_and_he_she_skip_documents() -> None:
    es = (
        "ROSARIO.- El intendente de Rosario, Mateo Caballero, presentó la obra y prometió que "
        '"no habrá más cortes de agua este verano".'
    )
    fr = (
        "« Le calendrier sera tenu jusqu'au bout », indique un communiqué du ministère.\n\n"
        "Jointe par téléphone, la députée Inès Morel reste prudente. « Nous jugerons sur "
        "pièces, pas sur promesses », a-t-elle ajouté."
    )
    assert [s for _, s in _quotes(es)] == ["Mateo Caballero"]
    assert [s for _, s in _quotes(fr)][1] == "Inès Morel"


def test_a_quote_inside_guillemets_stays_inside() -> None:
    text = "«El pliego decía “urgente” en cada página», dijo la jueza Alba Ruiz."
    assert _quotes(text) == [("El pliego decía “urgente” en cada página", "Alba Ruiz")]


def test_more_verbs_roles_and_a_place_set_off_after_the_name() -> None:
    text = (
        "«Es un día triste para todo el puerto», lamentó el alcalde de Cádiz, José Marín.\n\n"
        "El geógrafo Luis Bernal, de la Universidad de Sevilla, considera que la obra «llega "
        "con diez años de retraso».\n\n"
        "Kanzler Olaf Berg sprach in Kiel. Er betonte: „Wir werden die Hilfen verlängern.“"
    )
    assert [s for _, s in _quotes(text)] == ["José Marín", "Luis Bernal", "Olaf Berg"]


def test_pronouns_take_the_person_of_their_gender() -> None:
    es = (
        "El consejero de Sanidad, Iván Soler, y la alcaldesa de Lugo, Nerea Pazos, firmaron el "
        "convenio. «Es el primer paso de un plan de diez años», dijo ella."
    )
    de = (
        "Die Umweltministerin Katja Brenner besuchte Rostock. „Die Küste braucht jetzt "
        "Schutz“, sagte sie."
    )
    assert [s for _, s in _quotes(es)] == ["Nerea Pazos"]
    assert [s for _, s in _quotes(de)] == ["Katja Brenner"]
