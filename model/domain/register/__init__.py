"""The breach register (UK GDPR Art. 33(5), DPA 2018 s.67(6)): its rows, filters, repeat
incidents, statistics, and the tables and documents made from them."""
