"""Policy text to checked syntax trees: keywords, parser, syntax errors, AST, checks."""
