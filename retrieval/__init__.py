"""Embeddings, FAISS + BM25 indexes, fused ranking, extractive answers and evaluation."""
