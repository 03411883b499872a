"""Build the legal-text graph of Regulation (EU) 2024/1689 from the EUR-Lex OJ HTML."""
