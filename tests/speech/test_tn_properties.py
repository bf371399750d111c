"""Properties of the Latin-word rules: any ASCII letters come out as valid Vietnamese syllables."""
import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from loa.speech.normalize import normalize
from loa.speech.normalize.syllables import is_valid_syllable, split_syllable
from loa.speech.normalize.transliterate import transliterate, with_tone

REGIONS = st.sampled_from(["north", "central", "south"])
# Words that look like English, brands and acronyms more often than uniform letters would.
ENGLISH_ISH = st.lists(
    st.sampled_from(["str", "sm", "ph", "th", "sh", "ch", "ck", "qu", "x", "igh", "tion", "le", "ee", "oo",
                     "ou", "ow", "a", "e", "i", "o", "u", "y", "b", "c", "d", "f", "g", "k", "l", "m", "n",
                     "p", "r", "s", "t", "v", "w", "z", "A", "E", "I", "O", "U", "Y", "B", "C", "Q", "W", "X"]),
    min_size=1, max_size=8,
).map("".join)
LETTERS = st.one_of(st.text(alphabet=string.ascii_letters, max_size=30), ENGLISH_ISH)


def check_spans(source: str, result) -> None:
    position = 0
    for span in result.spans:
        assert span.out_start == position < span.out_end
        assert 0 <= span.src_start <= span.src_end <= len(source)
        position = span.out_end
    assert position == len(result.text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LETTERS, REGIONS)
@example("smart", "north")
@example("Hotline", "north")
@example("QWRTPXZ", "south")
@example("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "central")
@example("aEiOuY", "north")
def test_ascii_letters_become_valid_syllables(source, region):
    result = normalize(source, region=region)
    words = result.text.split()
    assert all(is_valid_syllable(w) for w in words), (source, result.text)
    assert bool(words) == bool(source)
    check_spans(source, result)
    if result.text:  # one word in: the whole reading maps back to the whole word
        assert result.source_range(0, len(result.text)) == (0, len(source))


@settings(max_examples=200, deadline=None)
@given(st.lists(LETTERS.filter(bool), min_size=1, max_size=6).map(" ".join), REGIONS)
def test_ascii_phrases_become_valid_syllables(source, region):
    result = normalize(source, region=region)
    assert all(is_valid_syllable(w) for w in result.text.split()), (source, result.text)
    check_spans(source, result)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=24))
def test_transliteration_is_valid_syllables(word):
    spoken = transliterate(word)
    assert spoken and all(is_valid_syllable(s) for s in spoken.split()), (word, spoken)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted({o + r for o in ["", "b", "c", "ch", "gh", "gi", "kh", "ng", "ngh", "qu", "th", "tr", "x"]
                               for r in ["a", "ac", "anh", "at", "e", "ep", "i", "ich", "inh", "oa", "oat", "uy", "uyt",
                                         "ô", "ôc", "ơ", "ươc", "iêt", "uôc", "ăp", "âm"]})))
def test_a_stop_coda_needs_sac_or_nang(base):
    if split_syllable(base) is None:
        assert not is_valid_syllable(base) and not is_valid_syllable(with_tone(base, "sắc"))
        return
    stop = base.endswith(("c", "ch", "p", "t"))
    assert is_valid_syllable(base) != stop
    assert is_valid_syllable(with_tone(base, "sắc"))
    assert is_valid_syllable(with_tone(base, "huyền")) != stop
