"""The models of góp ý dự thảo: the draft pages (pages.py) and the comments (records.py)."""
from .pages import CommentDisplay, ConsultationIndexPage, DraftPage, DraftState  # noqa: F401
from .records import CommentStatus, DraftComment  # noqa: F401
