"""Operating an installation as a whole: backup and restore of its database and media.

An app of its own because it spans every other app and owns none of their data; it has no models.
"""
