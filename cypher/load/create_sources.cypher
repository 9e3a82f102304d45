// First load into an empty store: create the source documents, no lookup.
UNWIND $rows AS props
CREATE (n:Source)
SET n = props
