// Upsert the source documents.
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
SET n = row.props
