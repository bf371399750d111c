"""The shape of the code: no import cycles among loa's modules, the apps import each other only
through the written allow-list below, and they reach the speech library only through its public
API (`loa.speech`)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "loa"

# What an app's code (its tests aside) may import from another app, and why: a module, or a package
# and everything in it. Shared helpers live in loa.core, which every app may import and which
# imports no app. loa.site, the project, wires the apps together and may import any of them;
# loa.speech is a plain library that imports no app. An app missing here may import no other app.
# Keep it short: a helper two apps need belongs in loa.core, a demo in its own app's
# `loa_load_demo` hook.
CROSS_APP_IMPORTS: dict[str, dict[str, str]] = {
    "pages": {
        "loa.ads.models": "the demo site's ads",
        "loa.readaloud.voice_choice": "a category chooses the voice its articles are read in",
    },
    "questions": {
        "loa.participation": "the base of the citizens' forms: committees, guard, consent, mail, export, retention",
    },
    "consultations": {
        "loa.participation": "the base of the citizens' forms: committees, guard, consent, mail, export, retention",
        "loa.pages.blocks": "a draft's body is made of the article's blocks",
    },
    "infopages": {
        "loa.pages.blocks": "an information page's body is made of the article's blocks",
        "loa.pages.demo": "the demo pages' text is converted to those blocks",
    },
    "documents": {
        "loa.readaloud.service": "a document's text is read aloud: its audio is made again when the text changes",
        "loa.readaloud.voice_choice": "the library chooses the voice its documents are read in (a model field)",
        "loa.pages.editorial": "the demo gives the editors' groups the library's permissions",
    },
    "delegates": {
        "loa.pages.models": "a delegate's page lists the articles that name them",
        "loa.council_sessions.models": "a delegate's page lists their sessions",
        "loa.documents.demo": "the demo shares the library's lookup permissions and portrait maker",
    },
    "council_sessions": {
        "loa.pages.models": "the demo's session news are articles",
        "loa.documents.models": "the demo's session documents",
        "loa.delegates.models": "the demo's session delegates",
        "loa.delegates.terms": "the demo's sessions belong to a term (khóa)",
    },
    "petitions": {
        "loa.council_sessions.models": "a petition and a voter meeting belong to the session they prepare",
        "loa.delegates.models": "a voter meeting names the delegates and tổ present",
        "loa.participation.notify": "the deadline reminders go to the editors who receive citizens' mail",
    },
    "interpellations": {
        "loa.council_sessions.models": "questions are asked at a session, commitments reported at a later one",
        "loa.delegates.models": "the delegate who asks",
    },
    "importer": {
        "loa.pages.models": "imported articles and categories are the portal's own pages",
        "loa.infopages.models": "an old portal's static pages become information pages",
        "loa.documents.models": "attachments become documents of the library",
        "loa.readaloud.service": "imported pages are narrated later, newest first, at a low priority (backfill)",
    },
    "opendata": {
        "loa.council_sessions.models": "dataset: sessions and their agendas",
        "loa.delegates.models": "dataset: delegates' public fields",
        "loa.documents.models": "dataset: the document library",
        "loa.documents.filters": "the library's downloads take the library page's filters",
        "loa.questions.pages": "dataset: published questions and answers",
        "loa.schedule": "dataset: the work schedule, by ISO week",
        "loa.stats.models": "dataset: monthly visitor and listening totals",
        "loa.pages.models": "the publisher named in the catalogue is the site's name",
        "loa.petitions.pages": "dataset: the published petitions",
        "loa.petitions.filters": "the petitions' downloads take the list's filters",
        "loa.petitions.exports": "a petition's open-data record, the same as the list's own CSV/JSON",
    },
    "compliance": {
        "loa.opendata.models": "check: open-data reviews not overdue",
        "loa.operator.models": "checks: EMC script and the office's contact details",
    },
    "languages": {
        "loa.infopages": "the English demo translates the giới thiệu pages",
        "loa.pages.demo.convert": "the English demo pages' text becomes blocks",
    },
    "widget": {
        "loa.readaloud.service": "a host portal's page is narrated by the narration service (generation, streaming)",
        "loa.readaloud.models": "a host page's narration has the states of an article's (NarrationState, a model field)",
        "loa.stats": "the visitor box counts with the statistics' clock, settings and daily-salted identity",
    },
    "readaloud": {
        "loa.pages.models": "the podcast feed and /nghe/ list articles by category",
        "loa.operator.models": "the podcast feed's owner e-mail is the office's contact address",
    },
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module it imports, at module level or inside a function."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def module_graph() -> dict[str, set[str]]:
    files = [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts and "tests" not in p.parts]
    modules = {module_name(p): p for p in files}
    return {name: {i for i in imports_of(path) if i in modules and i != name} for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycles():
    cycle = find_cycle(module_graph())
    assert cycle is None, " -> ".join(cycle)


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def apps() -> set[str]:
    return {p.parent.name for p in PACKAGE.glob("*/__init__.py")}


def cross_app_imports() -> dict[tuple[str, str], set[str]]:
    """(app, imported module of another app) -> the files that import it; tests and migrations aside."""
    names = apps()
    found: dict[tuple[str, str], set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if len(relative.parts) < 3 or {"tests", "migrations"} & set(relative.parts):
            continue
        app = relative.parts[1]
        for target in imports_of(path):
            parts = target.split(".")
            if len(parts) > 1 and parts[0] == "loa" and parts[1] in names and parts[1] != app:
                found.setdefault((app, target), set()).add(str(relative))
    return found


# The read-aloud app's face to the others: its narration service, and for their own model fields its
# models and voice field. Its inside (narration/, listening/, speech_api/, editors/) is its own.
PUBLIC_READALOUD = {"loa.readaloud.service", "loa.readaloud.models", "loa.readaloud.voice_choice"}


def test_other_apps_reach_the_read_aloud_app_only_through_its_public_modules():
    entries = {entry for app, entries in CROSS_APP_IMPORTS.items() for entry in entries
               if within(entry, "loa.readaloud")}
    assert entries <= PUBLIC_READALOUD
    inside = {("widget", "loa.readaloud.narration.tasks.delete_later"): {"loa/widget/narrate.py"},
              ("documents", "loa.readaloud.narration"): {"loa/documents/texts.py"},
              ("importer", "loa.readaloud"): {"loa/importer/backfill.py"},
              ("widget", "loa.readaloud.service.audio_url"): {"loa/widget/views.py"}}
    assert disallowed_imports(inside, CROSS_APP_IMPORTS) == [
        "loa/documents/texts.py: documents imports loa.readaloud.narration",
        "loa/importer/backfill.py: importer imports loa.readaloud",
        "loa/widget/narrate.py: widget imports loa.readaloud.narration.tasks.delete_later",
    ]


def within(target: str, module: str) -> bool:
    return target == module or target.startswith(module + ".")


def allowed(app: str, target: str, allow_list: dict[str, dict[str, str]]) -> str | None:
    """The allow-list entry that lets `app` import `target`, if any ("*" for the shared parts)."""
    if app == "site" or (app != "speech" and (within(target, "loa.core") or within(target, "loa.speech"))):
        return "*"
    return next((entry for entry in allow_list.get(app, {}) if within(target, entry)), None)


def disallowed_imports(found: dict[tuple[str, str], set[str]], allow_list: dict[str, dict[str, str]]) -> list[str]:
    return sorted(f"{', '.join(sorted(files))}: {app} imports {target}"
                  for (app, target), files in found.items() if allowed(app, target, allow_list) is None)


def test_apps_import_each_other_only_through_the_allow_list():
    assert disallowed_imports(cross_app_imports(), CROSS_APP_IMPORTS) == []


def test_every_allow_list_entry_is_used():
    used = {(app, allowed(app, target, CROSS_APP_IMPORTS)) for app, target in cross_app_imports()}
    unused = [f"{app}: {entry}" for app, entries in CROSS_APP_IMPORTS.items() for entry in entries
              if (app, entry) not in used]
    assert unused == []


def test_the_allow_list_check_refuses_what_is_not_listed():
    found = {("ads", "loa.pages.models.ArticlePage"): {"loa/ads/views.py"},
             ("ads", "loa.core.text"): {"loa/ads/views.py"},
             ("speech", "loa.core.text"): {"loa/speech/x.py"},
             ("documents", "loa.speech.SpeechVoice"): {"loa/documents/texts.py"},
             ("readaloud", "loa.pages.models"): {"loa/readaloud/listening/feeds.py"},
             ("readaloud", "loa.pages.modelsx"): {"loa/readaloud/listening/feeds.py"}}
    assert disallowed_imports(found, {"readaloud": {"loa.pages.models": "feeds"}}) == [
        "loa/ads/views.py: ads imports loa.pages.models.ArticlePage",
        "loa/readaloud/listening/feeds.py: readaloud imports loa.pages.modelsx",
        "loa/speech/x.py: speech imports loa.core.text",
    ]
# The speech library's whole face: synthesis in `loa.speech` (as Piper's `PiperVoice` and friends),
# voice-pack management in `loa.speech.packs`. A name added to either is a decision: add it here.
PUBLIC_SPEECH_API = {
    "loa.speech": {
        "FORMATS", "MAX_SPEED", "MIN_SPEED", "ChunkCache", "EncodedChunk", "Guess", "Normalized", "SentenceAudio",
        "SpeechOptions", "SpeechVoice", "SynthesisError", "TimedSentence", "Track", "UnknownVoiceError", "Voice",
        "VoiceUnavailableError", "WordTiming", "find_guesses", "normalize", "sentence_count", "voice_signature",
        "write_files_atomically",
    },
    "loa.speech.packs": {
        "DEFAULT_VOICE_ID", "ENGLISH_VOICE_ID", "ENGLISH_VOICES", "CatalogueVoice", "PackError", "Preferences", "catalogue", "default_voice_id",
        "find_voice", "get_voice", "install_voice", "list_voices", "offered_voices", "pack_problem", "ranked",
        "read_preferences", "remove_voice", "try_speaking", "write_preferences",
    },
}


def speech_imports(tree: ast.AST) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import of the speech library in a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").startswith("loa.speech"):
            found.append((node.lineno, node.module or "", [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name, []) for a in node.names if a.name.startswith("loa.speech")]
    return found


def api_offenders(relative: Path, tree: ast.AST) -> list[str]:
    offenders = []
    for line, module, names in speech_imports(tree):
        if module not in PUBLIC_SPEECH_API:
            offenders.append(f"{relative}:{line} imports {module}, not the public loa.speech or loa.speech.packs")
            continue
        offenders += [f"{relative}:{line} imports {name} from {module}, which is not in its public API"
                      for name in names if name not in PUBLIC_SPEECH_API[module]]
    return offenders


def test_the_public_speech_api_is_what_is_written_here():
    import importlib

    for module, names in PUBLIC_SPEECH_API.items():
        assert set(importlib.import_module(module).__all__) == names, module


def test_apps_use_only_the_public_speech_api():
    """Apps and the command line reach the library only through `loa.speech` and `loa.speech.packs`
    (bench/ times the pipeline's stages one by one, so it may look inside)."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[:2] == ("loa", "speech") or "tests" in relative.parts:
            continue
        offenders += api_offenders(relative, ast.parse(path.read_text(encoding="utf-8")))
    assert offenders == []


def test_the_api_check_catches_a_private_module_and_a_private_name():
    tree = ast.parse("from loa.speech.track import chunk_key\nfrom loa.speech import Track, engine_for\nimport loa.speech.voices")
    assert api_offenders(Path("x.py"), tree) == [
        "x.py:1 imports loa.speech.track, not the public loa.speech or loa.speech.packs",
        "x.py:2 imports engine_for from loa.speech, which is not in its public API",
        "x.py:3 imports loa.speech.voices, not the public loa.speech or loa.speech.packs",
    ]


def test_the_product_and_the_tests_do_not_import_the_benches():
    """bench/ may use the tests' support (tests/support: real servers, nginx, a load generator), never the reverse."""
    offenders = [f"{path.relative_to(ROOT)} imports {target}"
                 for top in (PACKAGE, ROOT / "tests") for path in top.rglob("*.py")
                 for target in imports_of(path) if target == "bench" or target.startswith("bench.")]
    assert offenders == []
