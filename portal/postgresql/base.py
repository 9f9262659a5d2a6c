"""Django's PostgreSQL backend, with a health check that sends no query.

Django's own check (CONN_HEALTH_CHECKS) sends `SELECT 1` before the first query of
each request on a kept connection: a whole round trip to the database for every
page that reads from it. A connection the server has closed (a restart, an
administrator, an idle timeout) has something waiting on its socket: the server's
last message, or the end of the stream. A healthy idle connection has nothing
waiting. So the check looks at the socket without waiting, and a connection with
anything on it is replaced before it is used, as Django replaces one that fails
`SELECT 1`.
"""

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        raw = self.connection
        status = getattr(base.Database, "extensions", None)  # psycopg2's constants
        if raw is None or status is None:
            return super().is_usable()
        if raw.closed:
            return False
        if raw.get_transaction_status() != status.TRANSACTION_STATUS_IDLE:
            # Mid-transaction or mid-query, where the socket may hold an answer.
            return super().is_usable()
        waiting = select.poll()
        waiting.register(raw.fileno(), select.POLLIN)
        return not waiting.poll(0)
