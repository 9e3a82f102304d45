// Upsert entity nodes of one label. Every entity also carries :Entity, whose
// unique id lets relationships match both ends on one indexed key.
// SET n = props replaces all properties, so a second load changes nothing.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:__LABEL__
SET n = row.props
