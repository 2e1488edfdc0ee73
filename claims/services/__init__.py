"""Services: every rule about changing the data lives here.

Each function takes a Session and never commits: the caller (a CLI command, a
test, the seed loader) owns the transaction, so a multi-step change is atomic.
Each change is written to the audit log in the same transaction.
"""
