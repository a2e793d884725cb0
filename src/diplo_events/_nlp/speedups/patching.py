"""How a speed-up replaces a piece of stanza: on one loaded object, once, if it fits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["patch_predict"]


def patch_predict(
    target: Any, supported: Callable[[Any], bool], make: Callable[[Any, Any], Any]
) -> bool:
    """Give ``target`` the instance attribute ``predict = make(target, target.predict)``.

    Only where ``supported(target)`` and only once: False, changing nothing,
    for a missing target, one this was not written for, or one already
    patched.  stanza's class and its other instances stay untouched.
    """
    if target is None or not supported(target) or "predict" in vars(target):
        return False
    target.predict = make(target, target.predict)
    return True
