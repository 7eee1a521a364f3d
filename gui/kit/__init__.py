"""The shared widget kit: style, inputs, one widget per kind of fact, tables, the deadline
view, errors, background tasks, the step protocol and document previews. It imports no
feature folder."""
