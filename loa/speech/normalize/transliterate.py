"""Unknown Latin-script words in Vietnamese syllables, by rule: smart -> xờ mát, stream -> xờ trim.

For a word that is neither a Vietnamese syllable, nor in the loanword lexicon, nor an
all-capital acronym. The rules read English spelling:

1. Letter groups become sounds: ph -> f, ck -> kk, qu -> kw, x -> ks (x- stays x), c and g
   are soft before e, i, y (c -> s, g -> gi), th, sh, ch, tch and dge are one sound each, gh is
   silent after a vowel (high), kn-, wr-, wh- lose a letter, -mb loses the b, -tion and
   -sion are "sần", -ture is "chơ", a final consonant + le is that consonant + "ồ"
   (google -> gu gồ, apple -> áp pồ). A vowel + consonant + final e is a long vowel (site,
   game, phone). y is a consonant before a vowel at the start or between vowels (yoga, toyota).
2. Syllables: one per vowel group; a single consonant between vowels starts the next
   syllable (vi-deo), double consonants split (hap-py), a cluster splits before the longest
   onset it ends with (in-stagram), an s before a consonant closes the syllable (fes-tival).
3. Onset: consonant clusters (smart, stream, blue) become extra syllables with ờ: s -> xờ,
   b -> bờ, c/k -> cờ, d -> đờ, f -> phờ, g -> gờ, p -> pờ, t -> tờ; tr stays tr
   (stream -> xờ trim). Single sounds: d -> đ, f -> ph, s -> x, sh -> s, j/soft g -> gi,
   y/z -> d, w -> a glide (web -> oép, win -> uyn, twitter -> tuýt tơ).
4. Rhyme: vowels as English says them, in Vietnamese letters (a -> a, long a -> ây/ê,
   e -> e / ê when open, ee/ea -> i, long i -> ai, o -> ô, oo -> u, ou/ow -> ao, u -> ă when
   closed, er/ir/ur -> ơ, final -y -> i, one-syllable -y -> ai). Codas keep what Vietnamese
   allows: b/p/f/v -> p, d/t/th/sh/ss -> t, g/k/x -> c, l -> n (ail -> eo), r is silent,
   a final single s is t after a short vowel and silent elsewhere, clusters keep one sound.
5. Spelling: c/k/qu, g/gh, ng/ngh by the next vowel; ng -> nh and c -> ch after i and ê.
   A stop coda (c, ch, p, t) takes the sắc tone; other syllables stay level.

Every syllable produced is checked with syllables.is_valid_syllable; one that fails loses its
coda, then its onset, and a word still not made of valid syllables is spelled out. A word of
more than MAX_LETTERS letters, or without a vowel, is spelled too. Limits: English spelling is not
phonemic, so stress, reduced vowels and silent letters are guessed (camera -> ca mê ra is
right, startup -> xờ ta tắp is not); words the rules get wrong belong in the lexicon.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .syllables import ONSETS, STOP_CODAS, is_valid_syllable, spell, split_syllable

Replacement = str | Callable[[re.Match[str]], str]

MAX_LETTERS = 24  # a longer "word" is no word: it is spelled

_VOWELS = frozenset("aeiouyAEIOUŵ")  # A E I O U: long (magic e); ŵ: the w of aw, ew, ow
# Ordered rewrites of English spelling into one symbol per sound (see the module docstring).
_SPELLING: list[tuple[str, Replacement]] = [
    (r"tion(?=s?$)|sion(?=s?$)", "§"), (r"ture(?=s?$)", "¶"),
    (r"^kn", "n"), (r"^wr", "r"), (r"^gn", "n"), (r"^ps(?=[aeiouy])", "s"), (r"wh", "w"),
    (r"ph", "f"), (r"ck", "kk"), (r"tch", "ʧ"), (r"dge", "j"), (r"igh", "I"), (r"(?<=[aeiou])ght", "t"),
    (r"(?<=[aeiou])gh", ""), (r"^gh", "G"), (r"mb$", "m"),
    (r"qu", "kw"), (r"^x", "s"), (r"x", "ks"), (r"gu(?=[aeiy])", "G"), (r"gg", "GG"),
    (r"th", "θ"), (r"sh", "ʃ"), (r"ch", "ʧ"), (r"ng(?![aeiouy])", "ŋ"),
    (r"c(?=[eiy])", "s"), (r"g(?=[eiy])", "j"), (r"c", "k"), (r"g", "G"),
]
# After them: a long vowel before one consonant and a silent e, then the other silent e's.
_AFTER: list[tuple[str, Replacement]] = [
    (r"(?<=[bkdfGpstvz])le(?=s?$)", "¤"),
    (r"(?<![aeiou])([aeiou])([bdfGjklmnprstvzθʃʧ])e(?=s?$|d$)", lambda m: m[1].upper() + m[2]),
    # horse, dance, else: an e after two consonants is silent, except after m + p (ampe, Kempe: am pe).
    (r"(?<=[bkdfGjlmnprstvzθʃʧ]{2})(?<!mp)e$|(?<=[sj])e$", ""),
    (r"^y(?=[aeiou])|(?<=[aeiou])y(?=[aeiou])", "Y"),
    (r"(?<=[aeo])w(?![aeiouy])", "ŵ"),
]
_REWRITES = [(re.compile(pattern), replacement) for pattern, replacement in _SPELLING + _AFTER]
_SYLLABIC = "§¶¤"  # ready-made syllables: sần, chơ, C + ồ

_ONSET_CLUSTERS = frozenset({
    "bl", "br", "kl", "kr", "dr", "fl", "fr", "Gl", "Gr", "pl", "pr", "sk", "sl", "sm", "sn", "sp",
    "st", "sw", "tr", "tw", "θr", "ʃr", "str", "spr", "spl", "skr", "skw", "kw", "dw", "Gw", "θw",
})
# Consonant sounds at the start of a syllable, and alone before ờ in a cluster (smart -> xờ mát).
_ONSET = {"b": "b", "d": "đ", "f": "ph", "g": "g", "G": "g", "h": "h", "j": "gi", "k": "c", "l": "l", "m": "m",
          "n": "n", "p": "p", "r": "r", "s": "x", "t": "t", "v": "v", "z": "d", "Y": "d", "θ": "th",
          "ʃ": "s", "ʧ": "ch", "ŋ": "ng"}
_VOWEL_LETTERS = "aăâeêioôơuưy"


@dataclass
class _Syllable:
    onset: str  # sounds before the vowel group
    vowel: str  # the vowel group (letters of _VOWELS)
    coda: str  # sounds after it
    special: str = ""  # one of _SYLLABIC


def _rewrite(word: str) -> str:
    for pattern, replacement in _REWRITES:
        word = pattern.sub(replacement, word)
    return word


_VOWEL_GROUPS = ("ai", "ay", "au", "aŵ", "ao", "ea", "ee", "ei", "ey", "eu", "eŵ", "ie", "oa", "oe",
                 "oi", "oy", "oo", "ou", "oŵ", "ue", "ui", "uy")


def _split_vowels(run: str) -> list[str]:
    """A run of vowel letters as groups said as one (ea, oo, ou) or one by one (vi-de-o)."""
    out, i = [], 0
    while i < len(run):
        pair = run[i:i + 2]
        if pair in _VOWEL_GROUPS:
            out.append(pair)
            i += 2
        else:
            out.append(run[i])
            i += 1
    return out


_PIECES = re.compile(r"[aeiouyAEIOUŵ]+|[§¶¤]|[^aeiouyAEIOUŵ§¶¤]+")


def _syllables(sounds: str) -> list[_Syllable]:
    """Cut a rewritten word into syllables (rule 2)."""
    pieces: list[tuple[str, str]] = []  # ("v", group) / ("c", consonants) / ("s", special)
    for piece in _PIECES.findall(sounds):
        if piece[0] in _VOWELS:
            pieces += [("v", group) for group in _split_vowels(piece)]
        elif piece in _SYLLABIC:
            pieces.append(("s", piece))
        else:
            pieces.append(("c", piece))
    syllables: list[_Syllable] = []
    onset = ""
    for i, (kind, text) in enumerate(pieces):
        if kind == "c":
            if not syllables or (syllables[-1].special and syllables[-1].special != "¤"):
                onset += text  # before the first vowel
                continue
            nxt = pieces[i + 1][0] if i + 1 < len(pieces) else ""
            if nxt == "v":
                coda, onset = _split_cluster(text, syllables[-1].vowel)
            elif nxt == "s":
                coda, onset = (text[:-1], text[-1]) if pieces[i + 1][1] == "¤" else (text, "")
            else:
                coda, onset = text, ""
            syllables[-1].coda += coda
        elif kind == "v":
            syllables.append(_Syllable(onset, text, ""))
            onset = ""
        else:
            syllables.append(_Syllable(onset, "", "", special=text))
            onset = ""
    if onset and syllables:
        syllables[-1].coda += onset
    elif onset:
        syllables.append(_Syllable(onset, "", ""))
    return syllables


def _split_cluster(cluster: str, vowel_before: str) -> tuple[str, str]:
    """(coda of the syllable before, onset of the next) for consonants between two vowels."""
    if len(cluster) == 1:
        if cluster == "k" and vowel_before == "oo":  # boo-king: the k is said twice
            return cluster, cluster
        return "", cluster
    if cluster[0] == cluster[1]:  # hap-py, mes-sen-ger; off-line
        return cluster[0], cluster[2:] or cluster[1]
    if cluster[0] == "s" and cluster[1] != "s" and len(cluster) == 2:  # fes-ti-val
        return cluster[0], cluster[1:]
    if cluster[0] == "r" and cluster[1:] in ("k", "t", "p"):  # par-king, par-ty: said twice
        return cluster, cluster[1]
    for start in range(len(cluster)):
        tail = cluster[start:]
        if len(tail) == 1 or tail in _ONSET_CLUSTERS:
            return cluster[:start], tail
    return cluster, ""


def _onset(cluster: str) -> tuple[list[str], str, bool]:
    """(extra syllables, Vietnamese onset sound key, glide) for the consonants before a vowel."""
    glide = cluster.endswith("w")
    if glide:
        cluster = cluster[:-1]
    extra = []
    while len(cluster) > 1:
        if cluster == "tr":
            break
        extra.append(_ONSET.get(cluster[0], "") + "ờ")
        cluster = cluster[1:]
    return [e for e in extra if len(e) > 1], cluster, glide


# Coda sounds -> a Vietnamese coda (before rhyme fixes); first sound decides, clusters keep one.
_CODA = {"b": "p", "p": "p", "f": "p", "v": "p", "t": "t", "d": "t", "θ": "t", "ʃ": "t", "j": "t",
         "z": "t", "k": "c", "g": "c", "G": "c", "m": "m", "n": "n", "ŋ": "ng", "ʧ": "ʧ", "s": "s", "l": "l",
         "h": "", "Y": "", "r": "", "x": "c"}


def _coda(sounds: str) -> str:
    """The Vietnamese coda for the consonant sounds after a vowel (rule 4)."""
    sounds = sounds.lstrip("rhY")
    if not sounds:
        return ""
    if sounds.startswith("nk") or sounds.startswith("ŋk"):
        return "nh"
    if sounds.startswith("l"):
        return "l"
    if sounds[0] == "s":
        return "s" if len(sounds) == 1 else ("t" if sounds[1] in "stpk" else _coda(sounds[1:]))
    if len(sounds) > 1 and sounds[0] in "kGp" and sounds[1] == "s":  # maps, kids: the s is silent
        return _CODA[sounds[0]]
    return _CODA.get(sounds[0], "")


def _rhyme(vowel: str, coda: str, r_colored: bool, last: bool, only: bool) -> tuple[str, str]:
    """(nucleus, coda) in Vietnamese letters for an English vowel group and its coda class."""
    closed = bool(coda)
    if coda == "l":
        if vowel in ("ai", "ay", "A"):
            return "eo", ""
        table = {"a": "o" if only else "a", "e": "e", "i": "i", "o": "ô", "u": "u", "oo": "u",
                 "ee": "i", "ea": "i", "O": "ô", "oa": "ô", "I": "ai", "U": "u", "E": "i"}
        nucleus = table.get(vowel, "")
        return (nucleus, "" if nucleus.endswith(("i", "o", "u")) and len(nucleus) > 1 else "n") if nucleus else ("ơ", "")
    if coda == "s":
        coda = "t" if vowel in ("a", "e", "i", "o", "u") and not r_colored else ""
        closed = bool(coda)
    if r_colored:
        table = {"a": "a", "e": "ơ", "i": "ơ", "u": "ơ", "o": "ơ" if last and not only else "o", "y": "ơ",
                 "ea": "ia" if last and not closed else "ơ", "ee": "ia", "oo": "o", "ou": "ao", "ai": "e", "A": "e",
                 "O": "o", "E": "ia", "I": "ai", "U": "iu", "oŵ": "ao", "oa": "o"}
        return table.get(vowel, "ơ"), coda
    if vowel == "y":
        vowel = "ai" if only and not closed else "i"
        return ("ai", "") if vowel == "ai" else ("i", coda)
    open_forms = {"a": "a", "e": "ê", "i": "i", "o": "ô", "u": "u", "A": "ây", "E": "i", "I": "ai",
                  "O": "ô", "U": "iu", "ai": "ây", "ay": "ây", "au": "o", "aŵ": "o", "ao": "ao",
                  "ea": "i", "ee": "i", "ei": "ây", "ey": "i" if last and not only else "ây", "eu": "iu",
                  "eŵ": "iu", "ie": "i", "oa": "ô", "oe": "ô", "oi": "oi", "oy": "oi", "oo": "u", "ou": "ao",
                  "oŵ": "ô", "ue": "u", "ui": "uy", "uy": "ai"}
    if not closed:
        return open_forms.get(vowel, "ơ"), ""
    closed_forms = {"a": "a", "e": "e", "i": "i", "o": "ô" if coda in STOP_CODAS or coda == "ʧ" else "o",
                    "u": "ă", "A": "ê", "E": "i", "I": "ai", "O": "ô", "U": "u", "ai": "ê", "ay": "ê",
                    "au": "o", "aŵ": "o", "ao": "ao", "ea": "i", "ee": "i", "ei": "ê", "ey": "ê", "eu": "iu",
                    "eŵ": "iu", "ie": "i", "oa": "ô", "oe": "ô", "oi": "oi", "oy": "oi", "oo": "u",
                    "ou": "ao", "oŵ": "ao", "ue": "u", "ui": "i", "uy": "ai"}
    return closed_forms.get(vowel, "ơ"), coda


_TONE_MARKS = {"sắc": "\u0301", "huyền": "\u0300"}


def with_tone(syllable: str, tone: str) -> str:
    """A toneless syllable with the sắc or huyền mark on its main vowel: chat -> chát, tuyt -> tuýt."""
    if tone not in _TONE_MARKS:
        return syllable
    onset = next((o for o in ONSETS if syllable.startswith(o)), "")
    if onset == "gi" and syllable[2:3] not in _VOWEL_LETTERS:
        onset = "g"  # gin: the i is the vowel
    rhyme = syllable[len(onset):]
    vowels = [i for i, c in enumerate(rhyme) if c in _VOWEL_LETTERS]
    if not vowels:
        return syllable
    marked = [i for i in vowels if rhyme[i] in "ăâêôơư"]
    if marked:
        at = marked[-1]
    elif vowels[-1] < len(rhyme) - 1 or len(vowels) == 1:  # a coda follows: on the last vowel
        at = vowels[-1]
    elif len(vowels) == 2:
        at = vowels[1] if rhyme[:2] in ("oa", "oe", "uy") else vowels[0]
    else:
        at = vowels[1]
    return unicodedata.normalize("NFC", onset + rhyme[:at + 1] + _TONE_MARKS[tone] + rhyme[at + 1:])


def _spell_onset(onset: str, rhyme: str, glide: bool) -> str:
    """The onset letters for an onset sound before a rhyme (rule 5)."""
    front = rhyme[:1] in "eêiy"
    if onset == "k":
        if glide:
            return "qu"
        return "k" if front else "c"
    letters = _ONSET.get(onset, onset)
    if letters == "g" and front:
        return "gh"
    if letters == "ng" and front:
        return "ngh"
    return letters


def _glided(nucleus: str) -> str:
    """The rhyme after a w: a -> oa, e -> oe, i -> uy, ây -> uây, ai -> oai."""
    if nucleus.startswith(("a", "ă")):
        return "o" + nucleus
    if nucleus.startswith("e"):
        return "o" + nucleus
    if nucleus.startswith("i") and nucleus != "iu":
        return "uy" + nucleus[1:]
    if nucleus.startswith(("â", "ê", "ơ", "y")):
        return "u" + nucleus
    return nucleus if nucleus.startswith(("o", "u", "ô")) else "u" + nucleus


def _fix_rhyme(nucleus: str, coda: str) -> tuple[str, str]:
    """Vietnamese rhyme spelling: inh, ich, ênh, êch, anh/ach stay; impossible codas go."""
    if coda == "ʧ":
        coda = "ch" if nucleus.endswith(("e", "ê", "i", "y")) else "t"
    if coda in ("ng", "c") and nucleus.endswith(("i", "ê", "y")):
        coda = "nh" if coda == "ng" else "ch"
    if coda == "ch" and nucleus.endswith("e"):
        nucleus = nucleus[:-1] + "ê"
    if coda == "nh" and not nucleus.endswith(("a", "ê", "i", "y")):
        coda = "ng"
    return nucleus, coda


def _build(onset: str, glide: bool, nucleus: str, coda: str) -> str:
    if glide:
        nucleus = _glided(nucleus)
    nucleus, coda = _fix_rhyme(nucleus, coda)
    rhyme = nucleus + coda
    if onset == "j" and rhyme.startswith("i"):
        rhyme = rhyme[1:] or ""
        letters = "gi"
    elif onset == "k" and glide:
        letters = "qu"
        rhyme = rhyme[1:] if rhyme[:2] in ("oa", "oă", "oe") or rhyme[:2] in ("ua", "uâ", "uê", "uy", "uơ") else rhyme
    else:
        letters = _spell_onset(onset, rhyme, glide)
    toneless = letters + rhyme
    return with_tone(toneless, "sắc") if coda in STOP_CODAS else toneless


def _say(syllable: _Syllable, last: bool, only: bool) -> list[str]:
    extra, onset, glide = _onset(syllable.onset)
    if syllable.special == "§":
        return extra + ["sần"]
    if syllable.special == "¶":
        return extra + ["chơ"]
    if syllable.special == "¤":
        consonant = (extra.pop()[:-1] if extra else "") or _ONSET.get(onset, "l")
        return extra + [("c" if consonant == "k" else consonant) + "ồ"]
    if not syllable.vowel:  # consonants alone (a word without vowels is spelled by the caller)
        return extra + [_spell_onset(onset, "ơ", False) + "ờ"] if onset else extra
    r_colored = syllable.coda.startswith("r")
    nucleus, coda = _rhyme(syllable.vowel, _coda(syllable.coda), r_colored, last, only)
    if nucleus in ("ai", "ây", "ao", "oi", "iu", "eo", "ia", "uy") and coda and nucleus != "uy":
        coda = ""  # ai, ao ... take no coda in Vietnamese: site -> sai, out -> ao
    if nucleus == "ây" and coda:
        nucleus = "ê"
    built = _build(onset, glide, nucleus, coda)
    if not is_valid_syllable(built):
        built = _build(onset, glide, nucleus, "")
    if not is_valid_syllable(built):
        built = _build("", glide, nucleus, "")
    return extra + ([built] if is_valid_syllable(built) else [])


@lru_cache(maxsize=4096)
def transliterate(word: str) -> str:
    """An unknown Latin word (ASCII letters) as Vietnamese syllables: smart -> xờ mát."""
    lowered = word.lower()
    if not lowered or len(lowered) > MAX_LETTERS or not (lowered.isascii() and lowered.isalpha()):
        return spell(word)
    if not any(c in "aeiouy" for c in lowered):
        return spell(word)
    pieces = _syllables(_rewrite(lowered))
    out: list[str] = []
    for i, syllable in enumerate(pieces):
        out += _say(syllable, last=i == len(pieces) - 1, only=len(pieces) == 1)
    spoken = " ".join(out)
    return spoken if spoken and all(is_valid_syllable(s) for s in out) else spell(word)


def toned(word: str) -> str:
    """A toneless word spelled like a syllable: a stop coda gets sắc (luc -> lúc), else as is."""
    parts = split_syllable(word)
    if parts and parts[1].endswith(STOP_CODAS):
        return with_tone(word, "sắc")
    return word


__all__ = ["MAX_LETTERS", "toned", "transliterate", "with_tone"]
