"""Errors the user can act on. Each carries a message meant to be shown as is."""


class CasefileError(Exception):
    """Base class: the message names what went wrong and, where it can, what to do."""


class NotACaseFile(CasefileError):
    pass


class SchemaTooNew(CasefileError):
    pass


class NotFound(CasefileError):
    pass


class SearchSyntaxError(CasefileError):
    pass


class InvalidInput(CasefileError):
    pass


class StaleVersion(CasefileError):
    pass
