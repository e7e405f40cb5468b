"""Scale-out on PostgreSQL: leases that share work between daemons, once-only work, db copy.

``store.leases`` (named expiring rights to work: feeds, claims, jobs) -> ``once`` (work done exactly
once, e.g. the monthly report) -> ``keeper`` (hold a lease for the length of a job, renewing it
in the background) ; ``copy`` moves a whole database between engines (SQLite -> PostgreSQL).
"""
