"""The speech API: POST /v1/audio/speech (OpenAI-shaped), its gate before Django and its guarded stream."""
