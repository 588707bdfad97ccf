"""The Markdown brief: options → render (pure text built from the store's reads) → write.

    from casefile.brief import BriefOptions, render, write_brief
    brief = render(case, BriefOptions(title="ISIS in Syria, 2025"))
    path = write_brief(case, brief, "exports", force=False)

`casefile.brief.html.html_brief(brief)` is the same brief as one self-contained HTML file
(`write_brief` writes either). No Textual or Rich here: the CLI command and the app's dialog both
call these.
"""

from casefile.brief.files import BriefExists, brief_filename, slugify, write_brief
from casefile.brief.options import BriefOptions
from casefile.brief.render import Brief, EmptyBrief, render

__all__ = ["Brief", "BriefExists", "BriefOptions", "EmptyBrief", "brief_filename", "render", "slugify",
           "write_brief"]
