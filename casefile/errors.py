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


class StorageFault(CasefileError):
    """The case file could not be read or written (disk, permissions, damage, lock); the
    message names the file and what to do. Nothing of the failed change was stored."""


class ReadOnlyCaseFile(StorageFault):
    pass


class DamagedCaseFile(StorageFault):
    pass


class CaseFileBusy(StorageFault):
    pass
