"""Telling the people affected: the letter and the public notice (sections pre-filled from
the case, edited by the DPO), readability, recipients and their CSV import, the record of
who was told, and the typed letters the merge prints. Pure Python."""
