from __future__ import annotations

import pytest

from newsgraph.language import MIN_ENGLISH_SHARE, MIN_WORDS, english_share, is_english

ENGLISH = {
    "wire": (
        "Negotiators from the two river provinces left the hall on Tuesday without agreeing on "
        "how much water the Velmora reservoir should release this spring, and both sides said "
        "they would return next week with new figures. Farmers downstream say their fields "
        "have been dry for six weeks."
    ),
    "names and numbers": (
        "Nordland Energy reported revenue of 4.2 billion euros for 2025, up 12 percent, while "
        "Chief Executive Marta Lindqvist told analysts in Oslo that the Havsund wind farm, the "
        "Brekke grid link and the Solvik storage plant would open by March 2027."
    ),
    "quotes": (
        "“We came here to find a compromise, and we will come back,” said Ilse Varga, who led "
        "the delegation from the lower valley. She added that the board had not yet seen the "
        "survey and that any decision before it was published would be premature."
    ),
}

OTHER = {
    "German": (
        "Die Unterhändler der beiden Flussprovinzen verließen am Dienstag den Saal, ohne sich "
        "darauf zu einigen, wie viel Wasser der Stausee in diesem Frühjahr abgeben soll. Die "
        "Bauern flussabwärts sagen, ihre Felder seien seit sechs Wochen trocken, und der "
        "Wasserrat warnt vor Rationierungen noch vor Ende des Monats."
    ),
    "French": (
        "Les négociateurs des deux provinces ont quitté la salle mardi sans s'accorder sur la "
        "quantité d'eau que le réservoir devrait libérer ce printemps. Les agriculteurs en aval "
        "affirment que leurs champs sont secs depuis six semaines et que le conseil de l'eau "
        "prévoit un rationnement avant la fin du mois."
    ),
    "Spanish": (
        "Los negociadores de las dos provincias abandonaron la sala el martes sin ponerse de "
        "acuerdo sobre cuánta agua debería liberar el embalse esta primavera. Los agricultores "
        "río abajo dicen que sus campos llevan seis semanas secos y que la junta del agua ha "
        "advertido de un posible racionamiento antes de fin de mes."
    ),
    "Italian": (
        "I negoziatori delle due province hanno lasciato la sala martedì senza trovare un "
        "accordo su quanta acqua il bacino dovrebbe rilasciare questa primavera. Gli "
        "agricoltori a valle dicono che i loro campi sono asciutti da sei settimane e che il "
        "consiglio dell'acqua ha avvertito che il razionamento potrebbe iniziare prima della "
        "fine del mese."
    ),
    "Polish": (
        "Negocjatorzy z obu prowincji opuścili salę we wtorek, nie uzgodniwszy, ile wody "
        "zbiornik powinien wypuścić tej wiosny. Rolnicy w dole rzeki mówią, że ich pola są "
        "suche od sześciu tygodni, a rada wodna ostrzega, że racjonowanie może się zacząć "
        "przed końcem miesiąca."
    ),
    "Russian": (
        "Переговорщики из двух провинций покинули зал во вторник, так и не договорившись о "
        "том, сколько воды водохранилище должно сбросить этой весной. Фермеры ниже по течению "
        "говорят, что их поля сухие уже шесть недель, а водный совет предупреждает о "
        "возможном нормировании до конца месяца."
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [(text, True) for text in ENGLISH.values()] + [(text, False) for text in OTHER.values()],
    ids=[*ENGLISH, *OTHER],
)
def test_is_english(text, expected):
    assert is_english(text) is expected


@pytest.mark.parametrize("text", ENGLISH.values(), ids=list(ENGLISH))
def test_english_clears_the_threshold_with_margin(text):
    assert english_share(text) >= MIN_ENGLISH_SHARE + 0.1


@pytest.mark.parametrize("text", OTHER.values(), ids=list(OTHER))
def test_other_languages_stay_well_below(text):
    assert english_share(text) <= MIN_ENGLISH_SHARE - 0.1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0.0),
        ("12 345 — 2026", 0.0),
        ("the river", 0.5),
        ("The THE the Dam", 0.75),
        ("Der Fluss und the dam", 0.2),
    ],
)
def test_english_share(text, expected):
    assert english_share(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Dam talks stall",
        "Wasserrat warnt vor Rationierungen",
        " ".join(["Fluss"] * (MIN_WORDS - 1)),
    ],
)
def test_short_texts_count_as_english(text):
    assert is_english(text)


def test_threshold_is_a_parameter():
    text = " ".join(["Fluss"] * MIN_WORDS)
    assert not is_english(text)
    assert is_english(text, min_share=0.0)
    assert not is_english(ENGLISH["wire"], min_share=0.99)
