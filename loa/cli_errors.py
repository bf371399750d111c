"""The error the `loa` command reports as one line on stderr, with a non-zero exit."""


class CliError(Exception):
    """An error reported to the user as one line and a non-zero exit."""
