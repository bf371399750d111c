"""The master pattern that cuts (NFC) text into tokens; rules.py decides how each is read.

Tokens are contiguous: the last alternatives match any single char, so nothing is skipped.
Alternatives are tried in order, so longer special forms (a date, a document number) come
before the plain number they start with.
"""
from __future__ import annotations

import re

from .abbreviations import ABBREVIATIONS, ROADS, UNITS, alternation

_NUM = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?(?![0-9])|[0-9]{1,3}(?:,[0-9]{3}){2,}(?![0-9])|[0-9]+(?:[.,][0-9]+)*"
_CODE = r"[A-ZĐ][A-Za-zĐđƯư]*(?:[&.][A-ZĐ][A-Za-zĐđƯư]*)?[0-9]{0,3}"
_SEP = r"[. -]"
_ROAD_PREFIX = "|".join(re.escape(prefix) for prefix in sorted(ROADS, key=len, reverse=True)) or "(?!)"
# A unit counts only right after a number or a per-slash: 5 ha, 500.000đ, 2 tỷ USD, tấn/ha.
# ([ ] because TOKEN is VERBOSE.)
_AFTER_NUMBER = r"(?:(?<=[0-9/])|(?<=[0-9][ ])|(?<=tỷ[ ])|(?<=triệu[ ])|(?<=nghìn[ ])|(?<=ngàn[ ])|(?<=trăm[ ]))"
# Web addresses without a scheme end in one of these: longan.gov.vn, vnexpress.net.
_TLDS = "vn|com|net|org|gov|edu|info|io|tv|biz|asia|int|app|dev|uk|us|jp|kr|cn|fr|de|au|sg|kh|ru|eu|ca"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PATH = r"""(?:/[^\s<>"“”]*[^\s<>"“”.,;:!?)\]])"""
_EXTENSIONS = (
    "pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|csv|xml|json|html?|jpe?g|png|gif|svg|webp|bmp|tiff?"
    "|mp3|mp4|wav|avi|mov|mkv|zip|rar|7z|exe|apk|dwg"
)

TOKEN = re.compile(
    rf"""
    (?P<listmark>^[ \t]*[-*+•–—·▪◦●○■□►▸➢✓✔❖→][ \t]+)
  | (?P<heading>(?<![^\n])[ \t]*[IVXLC]{{1,8}}(?=[.)][ \t]|\.[0-9]{{1,2}}\.?[ \t]|[ \t]?[-–][ \t]))
  | (?P<numlist>(?<![^\n])[ \t]*[0-9]{{1,2}}/(?=[ \t]|[^\W\d_]))
  | (?P<footnote>(?<=[^\s\[(])\[[0-9]{{1,3}}\](?![0-9]))
  | (?P<space>\s+)
  | (?P<url>(?:https?://|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]])
  | (?<![\w+-])(?=[\w+-]*+[.@]\w)(?:  # a dot or @ inside a run of word chars: maybe an address
        (?P<email>[\w.+-]{{1,64}}@[\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{1,8}})
      | (?P<file>(?<![\w.\-/])(?:[\w-]{{1,100}}+(?:\.[\w-]{{1,100}}+){{0,4}})?\.(?i:{_EXTENSIONS})(?![\w-]))
      | (?P<domain>(?<![\w@.\-/])(?:{_LABEL}\.){{1,8}}(?i:{_TLDS})(?![\w-]|\.[A-Za-z0-9]){_PATH}?))
  | (?P<hashtag>\#(?<![\w\#&]\#)[^\W\d_]\w*)  # the mark first: cheaper than a lookbehind at every token
  | (?P<mention>@(?<![\w.@]@)[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)
  | (?P<plate>(?<![\w.-])[0-9]{{2}}[A-Z]{{1,2}}[0-9]?[-.](?:[0-9]{{3}}\.[0-9]{{2}}|[0-9]{{5}})(?![\w]|[.,][0-9])
      | (?:(?<=biển[ ]số[ ])|(?<=biển[ ]số:[ ])|(?<=BKS[ ])|(?<=BKS:[ ])|(?<=kiểm[ ]soát[ ])|(?<=kiểm[ ]soát:[ ]))
        (?:[0-9]{{2}}[A-Z]{{1,2}}[0-9]?(?:[ ]?[-–.][ ]?|[ ])(?:[0-9]{{3}}\.[0-9]{{2}}|[0-9]{{4,5}})(?![\w]|[.,][0-9])
         |[A-Z]{{2}}[ ]?[0-9]{{2}}-[0-9]{{2}}(?![\w-])))
  | (?P<docnum>(?:[0-9]{{1,3}}(?:\.[0-9]{{3}})+|[0-9]{{1,7}})[a-zđ]?(?:[ ]?/[0-9]{{4}}(?=/))?(?:(?:[-/]|-[ ](?={_CODE}/)){_CODE})+(?![\w]))
  | (?P<phone>(?<![0-9])(?:0[0-9]{{9,10}}
          | 0[0-9]{{2,4}}{_SEP}[0-9]{{3,4}}{_SEP}[0-9]{{3,4}}
          | 0[0-9]{{2,4}}{_SEP}[0-9]{{6,7}}
          | 0[0-9]{{2,3}}[ .][0-9]{{4}}(?![0-9]|[.,][0-9])
          | 0[0-9]{{3}}[ .]?[0-9]{{3}}[ .]?[xX]{{3}}(?![\w])
          | \(0[0-9]{{2,3}}\)[ .]?[0-9]{{3,4}}{_SEP}?[0-9]{{3,4}}
          | \+[0-9]{{2}}[ .]?[0-9]{{2,3}}(?:{_SEP}?[0-9]{{3,4}}){{2}}
          | \(\+?84[ -]?[0-9]{{1,3}}\)[ .-]?[0-9]{{2,4}}(?:[ .-]?[0-9]{{2,4}}){{1,3}}
          | \+84[ .-]?(?:\(0?[0-9]{{1,3}}\)|[0-9]{{1,3}})[ .-]?[0-9]{{2,4}}(?:[ .-]?[0-9]{{2,4}}){{1,3}}
          | \(0[0-9]{{1,3}}\)[ .]?[0-9]{{2,4}}(?:[ .][0-9]{{2,4}}){{1,3}}
          | \(0[0-9]{{2,3}}\)[ .]?[0-9]{{4,8}}(?![0-9]|[.,][0-9])
          | 0[0-9]{{2,3}}\.[ ][0-9]{{6,7}}(?![0-9]|[.,][0-9])
          | 1[89]00(?:[. ]?[0-9]{{4}}|\.?[0-9]{{3}}\.?[0-9]{{3}}|(?:[ .][0-9]{{2}}){{3}}(?![0-9]|[.,][0-9]))
          | (?=0(?:[0-9]\.?){{8,9}}[0-9](?![0-9]|\.[0-9]))0[0-9]{{1,3}}\.[0-9]{{4,5}}\.[0-9]{{3,4}}  # 04.22222.000
          | (?=(?:[0-9][. ]?){{9,10}}[0-9](?![0-9]|[. ][0-9]))0[0-9]{{2,4}}(?:[. ][0-9]{{1,4}}){{2,4}})(?![0-9]))
  | (?P<date>(?<![0-9])[0-9]{{1,2}}(?P<dsep>[/.-])[0-9]{{1,2}}(?P=dsep)(?:[0-9]{{4}}|(?<=/)[0-9]{{3}})(?![0-9]))
  | (?P<time>(?<![0-9])[0-9]{{1,2}}(?:[hg][0-9]{{2}}(?:ph?(?![^\W\d_]))?|h(?![^\W\d_])|:[0-9]{{2}}(?::[0-9]{{2}})?)(?![0-9]))
  | (?P<dashnum>(?<![0-9])[0-9]{{1,2}}-[0-9]{{1,2}}(?![0-9/-]|[.,][0-9]))
  | (?P<slashnum>[0-9]{{1,15}}/[0-9]{{1,15}}(?![0-9])|(?<=[Nn]gày[ ])[0-9]{{1,2}}[ ]/[0-9]{{1,2}}(?![0-9/]))
  | (?P<height>(?<![\w.,])[12]m(?:[0-9]{{2}}|[4-9])(?!\w))
  | (?P<dotdate>(?<![0-9.,])[0-9]{{1,2}}\.[0-9]{{1,2}}(?![0-9]|[.,][0-9]))
  | (?P<money>[$€£¥][ ]?(?:{_NUM}))
  | (?P<number>{_NUM})
  | (?P<unit>{_AFTER_NUMBER}(?:{alternation(UNITS, left_boundary=False)}))
  | (?P<road>(?<!\w)(?!km[23](?![0-9+]))(?:{_ROAD_PREFIX})  # km2 alone is an area, km2+300 a chainage
      [.-]?[ ]?0?[1-9][0-9]{{0,3}}[A-Z]?(?!\w|[.,][0-9]))
  | (?P<place>(?<![\w.])[PQHX]\.(?=[ ]?(?:[0-9A-ZĐ]|họp(?!\w))))
  | (?P<abbr>{alternation(ABBREVIATIONS)})
  | (?P<romanyear>[IVXLC]{{1,8}}(?:/[0-9]{{4}}|-(?:19|20)[0-9]{{2}})(?![0-9]))
  | (?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)
  | (?P<dash>[-–—])
  | (?P<slash>/)
  | (?P<other>.)
    """,
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)
