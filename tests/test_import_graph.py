"""The shape of the code: no import cycles among loa's modules, and the portal apps reach the
speech library only through its public API (`loa.speech`)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "loa"


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


# The speech library's whole face: synthesis in `loa.speech` (as Piper's `PiperVoice` and friends),
# voice-pack management in `loa.speech.packs`. A name added to either is a decision: add it here.
PUBLIC_SPEECH_API = {
    "loa.speech": {
        "FORMATS", "MAX_SPEED", "MIN_SPEED", "ChunkCache", "EncodedChunk", "Normalized", "SentenceAudio",
        "SpeechOptions", "SpeechVoice", "SynthesisError", "TimedSentence", "Track", "UnknownVoiceError", "Voice",
        "VoiceUnavailableError", "WordTiming", "normalize", "sentence_count", "voice_signature",
        "write_files_atomically",
    },
    "loa.speech.packs": {
        "DEFAULT_VOICE_ID", "CatalogueVoice", "PackError", "Preferences", "catalogue", "default_voice_id",
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
