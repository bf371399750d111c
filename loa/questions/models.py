"""The models of hỏi đáp: the private questions (records.py) and the public pages (pages.py)."""
from .pages import QuestionIndexPage, QuestionPage, paragraphs_html  # noqa: F401
from .records import ANSWER_FEATURES, CLOSED_STATUSES, Question, QuestionStatus, Topic  # noqa: F401
