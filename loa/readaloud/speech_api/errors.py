"""The JSON APIs' errors in the shape OpenAI's API uses (so its client libraries show the message),
and the voice check both APIs make."""
from __future__ import annotations

from django.http import JsonResponse

from loa.speech import UnknownVoiceError

from ..narration import voices as registry


def bad_request(message: str, param: str | None = None, status: int = 400, **extra) -> JsonResponse:
    """An error in the shape OpenAI's API uses, so its client libraries show the message."""
    error = {"message": message, "type": "invalid_request_error", "param": param, "code": None, **extra}
    return JsonResponse({"error": error}, status=status, json_dumps_params={"ensure_ascii": False})


def voice_or_error(voice_id: str, param: str = "voice"):
    try:
        voice = registry.voice(voice_id)
    except UnknownVoiceError as exc:
        return None, bad_request(str(exc), param, valid_voices=[voice.id for voice in registry.all_voices()])
    reason = voice.error or registry.problem(voice)
    if reason:
        message = f"Giọng đọc “{voice.name}” ({voice.id}) hiện không dùng được: {reason}. Hãy chọn giọng khác."
        return None, bad_request(message, param, status=503, code="voice_unavailable",
                                 valid_voices=[v.id for v in registry.player_voices()])
    return voice, None
