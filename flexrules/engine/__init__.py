"""Checked trees to evaluators, and deciding shifts with them: facts, runtime, decisions."""
