"""Language knowledge: numerals, units, scripts and footnote markers (no rule logic)."""
