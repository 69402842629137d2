"""What the union answers itself: hỏi đáp entries matched by a fitted model (`faq`, with
`faq_match.json` beside it), a member's own case recognised and routed to people (`advice`), and
`desk.HoiDap`, which settles a news answer against both. May import `answering` and below."""
