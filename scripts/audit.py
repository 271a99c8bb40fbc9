"""Check the installed dependencies for known vulnerabilities; exit 1 if any has one.

pip-audit asks PyPI for each installed release (`/pypi/<name>/<version>/json`). Where PyPI is
reached through a registry mirror that serves only the project pages (`/pypi/<name>/json`), as on
the machines CI runs on, every release answers 404 and pip-audit reports "No known vulnerabilities
found" having audited nothing. The project page carries the advisories of the project's newest
release, and a fresh install takes the newest release that the constraints allow, so this script
audits from it whatever pip-audit skipped, and names every dependency neither could audit instead
of letting a skipped check read as a clean one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata

PYPI = "https://pypi.org/pypi"


def pip_audit() -> tuple[list[str], list[str]]:
    """Vulnerabilities pip-audit found ("name version id" lines), and the names it skipped."""
    out = subprocess.run([sys.executable, "-m", "pip_audit", "--skip-editable", "--progress-spinner", "off",
                          "-f", "json"], capture_output=True, text=True)
    if not out.stdout.strip():
        # pip-audit exits 1 both for "found vulnerabilities" and for its own failures; only the
        # former prints a report.
        sys.exit(f"pip-audit failed:\n{out.stderr}")
    report = json.loads(out.stdout)
    found, skipped = [], []
    for dep in report["dependencies"]:
        if dep.get("skip_reason"):
            if "marked as editable" not in dep["skip_reason"]:
                skipped.append(dep["name"])
            continue
        found += [f"{dep['name']} {dep['version']} {vuln['id']}" for vuln in dep.get("vulns", [])]
    return found, skipped


def newest_release_advisories(name: str) -> tuple[str, list[str]] | None:
    """The newest release's version and advisory ids from the project page, or None if unreachable."""
    try:
        with urllib.request.urlopen(f"{PYPI}/{name}/json", timeout=60) as answer:
            page = json.load(answer)
    except (urllib.error.URLError, TimeoutError, json.JSONDecodeError, OSError):
        return None
    advisories = [v["id"] for v in page.get("vulnerabilities") or [] if not v.get("withdrawn")]
    return page["info"]["version"], advisories


def main() -> int:
    found, skipped = pip_audit()
    audited_here, not_audited = 0, []
    with ThreadPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(newest_release_advisories, skipped))
    for name, newest in zip(skipped, pages, strict=True):
        installed = metadata.version(name)
        if newest is None or newest[0] != installed:
            # An older release's advisories are not on the project page.
            not_audited.append(f"{name} {installed}" + (f" (newest {newest[0]})" if newest else " (unreachable)"))
            continue
        audited_here += 1
        found += [f"{name} {installed} {advisory}" for advisory in newest[1]]
    if skipped:
        print(f"pip-audit could not audit {len(skipped)} dependencies; audited from PyPI's project pages: "
              f"{audited_here}, not audited: {len(not_audited)}")
    else:
        print("pip-audit audited every dependency")
    for line in not_audited:
        print(f"NOT AUDITED: {line}")
    for line in found:
        print(f"VULNERABLE: {line}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
