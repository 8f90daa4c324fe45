"""Days and times: the calendar of working days and holidays, time zones, intervals."""
