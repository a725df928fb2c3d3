"""A stand-in for ``pipeline.process.process_path`` whose worker process dies on one file.

It lives in its own importable module because the batch pickles the worker function by name and
the forkserver's fresh worker processes must be able to import it.
"""

from __future__ import annotations

import os

from pipeline.process import PipelineConfig, process_path

CRASH_MARKER = "dies-here"


def process_path_or_die(path: str, config: PipelineConfig):
    if CRASH_MARKER in os.path.basename(path):
        # what a segfault in a C extension or the kernel's out-of-memory killer does: no
        # exception, no result, the process is gone and its pool is broken
        os._exit(70)
    return process_path(path, config)
