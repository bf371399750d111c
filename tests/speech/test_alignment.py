"""Words placed from phoneme durations: alignment.py on hand-made phoneme sequences."""
from itertools import pairwise

from loa.speech.engines.alignment import align_words, words_of


def test_words_of_finds_words_with_their_offsets():
    text = "Kỳ họp, thứ 25 – đồng chí Nguyễn-Văn A."
    assert [text[a:b] for a, b in words_of(text)] == ["Kỳ", "họp", "thứ", "25", "đồng", "chí", "Nguyễn-Văn", "A"]


def test_one_group_per_word_maps_one_to_one():
    words = [(0, 3), (4, 7)]
    phonemes = ["^", "a", "b", " ", "c", "d", ".", "$"]
    samples = [10, 100, 100, 50, 100, 100, 20, 5]
    spans = align_words(words, [["a", "b"], ["c", "d"]], phonemes, samples)
    assert [(s.sample_start, s.sample_end) for s in spans] == [(10, 210), (260, 460)]


def test_words_espeak_joined_are_split_where_their_own_phonemes_meet():
    # "of the" read as one group "ʌvðə": each word phonemized alone gives the split.
    words = [(0, 2), (3, 6), (7, 12)]
    phonemes = ["^", "ʌ", "v", "ð", "ə", " ", "v", "ɔ", "ɪ", "s", "$"]
    samples = [0, 10, 10, 10, 10, 30, 10, 10, 10, 10, 0]
    spans = align_words(words, [["ʌ", "v"], ["ð", "ə"], ["v", "ɔ", "ɪ", "s"]], phonemes, samples)
    assert [(s.sample_start, s.sample_end) for s in spans] == [(0, 20), (20, 40), (70, 110)]


def test_mismatched_phonemes_stay_in_order_and_cover_the_sentence():
    words = [(0, 1), (2, 3), (4, 5)]
    phonemes = ["^", "x", "y", " ", "q", "q", " ", "z", "$"]  # the middle word sounds unlike its phonemes alone
    samples = [5, 10, 10, 5, 10, 10, 5, 10, 5]
    spans = align_words(words, [["x", "y"], ["m", "n"], ["z"]], phonemes, samples)
    assert [s.sample_start for s in spans] == sorted(s.sample_start for s in spans)
    assert all(a.sample_end <= b.sample_start for a, b in pairwise(spans))
    assert spans[1].sample_end > spans[1].sample_start  # the unmatched sounds went to the middle word
    assert spans[-1].sample_end <= sum(samples)


def test_a_word_without_sounds_gets_no_time():
    spans = align_words([(0, 1), (2, 3)], [["a"], []], ["^", "a", "$"], [0, 10, 0])
    assert spans[1].sample_start == spans[1].sample_end == 10
