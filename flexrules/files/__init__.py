"""Reading people, shifts and leave from the files agencies keep (CSV, JSON)."""
