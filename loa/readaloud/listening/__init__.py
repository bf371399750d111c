"""Listening: the player's API, audio files and growing streams, podcast feeds, /nghe/, the embed, next-up."""
