"""Vietnamese as members type it: chat shorthand and abbreviations, the kind of answer a
question asks for, the provinces and places a text names. Pure text: imports nothing of retrieval."""
