"""What every layer may use: source spans, diagnostics, errors, bounded memories."""
