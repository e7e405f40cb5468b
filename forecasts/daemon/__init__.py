"""The background service: single-instance lock and the durable state the scheduler keeps.

``lock`` makes sure only one daemon runs against a SQLite database; ``state`` holds the queries
over the daemon's own tables (job runs, heartbeat, marks). The scheduler itself is in
``jobs/scheduler.py``; the jobs it runs are the thin functions in ``jobs/``.
"""
