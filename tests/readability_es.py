"""Reading ease of Spanish prose: the Fernández Huerta formula, offline.

``L = 206.84 - 0.60 P - 1.02 F``, with P the syllables per 100 words and F the words per
sentence (Fernández Huerta 1959, the Spanish adaptation of Flesch's reading ease). The
formula is often printed with F as "sentences per 100 words", which would make shorter
sentences score as harder; G. Law (LINGUIST List 22.2332, 2011) showed the mistake, and
the corrected form is used here. 70 and above reads as "fairly easy" or easier (about a
US grade 6; 60 to 70 is grades 7 and 8), within the site's grade 8 target.

Syllables are counted by vowel groups, as Spanish spelling makes them: a run of vowels is
one syllable (a diphthong or triphthong: "bien", "buey"), except where two strong vowels
meet (a, e, o: "le-er", "po-e-ma") or an accented i or u stands next to another vowel
("dí-a", "re-ú-ne"), which is a hiatus. A final "y" after a vowel is a vowel ("hoy",
"muy"); "u" in "que", "qui", "gue", "gui" is silent. The prose comes from the built page,
as for English (``tests/readability.py``: quizzes, code and the footer are left out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.readability import counts, prose_blocks

WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
VOWELS = "aeiouáéíóúü"
STRONG = set("aeoáéó")
ACCENTED_WEAK = set("íú")
SILENT_U = re.compile(r"(?<=[qg])u(?=[eiéí])")


def syllables(word: str) -> int:
    """Syllables in one Spanish word (at least 1)."""
    word = SILENT_U.sub("", word.lower())
    word = re.sub(r"(?<=[aeiouáéíóú])y$", "i", word)
    count = 0
    previous = ""
    for char in word:
        if char not in VOWELS:
            previous = ""
            continue
        if not previous:
            count += 1
        elif (previous in STRONG and char in STRONG) or ACCENTED_WEAK & {previous, char}:
            count += 1  # a hiatus: the vowels belong to two syllables
        previous = char
    return max(count, 1)


@dataclass(frozen=True)
class Lectura:
    """Counts and the Fernández Huerta reading ease of a Spanish text."""

    words: int
    sentences: int
    syllables: int

    @property
    def ease(self) -> float:
        """Fernández Huerta: 100 and above is very easy, 70 to 80 fairly easy."""
        if not self.words:
            return 100.0
        syllables_per_100 = 100 * self.syllables / self.words
        words_per_sentence = self.words / self.sentences
        return 206.84 - 0.60 * syllables_per_100 - 1.02 * words_per_sentence


def lectura(blocks: list[str]) -> Lectura:
    """Measure ``blocks`` of Spanish prose; each block ends at least one sentence."""
    return Lectura(*counts(blocks, WORD, syllables))


def page_lectura(html: str) -> Lectura:
    """Measure the readable prose of one built Spanish page."""
    return lectura(prose_blocks(html))
