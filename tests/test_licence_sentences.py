"""The driver's licence reader cuts out only the sentences that hold a literal its
pattern needs (`bulletin.sentences_naming`): the same pieces as splitting the whole text
and testing every piece, which these tests compare on random and long texts."""

from __future__ import annotations

import random

from classspec.normalize.bulletin import _DRIVERS_LICENSE, _SENTENCE, sentences_naming
from classspec.regex_prefilter import may_match, scanner


def test_the_sentences_naming_a_licence_are_the_split_pieces_holding_its_words() -> None:
    """Pieces found from where the literals stand equal splitting the whole text and
    testing every piece, on texts of separators, stops, lower-case wraps and words."""
    parts = [
        " ",
        "\n",
        "\n\n",
        ".",
        "!",
        "a",
        "B",
        "x ",
        "driver",
        "Driving ",
        "\u00a0",
        "\t",
        "licence ",
        "\u212a",
    ]
    rng = random.Random(7)
    long = "Stop. " + "word " * 300 + "a driver licence. Next.\n"  # a piece longer than a first reach
    assert sentences_naming(long, _DRIVERS_LICENSE) == [long[6:-7]]
    for round_ in range(2000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 3000 if round_ % 10 == 0 else 400)))
        pieces = [piece for piece in scanner(_SENTENCE).split(text) if may_match(_DRIVERS_LICENSE, piece)]
        assert sentences_naming(text, _DRIVERS_LICENSE) == pieces, repr(text)
