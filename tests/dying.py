"""An extractor whose worker process dies on a marked document (for the batch tests).

It lives in an importable module because worker processes are spawned and
build their extractor from its class.
"""

from __future__ import annotations

import datetime as dt
import os

from diplo_events import Extractor
from diplo_events._extractor import Prepared

#: A document holding this ends the process that extracts it.
MARK = "END-THE-WORKER"


class DyingExtractor(Extractor):
    def prepare(self, text: str, published: dt.date | str | None = None) -> Prepared:
        if MARK in text:
            os._exit(1)
        return super().prepare(text, published)
