"""Demo data and loopback stand-in servers for the demo, tests and benchmarks (not shipped in the product wheel)."""
