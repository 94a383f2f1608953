"""Review use cases, one module per subject (callers import the module they need):

- `target`: the account review talks to, who we are there, the client for it
- `sync`: one round of sync; merging an incoming version into the open article
- `workflow`: moves (submit, approve, return…), the inbox, the review panels' state
- `comments`: comments and replies, resolving them
- `conflicts`: open conflicts, both versions side by side, resolving
- `changes`: what changed since a revision, or since I last looked
- `presence`: "editing now" marks on the service
"""
