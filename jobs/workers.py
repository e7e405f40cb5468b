"""Worker processes that never outlive the process that started them.

A poll parses feeds in a pool of spawned processes. If the poll dies without shutting the pool
down (kill -9, the OOM killer, or SIGTERM from `timeout` under cron, whose default action ends
the process at once), its workers would be re-parented to init and live on, ~130 MB each, with
the multiprocessing resource tracker beside them. So each worker watches its parent: a thread
started by the pool's initializer checks twice a second that the parent is still the process
that started it and, once it is not, ends the worker. The resource tracker then sees its pipe
close and exits too. Polling ``getppid`` is portable and, unlike ``PR_SET_PDEATHSIG``, does not
fire when merely the parent's *thread* that spawned the worker ends.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

WATCH_SECONDS = 0.5


def exit_with_parent(parent_pid: int) -> None:
    """Pool initializer: end this process as soon as ``parent_pid`` is no longer its parent."""
    if os.getppid() != parent_pid:
        os._exit(0)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(WATCH_SECONDS)
        os._exit(0)  # no cleanup to do: a parser holds no files, locks or transactions

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes, each ending when this process does."""
    # spawn, not fork: forking a process that runs threads (DNS, the DB writer) can copy a held
    # lock into the child.
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with_parent,
        initargs=(os.getpid(),),
    )
