"""The narration service's inside: what makes, keeps and serves a page's audio. Other apps use loa.readaloud.service."""
