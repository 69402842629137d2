"""The searchable knowledge base: the embedding model (ONNX or sentence-transformers), accent
restoring, BM25 over folded syllables, FAISS, versioned builds and the overlay of recent changes,
the fused search, and `keeper.IndexKeeper`, which keeps the serving index in step with the store.
May import `language`, `fitting`."""
