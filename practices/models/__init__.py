from .cases import (
    Award,
    CaseAdoption,
    CaseCategory,
    CaseDocument,
    CaseGalleryImage,
    CaseIndicator,
    CaseLink,
    CasePage,
    CaseTag,
    Level,
    Status,
)
from .library import CaseLibraryPage
from .reference import Category, Organisation, Region
from .statistics import StatisticsPage

__all__ = [
    "Award",
    "CaseAdoption",
    "CaseCategory",
    "CaseDocument",
    "CaseGalleryImage",
    "CaseIndicator",
    "CaseLibraryPage",
    "CaseLink",
    "CasePage",
    "CaseTag",
    "Category",
    "Level",
    "Organisation",
    "Region",
    "StatisticsPage",
    "Status",
]
