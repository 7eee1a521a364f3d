"""The People affected step: the letter and notice editors with readability, recipients,
the merge and the record of who was told."""
