"""Numbers in Chinese and English: what a quantity is (quantity), how each language writes one
(zh, en) and whether the two sides state the same ones (match)."""
