"""``samarbejde export``: a document in another standard, one of ``interop.EXPORTERS``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from samarbejde import interop
from samarbejde.cli._command import FAILURE, OK, ZONE, Command, Invocation, argument, date
from samarbejde.cli._lines import MAX_BYTES
from samarbejde.cli._merge import MERGE, load_input
from samarbejde.cli._output import write_document, write_file

__all__ = ["EXPORT", "export_command"]


def _either(words: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def export_command(exporters: Sequence[interop.Exporter]) -> Command:
    """The ``export`` command offering and running ``exporters``: choices, help and dispatch."""
    by_name = {exporter.name: exporter for exporter in exporters}
    dated = "/".join(exporter.name for exporter in exporters if exporter.needs_as_of)

    def run(args: argparse.Namespace, call: Invocation) -> int:
        if len(args.files) > 1 and not args.merge:
            call.err.write("samarbejde: several FILEs are exported as one with --merge\n")
            return FAILURE
        loaded, _, lines, _ = load_input(" + ".join(args.files), args, None, "en")
        if loaded is None:
            for line in lines:
                call.err.write(line + "\n")
            return FAILURE
        exporter = by_name[args.to]
        as_of = call.day(args.as_of) if exporter.needs_as_of else args.as_of
        try:
            export = exporter.write(loaded[0], as_of=as_of)
        except interop.InteropError as error:
            call.err.write(f"samarbejde: {error}\n{interop.summary(error.omitted)}\n")
            return FAILURE
        if args.output is None:
            write_document(call.out, export.document)
        else:
            try:
                write_file(args.output, export.document)
            except OSError as error:
                reason = error.strerror or error
                call.err.write(f"samarbejde: cannot write {args.output}: {reason}\n")
                return FAILURE
        call.err.write(f"export to {args.to}: {interop.summary(export.omitted)}\n")
        return OK

    return Command(
        "export",
        f"export a document as {_either([exporter.title for exporter in exporters])}",
        (
            argument(
                "files",
                nargs="+",
                metavar="FILE",
                help="the document to read (several, or a folder, with --merge)",
            ),
            MERGE,
            argument("--to", required=True, choices=tuple(by_name), help="the target standard"),
            argument("-o", "--output", metavar="OUT", help="the file to write (default: stdout)"),
            argument(
                "--as-of",
                type=date,
                default=None,
                help=f"export the portfolio as recorded on this day ({dated} default: today,"
                f" {ZONE})",
            ),
            MAX_BYTES,
        ),
        run,
    )


#: ``samarbejde export`` with every exporter of :data:`samarbejde.interop.EXPORTERS`.
EXPORT = export_command(interop.EXPORTERS)
