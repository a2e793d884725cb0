"""Follow the README's commands literally, as a new user would, and fail on any traceback.

The commands are read from README.md itself, so the README cannot drift from
what is tested:

* the first ```bash block (steps 0 and 1: a fresh venv, the install, the main
  job), without ``bash .ci/run`` (that is the test command CI runs anyway);
* every example named in the README's example table, run as
  ``python examples/NAME.py`` with its defaults;
* the docs command (the backticked one that installs the ``docs`` group),
  and ``python -m pytest docs``, which the README says runs their examples.

They run one after another in one bash, in a copy of the working tree made
for the purpose (so the venv of step 0 is fresh and the checkout stays
clean).  A command that exits non-zero, or prints ``Traceback (most recent
call last)`` even with exit 0 (a noisy shutdown), fails the run.

Usage: ``python3 .ci/readme_literal.py [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRACEBACK = "Traceback (most recent call last)"


def readme_commands(readme: str) -> list[str]:
    """The shell commands a reader of ``readme`` is told to run, in order."""
    block = re.search(r"```bash\n(.*?)```", readme, re.S)
    if block is None:
        raise SystemExit("README.md has no ```bash block")
    commands = [
        line.strip()
        for line in block.group(1).splitlines()
        if line.strip() and not line.lstrip().startswith("#") and line.strip() != "bash .ci/run"
    ]
    if not any("pip install" in c for c in commands):
        raise SystemExit("README.md's bash block installs nothing")
    examples = sorted(set(re.findall(r"`(examples/\w+\.py)`", readme))
                      | {f"examples/{m}" for m in re.findall(r"`(\w+\.py)`", readme)
                         if (ROOT / "examples" / m).is_file()})
    if not examples:
        raise SystemExit("README.md names no example")
    commands += [f"python {e}" for e in examples if not any(e in c for c in commands)]
    docs = [c for c in re.findall(r"`([^`\n]+)`", readme) if "--group docs" in c]
    if len(docs) != 1:
        raise SystemExit(f"README.md should give one docs command, found {len(docs)}")
    commands += [docs[0], "python -m pytest -q -p no:cacheprovider docs"]
    return commands


def copy_tree(dest: Path) -> None:
    """The tracked and untracked-but-not-ignored files, as a fresh clone would have them."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    # The README's relative paths to ../shared (if any) resolve as beside the checkout.
    shared = ROOT.parent / "shared"
    if shared.exists() and not (dest.parent / "shared").exists():
        (dest.parent / "shared").symlink_to(shared)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", type=Path,
                    help="work in this folder and keep it (default: a temporary one)")
    ap.add_argument("--print", action="store_true", help="only print the commands")
    args = ap.parse_args()
    commands = readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    if args.print:
        print("\n".join(commands))
        return 0
    with tempfile.TemporaryDirectory(prefix="readme-literal-") as tmp:
        work = args.keep or Path(tmp) / "diplo_events"
        work.mkdir(parents=True, exist_ok=True)
        copy_tree(work)
        failed: list[str] = []
        # One bash, so step 0's `. .venv/bin/activate` holds for what follows, as in a terminal.
        # Everything the commands print goes through tee into .readme-out; the commands
        # themselves run in this shell (a pipeline would put each in a subshell).
        script = (
            "exec > >(tee -a .readme-out) 2>&1\ntee_pid=$!\n"
            "trap 'exec >&- 2>&-; wait $tee_pid' EXIT\n"
        ) + "".join(
            f"echo {shlex.quote('$ ' + c)}\n{c}\nrc=$?\n"
            f"if [ $rc -ne 0 ]; then echo {shlex.quote('FAILED: ' + c)} exit $rc; exit $rc; fi\n"
            for c in commands
        )
        done = subprocess.run(["bash", "-c", script], cwd=work)
        out = (work / ".readme-out").read_text(encoding="utf-8", errors="replace") \
            if (work / ".readme-out").exists() else ""
        if done.returncode != 0:
            failed.append(f"a README command exited {done.returncode}")
        if TRACEBACK in out:
            failed.append(f"a README command printed a traceback ({out.count(TRACEBACK)} in all)")
        for line in failed:
            print("readme_literal:", line, file=sys.stderr)
        if not failed:
            print(f"readme_literal: {len(commands)} README commands ran, no traceback")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
