"""The one table of exit codes. Every command and every result object uses these."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    #: valid input; every target met, on track or pending (check); computed (kpis); written (template)
    OK = 0
    #: a target not met, behind schedule or without data (check, report); a threshold missed (kpis)
    FAILED = 1
    #: a command-line mistake: one line on stderr, nothing written
    USAGE = 2
    #: the input (reports, rosters, the targets file) has errors
    INVALID = 3
    #: a defect in the tool: one line (--debug shows the traceback)
    INTERNAL = 4
    #: the output could not be written (disk full, device error, stdout closed with an error)
    WRITE_FAILED = 5
    #: interrupted (Ctrl-C, SIGINT): one line, nothing half-written (the shell's 128 + SIGINT)
    INTERRUPTED = 130
