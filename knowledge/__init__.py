"""Articles in: loading, Vietnamese cleaning, chunking, facts and the durable store."""
