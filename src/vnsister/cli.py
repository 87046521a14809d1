"""The ``vnsister`` command line: validate, report, export, show, extract, build, diff, cite."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from vnsister.errors import VnsisterError


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate a data package; print one line per error; exit 1 if there is any."""
    from vnsister.validate import validate

    report = validate(args.path)
    if args.json:
        print(report.errors.to_json(orient="records", force_ascii=False))
    elif report.ok:
        print("valid: no errors")
    else:
        print(report.errors.to_string(index=False, max_colwidth=70))
        print(f"{len(report.errors)} error(s)", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_report(args: argparse.Namespace) -> int:
    """Print a summary of the dataset; with --html also write a self-contained HTML page."""
    from vnsister.load import load
    from vnsister.report import html_report, text_report

    ds = load(args.path)
    print(text_report(ds, as_of=args.as_of))
    if args.html:
        Path(args.html).write_text(html_report(ds, as_of=args.as_of), encoding="utf-8")
        print(f"\nHTML report written to {args.html}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Rewrite tables canonically and refresh sizes and hashes in datapackage.json."""
    from vnsister.release import build

    changed = build(args.path or ".")
    print("\n".join(f"rebuilt {name}" for name in changed) or "nothing to rebuild")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """List ties, places, events and sources added, removed or changed between two data packages."""
    import json

    from vnsister.release import diff, diff_text

    report = diff(None if args.old == "installed" else args.old, None if args.new == "installed" else args.new)
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else diff_text(report))
    return 0


def cmd_cite(args: argparse.Namespace) -> int:
    """Print the citation of the installed data release."""
    from vnsister.release import citation

    print(citation(args.format, args.path))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print a tie's record with every source cited for it, or list the ties of a place."""
    from vnsister.load import load
    from vnsister.provenance import format_record, is_tie_id, place_ties, record_dict, tie_record

    ds = load(args.path)
    if is_tie_id(args.what):
        record = tie_record(ds, args.what)
        if args.format == "json":
            import json

            print(json.dumps(record_dict(record), ensure_ascii=False, indent=1))
        else:
            print(format_record(record))
        return 0
    ties = place_ties(ds, args.what)
    if args.format == "json":
        print(ties.assign(began_by=ties["began_by"].dt.strftime("%Y-%m-%d")).to_json(orient="records",
                                                                                     force_ascii=False))
    elif ties.empty:
        print(f"no ties recorded for {args.what}")
    else:
        print(ties.to_string(index=False, max_colwidth=40))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Propose candidate ties from an article (a file, or - for standard input)."""
    import datetime as dt

    from vnsister.extract import candidates, read_article, to_frame

    data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    text = read_article(data, args.file)
    article_date = dt.date.fromisoformat(args.date) if args.date else None  # checked by iso_day
    frame = to_frame(candidates(text, article_date=article_date, lang=args.lang))
    if args.format == "csv":
        from vnsister.export import spreadsheet_safe

        table = frame.rename(columns={"date": "established", "wording": "tie_type_wording"})
        spreadsheet_safe(table).to_csv(sys.stdout, index=False)
    elif frame.empty:
        print("no candidate ties found")
    else:
        print(frame[["status", "vn_place_id", "vn_party", "partner_place_id", "partner_party", "tie_type", "date",
                     "confidence", "tie_id", "adds", "start", "end"]].to_string(index=False))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the partnership network as GraphML, GEXF, or node/edge tables (CSV, Parquet), or the flat table."""
    from vnsister.load import load

    if args.format == "sqlite":
        from vnsister.database import write_sqlite

        if args.as_of or args.admin != "historical" or args.level != "place":
            raise ValueError("--format sqlite writes the whole package; --as-of, --admin and --level do not apply")
        print(f"wrote {write_sqlite(load(args.path), args.output or 'vnsister.db')}")
        return 0
    if args.format == "flat":
        from vnsister.export import write_flat

        if args.as_of or args.admin != "historical" or args.level != "place":
            raise ValueError("--format flat writes every tie with both maps; --as-of, --admin and --level do not apply")
        for written in write_flat(load(args.path), args.output or "vnsister-ties"):
            print(f"wrote {written}")
        return 0
    from vnsister.network import build_graph, export_graph

    G = build_graph(load(args.path), as_of=args.as_of, admin=args.admin, level=args.level, undated=args.undated)
    target = args.output or f"vnsister.{args.format}" if args.format in ("graphml", "gexf") else args.output or "vnsister"
    for written in export_graph(G, target, args.format):
        print(f"wrote {written}")
    if args.admin == "2025":
        print(f"{G.graph['merged_ties']} ties moved to the successors of places merged on 2025-07-01")
    return 0


def iso_date(text: str) -> str:
    """argparse type: an ISO partial date (YYYY, YYYY-MM, YYYY-MM-DD); anything else exits 2 with one line."""
    from vnsister.dates import parse_partial_date

    try:
        parse_partial_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date: use YYYY, YYYY-MM or YYYY-MM-DD") from None
    return text


def iso_day(text: str) -> str:
    """argparse type: an ISO day (YYYY-MM-DD)."""
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO day: use YYYY-MM-DD") from None
    if len(text) != 10:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO day: use YYYY-MM-DD")
    return text


def cmd_serve(args: argparse.Namespace) -> int:
    """Write the SQLite database and open it in Datasette (the optional extra ``vnsister[serve]``)."""
    import importlib.util
    import json
    import signal
    import subprocess
    import tempfile

    from vnsister.database import datasette_metadata, write_sqlite
    from vnsister.load import load

    if importlib.util.find_spec("datasette") is None:
        raise VnsisterError('Datasette is not installed: pip install "vnsister[serve]"')
    ds = load(args.path)
    folder = Path(tempfile.mkdtemp(prefix="vnsister-"))
    database = write_sqlite(ds, folder / "vnsister.db")
    metadata = folder / "metadata.json"
    metadata.write_text(json.dumps(datasette_metadata(ds), ensure_ascii=False), encoding="utf-8")
    print(f"serving {database} on http://{args.host}:{args.port}/ (Ctrl-C stops)", flush=True)
    command = [sys.executable, "-m", "datasette", "serve", str(database), "--metadata", str(metadata),
               "--host", args.host, "--port", str(args.port)]
    server = subprocess.Popen(command)
    # Stopping this command (SIGTERM from a process manager or a test) must stop Datasette too, not orphan it.
    previous = signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        return server.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=20)


def _version() -> str:
    from vnsister import __version__
    from vnsister.schema import descriptor

    try:
        meta = descriptor()
        return f"{__version__} (data {meta.get('version')}, released {str(meta.get('created', ''))[:10]})"
    except VnsisterError:
        return __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnsister", description="Vietnamese subnational partnerships dataset")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}",
                        help="the package version and the data release it ships")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check the data package; exit 1 on any error")
    validate.add_argument("path", nargs="?", help="data package directory or datapackage.json (default: installed)")
    validate.add_argument("--json", action="store_true", help="print the errors as JSON records")
    validate.set_defaults(func=cmd_validate)
    report = sub.add_parser("report", help="summary of the dataset")
    report.add_argument("path", nargs="?", help="data package directory (default: installed)")
    report.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report")
    report.add_argument("--as-of", type=iso_date, help="the day the figures refer to (YYYY, YYYY-MM or YYYY-MM-DD; "
                        "default: the release date, so the report is the same on any day)")
    report.set_defaults(func=cmd_report)
    build = sub.add_parser("build", help="canonical CSVs, sizes and hashes in datapackage.json (idempotent)")
    build.add_argument("path", nargs="?", help="data package directory (default: current directory)")
    build.set_defaults(func=cmd_build)
    diff = sub.add_parser("diff", help="changes between two data packages ('installed' = this release)")
    diff.add_argument("old")
    diff.add_argument("new", nargs="?", default="installed")
    diff.add_argument("--json", action="store_true")
    diff.set_defaults(func=cmd_diff)
    export = sub.add_parser("export", help="the partnership network for Gephi, igraph or pandas, or a flat table")
    export.add_argument("--format", choices=["graphml", "gexf", "csv", "parquet", "flat", "sqlite"], default="graphml",
                        help="flat: one row per tie with names, provinces and dates, as CSV and XLSX; sqlite: every "
                        "table with keys, a ties_named view and full-text search")
    export.add_argument("--as-of", type=iso_date, help="keep the ties that existed on this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    export.add_argument("--undated", choices=["attested", "exclude", "include"], default="attested",
                        help="with --as-of: undated ties count from their earliest dated evidence or page-order "
                             "bound (default), never, or always")
    export.add_argument("--admin", choices=["historical", "2025"], default="historical")
    export.add_argument("--level", choices=["place", "province"], default="place")
    export.add_argument("--output", "-o", help="file (graphml, gexf, sqlite) or file prefix (csv, parquet, flat)")
    export.add_argument("path", nargs="?", help="data package directory (default: installed)")
    export.set_defaults(func=cmd_export)
    serve = sub.add_parser("serve", help="browse the data in Datasette (needs the extra vnsister[serve])")
    serve.add_argument("path", nargs="?", help="data package directory (default: installed)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    serve.set_defaults(func=cmd_serve)
    extract = sub.add_parser("extract", help="candidate ties from a news article "
                                             "(Vietnamese, Korean, English, French, Japanese, Chinese, Lao, Khmer, "
                                             "Thai, Russian, German, Spanish)")
    extract.add_argument("file", help="a text file, or - for standard input")
    extract.add_argument("--date", type=iso_day, help="the article's date (YYYY-MM-DD), for 'ngày 7/2' or 'đầu năm nay'")
    extract.add_argument("--format", choices=["table", "csv"], default="table")
    # the same list as extract.LANGUAGES (a test keeps them equal)
    extract.add_argument("--lang", choices=["auto", "vi", "ko", "en", "fr", "ja", "zh", "lo", "km", "th", "ru",
                                            "de", "es"],
                         default="auto",
                         help="the article's language (auto: by script, line by line)")
    extract.set_defaults(func=cmd_extract)
    show = sub.add_parser("show", help="a tie's record with every source cited for it (T0001), or a place's ties "
                                       "(by id or name)")
    show.add_argument("what", help="a tie id (T0001), a place id (vn-ha-noi) or a place name (Hà Nội, Mimasaka)")
    show.add_argument("--format", choices=["text", "json"], default="text")
    show.add_argument("path", nargs="?", help="a data package directory (default: the installed release)")
    show.set_defaults(func=cmd_show)
    cite = sub.add_parser("cite", help="citation of the installed release")
    cite.add_argument("--format", choices=["apa", "bibtex", "cff"], default="apa")
    cite.add_argument("path", nargs="?")
    cite.set_defaults(func=cmd_cite)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``vnsister`` command."""
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except (VnsisterError, OSError) as exc:
        if args.debug:
            raise
        errors = getattr(exc, "errors", None)
        if errors is not None:
            print(errors.to_string(index=False, max_colwidth=70), file=sys.stderr)
        print(f"vnsister: error: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # a bad argument reached the library: one line, exit 2 as argparse does
        if args.debug:
            raise
        print(f"vnsister: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
