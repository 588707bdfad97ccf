"""The core never imports Textual or Rich; the CLI's help stays light."""

import subprocess
import sys

import pytest

CORE = ["casefile.store", "casefile.ingest", "casefile.pipeline", "casefile.model",
        "casefile.datetext", "casefile.textsafe", "casefile.demo", "casefile.extract",
        "casefile.figures", "casefile.match"]


def modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual(module):
    loaded = modules_after(f"import {module}")
    assert "textual" not in loaded and "rich" not in loaded


def test_help_does_not_import_textual():
    code = ("import sys\nfrom casefile.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    loaded = modules_after(code)
    assert "textual" not in loaded
