"""Schedules and rosters: limits over one employee's shifts, staffing and shares, reports."""
