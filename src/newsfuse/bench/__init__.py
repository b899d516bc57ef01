"""Benchmark tasks scored by ``newsfuse bench TASK --data FILE``."""
