"""Benchmarks: generate large logs and time rwpk beside jrnl and hledger."""
