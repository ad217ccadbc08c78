"""Exceptions that diplowatch raises on purpose.

    DiplowatchError          base; the CLI prints its message without a traceback
    ├── LexiconError         a language pack file is missing a key or is malformed
    ├── KnowledgeBaseError   a knowledge-base data file is malformed
    ├── StoreError           the database cannot be opened or has an unknown schema
    ├── SourceError          a news source cannot be added or removed as asked
    └── GoldFormatError      an evaluation file is not in the gold format
"""


class DiplowatchError(Exception):
    """Base of all errors meant for the user rather than for a developer."""


class LexiconError(DiplowatchError):
    pass


class KnowledgeBaseError(DiplowatchError):
    pass


class StoreError(DiplowatchError):
    pass


class SourceError(DiplowatchError):
    pass


class GoldFormatError(DiplowatchError):
    pass
