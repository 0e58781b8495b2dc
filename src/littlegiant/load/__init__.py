"""Reading: YAML, rule files, the calendar, profiles, tables, formulas. Knows nothing of scoring or words."""
