"""`peacedash init [DIR]`: an editable copy of the sample data, never over anything already there."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tui.data.paths import bundled_data, bundled_seeds


def run_init(folder: Path) -> int:
    data, seeds = folder / "data" / "positions.yaml", folder / "seeds"
    present = [str(p) for p in (data, seeds) if p.exists() or p.is_symlink()]
    if present:
        print(f"peacedash init: {' and '.join(present)} already exist; nothing was written", file=sys.stderr)
        return 1
    try:
        data.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(bundled_seeds(), seeds)
        shutil.copyfile(bundled_data(), data)
    except OSError as error:
        print(f"peacedash init: cannot write into {folder}: {error.strerror or error}", file=sys.stderr)
        return 1
    count = sum(1 for _ in seeds.glob("*.txt"))
    print(f"Wrote {data} and {count} source texts in {seeds}.")
    hint = "" if folder == Path(".") else f"cd {folder} && "
    print(f"Open it with: {hint}peacedash   (edit data/positions.yaml; the dashboard reloads on save)")
    return 0
