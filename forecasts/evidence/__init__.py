"""Evidence: which items may bear on which claims (candidates), and the judge of each pair."""
