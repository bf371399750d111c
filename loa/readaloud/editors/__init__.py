"""The editors' side in Wagtail's admin: the audio panel, regenerate, fix a reading, the voice packs."""
