"""Visitors' search input that means something to a search backend (SQLite FTS5, PostgreSQL tsquery).

Every public list with a `?q=` box is tested with all of it: each must answer 200, never a database error.
"""

SEARCH_SYNTAX = ['"', 'a"b', '"hội đồng', "'", "''", "NEAR(a b)", "a*", "*", "-a", "a OR", "OR", "AND", "NOT", "a NOT b",
    "(", ")", "a AND (", "^", ":", "hoi:dong", "title:x", "{a}", "[a]", "a|b", "&", "!", "\\", "+a", "a & !b",
    "<->", "a:*", "'a' & 'b'", "%", "_", "\u200b", "  \"  \"  ", "x" * 300, "a " * 200]
