// Upsert the source documents; each row is the node's property map.
UNWIND $rows AS props
MERGE (n:Source {id: props.id})
SET n = props
