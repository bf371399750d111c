"""Production's static storage: Loa's own scripts are hashed, compressed and minified; other files as they are."""
from __future__ import annotations

import gzip
from pathlib import Path

from django.core.files.storage import FileSystemStorage

from loa.core.static_storage import MinifiedStaticFilesStorage, is_own_script, minify

READALOUD_STATIC = Path(__file__).resolve().parents[2] / "readaloud" / "static"


def test_own_scripts_are_served_minified_hashed_and_compressed(tmp_path, settings):
    root = tmp_path / "static"
    storage = MinifiedStaticFilesStorage(location=root, base_url="/static/")
    source = FileSystemStorage(location=READALOUD_STATIC)
    names = ["readaloud/player.js", "readaloud/player.css"]
    for name in names:  # what collectstatic copies before post-processing
        with source.open(name) as handle:
            storage.save(name, handle)
    processed: dict[str, str] = {}
    for name, hashed, done in storage.post_process({n: (source, n) for n in names}):
        if done and not hashed.endswith((".gz", ".br")):
            processed[name] = hashed
    script = (root / processed["readaloud/player.js"]).read_bytes()
    original = (READALOUD_STATIC / "readaloud/player.js").read_bytes()
    assert script == minify(original) and len(script) < 0.8 * len(original)
    assert b"/* Loa read-aloud player" not in script and b"\n  " not in script
    assert gzip.decompress((root / (processed["readaloud/player.js"] + ".gz")).read_bytes()) == script
    css = (root / processed["readaloud/player.css"]).read_bytes()
    assert css == (READALOUD_STATIC / "readaloud/player.css").read_bytes()  # only scripts are minified


def test_which_scripts_are_minified():
    assert is_own_script("readaloud/mini.js") and is_own_script("pages/js/site.js") and is_own_script("stats/widget.js")
    assert not is_own_script("wagtailadmin/js/core.js") and not is_own_script("readaloud/player.css")


def test_minify_keeps_strings_and_regular_expressions():
    source = b'var a = "x  // not a comment", b = /\\B(?=(\\d{3})+(?!\\d))/g; // gone\n/* gone */ f(a,  b);'
    assert minify(source) == b'var a="x  // not a comment",b=/\\B(?=(\\d{3})+(?!\\d))/g;f(a,b);'
