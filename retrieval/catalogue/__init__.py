"""The knowledge base as members and admins browse it: listing, keyword search, upcoming
events (`calendar`), example questions (`examples`) — `browse.Catalogue` — and what comes in and goes
out (`intake.Intake`). May import `answering` and below."""
