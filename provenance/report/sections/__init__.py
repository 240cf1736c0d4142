"""One module per section of ``report.html``; each renders HTML from ``PreparedTables``.

Every string from the data passes through :mod:`provenance.report.safe` before the page.
"""
