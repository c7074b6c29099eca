"""Raw postings -> one normalised schema (`schema.PARSED_SCHEMA`).

Entry point: `dispatch.parse_raw_frame`. One module per source (`greenhouse`, `lever`, `ashby`, ...),
registered in `dispatch.PARSERS`; shared pieces: `html` (HTML -> text), `locations`, `vocab`, `dates`,
`payload` (typed reads that fail per posting), `record` (the record and its content hash).
"""
