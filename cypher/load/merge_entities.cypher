// Upsert entity nodes of one label; each row is the node's property map. Every
// entity also carries :Entity, whose unique id lets relationships match both ends
// on one indexed key. SET n = props replaces all properties, so a second load
// changes nothing.
UNWIND $rows AS props
MERGE (n:Entity {id: props.id})
SET n:__LABEL__
SET n = props
