"""Print a benchmark report as a table."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..bench.base import BenchReport


def print_report(console: Console, report: BenchReport) -> None:
    table = Table(title=f"bench {report.task} · {report.items} items · {report.seconds:.1f} s", title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in report.metrics.items():
        shown = "—" if value is None else (f"{value:.4f}" if isinstance(value, float) else str(value))
        table.add_row(name, shown)
    console.print(table)
    console.print(f"[dim]data: {report.data}[/]")
    for note in report.notes:
        console.print(f"[dim]note: {note}[/]")
