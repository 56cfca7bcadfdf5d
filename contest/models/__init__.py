"""The contest's data: the contest page with its nominations and criteria, participants, entries, the jury."""

from .entries import Entry, EntryFile, EntryQuestion
from .jury import Assignment, Conflict, ExpertProfile, JuryPanel, Score
from .pages import ContestDocument, ContestPage, ContestQuestion, Criterion, Nomination
from .participants import Participant

__all__ = [
    "Assignment",
    "Conflict",
    "ContestDocument",
    "ContestPage",
    "ContestQuestion",
    "Criterion",
    "Entry",
    "EntryFile",
    "EntryQuestion",
    "ExpertProfile",
    "JuryPanel",
    "Nomination",
    "Participant",
    "Score",
]
