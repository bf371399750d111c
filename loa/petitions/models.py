"""Kiến nghị cử tri's models, kept in modules named for what they hold."""
from .lookups import Agency, Locality, PetitionTopic, VoterMeeting  # noqa: F401
from .pages import PetitionIndexPage, PetitionPage  # noqa: F401
from .status import ReminderDay, StatusChange  # noqa: F401
